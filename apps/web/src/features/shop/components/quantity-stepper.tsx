import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_QUANTITY, MIN_QUANTITY, parseQuantity, stepQuantity } from '../lib/quantity';

interface QuantityStepperProps {
  /** What the server says the line holds. */
  quantity: number;
  /** The product's name, so "Quantity" is clear to a screen reader among many lines. */
  itemName: string;
  /** A change is on its way: further clicks wait. Not `disabled`, which would take the keyboard focus away. */
  busy: boolean;
  onChange: (quantity: number) => void;
  testId: string;
}

/** − [n] +, 1 to 999. A typed number is sent when the field is left or Enter is pressed, not at every key. */
export function QuantityStepper({ quantity, itemName, busy, onChange, testId }: QuantityStepperProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(String(quantity));
  // The server's answer wins (a change refused, or made in another tab).
  useEffect(() => setText(String(quantity)), [quantity]);

  const commit = () => {
    const next = parseQuantity(text);
    if (next === null) {
      setText(String(quantity));
      return;
    }
    setText(String(next));
    if (next !== quantity && !busy) onChange(next);
  };
  const step = (by: 1 | -1) => {
    const next = stepQuantity(quantity, by);
    if (!busy && next !== quantity) onChange(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    commit();
  };

  return (
    <form onSubmit={submit} className="wg-stepper-form">
      <label htmlFor={id} className="wg-vh">
        {t('shop.cart.quantityOf', { name: itemName })}
      </label>
      <div className="wg-stepper">
        <button
          type="button"
          aria-label={t('shop.cart.decrease', { name: itemName })}
          aria-disabled={busy || quantity <= MIN_QUANTITY}
          onClick={() => step(-1)}
          data-testid={`${testId}-dec`}
        >
          −
        </button>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={MIN_QUANTITY}
          max={MAX_QUANTITY}
          step={1}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          onBlur={commit}
          data-testid={testId}
        />
        <button
          type="button"
          aria-label={t('shop.cart.increase', { name: itemName })}
          aria-disabled={busy || quantity >= MAX_QUANTITY}
          onClick={() => step(1)}
          data-testid={`${testId}-inc`}
        >
          +
        </button>
      </div>
    </form>
  );
}

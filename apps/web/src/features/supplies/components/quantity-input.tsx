import { MAX_ORDER_QUANTITY } from '@kontor/contracts';
import { NumberInput, type NumberInputProps } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import type { LineProblem } from '../api/order-draft';

interface QuantityInputProps extends Omit<NumberInputProps, 'value' | 'onChange'> {
  value: number;
  onChange: (quantity: number) => void;
}

const asNumber = (shown: string | number) => (typeof shown === 'number' ? shown : Number(shown) || 0);

/**
 * A whole-number quantity. It is not clamped: a 0 typed stays 0 and the form says why it cannot be ordered,
 * rather than silently changing what the person typed. An emptied field counts as 0 while it stays empty.
 */
export function QuantityInput({ value, onChange, ...props }: QuantityInputProps) {
  const [shown, setShown] = useState<string | number>(value);
  const [seen, setSeen] = useState(value);
  // Follow changes from outside (the same article added again) without overwriting what is being typed.
  if (seen !== value) {
    setSeen(value);
    if (asNumber(shown) !== value) setShown(value);
  }
  return (
    <NumberInput
      {...props}
      value={shown}
      onChange={(next) => {
        setShown(next);
        onChange(asNumber(next));
      }}
      min={1}
      max={MAX_ORDER_QUANTITY}
      clampBehavior="none"
      allowDecimal={false}
      allowNegative={false}
      inputMode="numeric"
    />
  );
}

/** Why a line cannot be ordered as it is, in the words the server's own check would be shown in. */
export function lineProblemText(t: TFunction, problem: LineProblem): string {
  if (problem === 'inactive') return t('supplies.article.inactiveHint');
  if (problem === 'notWhole') return t('supplies.cart.wholeNumber');
  if (problem === 'tooSmall') return t('validation.numberTooSmall', { minimum: 1 });
  return t('validation.numberTooBig', { maximum: MAX_ORDER_QUANTITY });
}

import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LineProblem } from '../lib/shop-problems';
import type { CartLine } from '../lib/shop-types';
import { QuantityStepper } from './quantity-stepper';
import { shopCodeText } from './shop-problem';
import { UnitPrice } from './unit-price';
import { useShopFormat } from './use-shop-format';

interface CartLineItemProps {
  line: CartLine;
  currency: string;
  busy: boolean;
  /** What the last checkout said about this line (not enough in stock…). */
  problem?: LineProblem;
  onQuantity: (quantity: number) => void;
  onRemove: () => void;
}

/** Options as the customer chose them: "13 1/4 x 17 · Aluminium". */
export const optionText = (values: Record<string, string>) => Object.values(values).filter(Boolean).join(' · ');

/** Whether the stock covers the line, and if not what happens: backorder ships later, out of stock stops checkout. */
export function AvailabilityNote({ line }: { line: CartLine }) {
  const { t } = useTranslation();
  const { status, onHand } = line.availability;
  if (status === 'backorder')
    return (
      <p className="wg-warn" data-testid={`cart-availability-${line.sku}`} data-availability="backorder">
        {onHand > 0 ? t('shop.cart.backorderPart', { count: onHand }) : t('shop.cart.backorder')}
      </p>
    );
  if (status === 'out_of_stock')
    return (
      <p className="wg-error-text" data-testid={`cart-availability-${line.sku}`} data-availability="out_of_stock">
        {onHand > 0 ? t('shop.cart.onlyInStock', { count: onHand }) : t('shop.cart.outOfStock')}
      </p>
    );
  return null;
}

export function CartLineItem({ line, currency, busy, problem, onQuantity, onRemove }: CartLineItemProps) {
  const { t } = useTranslation();
  const format = useShopFormat();
  const options = optionText(line.optionValues);
  return (
    <li className="wg-line" data-testid={`cart-line-${line.sku}`} data-sku={line.sku}>
      <div>
        <p className="wg-line-name">{line.name}</p>
        {options ? <p className="wg-line-meta">{options}</p> : null}
        <p className="wg-line-meta">
          {t('shop.cart.sku')} {line.sku}
        </p>
        <UnitPrice line={line} currency={currency} />
        {line.bulky ? <p className="wg-line-meta">{t('shop.cart.bulky')}</p> : null}
        {problem ? null : <AvailabilityNote line={line} />}
        {problem ? (
          <p className="wg-error-text" role="alert" data-testid={`cart-line-problem-${line.sku}`}>
            {problem.available !== null
              ? t('shop.cart.onlyInStock', { count: problem.available })
              : (shopCodeText(t, problem.code) ?? t('shop.problems.line'))}
          </p>
        ) : null}
      </div>
      <div className="wg-line-total" data-testid={`cart-line-total-${line.sku}`}>
        {format.money(line.lineTotalMinor, currency)}
      </div>
      <div className="wg-line-controls">
        <QuantityStepper
          quantity={line.quantity}
          itemName={line.name}
          busy={busy}
          onChange={onQuantity}
          testId={`cart-qty-${line.sku}`}
        />
        <Button
          variant="subtle"
          color="red"
          onClick={onRemove}
          aria-label={t('shop.cart.removeItem', { name: line.name })}
          data-testid={`cart-remove-${line.sku}`}
          mih={44}
        >
          {t('shop.cart.remove')}
        </Button>
      </div>
    </li>
  );
}

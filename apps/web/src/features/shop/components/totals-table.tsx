import { useTranslation } from 'react-i18next';
import { type VatRow, vatRows } from '../lib/totals';
import { useShopFormat } from './use-shop-format';

export interface TotalsTableProps {
  currency: string;
  subtotalMinor: number;
  /** The cart's discounts carry their id; an order's one discount row needs none. */
  discounts: Array<{ id?: string; label: string; amountMinor: number }>;
  /** null: shipping is chosen at checkout; undefined: no shipping row at all. */
  shipping?: { label: string; amountMinor: number } | null;
  totalMinor: number;
  vatByRate: VatRow[];
  testId: string;
}

/** Goods, discounts, shipping, the total and the VAT it includes per rate (Swedish receipts list VAT per rate). */
export function TotalsTable(props: TotalsTableProps) {
  const { t } = useTranslation();
  const format = useShopFormat();
  const money = (minor: number) => format.money(minor, props.currency);
  return (
    <table className="wg-totals" data-testid={props.testId}>
      <caption className="wg-vh">{t('shop.totals.caption')}</caption>
      <tbody>
        <tr>
          <th scope="row">{t('shop.totals.subtotal')}</th>
          <td data-testid={`${props.testId}-subtotal`}>{money(props.subtotalMinor)}</td>
        </tr>
        {props.discounts.map((discount) => (
          <tr key={discount.id ?? discount.label}>
            <th scope="row">{discount.label}</th>
            <td className="wg-sale" data-testid={`${props.testId}-discount`}>
              {money(-Math.abs(discount.amountMinor))}
            </td>
          </tr>
        ))}
        {props.shipping === null ? (
          <tr>
            <th scope="row">{t('shop.totals.shipping')}</th>
            <td className="wg-muted">{t('shop.totals.shippingAtCheckout')}</td>
          </tr>
        ) : props.shipping ? (
          <tr>
            <th scope="row">{props.shipping.label}</th>
            <td data-testid={`${props.testId}-shipping`}>{money(props.shipping.amountMinor)}</td>
          </tr>
        ) : null}
        <tr className="wg-grand">
          <th scope="row">{t('shop.totals.total')}</th>
          <td data-testid={`${props.testId}-total`}>{money(props.totalMinor)}</td>
        </tr>
        {vatRows(props.vatByRate).map((row) => (
          <tr key={row.rateBp} className="wg-vat">
            <th scope="row">{t('shop.totals.vatAt', { rate: format.rate(row.rateBp) })}</th>
            <td data-testid={`${props.testId}-vat-${row.rateBp}`}>{money(row.vatMinor)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import type { ShippingOption, ShopCart } from './shop-types';

export interface VatRow {
  rateBp: number;
  vatMinor: number;
}

/** VAT rows summed per rate, highest rate first, rates without VAT left out (as a receipt lists them). */
export function vatRows(rows: VatRow[]): VatRow[] {
  const byRate = new Map<number, number>();
  for (const row of rows) byRate.set(row.rateBp, (byRate.get(row.rateBp) ?? 0) + row.vatMinor);
  return [...byRate]
    .map(([rateBp, vatMinor]) => ({ rateBp, vatMinor }))
    .filter((row) => row.vatMinor !== 0)
    .sort((a, b) => b.rateBp - a.rateBp);
}

/**
 * What the checkout's summary shows before the order is placed: the cart's goods (after discounts) plus the chosen
 * shipping, VAT per rate with the shipping's own VAT added at its rate. Only shown; the server prices the order
 * itself and its answer is what the customer pays.
 */
export function checkoutTotals(totals: ShopCart['totals'], shipping: ShippingOption | null) {
  const shippingMinor = shipping?.amountMinor ?? 0;
  return {
    totalMinor: totals.totalMinor + shippingMinor,
    vatByRate: vatRows([
      ...totals.vatByRate,
      ...(shipping ? [{ rateBp: shipping.vatRateBp, vatMinor: shipping.vatMinor }] : []),
    ]),
    vatMinor: totals.vatMinor + (shipping?.vatMinor ?? 0),
  };
}

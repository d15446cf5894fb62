import { describe, expect, it } from 'vitest';
import type { ShippingOption, ShopCart } from './shop-types';
import { checkoutTotals, vatRows } from './totals';

const totals: ShopCart['totals'] = {
  itemCount: 3,
  subtotalMinor: 150_000,
  discountMinor: 10_000,
  totalMinor: 140_000,
  vatMinor: 26_800,
  vatByRate: [
    { rateBp: 2500, baseMinor: 104_000, vatMinor: 26_000 },
    { rateBp: 600, baseMinor: 13_334, vatMinor: 800 },
  ],
  weightGrams: 4200,
  bulky: false,
};

const parcel: ShippingOption = {
  code: 'postnord-parcel',
  kind: 'parcel',
  carrier: 'PostNord',
  name: 'PostNord parcel',
  description: '',
  scheduled: false,
  amountMinor: 9_900,
  vatRateBp: 2500,
  vatMinor: 1_980,
};

describe('checkoutTotals', () => {
  it('adds shipping and its VAT at its own rate', () => {
    expect(checkoutTotals(totals, parcel)).toEqual({
      totalMinor: 149_900,
      vatMinor: 28_780,
      vatByRate: [
        { rateBp: 2500, vatMinor: 27_980 },
        { rateBp: 600, vatMinor: 800 },
      ],
    });
  });

  it('is the cart alone before a shipping option is chosen', () => {
    expect(checkoutTotals(totals, null).totalMinor).toBe(140_000);
  });
});

describe('vatRows', () => {
  it('sums per rate, highest first, and drops empty rates', () => {
    expect(
      vatRows([
        { rateBp: 600, vatMinor: 100 },
        { rateBp: 2500, vatMinor: 500 },
        { rateBp: 600, vatMinor: 50 },
        { rateBp: 1200, vatMinor: 0 },
      ]),
    ).toEqual([
      { rateBp: 2500, vatMinor: 500 },
      { rateBp: 600, vatMinor: 150 },
    ]);
  });
});

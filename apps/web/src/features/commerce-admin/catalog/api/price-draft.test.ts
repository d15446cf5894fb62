import { describe, expect, it } from 'vitest';
import { type PriceRow, priceChanges, tierInputs, variantPricesOf } from './price-draft';

const exponentOf = (currency: string) => (currency === 'JPY' ? 0 : 2);

describe('price tiers as edited', () => {
  const rows = [
    {
      id: 'b',
      priceListId: 'retail',
      priceListCode: 'retail',
      variantId: 'v',
      currency: 'SEK',
      amountMinor: 119900,
      minQuantity: 5,
      validFrom: null,
      validTo: null,
    },
    {
      id: 'a',
      priceListId: 'retail',
      priceListCode: 'retail',
      variantId: 'v',
      currency: 'SEK',
      amountMinor: 129900,
      minQuantity: 1,
      validFrom: null,
      validTo: null,
    },
    {
      id: 'c',
      priceListId: 'sale',
      priceListCode: 'summer',
      variantId: 'v',
      currency: 'SEK',
      amountMinor: 99900,
      minQuantity: 1,
      validFrom: null,
      validTo: null,
    },
  ];

  it('groups rows per list and currency, tiers by quantity, amounts in major units', () => {
    const prices = variantPricesOf(rows, exponentOf);
    expect(prices.retail?.SEK?.map((tier) => [tier.minQuantity, tier.amount])).toEqual([
      [1, '1299.00'],
      [5, '1199.00'],
    ]);
    expect(prices.sale?.SEK).toHaveLength(1);
  });

  it('reads tiers to minor units and drops rows left empty', () => {
    const read = tierInputs(
      [
        { key: 'a', amount: '1299', minQuantity: 1, validFrom: '', validTo: '' },
        { key: 'b', amount: '', minQuantity: 10, validFrom: '', validTo: '' },
      ],
      2,
    );
    expect(read).toEqual({
      ok: true,
      prices: [{ amountMinor: 129900, minQuantity: 1, validFrom: null, validTo: null }],
    });
    expect(tierInputs([{ key: 'a', amount: '5', minQuantity: '', validFrom: '', validTo: '' }], 2)).toEqual({
      ok: false,
      invalid: ['a.minQuantity'],
    });
  });

  it('finds the list and currency a person changed, not those only re-typed the same', () => {
    const original = { v: variantPricesOf(rows, exponentOf) };
    const same = { v: variantPricesOf(rows, exponentOf) };
    const first = same.v.retail?.SEK?.[0];
    if (first) first.amount = '1 299,00';
    expect(priceChanges(original, same, ['retail'], exponentOf)).toEqual([]);
    const changed = { v: variantPricesOf(rows, exponentOf) };
    changed.v.retail = {
      ...changed.v.retail,
      EUR: [{ key: 'n', amount: '119', minQuantity: 1, validFrom: '', validTo: '' }],
    };
    expect(priceChanges(original, changed, ['retail'], exponentOf).map((c) => c.currency)).toEqual(['EUR']);
  });

  it('holds a validity window as the shop’s wall clock and sends it as an instant', () => {
    const windowed: PriceRow[] = rows
      .slice(1, 2)
      .map((row) => ({ ...row, id: 'w', validFrom: '2026-06-01T08:30:00.000Z' }));
    const tier = variantPricesOf(windowed, exponentOf).retail?.SEK?.[0];
    expect(tier?.validFrom).toBe('2026-06-01T10:30');
    const read = tierInputs(tier ? [tier] : [], 2);
    expect(read.ok && read.prices[0]?.validFrom).toBe('2026-06-01T08:30:00.000Z');
  });
});

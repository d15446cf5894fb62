import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../app/api-client';
import { groupListPrices, likelyVariant, priceFormProblems, tiersAfter } from './list-prices';
import type { ListPrice } from './prices-api';
import { problemPaths } from './problem-paths';

const price = (id: string, sku: string, currency: string, amountMinor: number, minQuantity = 1): ListPrice => ({
  id,
  priceListId: 'sale',
  priceListCode: 'vinterrea',
  variantId: `variant-${sku}`,
  sku,
  productId: `product-${sku}`,
  productName: { sv: `Produkt ${sku}` },
  currency,
  amountMinor,
  minQuantity,
  validFrom: null,
  validTo: null,
});

const collator = new Intl.Collator('sv', { numeric: true });

describe('a price list’s prices', () => {
  it('groups them by variant and currency, by SKU in the language’s order, tiers by quantity', () => {
    const groups = groupListPrices(
      [
        price('a', 'PROP-10', 'SEK', 90_000, 10),
        price('b', 'PROP-9', 'SEK', 99_000),
        price('c', 'PROP-10', 'SEK', 95_000),
        price('d', 'PROP-10', 'EUR', 8_900),
      ],
      collator,
    );
    expect(groups.map((group) => `${group.sku} ${group.currency}`)).toEqual([
      'PROP-9 SEK',
      'PROP-10 EUR',
      'PROP-10 SEK',
    ]);
    expect(groups[2]?.rows.map((row) => row.id)).toEqual(['c', 'a']);
  });

  const rows = [price('a', 'P', 'SEK', 95_000), price('b', 'P', 'SEK', 90_000, 10)];
  const tier = { key: 'new', amount: '849,50', minQuantity: 5 as const, validFrom: '', validTo: '' };

  it('adds a tier after those stored, which go back exactly as they were', () => {
    const withStart = [{ ...rows[0], validFrom: '2026-06-01T08:30:15.000Z' } as ListPrice];
    expect(tiersAfter(withStart, { kind: 'put', tier }, 2)).toEqual({
      ok: true,
      index: 1,
      prices: [
        { amountMinor: 95_000, minQuantity: 1, validFrom: '2026-06-01T08:30:15.000Z', validTo: null },
        { amountMinor: 84_950, minQuantity: 5, validFrom: null, validTo: null },
      ],
    });
  });

  it('replaces the row it edits, and removes one', () => {
    const edited = tiersAfter(rows, { kind: 'put', tier: { ...tier, key: 'a', minQuantity: 1 } }, 2);
    expect(edited.ok && edited.prices.map((p) => p.amountMinor)).toEqual([90_000, 84_950]);
    expect(tiersAfter(rows, { kind: 'remove', key: 'b' }, 2)).toEqual({
      ok: true,
      index: -1,
      prices: [{ amountMinor: 95_000, minQuantity: 1, validFrom: null, validTo: null }],
    });
  });

  it('names the fields it cannot read, an empty amount among them', () => {
    const bad = tiersAfter(rows, { kind: 'put', tier: { ...tier, amount: '8,495', minQuantity: '' } }, 2);
    expect(bad.ok ? [] : Object.keys(bad.problems).sort()).toEqual(['amount', 'minQuantity']);
    const empty = tiersAfter(rows, { kind: 'put', tier: { ...tier, amount: ' ' } }, 2);
    expect(empty.ok ? null : empty.problems.amount?.code).toBe('invalid_amount');
  });

  it('puts the server’s field errors next to the form’s fields', () => {
    const error = new ApiError({
      type: 'about:blank',
      title: 'Invalid',
      status: 422,
      detail: '',
      code: 'commerce.invalid_catalog',
      instance: '',
      requestId: '',
      errors: [
        { path: 'body.prices.1.validTo', message: 'must be after validFrom', code: 'invalid_window' },
        { path: 'body.prices.1.amountMinor', message: 'too big', code: 'too_big' },
        { path: 'body.prices.0.minQuantity', message: 'not this one', code: 'price_repeated' },
        { path: 'body.currency', message: 'unknown', code: 'unknown_currency' },
      ],
    });
    const problems = priceFormProblems(problemPaths(error), 1);
    expect(Object.fromEntries(Object.entries(problems).map(([field, e]) => [field, e.code]))).toEqual({
      amount: 'too_big',
      validTo: 'invalid_window',
      currency: 'unknown_currency',
    });
  });

  it('picks the variant whose SKU was searched for, else the first one sold', () => {
    const variants = [
      { sku: 'LEW-DELTA-4', active: false },
      { sku: 'LEW-DELTA-6', active: true },
      { sku: 'LEW-DELTA-10', active: true },
    ];
    expect(likelyVariant(variants, ' lew-delta-10 ')?.sku).toBe('LEW-DELTA-10');
    expect(likelyVariant(variants, 'Lewmar')?.sku).toBe('LEW-DELTA-6');
    expect(likelyVariant([], 'x')).toBeUndefined();
  });
});

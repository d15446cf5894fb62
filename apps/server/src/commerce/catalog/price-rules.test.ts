import { describe, expect, it } from 'vitest';
import {
  type ApplicablePrice,
  consumerPrice,
  type HistoryPoint,
  lowestPrice30d,
  stockholmDay,
  volumeTiers,
} from './price-rules.js';

const retail = (amountMinor: number, minQuantity = 1): ApplicablePrice => ({
  listId: 'retail',
  kind: 'retail',
  priority: 0,
  minQuantity,
  amountMinor,
  validFrom: null,
});
const sale = (listId: string, amountMinor: number, priority = 0, minQuantity = 1): ApplicablePrice => ({
  listId,
  kind: 'sale',
  priority,
  minQuantity,
  amountMinor,
  validFrom: null,
});
const day = (iso: string) => new Date(`${iso}T10:00:00Z`);
const point = (iso: string, amountMinor: number, regularMinor: number): HistoryPoint => ({
  amountMinor,
  regularMinor,
  effectiveFrom: day(iso),
});

describe('consumer prices', () => {
  it('takes the retail tier for the quantity, and a running sale price when it is lower', () => {
    const rows = [retail(1000), retail(900, 10), sale('winter', 800)];
    expect(consumerPrice(rows, 1)).toEqual({ unitPriceMinor: 800, regularPriceMinor: 1000, saleListId: 'winter' });
    // The sale list has no tier for 10: its tier for 1 still applies, and beats the retail tier of 900.
    expect(consumerPrice(rows, 10)).toEqual({ unitPriceMinor: 800, regularPriceMinor: 900, saleListId: 'winter' });
    expect(consumerPrice([retail(1000), retail(700, 10), sale('winter', 800)], 12)?.unitPriceMinor).toBe(700);
  });

  it('prefers the sale list of higher priority, then the lower price, and never raises a price', () => {
    expect(consumerPrice([retail(1000), sale('a', 700, 1), sale('b', 900, 5)], 1)?.saleListId).toBe('b');
    expect(consumerPrice([retail(1000), sale('a', 700, 5), sale('b', 900, 5)], 1)?.saleListId).toBe('a');
    expect(consumerPrice([retail(1000), sale('a', 1200, 5)], 1)).toEqual({
      unitPriceMinor: 1000,
      regularPriceMinor: 1000,
      saleListId: null,
    });
    expect(consumerPrice([], 1)).toBeUndefined();
    expect(volumeTiers([retail(1000), retail(900, 10), retail(800, 50)])).toEqual([
      { minQuantity: 10, unitPriceMinor: 900 },
      { minQuantity: 50, unitPriceMinor: 800 },
    ]);
  });
});

describe('the lowest price of the 30 days before a reduction (prisinformationslagen 7 a §)', () => {
  const now = day('2026-03-10');

  it('is null when the price is not reduced', () => {
    expect(
      lowestPrice30d([point('2026-01-01', 1000, 1000)], now, { unitPriceMinor: 1000, regularPriceMinor: 1000 }),
    ).toBe(null);
  });

  it('looks back 30 days from when the reduction began, not from today', () => {
    const history = [
      point('2025-12-01', 900, 900), // in effect on 2026-02-01, 30 days before the sale
      point('2026-02-10', 1000, 1000), // raised 23 days before the sale
      point('2026-03-03', 700, 1000), // the sale begins
    ];
    expect(lowestPrice30d(history, now, { unitPriceMinor: 700, regularPriceMinor: 1000 })).toBe(900);
  });

  it('ignores a price that ended before the window began', () => {
    const history = [
      point('2025-11-01', 600, 600), // ended 2026-01-15, more than 30 days before the sale
      point('2026-01-15', 1000, 1000),
      point('2026-03-03', 700, 1000),
    ];
    expect(lowestPrice30d(history, now, { unitPriceMinor: 700, regularPriceMinor: 1000 })).toBe(1000);
  });

  it('keeps the reference of a campaign that lowers its price in steps', () => {
    const history = [
      point('2026-01-01', 1000, 1000),
      point('2026-02-20', 800, 1000), // first step
      point('2026-03-05', 600, 1000), // second step: the reference is still the price before the first
    ];
    expect(lowestPrice30d(history, now, { unitPriceMinor: 600, regularPriceMinor: 1000 })).toBe(1000);
  });

  it('counts an earlier campaign inside the window, and begins today when history lags', () => {
    const history = [
      point('2026-01-01', 1000, 1000),
      point('2026-02-01', 750, 1000), // an earlier campaign …
      point('2026-02-15', 1000, 1000), // … ended 23 days ago
    ];
    expect(lowestPrice30d(history, now, { unitPriceMinor: 800, regularPriceMinor: 1000 })).toBe(750);
    expect(lowestPrice30d([], now, { unitPriceMinor: 800, regularPriceMinor: 1000 })).toBe(1000);
  });
});

describe('days', () => {
  it('tells the shop’s day in Stockholm, across midnight and summer time', () => {
    expect(stockholmDay(new Date('2026-03-31T21:59:00Z'))).toBe('2026-03-31');
    expect(stockholmDay(new Date('2026-03-31T22:00:00Z'))).toBe('2026-04-01');
    expect(stockholmDay(new Date('2026-01-31T23:30:00Z'))).toBe('2026-02-01');
  });
});

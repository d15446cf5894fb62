import { describe, expect, it } from 'vitest';
import { addDays, defaultPeriod, fillDays, shopDay } from './report-period';

describe('report periods', () => {
  it('takes the day from Stockholm, not UTC', () => {
    // 23:30 UTC on 31 March is already 1 April in Stockholm (summer time).
    expect(shopDay(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
  });

  it('adds days across month ends', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('defaults to the last 30 days including today', () => {
    expect(defaultPeriod(new Date('2026-12-03T12:00:00Z'))).toEqual({
      from: '2026-11-04',
      to: '2026-12-03',
      currency: 'SEK',
    });
  });

  it('fills quiet days with zeroes and keeps the figures it has', () => {
    const rows = fillDays('2026-12-01', '2026-12-03', [{ day: '2026-12-02', n: 5 }], (day) => ({ day, n: 0 }));
    expect(rows).toEqual([
      { day: '2026-12-01', n: 0 },
      { day: '2026-12-02', n: 5 },
      { day: '2026-12-03', n: 0 },
    ]);
    expect(fillDays('2026-12-03', '2026-12-01', [], (day) => ({ day }))).toEqual([]);
  });
});

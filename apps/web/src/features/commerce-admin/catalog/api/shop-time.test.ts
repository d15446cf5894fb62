import { describe, expect, it } from 'vitest';
import { formatShopTime, isoToShopInput, shopInputToIso } from './shop-time';

describe('windows on the shop’s clock (Stockholm)', () => {
  it('shows an instant as Stockholm’s wall clock, summer and winter', () => {
    expect(isoToShopInput('2026-06-01T08:30:00.000Z')).toBe('2026-06-01T10:30');
    expect(isoToShopInput('2026-01-15T23:15:00.000Z')).toBe('2026-01-16T00:15');
    expect(isoToShopInput(null)).toBe('');
    expect(isoToShopInput('not a date')).toBe('');
  });

  it('reads a typed wall clock as the instant it is in Stockholm', () => {
    expect(shopInputToIso('2026-06-01T10:30')).toBe('2026-06-01T08:30:00.000Z');
    expect(shopInputToIso('2026-01-16T00:15')).toBe('2026-01-15T23:15:00.000Z');
    expect(shopInputToIso('2026-06-01T10:30:15')).toBe('2026-06-01T08:30:15.000Z');
  });

  it('round-trips every instant it shows', () => {
    for (const iso of [
      '2026-03-29T00:59:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-10-25T01:30:00.000Z',
      '2026-07-01T21:59:00.000Z',
    ]) {
      expect(shopInputToIso(isoToShopInput(iso))).toBe(iso);
    }
  });

  it('reads the hour summer time skips as past the change, and the hour shown twice as the second', () => {
    // 29 March 2026: clocks go from 02:00 to 03:00.
    expect(isoToShopInput(shopInputToIso('2026-03-29T02:30'))).toBe('2026-03-29T03:30');
    // 25 October 2026: 02:30 happens in summer time and again in winter time.
    expect(shopInputToIso('2026-10-25T02:30')).toBe('2026-10-25T01:30:00.000Z');
  });

  it('takes no nonsense and no empty field', () => {
    expect(shopInputToIso('')).toBeNull();
    expect(shopInputToIso('2026-02-31T10:00')).toBeNull();
    expect(shopInputToIso('tomorrow')).toBeNull();
  });

  it('formats on the shop’s clock in the user’s language', () => {
    expect(formatShopTime('sv', '2026-06-01T08:30:00.000Z')).toContain('10:30');
    expect(formatShopTime('en', '2026-06-01T08:30:00.000Z')).toMatch(/10:30/);
  });
});

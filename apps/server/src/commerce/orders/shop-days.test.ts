import { describe, expect, it } from 'vitest';
import { dayRange, nextDay, startOfDay } from './shop-days.js';

describe('shop days (Europe/Stockholm)', () => {
  it('begins a winter day at 23:00 UTC the day before and a summer day at 22:00', () => {
    expect(startOfDay('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfDay('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });

  it('settles the days the clock changes on', () => {
    // Summer time starts 29 March 2026 at 02:00 local; midnight is still winter time.
    expect(startOfDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDay('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    // It ends 25 October 2026: that midnight is summer time, the next one winter.
    expect(startOfDay('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfDay('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('counts whole days, the last one included', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    const range = dayRange('2026-02-01', '2026-02-28');
    expect(range.start.toISOString()).toBe('2026-01-31T23:00:00.000Z');
    expect(range.end.toISOString()).toBe('2026-02-28T23:00:00.000Z');
  });
});

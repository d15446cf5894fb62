import { describe, expect, it } from 'vitest';
import { isoDay, nextWeekday } from './dates';

// Months are 0-based in the Date constructor: 2026-03-02 is a Monday.
const day = (date: number) => new Date(2026, 2, date, 15, 30);

describe('nextWeekday', () => {
  it('is tomorrow from Monday to Thursday', () => {
    expect(nextWeekday(day(2))).toBe('2026-03-03');
    expect(nextWeekday(day(5))).toBe('2026-03-06');
  });

  it('skips the weekend from Friday, Saturday and Sunday', () => {
    expect(nextWeekday(day(6))).toBe('2026-03-09');
    expect(nextWeekday(day(7))).toBe('2026-03-09');
    expect(nextWeekday(day(8))).toBe('2026-03-09');
  });

  it('crosses the end of a month and a year', () => {
    expect(nextWeekday(new Date(2026, 0, 30))).toBe('2026-02-02');
    expect(nextWeekday(new Date(2026, 11, 31))).toBe('2027-01-01');
  });

  it('writes the local day, even late in the evening', () => {
    expect(isoDay(new Date(2026, 2, 2, 23, 59))).toBe('2026-03-02');
  });
});

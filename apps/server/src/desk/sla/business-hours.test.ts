import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, type BusinessCalendar, businessMinutesBetween } from './business-hours.js';
import { swedishHolidays } from './swedish-holidays.js';

const office = { open: '08:00', close: '17:00' };
const STOCKHOLM: BusinessCalendar = {
  timeZone: 'Europe/Stockholm',
  hours: [office, office, office, office, office, null, null],
  holidays: swedishHolidays(2026),
};
const at = (iso: string) => new Date(iso);

describe('addBusinessMinutes in Europe/Stockholm, Mon–Fri 08:00–17:00', () => {
  it('carries a Friday-afternoon incident over the weekend to Monday', () => {
    // Friday 2026-11-27 16:00 Stockholm (UTC+1): one hour left that day, three more on Monday from 08:00.
    expect(addBusinessMinutes(at('2026-11-27T15:00:00Z'), 240, STOCKHOLM)).toEqual(at('2026-11-30T10:00:00Z'));
  });

  it('starts counting at opening time when the incident arrives at night', () => {
    expect(addBusinessMinutes(at('2026-11-24T03:00:00Z'), 30, STOCKHOLM)).toEqual(at('2026-11-24T07:30:00Z'));
  });

  it('skips a holiday: Epiphany, Tuesday 6 January', () => {
    // Monday 5 January 16:00 + 2 h → Tuesday 6 is Epiphany → Wednesday 7 January 09:00 (UTC+1).
    expect(addBusinessMinutes(at('2026-01-05T15:00:00Z'), 120, STOCKHOLM)).toEqual(at('2026-01-07T08:00:00Z'));
  });

  it('counts wall-clock hours across the March DST weekend (UTC+1 → UTC+2)', () => {
    // Friday 27 March 16:00 CET = 15:00Z; DST starts Sunday 29 March; Monday 08:00 CEST = 06:00Z.
    expect(addBusinessMinutes(at('2026-03-27T15:00:00Z'), 120, STOCKHOLM)).toEqual(at('2026-03-30T07:00:00Z'));
    expect(businessMinutesBetween(at('2026-03-27T15:00:00Z'), at('2026-03-30T07:00:00Z'), STOCKHOLM)).toBe(120);
  });

  it('counts wall-clock hours across the October DST weekend (UTC+2 → UTC+1)', () => {
    // Friday 23 October 16:00 CEST = 14:00Z; DST ends Sunday 25 October; Monday 08:00 CET = 07:00Z.
    expect(addBusinessMinutes(at('2026-10-23T14:00:00Z'), 120, STOCKHOLM)).toEqual(at('2026-10-26T08:00:00Z'));
    expect(businessMinutesBetween(at('2026-10-23T14:00:00Z'), at('2026-10-26T08:00:00Z'), STOCKHOLM)).toBe(120);
  });

  it('counts a whole working week as five days of nine hours, and a weekend as nothing', () => {
    expect(businessMinutesBetween(at('2026-11-23T00:00:00Z'), at('2026-11-30T00:00:00Z'), STOCKHOLM)).toBe(5 * 540);
    expect(businessMinutesBetween(at('2026-11-28T00:00:00Z'), at('2026-11-29T23:00:00Z'), STOCKHOLM)).toBe(0);
    expect(businessMinutesBetween(at('2026-11-30T09:00:00Z'), at('2026-11-30T08:00:00Z'), STOCKHOLM)).toBe(-60);
  });

  it('knows the Swedish holidays of a year with a late Easter', () => {
    expect(swedishHolidays(2026)).toEqual(
      expect.arrayContaining(['2026-04-03', '2026-04-06', '2026-05-14', '2026-06-19', '2026-12-24']),
    );
    expect(swedishHolidays(2025)).toEqual(expect.arrayContaining(['2025-04-18', '2025-04-21', '2025-06-20']));
  });
});

describe('business-hours properties', () => {
  const zones = ['Europe/Stockholm', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
  const hours = fc
    .tuple(fc.integer({ min: 0, max: 23 * 60 }), fc.integer({ min: 1, max: 12 * 60 }))
    .map(([open, length]) => {
      const close = Math.min(open + length, 24 * 60);
      const hhmm = (minutes: number) =>
        `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      return { open: hhmm(open), close: hhmm(close) };
    });
  const calendar = fc.record({
    timeZone: fc.constantFrom(...zones),
    hours: fc
      .array(fc.option(hours, { nil: null }), { minLength: 7, maxLength: 7 })
      .filter((week) => week.some((day) => day !== null)),
    holidays: fc.constant(swedishHolidays(2026)),
  });
  const instant = fc.date({ min: at('2025-06-01T00:00:00Z'), max: at('2027-06-01T00:00:00Z'), noInvalidDate: true });

  it('adding n business minutes and measuring back gives n', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 0, max: 20_000 }), (cal, start, minutes) => {
        const end = addBusinessMinutes(start, minutes, cal);
        expect(businessMinutesBetween(start, end, cal)).toBe(minutes);
        expect(end.getTime()).toBeGreaterThanOrEqual(start.getTime());
      }),
      { numRuns: 200 },
    );
  });

  it('adding in two steps lands where adding at once does', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 1, max: 5_000 }),
        (cal, start, a, b) => {
          expect(addBusinessMinutes(addBusinessMinutes(start, a, cal), b, cal)).toEqual(
            addBusinessMinutes(start, a + b, cal),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

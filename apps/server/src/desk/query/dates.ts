import { QueryError } from './errors.js';
import type { QueryValue } from './parser.js';

/** A date value as an interval [start, end): a whole day, or a single instant when start equals end. */
export interface DateRange {
  start: Date;
  end: Date;
}

export const DATE_FORMS = ['YYYY-MM-DD', 'today', 'yesterday', '-30m', '-3h', '-7d', '-2w', '+2h', 'none'];

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Resolves a typed date against `now`, days counted in `timeZone`. */
export function resolveDate(value: QueryValue, now: Date, timeZone: string): DateRange {
  const text = value.text.toLowerCase();
  // -7d is seven days ago; +2h (or 2h) two hours ahead, for due times (`due:<2h`).
  const relative = /^([-+]?)(\d{1,6})([mhdw])$/.exec(text);
  if (relative) {
    const sign = relative[1] === '-' ? -1 : 1;
    const instant = new Date(now.getTime() + sign * Number(relative[2]) * (UNIT_MS[relative[3] ?? 'd'] ?? 0));
    return { start: checked(instant, value), end: instant };
  }
  if (text === 'today' || text === 'yesterday') {
    const today = calendarDay(now, timeZone);
    return wholeDay(today.year, today.month, today.day - (text === 'yesterday' ? 1 : 0), timeZone, value);
  }
  const absolute = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (absolute) {
    const [year, month, day] = [Number(absolute[1]), Number(absolute[2]), Number(absolute[3])];
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day) {
      return wholeDay(year, month, day, timeZone, value);
    }
  }
  throw new QueryError('bad_value', `'${value.text}' is not a date`, value.position, value.length, DATE_FORMS);
}

function wholeDay(year: number, month: number, day: number, timeZone: string, value: QueryValue): DateRange {
  return {
    start: checked(zonedMidnight(year, month, day, timeZone), value),
    end: checked(zonedMidnight(year, month, day + 1, timeZone), value),
  };
}

/** PostgreSQL's timestamps end at year 294276 and begin before Christ; keep to years anyone means. */
function checked(instant: Date, value: QueryValue): Date {
  const year = instant.getUTCFullYear();
  if (Number.isNaN(instant.getTime()) || year < 1 || year > 9999) {
    throw new QueryError('bad_value', `'${value.text}' is too far away`, value.position, value.length, DATE_FORMS);
  }
  return instant;
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall-clock date and time in `timeZone` at `instant` (the SLA's business hours read it too). */
export function wallClock(instant: Date, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

function calendarDay(instant: Date, timeZone: string) {
  const { year, month, day } = wallClock(instant, timeZone);
  return { year, month, day };
}

/** How far `timeZone` is ahead of UTC at `utc`, in milliseconds. */
function offset(utc: number, timeZone: string): number {
  const wall = wallClock(new Date(utc), timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(utc / 1000) * 1000;
}

/** The instant a day begins in `timeZone` (day may overflow the month: Date.UTC normalises it). */
function zonedMidnight(year: number, month: number, day: number, timeZone: string): Date {
  return zonedInstant(year, month, day, 0, timeZone);
}

/** The instant the wall clock in `timeZone` shows `minuteOfDay` on that day (day and minutes may overflow). */
export function zonedInstant(year: number, month: number, day: number, minuteOfDay: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day, 0, minuteOfDay);
  const first = guess - offset(guess, timeZone);
  return new Date(guess - offset(first, timeZone));
}

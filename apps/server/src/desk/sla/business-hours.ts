import { wallClock, zonedInstant } from '../query/dates.js';

/** Opening hours of one weekday as wall-clock "HH:MM" in the calendar's zone; close may be "24:00". */
export interface OpeningHours {
  open: string;
  close: string;
}

/** When the desk works: the zone its clocks are in, hours per weekday (Monday first), closed dates. */
export interface BusinessCalendar {
  timeZone: string;
  /** Seven entries, Monday first; null is a closed day. */
  hours: ReadonlyArray<OpeningHours | null>;
  /** 'YYYY-MM-DD' dates closed all day. */
  holidays: readonly string[];
}

const MINUTE_MS = 60_000;
/** A calendar open one hour a year still ends a search; a calendar never open must not loop forever. */
const MAX_DAYS = 366 * 20;

export const minutesOfDay = (time: string): number => {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
};

interface LocalDay {
  year: number;
  month: number;
  day: number;
}

/** The same day with an overflowing day of month (0, 32) carried into the month and year. */
const normalise = ({ year, month, day }: LocalDay): LocalDay => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
};

const nextDay = (day: LocalDay): LocalDay => normalise({ ...day, day: day.day + 1 });

const isoDate = ({ year, month, day }: LocalDay) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * The working window of one local day as instants, or null when closed. The window is taken from the wall
 * clock, so on a DST day 08:00–17:00 is still nine hours unless the clock change falls inside it; business
 * minutes are always real elapsed minutes inside windows.
 */
function windowOf(calendar: BusinessCalendar, day: LocalDay, holidays: ReadonlySet<string>) {
  const weekday = (new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() + 6) % 7;
  const hours = calendar.hours[weekday];
  if (!hours || holidays.has(isoDate(day))) return null;
  const open = zonedInstant(day.year, day.month, day.day, minutesOfDay(hours.open), calendar.timeZone).getTime();
  const close = zonedInstant(day.year, day.month, day.day, minutesOfDay(hours.close), calendar.timeZone).getTime();
  return close > open ? { open, close } : null;
}

function* windowsFrom(calendar: BusinessCalendar, start: Date) {
  const holidays = new Set(calendar.holidays);
  const clock = wallClock(start, calendar.timeZone);
  // The day before too: its window may reach past midnight UTC-wise into `start`'s local day.
  let day = normalise({ year: clock.year, month: clock.month, day: clock.day - 1 });
  for (let index = 0; index < MAX_DAYS; index += 1) {
    const window = windowOf(calendar, day, holidays);
    if (window) yield window;
    day = nextDay(day);
  }
  throw new Error('the calendar has no opening hours within twenty years');
}

/** The instant `minutes` business minutes after `start` (minutes ≥ 0); 0 is `start` itself. */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  let remaining = Math.round(minutes * MINUTE_MS);
  if (remaining <= 0) return start;
  const from = start.getTime();
  for (const window of windowsFrom(calendar, start)) {
    const begin = Math.max(from, window.open);
    if (begin >= window.close) continue;
    const available = window.close - begin;
    if (remaining <= available) return new Date(begin + remaining);
    remaining -= available;
  }
  throw new Error('unreachable: windowsFrom ends by throwing');
}

/** Business minutes from `a` to `b`; negative when `b` is before `a`. */
export function businessMinutesBetween(a: Date, b: Date, calendar: BusinessCalendar): number {
  if (b.getTime() < a.getTime()) return -businessMinutesBetween(b, a, calendar);
  const [from, until] = [a.getTime(), b.getTime()];
  let total = 0;
  for (const window of windowsFrom(calendar, a)) {
    if (window.open >= until) break;
    total += Math.max(0, Math.min(until, window.close) - Math.max(from, window.open));
  }
  return total / MINUTE_MS;
}

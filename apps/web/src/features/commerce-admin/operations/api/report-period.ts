/** The shop's days are Stockholm's (docs/commerce.md): "today" is asked of that clock, not the browser's. */
export const SHOP_TIME_ZONE = 'Europe/Stockholm';

/** The calendar day (YYYY-MM-DD) in the shop's time zone at an instant. */
export function shopDay(at: Date, timeZone = SHOP_TIME_ZONE): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** A day `days` before (negative) or after another, by the calendar. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export interface ReportPeriod {
  from: string;
  to: string;
  currency: string;
}

/** The last 30 shop days up to and including today, in kronor. */
export function defaultPeriod(now = new Date()): ReportPeriod {
  const to = shopDay(now);
  return { from: addDays(to, -29), to, currency: 'SEK' };
}

/**
 * Every day of the period, with the report's figures where it has them and zeroes where it has none: the chart's
 * axis runs through quiet days instead of skipping them.
 */
export function fillDays<T extends { day: string }>(
  from: string,
  to: string,
  rows: T[],
  empty: (day: string) => T,
): T[] {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  const days: T[] = [];
  // Bounded: a malformed or reversed period yields no rows rather than an endless loop.
  for (let day = from, guard = 0; day <= to && guard < 1000; day = addDays(day, 1), guard++) {
    days.push(byDay.get(day) ?? empty(day));
  }
  return days;
}

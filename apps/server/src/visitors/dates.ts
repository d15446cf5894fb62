/**
 * Calendar days as the building lives them: in the server's time zone. "Today" (the main panel, an invitation's
 * day, the reports) is the server's local date, not UTC's.
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of an instant, in the server's time zone. */
export const localDate = (at: Date): string => `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;

/** The instant a local calendar day begins. */
export function startOfDay(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day);
}

/** The instant the local calendar day after `date` begins: the exclusive end of a range ending on `date`. */
export function endOfDay(date: string): Date {
  const start = startOfDay(date);
  return new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
}

export const iso = (at: Date | string) => new Date(at).toISOString();
export const isoOrNull = (at: Date | string | null) => (at === null ? null : iso(at));

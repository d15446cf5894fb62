/** The shop's calendar: a day of sales is a day in Stockholm, whatever the server's zone or the UTC date. */
export const SHOP_TIME_ZONE = 'Europe/Stockholm';

/** Minutes the zone is ahead of UTC at `instant` (Stockholm: 60 in winter, 120 in summer). */
function offsetMinutes(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const local = Date.UTC(
    value('year'),
    value('month') - 1,
    value('day'),
    value('hour'),
    value('minute'),
    value('second'),
  );
  return Math.round((local - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The instant a day (YYYY-MM-DD) begins in the zone: 2026-07-01 begins at 2026-06-30T22:00Z in Stockholm. */
export function startOfDay(day: string, zone = SHOP_TIME_ZONE): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(year, month - 1, date);
  // The offset at local midnight; asking twice settles a day on which the clock changes.
  let instant = midnightUtc - offsetMinutes(midnightUtc, zone) * 60_000;
  instant = midnightUtc - offsetMinutes(instant, zone) * 60_000;
  return new Date(instant);
}

/** The day after a YYYY-MM-DD day. */
export function nextDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/** [start of `from`, start of the day after `to`): a period of whole shop days, `to` included. */
export const dayRange = (from: string, to: string, zone = SHOP_TIME_ZONE) => ({
  start: startOfDay(from, zone),
  end: startOfDay(nextDay(to), zone),
});

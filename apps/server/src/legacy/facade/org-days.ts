/** Minutes `zone` is ahead of UTC at `instant` (Stockholm: 60 in winter, 120 in summer). */
function offsetMinutes(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(instant));
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const local = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'));
  return Math.round((local - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/**
 * The instant (ISO, UTC) the day `day` (YYYY-MM-DD) plus `days` begins in `zone`: how the organisation's days of a
 * search become the instants the legacy CRM is asked with, the same bounds our service's SQL uses.
 */
export function dayStart(day: string, days: number, zone: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(year, month - 1, date + days);
  // The offset at local midnight; asking twice settles a day on which the clock changes.
  let instant = midnightUtc - offsetMinutes(midnightUtc, zone) * 60_000;
  instant = midnightUtc - offsetMinutes(instant, zone) * 60_000;
  return new Date(instant).toISOString();
}

/**
 * Campaign and price windows are the shop's wall clock, Stockholm's (docs/commerce.md), whatever the browser's time
 * zone: a sale "from 1 June 00:00" starts at Swedish midnight for an admin abroad too. A `datetime-local` input holds
 * that wall clock; the API takes instants.
 */
export const SHOP_TIME_ZONE = 'Europe/Stockholm';

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const clocks = new Map<string, Intl.DateTimeFormat>();
function clock(timeZone: string): Intl.DateTimeFormat {
  let format = clocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    clocks.set(timeZone, format);
  }
  return format;
}

function wallClock(at: number, timeZone: string): Record<string, string> {
  return Object.fromEntries(
    clock(timeZone)
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
}

/** How far the zone's clock is ahead of UTC at an instant, in milliseconds (+2 h in a Swedish summer). */
function offsetAt(at: number, timeZone: string): number {
  const wall = wallClock(at, timeZone);
  const asUtc = Date.UTC(
    Number(wall.year),
    Number(wall.month) - 1,
    Number(wall.day),
    Number(wall.hour),
    Number(wall.minute),
    Number(wall.second),
  );
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** An instant as a `datetime-local` input shows it on the shop's clock: "2026-06-01T10:30"; '' for none. */
export function isoToShopInput(iso: string | null, timeZone = SHOP_TIME_ZONE): string {
  if (!iso) return '';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const wall = wallClock(at, timeZone);
  return `${wall.year}-${wall.month}-${wall.day}T${wall.hour}:${wall.minute}`;
}

/**
 * A `datetime-local` value read on the shop's clock, as an ISO instant; null for none or nonsense. A time the clock
 * skips when summer time starts is read as the same distance past the change (02:30 → 03:30); a time it shows
 * twice when summer time ends is the second one.
 */
export function shopInputToIso(value: string, timeZone = SHOP_TIME_ZONE): string | null {
  const match = WALL_CLOCK.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, seconds] = match.slice(1).map((part) => Number(part ?? 0));
  const wall = Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, seconds);
  // Date.UTC rolls 31 February over into March: such a value is no date.
  if (new Date(wall).getUTCDate() !== day) return null;
  // The offset of the wall clock read as UTC is right but near a change of offset; read again at the guess.
  const guess = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(guess, timeZone)).toISOString();
}

/** An instant on the shop's clock in the user's language: "1 juni 2026 10:30". */
export function formatShopTime(language: string, iso: string, timeZone = SHOP_TIME_ZONE): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

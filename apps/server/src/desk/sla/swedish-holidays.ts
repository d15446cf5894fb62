/** Easter Sunday of `year` (Gregorian; the anonymous "Meeus/Jones/Butcher" algorithm) as [month, day]. */
function easterSunday(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((8 * b + 13) / 25)) / 3) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return [month, ((h + l - 7 * m + 114) % 31) + 1];
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The days a Swedish office is closed in `year`: the public holidays that can fall on a weekday, and the
 * eves offices close on in practice (midsummer, Christmas and New Year's Eve).
 */
export function swedishHolidays(year: number): string[] {
  const [easterMonth, easterDay] = easterSunday(year);
  const fromEaster = (days: number) => iso(new Date(Date.UTC(year, easterMonth - 1, easterDay + days)));
  // Midsummer Eve: the Friday between 19 and 25 June.
  const june19 = new Date(Date.UTC(year, 5, 19));
  const midsummerEve = iso(new Date(Date.UTC(year, 5, 19 + ((5 - june19.getUTCDay() + 7) % 7))));
  const fixed = (month: number, day: number) => iso(new Date(Date.UTC(year, month - 1, day)));
  return [
    fixed(1, 1),
    fixed(1, 6),
    fromEaster(-2),
    fromEaster(1),
    fixed(5, 1),
    fromEaster(39),
    fixed(6, 6),
    midsummerEve,
    fixed(12, 24),
    fixed(12, 25),
    fixed(12, 26),
    fixed(12, 31),
  ].sort();
}

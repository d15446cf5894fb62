import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const RELATIVE_UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** The largest whole unit that fits; under ten seconds is "now", as the seconds would only flicker. */
export function relativeTime(format: Intl.RelativeTimeFormat, differenceMs: number): string {
  const seconds = Math.min(0, Math.round(differenceMs / 1000));
  for (const [unit, size] of RELATIVE_UNITS) {
    if (-seconds >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(seconds > -10 ? 0 : seconds, 'second');
}

/** Dates and numbers in the language the user picked (ARCHITECTURE.md, rule 8). */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    const precise = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium' });
    const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
    const number = new Intl.NumberFormat(language);
    const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
    const kronor = new Intl.NumberFormat(language, { style: 'currency', currency: 'SEK' });
    return {
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      /** With seconds, for the audit log where order within a minute matters. */
      preciseDateTime: (iso: string) => precise.format(new Date(iso)),
      date: (iso: string) => date.format(new Date(iso)),
      number: (value: number) => number.format(value),
      /** An amount in öre (the API's minor units) as kronor: "12,50 kr". */
      sek: (minor: number) => kronor.format(minor / 100),
      /** "5 minutes ago", "now"; a time slightly ahead of this browser's clock counts as now. */
      relativeTime: (iso: string, now = Date.now()) => relativeTime(relative, Date.parse(iso) - now),
    };
  }, [language]);
}

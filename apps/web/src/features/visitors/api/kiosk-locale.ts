import { type Locale, locales } from '@kontor/contracts';

const isLocale = (value: string): value is Locale => (locales as readonly string[]).includes(value);

/**
 * The language a kiosk greets each new guest in: the tablet's own (its browser's) when Kontor speaks it, else
 * Swedish. A choice saved by a staff member on the same browser does not count: the guest is someone else.
 */
export function kioskLocale(browserLanguages: readonly string[]): Locale {
  for (const tag of browserLanguages) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLocale(base)) return base;
  }
  return 'sv';
}

/** The privacy notice in the guest's language; in another one the admin wrote rather than none at all. */
export function privacyNoticeFor(
  notices: Partial<Record<Locale, string>>,
  locale: Locale,
): { text: string; locale: Locale } | null {
  const own = notices[locale]?.trim();
  if (own) return { text: own, locale };
  for (const other of ['en', ...locales] as Locale[]) {
    const text = notices[other]?.trim();
    if (text) return { text, locale: other };
  }
  return null;
}

/** The shop's home country: first in every country list. */
const HOME_COUNTRY = 'SE';

/** The country's name in the language, or its code where Intl has no names. */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Options for a select: the countries the shop delivers to (GET /api/shop/shipping-countries) and the address's own
 * (a saved address abroad stays selectable, and its shipping options say there is no delivery), the home country
 * first, the rest by name in the language.
 */
export function countryOptions(
  locale: string,
  delivered: readonly string[],
  extra: string[] = [],
): Array<{ value: string; label: string }> {
  const codes = new Set<string>([...delivered, ...extra].map((code) => code.toUpperCase()));
  const collator = new Intl.Collator(locale);
  const named = [...codes]
    .filter((code) => code !== HOME_COUNTRY)
    .map((code) => ({ value: code, label: countryName(code, locale) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  return codes.has(HOME_COUNTRY)
    ? [{ value: HOME_COUNTRY, label: countryName(HOME_COUNTRY, locale) }, ...named]
    : named;
}

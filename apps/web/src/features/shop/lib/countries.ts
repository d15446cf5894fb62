/**
 * The countries the address forms offer: Sweden first, then the Nordic and EU countries the shop's rate tables
 * deliver to, by their names in the page's language. A country with no delivery is refused by the shipping
 * options (zone null) with its own message, so the list may hold more than the rate tables.
 */
export const SHOP_COUNTRIES = [
  'SE',
  'DK',
  'FI',
  'IS',
  'NO',
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'EE',
  'ES',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SI',
  'SK',
] as const;

/** The country's name in the language, or its code where Intl has no names. */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Options for a select: the first country stays first, the rest by name in the language. */
export function countryOptions(locale: string, extra: string[] = []): Array<{ value: string; label: string }> {
  const codes = [...new Set<string>([...SHOP_COUNTRIES, ...extra.map((code) => code.toUpperCase())])];
  const [first, ...rest] = codes;
  const collator = new Intl.Collator(locale);
  const named = rest.map((code) => ({ value: code, label: countryName(code, locale) }));
  named.sort((a, b) => collator.compare(a.label, b.label));
  return [{ value: first as string, label: countryName(first as string, locale) }, ...named];
}

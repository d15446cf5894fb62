import { countryName } from '../../../shop/lib/countries';

/** Codes Intl names that are groupings or test regions, not places a parcel goes to. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

let known: string[] | undefined;

/**
 * Every two-letter region code Intl has a name for (ISO 3166-1 and a few territories such as the Canary Islands),
 * so a zone can take any country without a list kept here.
 */
export function countryCodes(): string[] {
  if (known) return known;
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const codes: string[] = [];
  for (let first = 65; first <= 90; first++)
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      if (!NOT_COUNTRIES.has(code) && names.of(code)) codes.push(code);
    }
  known = codes;
  return codes;
}

/** Options of a country picker by name in the language, "Sweden (SE)", with any code `extra` holds kept. */
export function allCountryOptions(locale: string, extra: string[] = []): Array<{ value: string; label: string }> {
  const collator = new Intl.Collator(locale);
  return [...new Set([...countryCodes(), ...extra])]
    .map((code) => ({ value: code, label: `${countryName(code, locale)} (${code})` }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

/** Country names in the language, sorted: "Denmark, Finland, Iceland, Norway". */
export function countryList(codes: string[], locale: string): string {
  const collator = new Intl.Collator(locale);
  return codes
    .map((code) => countryName(code, locale))
    .sort(collator.compare)
    .join(', ');
}

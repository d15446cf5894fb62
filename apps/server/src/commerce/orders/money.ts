/** The shop's languages as Intl locales: prices read as Swedes and English readers expect them. */
const intlLocales: Record<string, string> = { sv: 'sv-SE', en: 'en-GB' };

export const intlLocale = (locale: string): string => intlLocales[locale] ?? locale;

/** Digits after the decimal point of a currency's minor unit (SEK 2, JPY 0), as Intl knows them. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** 123450 SEK → "1 234,50 kr" (sv) or "SEK 1,234.50" (en). Minor units are integers; only display divides. */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(intlLocale(locale), {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amountMinor / 10 ** digits);
}

/** 2500 basis points → "25 %" (sv) or "25%" (en); 1250 → "12,5 %". */
export function formatRate(rateBp: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 2 }).format(
    rateBp / 10_000,
  );
}

/**
 * VAT contained in a price that includes it, per line: round(amount × rate / (10000 + rate)), half away from zero,
 * in integers (a line of 125 SEK at 25 % holds 25 SEK). Rounding per line, not per order, is how the receipt shows it.
 */
export function vatIncluded(amountMinor: number, rateBp: number): number {
  const numerator = amountMinor * rateBp;
  const denominator = 10_000 + rateBp;
  return Math.sign(numerator) * Math.floor((Math.abs(numerator) * 2 + denominator) / (2 * denominator));
}

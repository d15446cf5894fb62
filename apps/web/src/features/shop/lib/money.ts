/**
 * Money as the shop API gives it: integers in the currency's minor unit (öre, cents), shown with Intl in the cart's
 * currency. The number of minor digits comes from Intl itself (SEK 2, JPY 0, KWD 3), so a currency the admin adds
 * later is shown right without a table here.
 */

const formats = new Map<string, Intl.NumberFormat>();

function currencyFormat(locale: string, currency: string): Intl.NumberFormat | null {
  const key = `${locale}|${currency}`;
  const known = formats.get(key);
  if (known) return known;
  try {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formats.set(key, format);
    return format;
  } catch {
    // Not an ISO 4217 code Intl knows: the caller falls back to a plain number with the code.
    return null;
  }
}

/** Digits of the currency's minor unit: 2 for SEK and EUR, 0 for JPY; 2 for a code Intl does not know. */
export function minorDigits(currency: string): number {
  return currencyFormat('en', currency)?.resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Minor units as the major amount, exactly: split into whole and fraction with integer arithmetic, so that
 * 1 000 000 000 01 öre never prints as …00.0099999.
 */
export function minorToMajor(minor: number, digits: number): number {
  if (!Number.isFinite(minor)) return 0;
  const whole = Math.trunc(minor);
  if (digits === 0) return whole;
  const scale = 10 ** digits;
  const sign = whole < 0 ? -1 : 1;
  const absolute = Math.abs(whole);
  return sign * (Math.floor(absolute / scale) + (absolute % scale) / scale);
}

/** "1 234,50 kr" (sv), "SEK 1,234.50" (en), "−250,00 kr" for a discount. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const format = currencyFormat(locale, currency);
  if (!format) {
    const number = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return `${number.format(minorToMajor(minor, 2))} ${currency}`;
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  // -0 would print as "-0,00 kr".
  const major = minorToMajor(minor, digits);
  return format.format(major === 0 ? 0 : major);
}

/** A VAT rate in basis points as a percentage: 2500 → "25 %", 1250 → "12.5 %". */
export function formatRate(rateBp: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(rateBp / 10_000);
}

/**
 * Amounts as typed by a person, to minor units and back, with strings and integers only: money is never a float
 * here (ARCHITECTURE.md). `exponent` is the currency's (2 for SEK and EUR, 0 for JPY).
 */

/** "1 234,50" or "1234.5" → 123450 (exponent 2); null when it is no amount, or has more decimals than the currency. */
export function parseMinor(text: string, exponent: number): number | null {
  const compact = text.replace(/[\s\u00a0\u202f']/g, '');
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(compact);
  if (!match) return null;
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) return null;
  const minor = Number(whole + fraction.padEnd(exponent, '0'));
  return Number.isSafeInteger(minor) ? minor : null;
}

/**
 * 123450 → "1234.50" (exponent 2): what an amount input shows, without grouping, so it reads back unchanged; with
 * the user's decimal separator ("1234,50" in Swedish) when given.
 */
export function minorToInput(minor: number, exponent: number, separator = '.'): string {
  if (exponent === 0) return String(minor);
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const sign = minor < 0 ? '-' : '';
  return `${sign}${digits.slice(0, -exponent)}${separator}${digits.slice(-exponent)}`;
}

/** The decimal separator of a language: "," in Swedish, Polish and Russian, "." in English. */
export function decimalSeparator(language: string): string {
  return new Intl.NumberFormat(language).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
}

/** A price in its currency and the user's language: "1 234,50 kr". */
export function formatMinor(language: string, minor: number, currency: string, exponent: number): string {
  const digits = minorToInput(minor, exponent);
  try {
    return new Intl.NumberFormat(language, {
      style: 'currency',
      currency,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    }).format(Number(digits));
  } catch {
    return `${digits} ${currency}`;
  }
}

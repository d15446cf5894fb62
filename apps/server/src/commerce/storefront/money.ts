/** Prices are integers in minor units; these turn them into text for people and for schema.org. */

const formats = new Map<string, Intl.NumberFormat>();

const INTL_LOCALE: Record<string, string> = { sv: 'sv-SE', en: 'en-GB' };

function formatter(locale: string, currency: string, fractionDigits: number) {
  const key = `${locale}|${currency}|${fractionDigits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale] ?? locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    formats.set(key, format);
  }
  return format;
}

/**
 * "1 299 kr" or "1 299,50 kr": whole amounts without decimals, as Swedish shops print them. Exact for any integer
 * amount because the division is by a power of ten done on a decimal string, not on a binary float.
 */
export function formatMoney(amountMinor: number, currency: string, exponent: number, locale: string): string {
  const whole = amountMinor % 10 ** exponent === 0;
  return formatter(locale, currency, whole ? 0 : exponent).format(Number(decimalAmount(amountMinor, exponent)));
}

/** "1299.50": the amount as schema.org's `price` wants it (a dot, no grouping, the currency's digits). */
export function decimalAmount(amountMinor: number, exponent: number): string {
  const negative = amountMinor < 0;
  const digits = String(Math.abs(Math.trunc(amountMinor))).padStart(exponent + 1, '0');
  const text = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return negative ? `-${text}` : text;
}

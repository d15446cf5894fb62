/**
 * Money in the shop: integers in minor units (öre, cents), and their text for people and for schema.org.
 *
 * Integer arithmetic on minor units (öre, cents). Products of amounts and basis points can pass 2^53 for a boat
 * times a quantity, so they are taken in BigInt and only the (small) result comes back as a number.
 */

/** round(a × b / c), halves rounded up; a, b ≥ 0 and c > 0. */
export function mulDivRound(a: number, b: number, c: number): number {
  const numerator = BigInt(a) * BigInt(b);
  const divisor = BigInt(c);
  return Number((numerator * 2n + divisor) / (divisor * 2n));
}

/**
 * The VAT contained in a price that includes it, per line: round(gross × rate / (10000 + rate)), halves away from
 * zero (a refund's negative amount mirrors its sale). Rounding per line, not per order, is how the receipt shows it.
 */
export const vatOf = (grossMinor: number, rateBp: number) =>
  Math.sign(grossMinor) * mulDivRound(Math.abs(grossMinor), rateBp, 10_000 + rateBp);

/** `percentBp` (basis points: 1000 = 10 %) of an amount, halves up. */
export const percentOf = (amountMinor: number, percentBp: number) => mulDivRound(amountMinor, percentBp, 10_000);

/**
 * Splits `total` over parts in proportion to `weights` so that the parts add up to exactly `total` (largest
 * remainder: each part gets the floor of its share, and the minor units left over go one each to the largest
 * fractions, ties to the earlier part). With total ≤ Σ weights no part exceeds its weight.
 */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  if (total === 0 || sum === 0) return weights.map(() => 0);
  const bigTotal = BigInt(total);
  const bigSum = BigInt(sum);
  const shares = weights.map((weight, index) => {
    const exact = bigTotal * BigInt(weight);
    return { index, floor: Number(exact / bigSum), remainder: exact % bigSum };
  });
  let left = total - shares.reduce((acc, share) => acc + share.floor, 0);
  const parts = shares.map((share) => share.floor);
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const share of byRemainder) {
    if (left <= 0) break;
    parts[share.index] = (parts[share.index] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

/** The shop's languages as Intl locales: prices read as Swedes and English readers expect them. */
const INTL_LOCALES: Record<string, string> = { sv: 'sv-SE', en: 'en-GB' };

export const intlLocale = (locale: string): string => INTL_LOCALES[locale] ?? locale;

/** Digits after the decimal point of a currency's minor unit (SEK 2, JPY 0), as Intl knows them. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

const formats = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, currency: string, fractionDigits: number) {
  const key = `${locale}|${currency}|${fractionDigits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), {
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
 * 123450 SEK → "1 234,50 kr" (sv) or "SEK 1,234.50" (en). With `trimWhole`, whole amounts go without decimals
 * ("1 299 kr"), as Swedish shops print them. Exact for any integer: the division by a power of ten is done on a
 * decimal string, not on a binary float.
 */
export function formatMoney(
  amountMinor: number,
  currency: string,
  locale: string,
  options: { exponent?: number; trimWhole?: boolean } = {},
): string {
  const exponent = options.exponent ?? minorDigits(currency);
  const whole = options.trimWhole && amountMinor % 10 ** exponent === 0;
  return formatter(locale, currency, whole ? 0 : exponent).format(Number(decimalAmount(amountMinor, exponent)));
}

/** "1299.50": the amount as schema.org's `price` wants it (a dot, no grouping, the currency's digits). */
export function decimalAmount(amountMinor: number, exponent: number): string {
  const negative = amountMinor < 0;
  const digits = String(Math.abs(Math.trunc(amountMinor))).padStart(exponent + 1, '0');
  const text = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return negative ? `-${text}` : text;
}

/** 2500 basis points → "25 %" (sv) or "25%" (en); 1250 → "12,5 %". */
export function formatRate(rateBp: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 2 }).format(
    rateBp / 10_000,
  );
}

import type { PriceRange } from './product-search-engine.js';

/** Where the price facet's buckets start, in major units: a 1–2.5–5 series reads well in any currency. */
const STARTS_MAJOR = [0, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000];

/** The buckets' lower ends in minor units for a currency with `exponent` decimals (width_bucket's thresholds). */
export const bucketThresholds = (exponent: number) => STARTS_MAJOR.map((start) => start * 10 ** exponent);

/** Bucket `n` of width_bucket (1-based) as an inclusive range; the last is open-ended. */
export function bucketRange(thresholds: number[], n: number): PriceRange {
  const min = thresholds[n - 1] ?? 0;
  const next = thresholds[n];
  return { min, max: next === undefined ? null : next - 1 };
}

/** A range as the facet.price parameter writes it: "10000-24999", "250000-", "-50000". */
export const rangeValue = (range: PriceRange) => `${range.min ?? ''}-${range.max ?? ''}`;

/** Reads a facet.price value; undefined when it is not `min-max` with at least one end and min ≤ max. */
export function parseRange(value: string): PriceRange | undefined {
  const match = /^\s*(\d{1,15})?\s*-\s*(\d{1,15})?\s*$/.exec(value);
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  const range = {
    min: match[1] === undefined ? null : Number(match[1]),
    max: match[2] === undefined ? null : Number(match[2]),
  };
  if (range.min !== null && range.max !== null && range.min > range.max) return undefined;
  return range;
}

/** Number formats by locale and currency: making one costs more than a search's SQL (about 0.4 ms), using one little. */
const formats = new Map<string, Intl.NumberFormat>();
function formatOf(locale: string, currency: string | null): Intl.NumberFormat {
  const key = `${locale}|${currency ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(
      locale,
      currency ? { style: 'currency', currency, maximumFractionDigits: 0 } : { maximumFractionDigits: 0 },
    );
    formats.set(key, format);
  }
  return format;
}

/** "100–250 kr", "≥ 250 000 kr": a bucket's label in the locale, whole major units. */
export function rangeLabel(range: PriceRange, locale: string, currency: string, exponent: number): string {
  const format = formatOf(locale, currency);
  const major = (minor: number) => minor / 10 ** exponent;
  if (range.min !== null && range.max !== null) {
    // The upper end reads as the next bucket's start (100–250 kr), as shops write it.
    const lower = formatOf(locale, null).format(major(range.min));
    return `${lower}–${format.format(Math.round(major(range.max + 1)))}`;
  }
  if (range.min !== null) return `≥ ${format.format(major(range.min))}`;
  return `≤ ${format.format(major(range.max ?? 0))}`;
}

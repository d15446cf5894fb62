import { minorToInput } from '../../catalog/api/money';

const pad = (value: number) => String(value).padStart(2, '0');

/** An instant as a datetime-local input shows it, in the browser's time zone: "2026-06-01T08:00"; empty for null. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** A datetime-local value as an ISO instant; null when empty, undefined when it is no time. */
export function fromLocalInput(text: string): string | null | undefined {
  if (!text.trim()) return null;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/**
 * An integer with `exponent` implied decimals as an input shows it, without trailing zeros: basis points 1250 →
 * "12,5" (exponent 2, Swedish), grams 2500 → "2.5" (kilograms, exponent 3).
 */
export function decimalToInput(value: number, exponent: number, separator = '.'): string {
  const text = minorToInput(value, exponent, separator);
  return exponent === 0 ? text : text.replace(/0+$/, '').replace(/[.,]$/, '');
}

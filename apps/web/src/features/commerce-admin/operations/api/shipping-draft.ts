import type { ShippingTables, shippingKinds, shippingMethodInput, shippingZoneInput } from '@kontor/contracts';
import type { z } from 'zod';
import { parseMinor } from '../../catalog/api/money';
import { compactText, REQUIRED_SHOP_LOCALES } from '../../catalog/api/translated';
import { decimalToInput } from './form-values';
import { currencyExponent, parseAmount } from './money';
import type { Problems } from './rule-draft';

export type ShippingZone = ShippingTables['zones'][number];
export type ShippingMethod = ShippingZone['methods'][number];
export type ShippingRate = ShippingMethod['rates'][number];
export type ShippingKind = (typeof shippingKinds)[number];
export type ZoneBody = z.input<typeof shippingZoneInput>;
export type MethodBody = z.input<typeof shippingMethodInput>;

const CODE = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const COUNTRY = /^[A-Z]{2}$/;

/** Texts in every language a record has, empty ones left out; sv and en are asked for when `required`. */
function texts(values: Record<string, string>, required: boolean, path: string, problems: Problems) {
  const result = compactText(values);
  if (required)
    for (const language of REQUIRED_SHOP_LOCALES)
      if (!result[language]) problems[`${path}.${language}`] = 'validation.required';
  return result;
}

function position(text: string, problems: Problems): number {
  const trimmed = text.trim();
  if (!trimmed) return 0;
  const value = /^\d{1,5}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!(value <= 10_000)) problems.position = 'commerceOps.shipping.problem.position';
  return value;
}

function code(text: string, problems: Problems): string {
  const trimmed = text.trim();
  if (!CODE.test(trimmed)) problems.code = 'commerceOps.shipping.problem.code';
  return trimmed;
}

type Result<Body> = { body: Body; problems?: never } | { body?: never; problems: Problems };

export interface ZoneDraft {
  code: string;
  name: Record<string, string>;
  countries: string[];
  position: string;
}

export const emptyZoneDraft: ZoneDraft = { code: '', name: { sv: '', en: '' }, countries: [], position: '' };

export const zoneToDraft = (zone: ShippingZone): ZoneDraft => ({
  code: zone.code,
  name: { ...zone.name },
  countries: zone.countries,
  position: String(zone.position),
});

export function draftToZoneBody(draft: ZoneDraft): Result<ZoneBody> {
  const problems: Problems = {};
  const body = {
    code: code(draft.code, problems),
    name: texts(draft.name, true, 'name', problems) as ZoneBody['name'],
    countries: draft.countries,
    position: position(draft.position, problems),
  };
  if (draft.countries.some((country) => !COUNTRY.test(country))) problems.countries = 'validation.invalidFormat';
  return Object.keys(problems).length > 0 ? { problems } : { body };
}

export interface MethodDraft {
  zoneId: string;
  code: string;
  kind: ShippingKind;
  carrier: string;
  name: Record<string, string>;
  description: Record<string, string>;
  active: boolean;
  position: string;
}

export const emptyMethodDraft = (zoneId: string): MethodDraft => ({
  zoneId,
  code: '',
  kind: 'parcel',
  carrier: '',
  name: { sv: '', en: '' },
  description: { sv: '', en: '' },
  active: true,
  position: '',
});

export const methodToDraft = (method: ShippingMethod): MethodDraft => ({
  zoneId: method.zoneId,
  code: method.code,
  kind: method.kind,
  carrier: method.carrier,
  name: { ...method.name },
  description: { sv: '', en: '', ...method.description },
  active: method.active,
  position: String(method.position),
});

export function draftToMethodBody(draft: MethodDraft): Result<MethodBody> {
  const problems: Problems = {};
  const carrier = draft.carrier.trim();
  if (!carrier) problems.carrier = 'validation.required';
  if (!draft.zoneId) problems.zoneId = 'validation.required';
  const body = {
    zoneId: draft.zoneId,
    code: code(draft.code, problems),
    kind: draft.kind,
    carrier,
    name: texts(draft.name, true, 'name', problems) as MethodBody['name'],
    description: texts(draft.description, false, 'description', problems),
    active: draft.active,
    position: position(draft.position, problems),
  };
  return Object.keys(problems).length > 0 ? { problems } : { body };
}

/** One row of a method's rate table as typed: the heaviest cart in kilograms (empty: no upper bound) and its price. */
export interface RateRowDraft {
  /** Keeps a row's inputs when another row is removed. */
  key: string;
  currency: string;
  maxWeightKg: string;
  amount: string;
}

let rowKeys = 0;
export const newRateRow = (currency: string): RateRowDraft => ({
  key: `rate-${++rowKeys}`,
  currency,
  maxWeightKg: '',
  amount: '',
});

/** The weights per currency in the order the server prices them: lightest bracket first, the open one last. */
export function sortRates<T extends ShippingRate>(rates: T[], currencyOrder: string[] = []): T[] {
  const rank = (currency: string) => {
    const index = currencyOrder.indexOf(currency);
    return index === -1 ? currencyOrder.length : index;
  };
  return [...rates].sort(
    (a, b) =>
      rank(a.currency) - rank(b.currency) ||
      a.currency.localeCompare(b.currency) ||
      (a.maxWeightGrams ?? Number.POSITIVE_INFINITY) - (b.maxWeightGrams ?? Number.POSITIVE_INFINITY),
  );
}

export const ratesToDraft = (rates: ShippingRate[], separator = '.'): RateRowDraft[] =>
  sortRates(rates).map((rate) => ({
    ...newRateRow(rate.currency),
    maxWeightKg: rate.maxWeightGrams === null ? '' : decimalToInput(rate.maxWeightGrams, 3, separator),
    amount: decimalToInput(rate.amountMinor, currencyExponent(rate.currency), separator),
  }));

/**
 * The rows as the body of PUT /api/commerce/shipping/methods/:id/rates, or their problems keyed as the server keys
 * them (`rates.2.amountMinor`). Weights are typed in kilograms with up to three decimals and sent in grams.
 */
export function draftToRates(rows: RateRowDraft[]): Result<{ rates: ShippingRate[] }> {
  const problems: Problems = {};
  const seen = new Set<string>();
  const rates = rows.map((row, index): ShippingRate => {
    const path = `rates.${index}`;
    if (!row.currency) problems[`${path}.currency`] = 'validation.required';
    let maxWeightGrams: number | null = null;
    if (row.maxWeightKg.trim()) {
      maxWeightGrams = parseMinor(row.maxWeightKg, 3);
      if (maxWeightGrams === null || maxWeightGrams < 1 || maxWeightGrams > 100_000_000) {
        problems[`${path}.maxWeightGrams`] = 'commerceOps.shipping.problem.weight';
        maxWeightGrams = null;
      }
    }
    const bracket = `${row.currency}/${maxWeightGrams ?? row.maxWeightKg.trim()}`;
    if (seen.has(bracket) && !problems[`${path}.maxWeightGrams`])
      problems[`${path}.maxWeightGrams`] = 'commerceOps.shipping.problem.bracketRepeated';
    seen.add(bracket);
    const amountMinor = parseAmount(row.amount, row.currency);
    if (amountMinor === null) problems[`${path}.amountMinor`] = 'commerceOps.shipping.problem.amount';
    return { currency: row.currency, maxWeightGrams, amountMinor: amountMinor ?? 0 };
  });
  return Object.keys(problems).length > 0 ? { problems } : { body: { rates } };
}

/** Where a server field error belongs in the zone and method forms: `countries.3` under the countries. */
export function shippingFieldOf(path: string): string {
  if (path === 'name') return 'name.sv';
  if (path.startsWith('countries')) return 'countries';
  return path;
}

import type { catalogPriceRow } from '@kontor/contracts';
import type { z } from 'zod';
import { minorToInput, parseMinor } from './money';
import { type NumberField, newKey } from './product-draft';
import { isoToShopInput, shopInputToIso } from './shop-time';

export type PriceRow = z.infer<typeof catalogPriceRow>;

/** One volume tier as typed: the amount in major units as text, the window as `datetime-local` values (shop time). */
export interface TierDraft {
  key: string;
  amount: string;
  minQuantity: NumberField;
  validFrom: string;
  validTo: string;
}

/** A variant's tiers by price list id, then currency. */
export type VariantPrices = Record<string, Record<string, TierDraft[]>>;
/** Every variant's, by the variant's key in the editor. */
export type PricesDraft = Record<string, VariantPrices>;

/** What the API takes for one list and currency: the tiers replace those there were. */
export interface TierInput {
  amountMinor: number;
  minQuantity: number;
  validFrom: string | null;
  validTo: string | null;
}

export const emptyTier = (minQuantity: number): TierDraft => ({
  key: newKey('tier'),
  amount: '',
  minQuantity,
  validFrom: '',
  validTo: '',
});

/** Tiers in the order a person reads them: by quantity, then by when they start (open start first). */
export const byTier = (
  a: { minQuantity: number; validFrom: string | null },
  b: { minQuantity: number; validFrom: string | null },
) => a.minQuantity - b.minQuantity || (a.validFrom ?? '').localeCompare(b.validFrom ?? '');

/** One saved price row as a form holds it, keyed by the row's id. */
export const tierDraftOf = (row: PriceRow, exponent: number, separator = '.'): TierDraft => ({
  key: row.id,
  amount: minorToInput(row.amountMinor, exponent, separator),
  minQuantity: row.minQuantity,
  validFrom: isoToShopInput(row.validFrom),
  validTo: isoToShopInput(row.validTo),
});

/** A variant's price rows as the editor holds them: per list and currency, tiers by quantity then start. */
export function variantPricesOf(
  rows: PriceRow[],
  exponentOf: (currency: string) => number,
  separator = '.',
): VariantPrices {
  const result: VariantPrices = {};
  const sorted = [...rows].sort(byTier);
  for (const row of sorted) {
    const list = result[row.priceListId] ?? {};
    result[row.priceListId] = list;
    const tiers = list[row.currency] ?? [];
    list[row.currency] = tiers;
    tiers.push(tierDraftOf(row, exponentOf(row.currency), separator));
  }
  return result;
}

/**
 * The tiers as the API takes them, or the fields that cannot be read: `<tier key>.amount` for an amount that is
 * no amount in this currency (too many decimals, letters), `<tier key>.minQuantity` for a missing quantity.
 * Tiers left wholly empty are dropped: an empty row is how a person starts one.
 */
export function tierInputs(
  tiers: TierDraft[],
  exponent: number,
): { ok: true; prices: TierInput[] } | { ok: false; invalid: string[] } {
  const invalid: string[] = [];
  const prices: TierInput[] = [];
  for (const tier of tiers) {
    if (tier.amount.trim() === '' && !tier.validFrom && !tier.validTo) continue;
    const amountMinor = parseMinor(tier.amount, exponent);
    if (amountMinor === null) invalid.push(`${tier.key}.amount`);
    if (tier.minQuantity === '' || tier.minQuantity < 1) invalid.push(`${tier.key}.minQuantity`);
    if (amountMinor !== null && tier.minQuantity !== '')
      prices.push({
        amountMinor,
        minQuantity: tier.minQuantity,
        validFrom: shopInputToIso(tier.validFrom),
        validTo: shopInputToIso(tier.validTo),
      });
  }
  return invalid.length > 0 ? { ok: false, invalid } : { ok: true, prices };
}

/** The tiers that will be kept, in one order: to tell whether a person changed anything. */
function fingerprint(tiers: TierDraft[] | undefined, exponent: number): string {
  const read = tierInputs(tiers ?? [], exponent);
  if (!read.ok) return `invalid:${JSON.stringify(tiers)}`;
  return JSON.stringify([...read.prices].sort(byTier));
}

export interface PriceChange {
  variantKey: string;
  listId: string;
  currency: string;
  tiers: TierDraft[];
}

/** The (variant, list, currency) whose tiers differ from what was read, in the editable lists only. */
export function priceChanges(
  original: PricesDraft,
  draft: PricesDraft,
  editableListIds: string[],
  exponentOf: (currency: string) => number,
): PriceChange[] {
  const changes: PriceChange[] = [];
  for (const [variantKey, lists] of Object.entries(draft)) {
    for (const listId of editableListIds) {
      const currencies = new Set([
        ...Object.keys(lists[listId] ?? {}),
        ...Object.keys(original[variantKey]?.[listId] ?? {}),
      ]);
      for (const currency of currencies) {
        const before = original[variantKey]?.[listId]?.[currency];
        const after = lists[listId]?.[currency];
        if (fingerprint(before, exponentOf(currency)) !== fingerprint(after, exponentOf(currency)))
          changes.push({ variantKey, listId, currency, tiers: after ?? [] });
      }
    }
  }
  return changes;
}

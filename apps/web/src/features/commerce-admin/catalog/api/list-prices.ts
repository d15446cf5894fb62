import type { FieldError } from '../../../../app/api-client';
import { byTier, type TierDraft, type TierInput, tierInputs } from './price-draft';
import type { ListPrice } from './prices-api';
import { type ProblemPaths, problemsUnder } from './problem-paths';

/** A list's prices of one variant in one currency: what one request replaces. */
export interface PriceGroup {
  key: string;
  variantId: string;
  sku: string;
  productId: string;
  productName: Record<string, string>;
  currency: string;
  rows: ListPrice[];
}

/** The prices by variant and currency, by SKU in the user's language's order, each group's tiers as read. */
export function groupListPrices(prices: ListPrice[], collator: Intl.Collator): PriceGroup[] {
  const groups = new Map<string, PriceGroup>();
  for (const price of prices) {
    const key = `${price.variantId}/${price.currency}`;
    const group = groups.get(key) ?? {
      key,
      variantId: price.variantId,
      sku: price.sku,
      productId: price.productId,
      productName: price.productName,
      currency: price.currency,
      rows: [],
    };
    group.rows.push(price);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((group) => ({ ...group, rows: [...group.rows].sort(byTier) }))
    .sort((a, b) => collator.compare(a.sku, b.sku) || a.currency.localeCompare(b.currency));
}

/** One change to a group: a tier put in (new, or replacing the saved row its key names) or a saved row taken out. */
export type PriceEdit = { kind: 'put'; tier: TierDraft } | { kind: 'remove'; key: string };

export type EditedTiers = { ok: true; prices: TierInput[]; index: number } | { ok: false; problems: ProblemPaths };

/**
 * The group's tiers after one edit, as the API replaces them. The other rows go back exactly as stored; the edited
 * tier goes last, so whatever the server says of `prices.<index>` is about the tier the person typed.
 */
export function tiersAfter(rows: ListPrice[], edit: PriceEdit, exponent: number): EditedTiers {
  const key = edit.kind === 'put' ? edit.tier.key : edit.key;
  const others: TierInput[] = rows
    .filter((row) => row.id !== key)
    .map((row) => ({
      amountMinor: row.amountMinor,
      minQuantity: row.minQuantity,
      validFrom: row.validFrom,
      validTo: row.validTo,
    }));
  if (edit.kind === 'remove') return { ok: true, prices: others, index: -1 };
  const read = tierInputs([edit.tier], exponent);
  // A price without an amount is no price: the form asks for one rather than sending nothing.
  if (!read.ok || read.prices.length === 0)
    return { ok: false, problems: localProblems(read.ok ? [`${key}.amount`] : read.invalid, key) };
  return { ok: true, prices: [...others, ...read.prices], index: others.length };
}

/** What the page itself could not read, worded as the server words the same fields. */
function localProblems(invalid: string[], key: string): ProblemPaths {
  const problems: ProblemPaths = {};
  for (const path of invalid) {
    const field = path.slice(key.length + 1);
    problems[field] =
      field === 'amount'
        ? { path, message: 'is no amount', code: 'invalid_amount' }
        : { path, message: 'is too small', code: 'too_small', minimum: 1 };
  }
  return problems;
}

/**
 * The server's field errors of a price form, by the form's fields: the tier at `index` (its amount is
 * `amountMinor` there), the currency and the variant (shown at the SKU).
 */
export function priceFormProblems(paths: ProblemPaths, index: number): ProblemPaths {
  const tier = problemsUnder(paths, `prices.${index}`);
  const fields: Record<string, FieldError | undefined> = {
    amount: tier.amountMinor,
    minQuantity: tier.minQuantity,
    validFrom: tier.validFrom,
    validTo: tier.validTo,
    currency: paths.currency,
    sku: paths.variantId,
  };
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, FieldError] => entry[1] !== undefined),
  );
}

/** The variant a product search most likely meant: the one whose SKU was typed, else the first that is sold. */
export function likelyVariant<V extends { sku: string; active: boolean }>(variants: V[], query: string): V | undefined {
  const typed = query.trim().toLowerCase();
  return (
    variants.find((variant) => variant.sku.toLowerCase() === typed) ??
    variants.find((variant) => variant.active) ??
    variants[0]
  );
}

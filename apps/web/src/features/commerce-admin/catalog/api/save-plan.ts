import type { CatalogProductInput } from '@kontor/contracts';
import { type PriceChange, type PricesDraft, priceChanges, type TierInput, tierInputs } from './price-draft';
import type { ProblemPaths } from './problem-paths';
import {
  type AttributeValue,
  emptyStock,
  type FitmentDraft,
  numberOr,
  type ProductDraft,
  type StockDraft,
  type VariantDraft,
} from './product-draft';
import { compactText, sameText } from './translated';

type ProductFields = Omit<ProductDraft, 'variants'>;
export type ProductPatch = Partial<ProductFields>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sortedKeys = (record: Record<string, AttributeValue>) =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

const TEXT_FIELDS = ['name', 'description', 'seoTitle', 'seoDescription'] as const;

/** The product's own fields that differ from what was read; `{}` when nothing did. */
export function productPatch(original: ProductDraft, draft: ProductDraft): ProductPatch {
  const patch: ProductPatch = {};
  if (draft.slug.trim() !== original.slug) patch.slug = draft.slug.trim();
  if (draft.status !== original.status) patch.status = draft.status;
  if (draft.brandId !== original.brandId) patch.brandId = draft.brandId;
  if (draft.vatClass !== original.vatClass) patch.vatClass = draft.vatClass;
  if (draft.bulky !== original.bulky) patch.bulky = draft.bulky;
  for (const field of TEXT_FIELDS) {
    if (!sameText(original[field], draft[field])) patch[field] = compactText(draft[field]);
  }
  if (!same(sortedKeys(original.attributes), sortedKeys(draft.attributes))) patch.attributes = draft.attributes;
  const options = optionInputs(draft);
  if (!same(optionInputs(original), options)) patch.options = options;
  if (!same(original.categoryIds, draft.categoryIds)) patch.categoryIds = draft.categoryIds;
  return patch;
}

const optionInputs = (draft: ProductDraft) =>
  draft.options.map((axis) => ({ key: axis.key.trim(), name: compactText(axis.name) }));

export interface VariantInput {
  sku: string;
  ean: string | null;
  optionValues: Record<string, string>;
  attributes: Record<string, AttributeValue>;
  weightGrams: number;
  position: number;
  active: boolean;
}

/** A variant as the API creates it; only the product's axes are sent, trimmed. */
export function variantInput(variant: VariantDraft, position: number, axes: string[]): VariantInput {
  return {
    sku: variant.sku.trim(),
    ean: variant.ean.trim() || null,
    optionValues: Object.fromEntries(axes.map((key) => [key, (variant.optionValues[key] ?? '').trim()])),
    attributes: variant.attributes,
    weightGrams: numberOr(variant.weightGrams, 0),
    position,
    active: variant.active,
  };
}

/** The fields of a saved variant that changed; `{}` when none did. */
export function variantPatch(original: VariantInput, current: VariantInput): Partial<VariantInput> {
  const patch: Partial<VariantInput> = {};
  for (const key of Object.keys(current) as Array<keyof VariantInput>) {
    if (!same(original[key], current[key])) (patch as Record<string, unknown>)[key] = current[key];
  }
  return patch;
}

export interface FitmentInput {
  make: string;
  model: string;
  yearFrom: number;
  yearTo: number;
}

export const fitmentInputs = (fitments: FitmentDraft[]): FitmentInput[] =>
  fitments.map((fitment) => ({
    make: fitment.make.trim(),
    model: fitment.model.trim(),
    // 0 is below the API's range: an empty year comes back as that field's error.
    yearFrom: numberOr(fitment.yearFrom, 0),
    yearTo: numberOr(fitment.yearTo, 0),
  }));

export const stockInput = (stock: StockDraft) => ({
  onHand: numberOr(stock.onHand, -1),
  backorder: stock.backorder,
  lowStockThreshold: numberOr(stock.lowStockThreshold, -1),
});

export type SaveStep =
  | { kind: 'createProduct'; body: CatalogProductInput; variantKeys: string[] }
  | { kind: 'updateProduct'; patch: ProductPatch }
  | { kind: 'createVariant'; variantKey: string; sku: string; body: VariantInput }
  | { kind: 'updateVariant'; variantKey: string; sku: string; patch: Partial<VariantInput> }
  | { kind: 'removeVariant'; variantKey: string; sku: string }
  | { kind: 'fitments'; variantKey: string; sku: string; fitments: FitmentInput[]; fitmentKeys: string[] }
  | { kind: 'stock'; variantKey: string; sku: string; stock: ReturnType<typeof stockInput> }
  | {
      kind: 'prices';
      variantKey: string;
      sku: string;
      listId: string;
      currency: string;
      prices: TierInput[];
      tierKeys: string[];
    };

export interface SavePlanInput {
  /** What was read; null for a product not created yet. */
  original: ProductDraft | null;
  draft: ProductDraft;
  originalPrices: PricesDraft;
  prices: PricesDraft;
  /** The lists this page edits (retail); campaigns and B2B lists are shown only. */
  editableListIds: string[];
  exponentOf: (currency: string) => number;
}

export interface SavePlan {
  steps: SaveStep[];
  /** Fields the page cannot send as they are (an amount that is no amount): nothing is sent while there are any. */
  invalid: string[];
}

/**
 * The requests that save what a person changed, in the order they depend on each other: the product (created with
 * its variants, or patched), then each variant, then its fitment, stock and prices, which need its id.
 */
export function planSave(input: SavePlanInput): SavePlan {
  const { original, draft } = input;
  const axes = draft.options.map((axis) => axis.key.trim());
  const steps: SaveStep[] = [];
  const invalid: string[] = [];
  const originalVariants = new Map((original?.variants ?? []).map((variant) => [variant.key, variant]));
  const originalAxes = (original?.options ?? []).map((axis) => axis.key);

  if (!original) {
    const { variants: _variants, ...fields } = draft;
    steps.push({
      kind: 'createProduct',
      body: {
        ...fields,
        slug: draft.slug.trim(),
        name: compactText(draft.name),
        description: compactText(draft.description),
        seoTitle: compactText(draft.seoTitle),
        seoDescription: compactText(draft.seoDescription),
        options: optionInputs(draft),
        variants: draft.variants.map((variant, index) => variantInput(variant, index, axes)),
      },
      variantKeys: draft.variants.map((variant) => variant.key),
    });
  } else {
    const patch = productPatch(original, draft);
    if (Object.keys(patch).length > 0) steps.push({ kind: 'updateProduct', patch });
  }

  draft.variants.forEach((variant, index) => {
    const sku = variant.sku.trim();
    const before = originalVariants.get(variant.key);
    const current = variantInput(variant, index, axes);
    if (original && !before) steps.push({ kind: 'createVariant', variantKey: variant.key, sku, body: current });
    if (before) {
      const patch = variantPatch(
        variantInput(before, original?.variants.indexOf(before) ?? index, originalAxes),
        current,
      );
      if (Object.keys(patch).length > 0) steps.push({ kind: 'updateVariant', variantKey: variant.key, sku, patch });
    }
    const fitments = fitmentInputs(variant.fitments);
    if (!same(fitmentInputs(before?.fitments ?? []), fitments))
      steps.push({
        kind: 'fitments',
        variantKey: variant.key,
        sku,
        fitments,
        fitmentKeys: variant.fitments.map((fitment) => fitment.key),
      });
    if (!same(stockInput(before?.stock ?? emptyStock()), stockInput(variant.stock)))
      steps.push({ kind: 'stock', variantKey: variant.key, sku, stock: stockInput(variant.stock) });
  });

  const kept = new Set(draft.variants.map((variant) => variant.key));
  for (const variant of original?.variants ?? []) {
    if (!kept.has(variant.key)) steps.push({ kind: 'removeVariant', variantKey: variant.key, sku: variant.sku });
  }

  const skuOf = new Map(draft.variants.map((variant) => [variant.key, variant.sku.trim()]));
  const changes: PriceChange[] = priceChanges(
    input.originalPrices,
    input.prices,
    input.editableListIds,
    input.exponentOf,
  ).filter((change) => kept.has(change.variantKey));
  for (const change of changes) {
    const read = tierInputs(change.tiers, input.exponentOf(change.currency));
    const at = `prices.${change.variantKey}.${change.listId}.${change.currency}`;
    if (!read.ok) {
      invalid.push(...read.invalid.map((path) => `${at}.${path}`));
      continue;
    }
    const sent = change.tiers.filter((tier) => tier.amount.trim() !== '' || tier.validFrom || tier.validTo);
    steps.push({
      kind: 'prices',
      variantKey: change.variantKey,
      sku: skuOf.get(change.variantKey) ?? '',
      listId: change.listId,
      currency: change.currency,
      prices: read.prices,
      tierKeys: sent.map((tier) => tier.key),
    });
  }
  return { steps, invalid };
}

/** The step's own words for a field of a price tier, as the editor names it. */
const TIER_FIELDS: Record<string, string> = { amountMinor: 'amount' };

/**
 * Where in the editor the errors of one request belong: a variant's `sku` becomes `variants.<key>.sku`, the
 * third tier's `prices.2.amountMinor` becomes `prices.<variant>.<list>.<currency>.<tier key>.amount`.
 */
export function stepErrorPaths(step: SaveStep, paths: ProblemPaths): ProblemPaths {
  const result: ProblemPaths = {};
  for (const [path, error] of Object.entries(paths)) {
    const parts = path ? path.split('.') : [];
    let target: string;
    switch (step.kind) {
      case 'createProduct': {
        if (parts[0] === 'variants' && parts[1] !== undefined) {
          const key = step.variantKeys[Number(parts[1])] ?? parts[1];
          target = ['variants', key, ...parts.slice(2)].join('.');
        } else target = path;
        break;
      }
      case 'updateProduct':
        target = path;
        break;
      case 'createVariant':
      case 'updateVariant':
      case 'removeVariant':
        target = ['variants', step.variantKey, ...parts].join('.');
        break;
      case 'fitments': {
        const rest = parts[0] === 'fitments' ? parts.slice(1) : parts;
        const key = rest[0] !== undefined ? (step.fitmentKeys[Number(rest[0])] ?? rest[0]) : undefined;
        target = ['variants', step.variantKey, 'fitments', ...(key ? [key] : []), ...rest.slice(1)].join('.');
        break;
      }
      case 'stock':
        target = ['variants', step.variantKey, 'stock', ...parts].join('.');
        break;
      case 'prices': {
        const at = ['prices', step.variantKey, step.listId, step.currency];
        if (parts[0] === 'prices' && parts[1] !== undefined) {
          const key = step.tierKeys[Number(parts[1])] ?? parts[1];
          const field = parts[2] ? (TIER_FIELDS[parts[2]] ?? parts[2]) : undefined;
          target = [...at, key, ...(field ? [field] : [])].join('.');
        } else target = at.join('.');
        break;
      }
    }
    if (!(target in result)) result[target] = error;
  }
  return result;
}

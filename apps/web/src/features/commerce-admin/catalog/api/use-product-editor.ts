import type { CatalogProduct } from '@kontor/contracts';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../app/api-client';
import { catalogPaths } from './catalog-paths';
import { decimalSeparator } from './money';
import { type PricesDraft, type VariantPrices, variantPricesOf } from './price-draft';
import { exponentLookup, useCurrencies, usePriceLists } from './prices-api';
import type { ProblemPaths } from './problem-paths';
import { emptyProduct, type ProductDraft, productDraft, type VariantDraft } from './product-draft';
import {
  fetchVariantPrices,
  productKey,
  useProduct,
  useRefreshCatalog,
  type VariantPricesAnswer,
  variantPricesKey,
} from './products-api';
import { runSave, type SaveRun } from './run-save';
import { planSave } from './save-plan';

interface Baseline {
  product: ProductDraft;
  prices: PricesDraft;
}

/**
 * The product as read, keyed the way the editor keys it: a variant created by this page keeps the key it had
 * before it was saved, so its row, its open panel and its errors stay where they were.
 */
function baselineOf(
  product: CatalogProduct,
  answers: Record<string, VariantPricesAnswer | undefined>,
  keyOfId: Map<string, string>,
  exponentOf: (currency: string) => number,
  separator: string,
): Baseline {
  const draft = productDraft(product);
  draft.variants = draft.variants.map((variant) => ({ ...variant, key: keyOfId.get(variant.key) ?? variant.key }));
  const prices: PricesDraft = {};
  for (const variant of draft.variants) {
    prices[variant.key] = variantPricesOf(answers[variant.id ?? '']?.prices ?? [], exponentOf, separator);
  }
  return { product: draft, prices };
}

/** Everything the product editor holds: what was read, what is typed, and saving the difference. */
export function useProductEditor(productId: string | null, onCreated: (id: string) => void) {
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  const separator = decimalSeparator(i18n.language);
  const refreshCatalog = useRefreshCatalog();
  const product = useProduct(productId);
  const currencies = useCurrencies();
  const priceLists = usePriceLists();
  const exponentOf = useMemo(() => exponentLookup(currencies.data), [currencies.data]);
  const variantIds = product.data?.variants.map((variant) => variant.id) ?? [];
  const priceQueries = useQueries({
    queries: variantIds.map((id) => ({
      queryKey: variantPricesKey(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchVariantPrices(id, signal),
    })),
  });
  const savedPrices: Record<string, VariantPricesAnswer | undefined> = {};
  variantIds.forEach((id, index) => {
    savedPrices[id] = priceQueries[index]?.data;
  });
  const pricesReady = priceQueries.every((query) => !query.isPending);

  const [baseline, setBaseline] = useState<Baseline | null>(null);
  const [draft, setDraft] = useState<ProductDraft>(emptyProduct);
  const [prices, setPrices] = useState<PricesDraft>({});
  const [errors, setErrors] = useState<ProblemPaths>({});
  const [run, setRun] = useState<SaveRun | null>(null);
  const [invalidCount, setInvalidCount] = useState(0);
  const [saving, setSaving] = useState(false);
  const initialized = useRef<string | null>(null);

  const ready = productId === null ? currencies.isSuccess : product.isSuccess && pricesReady && currencies.isSuccess;
  useEffect(() => {
    const target = productId ?? 'new';
    if (!ready || initialized.current === target) return;
    initialized.current = target;
    if (productId === null || !product.data) {
      setBaseline(null);
      setDraft(emptyProduct());
      setPrices({});
    } else {
      const read = baselineOf(product.data, savedPrices, new Map(), exponentOf, separator);
      setBaseline(read);
      setDraft(read.product);
      setPrices(read.prices);
    }
    setErrors({});
    setRun(null);
  });

  const editableListIds = (priceLists.data ?? []).filter((list) => list.kind === 'retail').map((list) => list.id);
  const plan = planSave({
    original: baseline?.product ?? null,
    draft,
    originalPrices: baseline?.prices ?? {},
    prices,
    editableListIds,
    exponentOf,
  });

  const save = async (): Promise<ProblemPaths> => {
    if (plan.invalid.length > 0) {
      const local: ProblemPaths = {};
      for (const path of plan.invalid) local[path] = { path, message: 'is no amount', code: 'invalid_amount' };
      setErrors(local);
      setInvalidCount(plan.invalid.length);
      setRun(null);
      return local;
    }
    setSaving(true);
    setInvalidCount(0);
    // What the last save said no longer holds once the next one is on its way.
    setErrors({});
    setRun(null);
    try {
      const known = new Map(
        draft.variants.flatMap((variant) => (variant.id ? [[variant.key, variant.id] as const] : [])),
      );
      const result = await runSave(plan.steps, productId, known);
      const id = result.productId;
      if (id && productId === null) {
        initialized.current = id;
        onCreated(id);
      }
      let next = baseline;
      if (id) {
        const fresh = await queryClient.fetchQuery({
          queryKey: productKey(id),
          queryFn: () => api<CatalogProduct>(catalogPaths.product(id)),
          staleTime: 0,
        });
        const answers: Record<string, VariantPricesAnswer | undefined> = {};
        for (const variant of fresh.variants) {
          answers[variant.id] = await queryClient.fetchQuery({
            queryKey: variantPricesKey(variant.id),
            queryFn: () => fetchVariantPrices(variant.id),
            staleTime: 0,
          });
        }
        const keyOfId = new Map<string, string>();
        for (const variant of draft.variants) {
          const variantId = variant.id ?? result.createdIds.get(variant.key);
          if (variantId) keyOfId.set(variantId, variant.key);
        }
        next = baselineOf(fresh, answers, keyOfId, exponentOf, separator);
        setBaseline(next);
      }
      const failed = result.outcomes.some((outcome) => outcome.status !== 'saved');
      if (!failed && next) {
        setDraft(next.product);
        setPrices(next.prices);
      } else {
        const withIds = (variant: VariantDraft) => ({
          ...variant,
          id: variant.id ?? result.createdIds.get(variant.key) ?? null,
        });
        setDraft((current) => ({ ...current, variants: current.variants.map(withIds) }));
      }
      setErrors(result.errors);
      setRun(result);
      void refreshCatalog();
      return result.errors;
    } finally {
      setSaving(false);
    }
  };

  const setVariantPrices = (key: string, next: VariantPrices) => setPrices((current) => ({ ...current, [key]: next }));

  return {
    product,
    currencies: currencies.data ?? [],
    priceLists: priceLists.data ?? [],
    savedPrices,
    ready,
    baseline,
    draft,
    setDraft,
    prices,
    setVariantPrices,
    errors,
    run,
    invalidCount,
    saving,
    dirty: plan.steps.length > 0 || plan.invalid.length > 0,
    save,
  };
}

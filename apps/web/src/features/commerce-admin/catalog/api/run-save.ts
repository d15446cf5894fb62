import type { CatalogProduct } from '@kontor/contracts';
import { api } from '../../../../app/api-client';
import { catalogPaths } from './catalog-paths';
import { type ProblemPaths, problemPaths } from './problem-paths';
import type { SaveStep } from './save-plan';
import { stepErrorPaths } from './save-plan';

export type StepStatus = 'saved' | 'failed' | 'skipped';

export interface StepOutcome {
  step: SaveStep;
  status: StepStatus;
  error?: unknown;
}

export interface SaveRun {
  productId: string | null;
  outcomes: StepOutcome[];
  /** Every failed step's field errors, where the editor shows them. */
  errors: ProblemPaths;
  /** Ids of the variants created by this run, by their key in the editor. */
  createdIds: Map<string, string>;
}

/** The variant the answer holds with this SKU: how a created variant is told apart from its siblings. */
const idBySku = (product: CatalogProduct, sku: string) =>
  product.variants.find((variant) => variant.sku === sku)?.id ?? null;

/**
 * Sends the steps one after another. A step whose product or variant could not be created is skipped, not sent;
 * every other failure is kept with its field errors and the rest carries on, so one bad price does not keep the
 * names, the stock and the other prices from being saved.
 */
export async function runSave(
  steps: SaveStep[],
  productId: string | null,
  variantIds: Map<string, string>,
  send: typeof api = api,
): Promise<SaveRun> {
  const run: SaveRun = { productId, outcomes: [], errors: {}, createdIds: new Map() };
  const ids = new Map(variantIds);
  const failedVariants = new Set<string>();

  for (const step of steps) {
    const variantKey = 'variantKey' in step ? step.variantKey : null;
    const variantId = variantKey ? ids.get(variantKey) : undefined;
    const blocked =
      (step.kind !== 'createProduct' && run.productId === null) ||
      (variantKey !== null && step.kind !== 'createVariant' && (failedVariants.has(variantKey) || !variantId));
    if (blocked) {
      run.outcomes.push({ step, status: 'skipped' });
      continue;
    }
    try {
      switch (step.kind) {
        case 'createProduct': {
          const product = await send<CatalogProduct>(catalogPaths.products, { method: 'POST', body: step.body });
          run.productId = product.id;
          step.variantKeys.forEach((key, index) => {
            const id = idBySku(product, step.body.variants?.[index]?.sku ?? '');
            if (id) {
              ids.set(key, id);
              run.createdIds.set(key, id);
            }
          });
          break;
        }
        case 'updateProduct':
          await send(catalogPaths.product(run.productId ?? ''), { method: 'PATCH', body: step.patch });
          break;
        case 'createVariant': {
          const product = await send<CatalogProduct>(catalogPaths.productVariants(run.productId ?? ''), {
            method: 'POST',
            body: step.body,
          });
          const id = idBySku(product, step.body.sku);
          if (id) {
            ids.set(step.variantKey, id);
            run.createdIds.set(step.variantKey, id);
          }
          break;
        }
        case 'updateVariant':
          await send(catalogPaths.variant(variantId ?? ''), { method: 'PATCH', body: step.patch });
          break;
        case 'removeVariant':
          await send(catalogPaths.variant(variantId ?? ''), { method: 'DELETE' });
          break;
        case 'fitments':
          await send(catalogPaths.variantFitments(variantId ?? ''), {
            method: 'PUT',
            body: { fitments: step.fitments },
          });
          break;
        case 'stock':
          await send(catalogPaths.variantStock(variantId ?? ''), { method: 'PUT', body: step.stock });
          break;
        case 'prices':
          await send(catalogPaths.priceListPrices(step.listId), {
            method: 'PUT',
            body: { variantId, currency: step.currency, prices: step.prices },
          });
          break;
      }
      run.outcomes.push({ step, status: 'saved' });
    } catch (error) {
      run.outcomes.push({ step, status: 'failed', error });
      if (step.kind === 'createVariant' && variantKey) failedVariants.add(variantKey);
      Object.assign(run.errors, { ...stepErrorPaths(step, problemPaths(error)), ...run.errors });
    }
  }
  return run;
}

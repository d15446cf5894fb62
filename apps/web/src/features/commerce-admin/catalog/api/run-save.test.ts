import { describe, expect, it } from 'vitest';
import { ApiError, type RequestOptions } from '../../../../app/api-client';
import { runSave } from './run-save';
import type { SaveStep } from './save-plan';

const problem = (path: string, code: string) =>
  new ApiError({
    type: 'about:blank',
    title: 'Unprocessable',
    status: 422,
    detail: 'Some fields cannot be saved',
    code: `commerce.${code}`,
    instance: '',
    requestId: '',
    errors: [{ path, message: 'is wrong', code }],
  });

/** An API that answers each path with what the test says, and records what was sent. */
function fakeApi(answers: Record<string, (body: unknown) => unknown>) {
  const sent: string[] = [];
  const send = async <T>(path: string, options: RequestOptions = {}): Promise<T> => {
    const key = `${options.method ?? 'GET'} ${path}`;
    sent.push(key);
    const answer = answers[key];
    if (!answer) return undefined as T;
    return answer(options.body) as T;
  };
  return { send: send as never, sent };
}

const product = (variants: Array<{ id: string; sku: string }>) => ({ id: 'p1', variants });

describe('running a save', () => {
  it('creates the product, then sends each variant its fitment, stock and prices by the ids it got', async () => {
    const steps: SaveStep[] = [
      {
        kind: 'createProduct',
        body: { slug: 'prop', name: { sv: 'P', en: 'P' }, variants: [{ sku: 'A' }] },
        variantKeys: ['new-1'],
      },
      { kind: 'fitments', variantKey: 'new-1', sku: 'A', fitments: [], fitmentKeys: [] },
      { kind: 'prices', variantKey: 'new-1', sku: 'A', listId: 'retail', currency: 'SEK', prices: [], tierKeys: [] },
    ];
    const api = fakeApi({ 'POST /api/commerce/products': () => product([{ id: 'v1', sku: 'A' }]) });
    const run = await runSave(steps, null, new Map(), api.send);
    expect(run.productId).toBe('p1');
    expect(run.createdIds.get('new-1')).toBe('v1');
    expect(api.sent).toEqual([
      'POST /api/commerce/products',
      'PUT /api/commerce/variants/v1/fitments',
      'PUT /api/commerce/price-lists/retail/prices',
    ]);
    expect(run.outcomes.map((outcome) => outcome.status)).toEqual(['saved', 'saved', 'saved']);
  });

  it('keeps going past a failure, skips what depends on it, and puts each error on its field', async () => {
    const steps: SaveStep[] = [
      { kind: 'updateProduct', patch: { slug: 'taken' } },
      { kind: 'createVariant', variantKey: 'new-2', sku: 'B', body: {} as never },
      { kind: 'stock', variantKey: 'new-2', sku: 'B', stock: { onHand: 1, backorder: false, lowStockThreshold: 0 } },
      { kind: 'stock', variantKey: 'v1', sku: 'A', stock: { onHand: 3, backorder: false, lowStockThreshold: 0 } },
    ];
    const api = fakeApi({
      'PATCH /api/commerce/products/p1': () => {
        throw problem('body.slug', 'slug_taken');
      },
      'POST /api/commerce/products/p1/variants': () => {
        throw problem('body.sku', 'sku_taken');
      },
    });
    const run = await runSave(steps, 'p1', new Map([['v1', 'v1']]), api.send);
    expect(run.outcomes.map((outcome) => outcome.status)).toEqual(['failed', 'failed', 'skipped', 'saved']);
    expect(Object.keys(run.errors).sort()).toEqual(['slug', 'variants.new-2.sku']);
    expect(api.sent).toContain('PUT /api/commerce/variants/v1/stock');
  });
});

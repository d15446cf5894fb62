import { describe, expect, it } from 'vitest';
import type { FieldError } from '../../../../app/api-client';
import type { PricesDraft } from './price-draft';
import { emptyProduct, type ProductDraft, type VariantDraft } from './product-draft';
import { planSave, productPatch, stepErrorPaths } from './save-plan';

const variant = (key: string, sku: string, extra: Partial<VariantDraft> = {}): VariantDraft => ({
  key,
  id: key.startsWith('new') ? null : key,
  sku,
  ean: '',
  optionValues: {},
  attributes: {},
  weightGrams: 500,
  active: true,
  fitments: [],
  stock: { onHand: 0, backorder: false, lowStockThreshold: 0 },
  ...extra,
});

const saved = (): ProductDraft => ({
  ...emptyProduct(),
  slug: 'propeller-f40',
  name: { sv: 'Propeller', en: 'Propeller' },
  variants: [variant('v1', 'PROP-13'), variant('v2', 'PROP-14')],
});

const exponentOf = () => 2;
const plan = (original: ProductDraft | null, draft: ProductDraft, prices: PricesDraft = {}, originalPrices = {}) =>
  planSave({ original, draft, originalPrices, prices, editableListIds: ['retail'], exponentOf });

describe('what a save sends', () => {
  it('sends nothing when nothing changed', () => {
    expect(plan(saved(), saved())).toEqual({ steps: [], invalid: [] });
  });

  it('patches only the fields that changed; a cleared translation is dropped, not sent empty', () => {
    const draft = { ...saved(), status: 'published' as const, name: { sv: ' Propeller ', en: 'Propeller' } };
    expect(productPatch(saved(), draft)).toEqual({ status: 'published' });
    const cleared = { ...saved(), description: { sv: '', en: 'Stainless' } };
    expect(productPatch(saved(), cleared)).toEqual({ description: { en: 'Stainless' } });
  });

  it('creates a new product with its variants in one request, then its fitment, stock and prices', () => {
    const draft: ProductDraft = {
      ...emptyProduct(),
      slug: ' propeller-f40 ',
      name: { sv: 'Propeller', en: '' },
      variants: [
        variant('new-1', ' PROP-13 ', {
          fitments: [{ key: 'f1', make: 'Yamaha', model: 'F40', yearFrom: 2010, yearTo: 2020 }],
          stock: { onHand: 4, backorder: false, lowStockThreshold: 1 },
        }),
      ],
    };
    const prices: PricesDraft = {
      'new-1': { retail: { SEK: [{ key: 't1', amount: '1 295,00', minQuantity: 1, validFrom: '', validTo: '' }] } },
    };
    const { steps } = plan(null, draft, prices);
    expect(steps.map((step) => step.kind)).toEqual(['createProduct', 'fitments', 'stock', 'prices']);
    const create = steps[0];
    if (create?.kind !== 'createProduct') throw new Error('expected a create');
    expect(create.body.slug).toBe('propeller-f40');
    expect(create.body.name).toEqual({ sv: 'Propeller' });
    expect(create.body.variants?.[0]).toMatchObject({ sku: 'PROP-13', ean: null, weightGrams: 500, position: 0 });
    expect(steps[3]).toMatchObject({
      kind: 'prices',
      currency: 'SEK',
      prices: [{ amountMinor: 129500, minQuantity: 1 }],
    });
  });

  it('adds, changes and removes variants of a saved product, each by itself', () => {
    const draft = saved();
    draft.variants = [
      { ...(draft.variants[0] as VariantDraft), ean: '7310000000017' },
      variant('new-3', 'PROP-15', { active: false }),
    ];
    const kinds = plan(saved(), draft).steps.map((step) => `${step.kind}:${'sku' in step ? step.sku : ''}`);
    expect(kinds).toEqual(['updateVariant:PROP-13', 'createVariant:PROP-15', 'removeVariant:PROP-14']);
    const update = plan(saved(), draft).steps[0];
    expect(update?.kind === 'updateVariant' && update.patch).toEqual({ ean: '7310000000017' });
  });

  it('sends no price while an amount cannot be read, and says which', () => {
    const prices: PricesDraft = {
      v1: { retail: { SEK: [{ key: 't1', amount: '12,345', minQuantity: 1, validFrom: '', validTo: '' }] } },
    };
    expect(plan(saved(), saved(), prices).invalid).toEqual(['prices.v1.retail.SEK.t1.amount']);
  });

  it('leaves campaign lists alone: only the editable lists are compared', () => {
    const sale = { v1: { sale: { SEK: [{ key: 't', amount: '1', minQuantity: 1, validFrom: '', validTo: '' }] } } };
    expect(plan(saved(), saved(), sale, {}).steps).toEqual([]);
  });
});

describe('where the errors of a save belong', () => {
  const error = (path: string): FieldError => ({ path, message: 'is wrong' });

  it("puts a created product's variant errors on the variant's row", () => {
    const step = { kind: 'createProduct' as const, body: { slug: 'x', name: {} }, variantKeys: ['new-1', 'new-2'] };
    expect(Object.keys(stepErrorPaths(step, { 'variants.1.sku': error('x'), 'name.sv': error('y') }))).toEqual([
      'variants.new-2.sku',
      'name.sv',
    ]);
  });

  it("puts fitment, stock and price errors on their variant's rows", () => {
    const fitments = stepErrorPaths(
      { kind: 'fitments', variantKey: 'v1', sku: 'A', fitments: [], fitmentKeys: ['f1', 'f2'] },
      { 'fitments.1.yearTo': error('x') },
    );
    expect(Object.keys(fitments)).toEqual(['variants.v1.fitments.f2.yearTo']);
    const stock = stepErrorPaths(
      { kind: 'stock', variantKey: 'v1', sku: 'A', stock: { onHand: -1, backorder: false, lowStockThreshold: 0 } },
      { onHand: error('x') },
    );
    expect(Object.keys(stock)).toEqual(['variants.v1.stock.onHand']);
    const prices = stepErrorPaths(
      { kind: 'prices', variantKey: 'v1', sku: 'A', listId: 'retail', currency: 'EUR', prices: [], tierKeys: ['t1'] },
      { 'prices.0.amountMinor': error('x'), currency: error('y') },
    );
    expect(Object.keys(prices)).toEqual(['prices.v1.retail.EUR.t1.amount', 'prices.v1.retail.EUR']);
  });
});

import type { DiscountRule } from '@kontor/contracts';
import { describe, expect, it } from 'vitest';
import { draftToRuleBody, emptyRuleDraft, type RuleDraft, ruleFieldOf, ruleToDraft } from './rule-draft';

const PRODUCT_A = '00000000-0000-4000-8000-00000000000a';
const PRODUCT_B = '00000000-0000-4000-8000-00000000000b';
const CATEGORY = '00000000-0000-4000-8000-00000000000c';
const names = { sv: 'Tre ankare: 10 %', en: 'Three anchors: 10 %' };

const draft = (patch: Partial<RuleDraft>): RuleDraft => ({
  ...emptyRuleDraft(patch.kind ?? 'volume'),
  name: names,
  ...patch,
});

describe('automatic discount drafts', () => {
  it('sends a volume rule on a product without a window', () => {
    const result = draftToRuleBody(draft({ kind: 'volume', percent: '12,5', minQuantity: '3', targetId: PRODUCT_A }));
    expect(result.body).toEqual({
      kind: 'volume',
      name: names,
      active: true,
      percentBp: 1250,
      minQuantity: 3,
      target: { productId: PRODUCT_A },
      startsAt: null,
      endsAt: null,
    });
  });

  it('sends a volume rule on a category', () => {
    const result = draftToRuleBody(
      draft({ kind: 'volume', percent: '15', minQuantity: '2', targetKind: 'category', targetId: CATEGORY }),
    );
    expect(result.body).toMatchObject({ target: { categoryId: CATEGORY }, percentBp: 1500 });
  });

  it('sends a bundle with its products and the currencies given an amount', () => {
    const result = draftToRuleBody(
      draft({ kind: 'bundle', productIds: [PRODUCT_A, PRODUCT_B], amounts: { SEK: '500', EUR: '', NOK: ' ' } }),
    );
    expect(result.body).toEqual({
      kind: 'bundle',
      name: names,
      active: true,
      productIds: [PRODUCT_A, PRODUCT_B],
      amounts: { SEK: 50000 },
      startsAt: null,
      endsAt: null,
    });
  });

  it('names what a volume rule lacks, by the paths the server uses', () => {
    const result = draftToRuleBody(
      draft({ kind: 'volume', name: { sv: '', en: 'x' }, percent: '0', minQuantity: '1' }),
    );
    expect(result.problems).toEqual({
      'name.sv': 'validation.required',
      percentBp: 'commerceOps.codes.problem.percent.range',
      target: 'validation.required',
      minQuantity: 'commerceOps.rules.problem.minQuantity',
    });
  });

  it('asks a bundle for 2 to 5 products and an amount above zero', () => {
    expect(draftToRuleBody(draft({ kind: 'bundle', productIds: [PRODUCT_A] })).problems).toEqual({
      productIds: 'commerceOps.rules.problem.productCount',
      amounts: 'commerceOps.rules.problem.amountsRequired',
    });
    expect(
      draftToRuleBody(draft({ kind: 'bundle', productIds: [PRODUCT_A, PRODUCT_B], amounts: { SEK: '0' } })).problems,
    ).toEqual({ 'amounts.SEK': 'commerceOps.codes.problem.amount.invalid' });
  });

  it('requires a window of a campaign only, ending after it starts', () => {
    const campaign = draft({ kind: 'campaign', percent: '20', targetId: CATEGORY });
    expect(draftToRuleBody(campaign).problems).toEqual({
      startsAt: 'validation.required',
      endsAt: 'validation.required',
    });
    const reversed = draftToRuleBody({ ...campaign, startsAt: '2026-06-10T10:00', endsAt: '2026-06-01T10:00' });
    expect(reversed.problems).toEqual({ endsAt: 'commerceOps.codes.problem.endsAt.range' });
    const brand = draftToRuleBody({
      ...campaign,
      targetKind: 'brand',
      startsAt: '2026-06-01T10:00',
      endsAt: '2026-06-10T10:00',
    });
    expect(brand.body).toMatchObject({ kind: 'campaign', target: { brandId: CATEGORY } });
  });

  it('reads a saved rule back into its form unchanged', () => {
    const rule: DiscountRule = {
      id: '00000000-0000-4000-8000-000000000001',
      kind: 'bundle',
      name: { ...names, pl: 'Trzy kotwice' },
      active: false,
      startsAt: '2026-06-01T08:00:00.000Z',
      endsAt: null,
      percentBp: null,
      minQuantity: null,
      target: null,
      productIds: [PRODUCT_A, PRODUCT_B],
      amounts: { SEK: 49950 },
      createdAt: '2026-05-01T00:00:00.000Z',
      updatedAt: '2026-05-01T00:00:00.000Z',
    };
    const form = ruleToDraft(rule, ',');
    expect(form).toMatchObject({
      kind: 'bundle',
      active: false,
      amounts: { SEK: '499,5' },
      productIds: [PRODUCT_A, PRODUCT_B],
    });
    expect(draftToRuleBody(form).body).toEqual({
      kind: 'bundle',
      name: rule.name,
      active: false,
      productIds: [PRODUCT_A, PRODUCT_B],
      amounts: { SEK: 49950 },
      startsAt: '2026-06-01T08:00:00.000Z',
      endsAt: null,
    });
    expect(
      ruleToDraft({ ...rule, kind: 'volume', percentBp: 1500, minQuantity: 4, target: { productId: PRODUCT_A } }),
    ).toMatchObject({ percent: '15', minQuantity: '4', targetKind: 'product', targetId: PRODUCT_A });
  });

  it('puts the server field errors under the form fields', () => {
    expect(ruleFieldOf('target.productId')).toBe('target');
    expect(ruleFieldOf('productIds.1')).toBe('productIds');
    expect(ruleFieldOf('name')).toBe('name.sv');
    expect(ruleFieldOf('amounts.EUR')).toBe('amounts.EUR');
  });
});

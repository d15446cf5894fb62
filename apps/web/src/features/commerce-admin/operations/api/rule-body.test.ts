import type { DiscountRule } from '@kontor/contracts';
import { describe, expect, it } from 'vitest';
import { ruleName, ruleToBody } from './rule-body';

const base: DiscountRule = {
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'volume',
  name: { sv: 'Två flytvästar: 15 %', en: 'Two life jackets: 15 %' },
  active: true,
  startsAt: null,
  endsAt: null,
  percentBp: 1500,
  minQuantity: 2,
  target: { categoryId: '00000000-0000-4000-8000-000000000002' },
  productIds: null,
  amounts: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

describe('automatic discount bodies', () => {
  it('keeps only the fields of its kind', () => {
    expect(ruleToBody(base, false)).toEqual({
      kind: 'volume',
      name: base.name,
      active: false,
      percentBp: 1500,
      minQuantity: 2,
      target: { categoryId: '00000000-0000-4000-8000-000000000002' },
      startsAt: null,
      endsAt: null,
    });
  });

  it('sends a bundle with its products and amounts', () => {
    const bundle: DiscountRule = {
      ...base,
      kind: 'bundle',
      percentBp: null,
      minQuantity: null,
      target: null,
      productIds: ['a', 'b'],
      amounts: { SEK: 50000 },
    };
    expect(ruleToBody(bundle, true)).toMatchObject({ kind: 'bundle', productIds: ['a', 'b'], amounts: { SEK: 50000 } });
  });

  it('names the rule in the user language, else English', () => {
    expect(ruleName(base, 'sv')).toBe('Två flytvästar: 15 %');
    expect(ruleName(base, 'pl')).toBe('Two life jackets: 15 %');
  });
});

import type { DiscountCode } from '@kontor/contracts';
import { describe, expect, it } from 'vitest';
import { codeToBody, draftToBody, emptyDiscountDraft } from './discount-draft';

describe('discount code drafts', () => {
  it('reads a percentage as basis points', () => {
    const result = draftToBody({ ...emptyDiscountDraft, code: 'SOMMAR10', percent: '12,5' });
    expect(result.body).toMatchObject({ code: 'SOMMAR10', kind: 'percent', percentBp: 1250, amounts: {} });
  });

  it('reads an amount and a minimum order in the chosen currency', () => {
    const result = draftToBody({
      ...emptyDiscountDraft,
      code: 'BAT200',
      kind: 'amount',
      currency: 'EUR',
      amount: '20',
      minOrder: '150,00',
      usageLimit: '100',
    });
    expect(result.body).toMatchObject({ amounts: { EUR: 2000 }, minOrder: { EUR: 15000 }, usageLimit: 100 });
  });

  it('names the fields it cannot read', () => {
    const result = draftToBody({
      ...emptyDiscountDraft,
      percent: '120',
      usageLimit: '0',
      startsAt: '2026-12-10T10:00',
      endsAt: '2026-12-01T10:00',
    });
    expect(result.problems).toEqual({ percent: 'range', usageLimit: 'invalid', endsAt: 'range' });
  });

  it('turns a saved code back into its body with another active flag', () => {
    const code: DiscountCode = {
      id: '00000000-0000-4000-8000-000000000001',
      code: 'VINTER',
      description: '',
      kind: 'percent',
      percentBp: 1000,
      amounts: {},
      minOrder: {},
      startsAt: null,
      endsAt: null,
      usageLimit: null,
      usedCount: 3,
      active: true,
      createdAt: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-01T00:00:00.000Z',
    };
    expect(codeToBody(code, false)).toMatchObject({ code: 'VINTER', percentBp: 1000, active: false });
  });
});

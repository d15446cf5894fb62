import { describe, expect, it } from 'vitest';
import {
  addLines,
  type DraftLine,
  draftProblems,
  draftTotals,
  hasProblems,
  type OrderDraft,
  orderableLines,
  quantityProblem,
  removeLine,
  setQuantity,
} from './order-draft';

const line = (articleId: string, quantity: number, priceMinor: number | null = 1250): DraftLine => ({
  articleId,
  articleNumber: `A-${articleId}`,
  name: `Artikel ${articleId}`,
  unit: 'förp',
  packSize: 100,
  priceMinor,
  quantity,
});

const draft = (lines: DraftLine[]): OrderDraft => ({
  lines,
  deliveryAddress: 'Avdelning 7, plan 3',
  requestedDate: '2026-03-03',
  note: '',
});

describe('cart arithmetic', () => {
  it('adds a new article as a line and raises the quantity of one already there', () => {
    const lines = addLines([line('a', 2)], [line('b', 1), line('a', 3)]);
    expect(lines.map((l) => [l.articleId, l.quantity])).toEqual([
      ['a', 5],
      ['b', 1],
    ]);
  });

  it('never adds beyond the largest quantity one line may order', () => {
    expect(addLines([line('a', 9_998)], [line('a', 5)])[0]?.quantity).toBe(9_999);
  });

  it('keeps the price it learns from the catalog when a standard order’s line had none', () => {
    expect(addLines([line('a', 1, null)], [line('a', 1, 900)])[0]?.priceMinor).toBe(900);
  });

  it('changes a quantity and removes a line without touching the others', () => {
    const lines = [line('a', 1), line('b', 2)];
    expect(setQuantity(lines, 'b', 7).map((l) => l.quantity)).toEqual([1, 7]);
    expect(removeLine(lines, 'a').map((l) => l.articleId)).toEqual(['b']);
    expect(lines.map((l) => l.quantity)).toEqual([1, 2]);
  });

  it('totals the priced lines in öre and counts those without a price', () => {
    expect(draftTotals([line('a', 2, 1250), line('b', 3, null), line('c', 1, 99)])).toEqual({
      priceMinor: 2_599,
      unpriced: 1,
      quantity: 6,
    });
  });
});

describe('orderableLines', () => {
  it('leaves out articles the catalog knows to be withdrawn, and keeps those it does not know', () => {
    const catalog = new Map([
      ['a', { active: true }],
      ['b', { active: false }],
    ]);
    const { kept, dropped } = orderableLines([line('a', 1), line('b', 1), line('c', 1)], catalog);
    expect(kept.map((l) => l.articleId)).toEqual(['a', 'c']);
    expect(dropped).toBe(1);
    expect(orderableLines([line('b', 1)], undefined).dropped).toBe(0);
  });
});

describe('draft validation, as the server validates', () => {
  it('accepts whole quantities from 1 to 9999 only', () => {
    expect(quantityProblem(1)).toBeNull();
    expect(quantityProblem(9_999)).toBeNull();
    expect(quantityProblem(0)).toBe('tooSmall');
    expect(quantityProblem(-3)).toBe('tooSmall');
    expect(quantityProblem(10_000)).toBe('tooBig');
    expect(quantityProblem(1.5)).toBe('notWhole');
    expect(quantityProblem(Number.NaN)).toBe('notWhole');
  });

  it('needs at least one line, an address and a date', () => {
    const problems = draftProblems({ lines: [], deliveryAddress: '  ', requestedDate: '', note: '' }, 'order');
    expect(problems).toEqual({
      byArticle: {},
      lines: 'empty',
      deliveryAddress: 'required',
      requestedDate: 'required',
    });
    expect(hasProblems(problems)).toBe(true);
  });

  it('names the line whose quantity is wrong', () => {
    const problems = draftProblems(draft([line('a', 1), line('b', 0)]), 'order');
    expect(problems.byArticle).toEqual({ b: 'tooSmall' });
    expect(hasProblems(problems)).toBe(true);
  });

  it('refuses a line whose article the catalog has withdrawn since', () => {
    const problems = draftProblems(draft([line('a', 1), line('b', 2)]), 'order', new Set(['a']));
    expect(problems.byArticle).toEqual({ a: 'inactive' });
  });

  it('passes a good order, and checks only the lines of a change request', () => {
    expect(hasProblems(draftProblems(draft([line('a', 1)]), 'order'))).toBe(false);
    const request = { ...draft([line('a', 4)]), deliveryAddress: '', requestedDate: '' };
    expect(hasProblems(draftProblems(request, 'lines'))).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vatOf } from '../money.js';
import {
  type AutomaticDiscount,
  applyDiscounts,
  type DiscountableLine,
  type DiscountCodeOffer,
} from './discount-rules.js';

const line = (overrides: Partial<DiscountableLine> & { sku: string }): DiscountableLine => ({
  productId: `p-${overrides.sku}`,
  brandId: null,
  categoryIds: [],
  quantity: 1,
  unitPriceMinor: 10_000,
  vatRateBp: 2500,
  ...overrides,
});
const name = (text: string) => ({ sv: text, en: text });
const code = (overrides: Partial<DiscountCodeOffer> = {}): DiscountCodeOffer => ({
  id: 'code-1',
  code: 'SOMMAR10',
  kind: 'percent',
  percentBp: 1000,
  amounts: {},
  minOrder: {},
  ...overrides,
});
const apply = (lines: DiscountableLine[], rules: AutomaticDiscount[] = [], offer: DiscountCodeOffer | null = null) =>
  applyDiscounts({ currency: 'SEK', locale: 'en', lines, rules, code: offer });

describe('applyDiscounts', () => {
  it('prices a cart without discounts: totals, VAT per line and per rate', () => {
    const result = apply([
      line({ sku: 'PROP', unitPriceMinor: 129_900, quantity: 2 }),
      line({ sku: 'BOOK', unitPriceMinor: 29_900, vatRateBp: 600 }),
    ]);
    expect(result.discounts).toEqual([]);
    expect(result.code).toBeNull();
    expect(result.subtotalMinor).toBe(289_700);
    expect(result.totalMinor).toBe(289_700);
    expect(result.lines[0]).toEqual({
      sku: 'PROP',
      lineTotalMinor: 259_800,
      discountMinor: 0,
      totalMinor: 259_800,
      vatMinor: 51_960,
    });
    expect(result.vatByRate).toEqual([
      { rateBp: 2500, baseMinor: 207_840, vatMinor: 51_960 },
      { rateBp: 600, baseMinor: 28_208, vatMinor: 1_692 },
    ]);
    expect(result.vatMinor).toBe(53_652);
  });

  it('gives each line the best campaign or volume percentage, never both', () => {
    const fishing = 'cat-fishing';
    const lures = 'cat-lures';
    const rules: AutomaticDiscount[] = [
      {
        id: 'r-campaign',
        kind: 'campaign',
        name: name('Fishing week'),
        percentBp: 1000,
        target: { categoryId: fishing },
      },
      {
        id: 'r-volume',
        kind: 'volume',
        name: name('3 lures: 20 %'),
        percentBp: 2000,
        minQuantity: 3,
        target: { categoryId: lures },
      },
      { id: 'r-brand', kind: 'campaign', name: name('Yamaha days'), percentBp: 500, target: { brandId: 'yamaha' } },
    ];
    const result = apply(
      [
        line({ sku: 'LURE-A', categoryIds: [lures, fishing], quantity: 2, unitPriceMinor: 8_900 }),
        line({ sku: 'LURE-B', categoryIds: [lures, fishing], quantity: 1, unitPriceMinor: 9_900 }),
        line({ sku: 'ROD', categoryIds: [fishing], unitPriceMinor: 99_900 }),
        line({ sku: 'F40-PROP', brandId: 'yamaha', unitPriceMinor: 149_900 }),
      ],
      rules,
    );
    // Three lures reach the volume rule (20 %) which beats the campaign (10 %); the rod gets the campaign.
    expect(result.discounts.map((d) => [d.id, d.amountMinor, d.lines])).toEqual([
      ['r-campaign', 9_990, [{ sku: 'ROD', amountMinor: 9_990 }]],
      [
        'r-volume',
        3_560 + 1_980,
        [
          { sku: 'LURE-A', amountMinor: 3_560 },
          { sku: 'LURE-B', amountMinor: 1_980 },
        ],
      ],
      ['r-brand', 7_495, [{ sku: 'F40-PROP', amountMinor: 7_495 }]],
    ]);
    expect(result.discounts[1]?.label).toBe('3 lures: 20 %');
    // With two lures the volume rule no longer reaches them: the campaign does.
    const fewer = apply(
      [line({ sku: 'LURE-A', categoryIds: [lures, fishing], quantity: 2, unitPriceMinor: 8_900 })],
      rules,
    );
    expect(fewer.discounts.map((d) => d.id)).toEqual(['r-campaign']);
    expect(fewer.discountMinor).toBe(1_780);
  });

  it('takes a bundle amount once per complete set, split over the bundle lines', () => {
    const bundle: AutomaticDiscount = {
      id: 'r-bundle',
      kind: 'bundle',
      name: name('Motor + propeller'),
      productIds: ['motor', 'prop'],
      amounts: { SEK: 50_000 },
    };
    const lines = [
      line({ sku: 'F40', productId: 'motor', unitPriceMinor: 8_990_000 }),
      line({ sku: 'PROP-13', productId: 'prop', quantity: 2, unitPriceMinor: 149_900 }),
      line({ sku: 'CAP', productId: 'cap', unitPriceMinor: 19_900 }),
    ];
    const once = apply(lines, [bundle]);
    expect(once.discountMinor).toBe(50_000);
    expect(once.discounts[0]?.lines.map((l) => l.sku)).toEqual(['F40', 'PROP-13']);
    const twice = apply([{ ...lines[0], quantity: 2 } as DiscountableLine, ...lines.slice(1)], [bundle]);
    expect(twice.discountMinor).toBe(100_000);
    // Without the propeller nothing; in a currency without an amount nothing.
    expect(apply([lines[0] as DiscountableLine], [bundle]).discounts).toEqual([]);
    expect(applyDiscounts({ currency: 'EUR', locale: 'en', lines, rules: [bundle], code: null }).discounts).toEqual([]);
  });

  it('applies a percentage code to what the automatic discounts left, after them', () => {
    const rules: AutomaticDiscount[] = [
      { id: 'r', kind: 'campaign', name: name('Sale'), percentBp: 1000, target: { brandId: 'b' } },
    ];
    const result = apply([line({ sku: 'A', brandId: 'b', unitPriceMinor: 100_000 })], rules, code());
    expect(result.discounts.map((d) => [d.kind, d.amountMinor])).toEqual([
      ['campaign', 10_000],
      ['code', 9_000],
    ]);
    expect(result.code).toEqual({ applied: true });
    expect(result.totalMinor).toBe(81_000);
  });

  it('refuses a code below its minimum order value or without an amount in the currency', () => {
    const cheap = [line({ sku: 'A', unitPriceMinor: 40_000 })];
    expect(apply(cheap, [], code({ minOrder: { SEK: 50_000 } })).code).toEqual({ applied: false, reason: 'min_order' });
    expect(apply(cheap, [], code({ minOrder: { SEK: 50_000 } })).discounts).toEqual([]);
    expect(apply(cheap, [], code({ minOrder: { SEK: 40_000 } })).code).toEqual({ applied: true });
    const fixed = code({ kind: 'amount', percentBp: null, amounts: { EUR: 1_000 } });
    expect(apply(cheap, [], fixed).code).toEqual({ applied: false, reason: 'currency' });
  });

  it('caps a fixed code at the goods, never below zero', () => {
    const result = apply(
      [line({ sku: 'A', unitPriceMinor: 5_000 })],
      [],
      code({ kind: 'amount', amounts: { SEK: 20_000 } }),
    );
    expect(result.discountMinor).toBe(5_000);
    expect(result.totalMinor).toBe(0);
    expect(result.vatMinor).toBe(0);
  });

  it('splits a discount over lines of different VAT rates in proportion, and its VAT adds up exactly', () => {
    // 1,000.00 kr at 25 % and 500.00 kr at 6 %, 150.00 kr off: 100.00 from the first, 50.00 from the second.
    const result = apply(
      [
        line({ sku: 'GPS', unitPriceMinor: 100_000 }),
        line({ sku: 'CHART-BOOK', unitPriceMinor: 50_000, vatRateBp: 600 }),
      ],
      [],
      code({ kind: 'amount', percentBp: null, amounts: { SEK: 15_000 } }),
    );
    const discount = result.discounts[0];
    expect(discount?.lines).toEqual([
      { sku: 'GPS', amountMinor: 10_000 },
      { sku: 'CHART-BOOK', amountMinor: 5_000 },
    ]);
    // The VAT a discount removes is each line's VAT before minus after.
    expect(discount?.vatByRate).toEqual([
      { rateBp: 2500, amountMinor: 10_000, vatMinor: vatOf(100_000, 2500) - vatOf(90_000, 2500) },
      { rateBp: 600, amountMinor: 5_000, vatMinor: vatOf(50_000, 600) - vatOf(45_000, 600) },
    ]);
    expect(result.vatByRate).toEqual([
      { rateBp: 2500, baseMinor: 72_000, vatMinor: 18_000 },
      { rateBp: 600, baseMinor: 42_453, vatMinor: 2_547 },
    ]);
  });

  it('keeps its sums exact on any cart (property)', () => {
    const arbitraryLine = fc.record({
      unitPriceMinor: fc.integer({ min: 0, max: 5_000_000 }),
      quantity: fc.integer({ min: 1, max: 999 }),
      vatRateBp: fc.constantFrom(2500, 1200, 600, 0),
      category: fc.constantFrom('c1', 'c2'),
      brand: fc.constantFrom('b1', 'b2', null),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryLine, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.boolean(),
        (specs, percentBp, amount, percentCode) => {
          const lines = specs.map((spec, index) =>
            line({
              sku: `S${index}`,
              productId: `p${index % 3}`,
              unitPriceMinor: spec.unitPriceMinor,
              quantity: spec.quantity,
              vatRateBp: spec.vatRateBp,
              categoryIds: [spec.category],
              brandId: spec.brand,
            }),
          );
          const rules: AutomaticDiscount[] = [
            { id: 'c', kind: 'campaign', name: name('c'), percentBp, target: { categoryId: 'c1' } },
            { id: 'v', kind: 'volume', name: name('v'), percentBp: 1500, minQuantity: 5, target: { productId: 'p0' } },
            { id: 'b', kind: 'bundle', name: name('b'), productIds: ['p0', 'p1'], amounts: { SEK: amount } },
          ];
          const offer = percentCode
            ? code({ percentBp })
            : code({ kind: 'amount', percentBp: null, amounts: { SEK: amount } });
          const result = apply(lines, rules, offer);
          const gross = lines.reduce((sum, l) => sum + l.unitPriceMinor * l.quantity, 0);
          expect(result.subtotalMinor).toBe(gross);
          expect(result.totalMinor).toBe(gross - result.discountMinor);
          expect(result.totalMinor).toBeGreaterThanOrEqual(0);
          expect(result.discounts.reduce((sum, d) => sum + d.amountMinor, 0)).toBe(result.discountMinor);
          for (const l of result.lines) expect(l.totalMinor).toBeGreaterThanOrEqual(0);
          // VAT before discounts minus what the discounts removed is the VAT after them, rate by rate.
          const before = new Map<number, number>();
          for (const l of lines)
            before.set(l.vatRateBp, (before.get(l.vatRateBp) ?? 0) + vatOf(l.unitPriceMinor * l.quantity, l.vatRateBp));
          for (const rate of result.vatByRate) {
            const removed = result.discounts
              .flatMap((d) => d.vatByRate)
              .filter((r) => r.rateBp === rate.rateBp)
              .reduce((sum, r) => sum + r.vatMinor, 0);
            expect((before.get(rate.rateBp) ?? 0) - removed).toBe(rate.vatMinor);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  decimalAmount,
  formatMoney,
  formatRate,
  minorDigits,
  mulDivRound,
  percentOf,
  vatOf,
} from './money.js';

describe('money', () => {
  it('takes the VAT out of a consumer price, halves up', () => {
    expect(vatOf(12_500, 2500)).toBe(2_500);
    expect(vatOf(100, 2500)).toBe(20);
    // 1 öre at 25 %: 0.2 → 0; 3 öre: 0.6 → 1; 10 öre at 12 %: 1.07 → 1.
    expect(vatOf(1, 2500)).toBe(0);
    expect(vatOf(3, 2500)).toBe(1);
    expect(vatOf(10, 1200)).toBe(1);
    // 212 × 600 / 10600 = 12.0 exactly; 53 × 600 / 10600 = 3.0
    expect(vatOf(212, 600)).toBe(12);
    expect(vatOf(0, 2500)).toBe(0);
  });

  it('rounds halves up and survives amounts past 2^53 in the product', () => {
    expect(mulDivRound(5, 1, 10)).toBe(1);
    expect(mulDivRound(4, 1, 10)).toBe(0);
    expect(percentOf(1_999_900, 1000)).toBe(199_990);
    // A 1.5 M SEK boat times 999 at 25 %: the intermediate product is far past Number.MAX_SAFE_INTEGER.
    expect(vatOf(149_999_900 * 999, 2500)).toBe(29_969_980_020);
  });

  it('splits an amount in proportion, to the unit, never above a weight', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(10, [0, 5, 5])).toEqual([0, 5, 5]);
    expect(allocate(0, [3, 4])).toEqual([0, 0]);
    expect(allocate(5, [0, 0])).toEqual([0, 0]);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (weights, fraction) => {
          const sum = weights.reduce((a, b) => a + b, 0);
          const total = Math.floor(sum * fraction);
          const parts = allocate(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(sum === 0 ? 0 : total);
          parts.forEach((part, index) => {
            expect(part).toBeGreaterThanOrEqual(0);
            expect(part).toBeLessThanOrEqual(weights[index] ?? 0);
          });
        },
      ),
    );
  });
});

const normalise = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('VAT and formatting for orders', () => {
  it('takes the VAT out of a VAT-inclusive amount per line, rounding half away from zero', () => {
    expect(vatOf(999, 2500)).toBe(200);
    expect(vatOf(-12_500, 2500)).toBe(-2_500);
    expect(vatOf(12_500, 2500)).toBe(2_500);
    expect(vatOf(99_900, 2500)).toBe(19_980);
    // 1 öre at 25 %: 0.2 öre rounds to 0; 3 öre: 0.6 rounds to 1.
    expect(vatOf(1, 2500)).toBe(0);
    expect(vatOf(3, 2500)).toBe(1);
    // 112 at 12 %: exactly 12.
    expect(vatOf(11_200, 1200)).toBe(1_200);
    // A half rounds up: 53 at 6 % = 3.0 (53 × 600 / 10600 = 3.0); 106 × 600 / 10600 = 6.
    expect(vatOf(10_600, 600)).toBe(600);
    expect(vatOf(0, 2500)).toBe(0);
  });

  it('formats in the order’s language', () => {
    // Intl separates with no-break spaces; compare them as plain ones.
    const plain = (text: string) => text.replace(/\s/g, ' ');
    expect(plain(formatMoney(123_450, 'SEK', 'sv'))).toBe('1 234,50 kr');
    expect(plain(formatMoney(123_450, 'SEK', 'en'))).toBe('SEK 1,234.50');
    expect(formatMoney(1_500, 'JPY', 'en')).toBe('JP¥1,500');
    expect(minorDigits('SEK')).toBe(2);
    expect(plain(formatRate(2500, 'sv'))).toBe('25 %');
    expect(formatRate(1250, 'en')).toBe('12.5%');
  });
});

describe('prices on the shop pages', () => {
  it('prints whole Swedish amounts without decimals and others with them', () => {
    expect(normalise(formatMoney(129_900, 'SEK', 'sv', { exponent: 2, trimWhole: true }))).toBe('1 299 kr');
    expect(normalise(formatMoney(129_950, 'SEK', 'sv', { exponent: 2, trimWhole: true }))).toBe('1 299,50 kr');
    expect(normalise(formatMoney(129_950, 'EUR', 'en', { exponent: 2, trimWhole: true }))).toBe('€1,299.50');
  });

  it('gives schema.org a dot-decimal string, exact for any integer', () => {
    expect(decimalAmount(129_900, 2)).toBe('1299.00');
    expect(decimalAmount(5, 2)).toBe('0.05');
    expect(decimalAmount(0, 2)).toBe('0.00');
    expect(decimalAmount(1234, 0)).toBe('1234');
    expect(decimalAmount(9_007_199_254_740_991, 2)).toBe('90071992547409.91');
    expect(decimalAmount(-150, 2)).toBe('-1.50');
  });
});

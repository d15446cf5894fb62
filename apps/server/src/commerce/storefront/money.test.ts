import { describe, expect, it } from 'vitest';
import { decimalAmount, formatMoney } from './money.js';

const normalise = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('money', () => {
  it('prints whole Swedish amounts without decimals and others with them', () => {
    expect(normalise(formatMoney(129_900, 'SEK', 2, 'sv'))).toBe('1 299 kr');
    expect(normalise(formatMoney(129_950, 'SEK', 2, 'sv'))).toBe('1 299,50 kr');
    expect(normalise(formatMoney(129_950, 'EUR', 2, 'en'))).toBe('€1,299.50');
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

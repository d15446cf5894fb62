import { describe, expect, it } from 'vitest';
import { currencyExponent, parseAmount } from './money';

describe('money in the order currency', () => {
  it('knows the decimals of a currency', () => {
    expect(currencyExponent('SEK')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
  });

  it('reads typed amounts as minor units', () => {
    expect(parseAmount('1 234,50', 'SEK')).toBe(123450);
    expect(parseAmount('99', 'EUR')).toBe(9900);
    expect(parseAmount('1,5', 'JPY')).toBeNull();
    expect(parseAmount('-5', 'SEK')).toBeNull();
  });
});

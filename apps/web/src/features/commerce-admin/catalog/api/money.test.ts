import { describe, expect, it } from 'vitest';
import { decimalSeparator, minorToInput, parseMinor } from './money';

describe('amounts as typed', () => {
  it('reads Swedish and English decimals, spaces between thousands, to exact minor units', () => {
    expect(parseMinor('4990', 2)).toBe(499000);
    expect(parseMinor('4 990,50', 2)).toBe(499050);
    expect(parseMinor('4990.5', 2)).toBe(499050);
    expect(parseMinor('0,07', 2)).toBe(7);
    expect(parseMinor('1\u00a0234,00', 2)).toBe(123400);
    expect(parseMinor('12', 0)).toBe(12);
  });

  it('refuses what is no amount in the currency: letters, signs, too many decimals', () => {
    expect(parseMinor('', 2)).toBeNull();
    expect(parseMinor('-5', 2)).toBeNull();
    expect(parseMinor('12,345', 2)).toBeNull();
    expect(parseMinor('1,5', 0)).toBeNull();
    expect(parseMinor('tio', 2)).toBeNull();
    expect(parseMinor('1.2.3', 2)).toBeNull();
  });

  it('shows minor units as an input reads them back', () => {
    expect(minorToInput(499050, 2)).toBe('4990.50');
    expect(minorToInput(7, 2)).toBe('0.07');
    expect(minorToInput(12, 0)).toBe('12');
    for (const minor of [0, 1, 99, 100, 123456789]) expect(parseMinor(minorToInput(minor, 2), 2)).toBe(minor);
    expect(minorToInput(499050, 2, decimalSeparator('sv'))).toBe('4990,50');
    expect(parseMinor(minorToInput(499050, 2, decimalSeparator('ru')), 2)).toBe(499050);
    expect(decimalSeparator('en')).toBe('.');
  });
});

import { describe, expect, it } from 'vitest';
import { formatMoney, formatRate, minorDigits, minorToMajor } from './money';

// Intl puts narrow no-break spaces and a real minus sign in its output; compare with plain characters.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');

describe('minorDigits', () => {
  it('takes the minor unit from Intl', () => {
    expect(minorDigits('SEK')).toBe(2);
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
  });

  it('assumes two digits for a code Intl does not know', () => {
    expect(minorDigits('not a code')).toBe(2);
  });
});

describe('minorToMajor', () => {
  it('divides by the minor unit without float noise', () => {
    expect(minorToMajor(12345, 2)).toBe(123.45);
    expect(minorToMajor(10, 2)).toBe(0.1);
    expect(minorToMajor(-25000, 2)).toBe(-250);
    expect(minorToMajor(1234, 0)).toBe(1234);
    expect(minorToMajor(1005, 3)).toBe(1.005);
  });

  it('keeps large amounts exact to the öre', () => {
    expect(minorToMajor(100_000_000_001, 2)).toBe(1_000_000_000.01);
  });

  it('reads garbage as zero rather than NaN', () => {
    expect(minorToMajor(Number.NaN, 2)).toBe(0);
  });
});

describe('formatMoney', () => {
  it('formats öre as kronor in Swedish', () => {
    expect(plain(formatMoney(123450, 'SEK', 'sv'))).toBe('1 234,50 kr');
  });

  it('formats cents as euros in English', () => {
    expect(plain(formatMoney(199, 'EUR', 'en'))).toBe('€1.99');
  });

  it('shows a negative amount (a discount) with its sign', () => {
    expect(plain(formatMoney(-25000, 'SEK', 'sv'))).toBe('-250,00 kr');
  });

  it('never shows a negative zero', () => {
    expect(plain(formatMoney(-0, 'SEK', 'sv'))).toBe('0,00 kr');
  });

  it('uses no decimals for a currency without a minor unit', () => {
    expect(plain(formatMoney(1500, 'JPY', 'en'))).toBe('¥1,500');
  });

  it('falls back to the number and the code for an unknown currency', () => {
    expect(plain(formatMoney(1050, 'X1', 'en'))).toBe('10.50 X1');
  });
});

describe('formatRate', () => {
  it('shows basis points as a percentage', () => {
    expect(plain(formatRate(2500, 'sv'))).toBe('25 %');
    expect(plain(formatRate(1250, 'en'))).toBe('12.5%');
    expect(plain(formatRate(0, 'en'))).toBe('0%');
  });
});

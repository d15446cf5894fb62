import { describe, expect, it } from 'vitest';
import { formatMoney, formatRate, minorDigits, vatIncluded } from './money.js';

describe('money', () => {
  it('takes the VAT out of a VAT-inclusive amount per line, rounding half up', () => {
    expect(vatIncluded(12_500, 2500)).toBe(2_500);
    expect(vatIncluded(99_900, 2500)).toBe(19_980);
    // 1 öre at 25 %: 0.2 öre rounds to 0; 3 öre: 0.6 rounds to 1.
    expect(vatIncluded(1, 2500)).toBe(0);
    expect(vatIncluded(3, 2500)).toBe(1);
    // 112 at 12 %: exactly 12.
    expect(vatIncluded(11_200, 1200)).toBe(1_200);
    // A half rounds up: 53 at 6 % = 3.0 (53 × 600 / 10600 = 3.0); 106 × 600 / 10600 = 6.
    expect(vatIncluded(10_600, 600)).toBe(600);
    expect(vatIncluded(0, 2500)).toBe(0);
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

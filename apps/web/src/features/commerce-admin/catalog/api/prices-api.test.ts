import { describe, expect, it } from 'vitest';
import { ratesOn, type VatRate } from './prices-api';

describe('VAT rates on a day', () => {
  const rates: VatRate[] = [
    { vatClass: 'standard', rateBp: 2500, validFrom: '1990-07-01', validTo: null },
    { vatClass: 'food', rateBp: 1200, validFrom: '1996-01-01', validTo: '2026-03-31' },
    { vatClass: 'food', rateBp: 600, validFrom: '2026-04-01', validTo: null },
  ];

  it('takes the rate each class has that day, windows inclusive', () => {
    expect(ratesOn(rates, '2026-03-31').get('food')).toBe(1200);
    expect(ratesOn(rates, '2026-04-01').get('food')).toBe(600);
    expect(ratesOn(rates, '2026-04-01').get('standard')).toBe(2500);
    expect(ratesOn(rates, '1980-01-01').size).toBe(0);
  });
});

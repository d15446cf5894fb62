import { describe, expect, it } from 'vitest';
import {
  draftToMethodBody,
  draftToRates,
  draftToZoneBody,
  emptyMethodDraft,
  emptyZoneDraft,
  newRateRow,
  ratesToDraft,
  shippingFieldOf,
  sortRates,
} from './shipping-draft';

const ZONE = '00000000-0000-4000-8000-000000000001';
const row = (currency: string, maxWeightKg: string, amount: string) => ({
  ...newRateRow(currency),
  maxWeightKg,
  amount,
});

describe('shipping zone and method drafts', () => {
  it('sends a zone with its countries and names', () => {
    const result = draftToZoneBody({
      ...emptyZoneDraft,
      code: ' uk ',
      name: { sv: 'Storbritannien', en: 'United Kingdom', pl: '' },
      countries: ['GB'],
    });
    expect(result.body).toEqual({
      code: 'uk',
      name: { sv: 'Storbritannien', en: 'United Kingdom' },
      countries: ['GB'],
      position: 0,
    });
  });

  it('names a bad code, a missing name and a bad position', () => {
    const result = draftToZoneBody({ ...emptyZoneDraft, code: 'UK!', name: { sv: 'x', en: '' }, position: '-1' });
    expect(result.problems).toEqual({
      code: 'commerceOps.shipping.problem.code',
      'name.en': 'validation.required',
      position: 'commerceOps.shipping.problem.position',
    });
  });

  it('sends a scheduled method with the descriptions given', () => {
    const result = draftToMethodBody({
      ...emptyMethodDraft(ZONE),
      code: 'boat-delivery',
      kind: 'scheduled',
      carrier: 'WestGear',
      name: { sv: 'Båtleverans', en: 'Boat delivery' },
      description: { sv: 'Vi ringer dig', en: '' },
      position: '3',
    });
    expect(result.body).toEqual({
      zoneId: ZONE,
      code: 'boat-delivery',
      kind: 'scheduled',
      carrier: 'WestGear',
      name: { sv: 'Båtleverans', en: 'Boat delivery' },
      description: { sv: 'Vi ringer dig' },
      active: true,
      position: 3,
    });
    expect(draftToMethodBody(emptyMethodDraft(ZONE)).problems).toMatchObject({ carrier: 'validation.required' });
  });

  it('puts a country taken by another zone under the countries', () => {
    expect(shippingFieldOf('countries.2')).toBe('countries');
    expect(shippingFieldOf('name')).toBe('name.sv');
  });
});

describe('rate tables', () => {
  it('reads kilograms as grams and amounts as minor units; an empty weight has no bound', () => {
    const result = draftToRates([row('SEK', '2,5', '59'), row('SEK', '', '1 495,00'), row('EUR', '0.001', '0')]);
    expect(result.body?.rates).toEqual([
      { currency: 'SEK', maxWeightGrams: 2500, amountMinor: 5900 },
      { currency: 'SEK', maxWeightGrams: null, amountMinor: 149500 },
      { currency: 'EUR', maxWeightGrams: 1, amountMinor: 0 },
    ]);
  });

  it('names bad rows by the paths the server uses', () => {
    const result = draftToRates([
      row('SEK', '5', '79'),
      row('SEK', '5,000', '89'),
      row('SEK', '0', 'x'),
      row('', '', '10'),
      row('EUR', '', ''),
    ]);
    expect(result.problems).toEqual({
      'rates.1.maxWeightGrams': 'commerceOps.shipping.problem.bracketRepeated',
      'rates.2.maxWeightGrams': 'commerceOps.shipping.problem.weight',
      'rates.2.amountMinor': 'commerceOps.shipping.problem.amount',
      'rates.3.currency': 'validation.required',
      'rates.4.amountMinor': 'commerceOps.shipping.problem.amount',
    });
  });

  it('lists rates per currency, lightest first and the open bracket last', () => {
    const rates = [
      { currency: 'SEK', maxWeightGrams: null, amountMinor: 3 },
      { currency: 'EUR', maxWeightGrams: 2000, amountMinor: 4 },
      { currency: 'SEK', maxWeightGrams: 5000, amountMinor: 2 },
      { currency: 'SEK', maxWeightGrams: 2000, amountMinor: 1 },
    ];
    expect(sortRates(rates, ['SEK', 'EUR']).map((rate) => rate.amountMinor)).toEqual([1, 2, 3, 4]);
    expect(
      ratesToDraft(rates, ',').map(({ currency, maxWeightKg, amount }) => [currency, maxWeightKg, amount]),
    ).toEqual([
      ['EUR', '2', '0,04'],
      ['SEK', '2', '0,01'],
      ['SEK', '5', '0,02'],
      ['SEK', '', '0,03'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { type CardLabelWords, cardLabel, cardTypeOf } from './card-label';
import type { VisitorCardType } from './types';

const types: VisitorCardType[] = [
  { key: 'regular', name: 'Regular guest', from: 100, to: 199 },
  { key: 'full-service', name: 'Full service', from: 200, to: 299 },
  { key: 'administrator', name: 'Administrator', from: 700, to: 799 },
  { key: 'contractor', name: 'Entreprenör', from: 300, to: 349 },
];

/** As the Polish interface words them. */
const polish: CardLabelWords = {
  typeName: (type) =>
    ({ regular: 'Zwykły gość', 'full-service': 'Pełny serwis', administrator: 'Administrator' })[type.key] ?? type.name,
  numbered: (name, index) => `${name} ${index}`,
  unknown: (number) => `ID ${number}`,
  typedUnknown: (name, number) => `${name}, ID ${number}`,
};

describe('cardLabel', () => {
  it('names a card by its type and its place in the range, as VIGO-Guests did', () => {
    expect(cardLabel(107, types, polish)).toBe('Zwykły gość 7');
    expect(cardLabel(100, types, polish)).toBe('Zwykły gość 0');
    expect(cardLabel(299, types, polish)).toBe('Pełny serwis 99');
    expect(cardLabel(701, types, polish)).toBe('Administrator 1');
  });

  it('shows the name an organisation gave its own types', () => {
    expect(cardLabel(312, types, polish)).toBe('Entreprenör 12');
  });

  it('says "ID n" for a card outside every range', () => {
    expect(cardLabel(42, types, polish)).toBe('ID 42');
    expect(cardLabel(999, [], polish)).toBe('ID 999');
  });

  it('names the type with the card number when the types themselves are not known', () => {
    expect(cardLabel(107, [], polish, 'regular')).toBe('Zwykły gość, ID 107');
    expect(cardLabel(312, [], polish, 'contractor')).toBe('contractor, ID 312');
    // A type that is known but no longer holds the number: the card is outside every range.
    expect(cardLabel(350, types, polish, 'contractor')).toBe('ID 350');
  });

  it('prefers the type the server named, but only while the card lies in its range', () => {
    const overlapping = [...types, { key: 'vip', name: 'VIP', from: 150, to: 159 }];
    expect(cardTypeOf(151, overlapping, 'vip')?.key).toBe('vip');
    expect(cardTypeOf(151, overlapping)?.key).toBe('regular');
    expect(cardTypeOf(120, overlapping, 'vip')?.key).toBe('regular');
    expect(cardTypeOf(120, overlapping, 'gone')?.key).toBe('regular');
  });
});

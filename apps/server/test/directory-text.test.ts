import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, phoneDigits, swedishSortKey } from '../src/directory/text-keys.js';

const swedish = new Intl.Collator('sv', { sensitivity: 'base' });
/** Byte order, as `COLLATE "C"` compares the stored keys on PGlite and PostgreSQL. */
const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

describe('search folding', () => {
  it('drops case and diacritics, keeping letters, digits and the marks of e-mail addresses', () => {
    expect(foldForSearch('Jörgen ÅKESSON')).toBe('jorgen akesson');
    expect(foldForSearch('Linnéa Øberg-Ærø')).toBe('linnea oberg-aero');
    expect(foldForSearch('  IVA (USÖ), plan 3 ')).toBe('iva uso plan 3');
    expect(foldForSearch('märta.sjöberg@regionorebrolan.example')).toBe('marta.sjoberg@regionorebrolan.example');
  });

  it('folds a query and a row alike, whatever Unicode form they come in', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aåäöeéAÅÄÖ ü-'.split('')) }), (text) => {
        expect(foldForSearch(text.normalize('NFD'))).toBe(foldForSearch(text.normalize('NFC')));
      }),
    );
  });

  it('reads a number as the digits a caller dials', () => {
    expect(phoneDigits('019-602 10 00')).toBe('0196021000');
    expect(phoneDigits('+46 19 602 10 00')).toBe('0196021000');
    expect(phoneDigits('0046 19 602 10 00')).toBe('0196021000');
    expect(phoneDigits('Sökare 4102')).toBe('4102');
  });
});

describe('Swedish sort key', () => {
  it('orders names as a Swedish dictionary does: å, ä, ö after z, ü with y, v apart from w', () => {
    const names = ['Öberg', 'Zetterlund', 'Åberg', 'Ahlberg', 'Ärlig', 'Ängel', 'Über', 'Yngve', 'Wall', 'Vall'];
    expect([...names].sort((a, b) => byteOrder(swedishSortKey(a), swedishSortKey(b)))).toEqual(
      [...names].sort(swedish.compare),
    );
  });

  it('agrees with Intl.Collator("sv") byte for byte on any text from the Swedish alphabet', () => {
    const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzåäöéüæøABCÅÄÖÉ 0123456789-'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: letter }), fc.string({ unit: letter }), (a, b) => {
        const expected = Math.sign(swedish.compare(a, b));
        if (expected !== 0) expect(Math.sign(byteOrder(swedishSortKey(a), swedishSortKey(b)))).toBe(expected);
      }),
      { numRuns: 2_000 },
    );
  });

  it('sorts by family name first, then given name', () => {
    const people = [
      ['Berg', 'Örjan'],
      ['Bergström', 'Anna'],
      ['Berg', 'Anna'],
      ['Berg-Holm', 'Anna'],
    ];
    const sorted = [...people].sort((a, b) => byteOrder(swedishSortKey(...a), swedishSortKey(...b)));
    expect(sorted).toEqual([
      ['Berg', 'Anna'],
      ['Berg', 'Örjan'],
      ['Berg-Holm', 'Anna'],
      ['Bergström', 'Anna'],
    ]);
  });
});

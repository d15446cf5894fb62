import { describe, expect, it } from 'vitest';
import { byteOrder, containing, foldName, searchWords } from './text.js';

describe('foldName', () => {
  it('drops diacritics and case, and folds the letters NFKD leaves whole', () => {
    expect(foldName('Åsa Öberg')).toBe('asa oberg');
    expect(foldName('Jörgen Ångström')).toBe('jorgen angstrom');
    expect(foldName('Łukasz Żółć')).toBe('lukasz zolc');
    expect(foldName('Søren Ærø')).toBe('soren aero');
    expect(foldName('STRAẞE Đorđe')).toBe('strasse dorde');
  });

  it('collapses and trims white space, so spacing never changes the order', () => {
    expect(foldName('  Anna\t  Lind\n')).toBe('anna lind');
  });

  it('folds compatibility forms such as ligatures and full-width letters', () => {
    expect(foldName('ﬁnn ＡＢ')).toBe('finn ab');
  });
});

describe('searchWords', () => {
  it('gives the folded words, none for an empty search', () => {
    expect(searchWords(' Öberg  ÅSA ')).toEqual(['oberg', 'asa']);
    expect(searchWords('')).toEqual([]);
    expect(searchWords(undefined)).toEqual([]);
  });
});

describe('containing', () => {
  it('takes % and _ literally', () => {
    expect(containing('50%_a\\')).toBe('%50\\%\\_a\\\\%');
  });
});

describe('byteOrder', () => {
  it('orders as PostgreSQL does under collate "C": digits, capitals, then small letters', () => {
    expect(['b', 'K-1', 'a b', 'C000002', 'a', 'ab'].sort(byteOrder)).toEqual([
      'C000002',
      'K-1',
      'a',
      'a b',
      'ab',
      'b',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugify } from './slug';

describe('slugs suggested from names', () => {
  it('spells Swedish, Polish and Russian letters for a URL', () => {
    expect(slugify('Propeller Yamaha F40 – 13 × 17')).toBe('propeller-yamaha-f40-13-17');
    expect(slugify('Räddningsväst Överlevnad')).toBe('raddningsvast-overlevnad');
    expect(slugify('Łódź żaglowa')).toBe('lodz-zaglowa');
    expect(slugify('Лодочный мотор')).toBe('lodochnyi-motor');
  });

  it('gives only slugs the API accepts, or nothing', () => {
    for (const name of ['  --Ankare!!  ', 'Ekolod 7"', 'a'.repeat(200), 'x - - y']) {
      expect(slugify(name)).toMatch(SLUG_PATTERN);
    }
    expect(slugify('a'.repeat(200))).toHaveLength(120);
    expect(slugify('!!!')).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { majorUnits, minorUnits, parseCatalogRows, parseFitments } from './catalog-csv.js';

const context = {
  locales: ['sv', 'en'],
  attributes: new Map([
    ['power_hp', { key: 'power_hp', type: 'number' as const, options: [] }],
    ['waterproof', { key: 'waterproof', type: 'boolean' as const, options: [] }],
  ]),
  currencies: new Map([
    ['SEK', 2],
    ['EUR', 2],
  ]),
};
const rows = (...lines: string[][]) => lines.map((cells, index) => ({ row: index + 2, cells }));

describe('the catalog CSV', () => {
  it('reads amounts exactly, with a decimal comma or point and spaces between thousands', () => {
    expect(minorUnits('4 990,00', 2)).toBe(499_000);
    expect(minorUnits('4990.5', 2)).toBe(499_050);
    expect(minorUnits('12', 2)).toBe(1200);
    expect(minorUnits('0,07', 2)).toBe(7);
    expect(minorUnits('1,234', 2)).toBeNull();
    expect(minorUnits('-5', 2)).toBeNull();
    expect(majorUnits(499_050, 2)).toBe('4990,50');
    expect(majorUnits(7, 2)).toBe('0,07');
  });

  it('reads fitment as make:model:years entries', () => {
    expect(parseFitments('Yamaha:F40:2010-2020| Mercury:40 ELPT:2015')).toEqual([
      { make: 'Yamaha', model: 'F40', yearFrom: 2010, yearTo: 2020 },
      { make: 'Mercury', model: '40 ELPT', yearFrom: 2015, yearTo: 2015 },
    ]);
    expect(parseFitments('Yamaha:F40:2020-2010')).toBeNull();
  });

  it('groups rows into products and checks that a product’s columns agree across its rows', () => {
    const parsed = parseCatalogRows(
      ['product_slug', 'name_sv', 'name_en', 'attr:power_hp', 'option:shaft', 'sku', 'price:SEK', 'vattr:waterproof'],
      rows(
        ['motor-a', 'Motor A', 'Engine A', '40', 'L', 'A-L', '89 900', 'ja'],
        ['motor-a', '', '', '40', 'XL', 'A-XL', '91 400,00', 'nej'],
        ['motor-b', 'Motor B', 'Engine B', '20', 'S', 'B-S', '', 'kanske'],
        ['motor-b', 'Motor B', 'Engine B', '25', 'L', 'A-L', '', ''],
      ),
      context,
    );
    expect(parsed.headerErrors).toEqual([]);
    const [a] = parsed.products;
    expect(a).toMatchObject({ slug: 'motor-a', rows: [2, 3], name: { sv: 'Motor A' }, attributes: { power_hp: 40 } });
    expect(a?.variants.map((variant) => [variant.sku, variant.prices.SEK, variant.attributes.waterproof])).toEqual([
      ['A-L', 8_990_000, true],
      ['A-XL', 9_140_000, false],
    ]);
    expect(parsed.errors.map((error) => `${error.row} ${error.column}`)).toEqual([
      '4 vattr:waterproof',
      '5 sku',
      '5 attr:power_hp',
    ]);
  });

  it('names unknown columns in the header, and asks for the ones it needs', () => {
    const parsed = parseCatalogRows(['product_slug', 'name_de', 'attr:colour', 'price:USD'], [], context);
    expect(parsed.headerErrors.map((error) => error.column)).toEqual(['name_de', 'attr:colour', 'price:USD', 'sku']);
  });
});

import { randomUUID } from 'node:crypto';
import type { Db } from '../src/platform/platform.js';

/** The consumer price list every shop has (0001_catalog.sql). */
const RETAIL = '00000000-0000-4000-8000-00000000c0de';
const DAY = 24 * 3600 * 1000;

/** Ids of what the search tests look for. */
export interface SearchFixture {
  products: {
    amita: string;
    saturn: string;
    impeller: string;
    striker: string;
    lifeJacket: string;
    reel: string;
    draft: string;
    euroOnly: string;
  };
  variants: { amita13: string; amita14: string; saturn: string; impeller: string; draft: string };
  saleListId: string;
  mediaId: string;
}

/**
 * A small WestGear catalog written straight into the commerce tables, as the catalog part would: propellers for the
 * Yamaha F40 (one reduced by a running campaign), a stainless one out of stock, an impeller, a fishfinder, a life
 * jacket in two colours, a reel, a draft, and a product priced only in euros.
 */
export async function seedSearchFixture(db: Db): Promise<SearchFixture> {
  const now = Date.now();
  const at = (days: number) => new Date(now + days * DAY);
  const id = () => randomUUID();
  const brands = { solas: id(), yamaha: id(), garmin: id(), baltic: id(), shimano: id() };
  const categories = {
    motorParts: id(),
    propellers: id(),
    spareParts: id(),
    electronics: id(),
    fishfinders: id(),
    safety: id(),
    fishing: id(),
  };
  const products = {
    amita: id(),
    saturn: id(),
    impeller: id(),
    striker: id(),
    lifeJacket: id(),
    reel: id(),
    draft: id(),
    euroOnly: id(),
  };
  const variants = {
    amita13: id(),
    amita14: id(),
    saturn: id(),
    impeller: id(),
    striker: id(),
    jacketRed: id(),
    jacketYellow: id(),
    reel: id(),
    draft: id(),
    euroOnly: id(),
  };
  const saleListId = id();
  const mediaId = id();

  await db.insertInto('commerce.currencies').values({ code: 'EUR', exponent: 2, position: 1 }).execute();
  await db
    .insertInto('commerce.brands')
    .values([
      { id: brands.solas, slug: 'solas', name: 'Solas' },
      { id: brands.yamaha, slug: 'yamaha', name: 'Yamaha' },
      { id: brands.garmin, slug: 'garmin', name: 'Garmin' },
      { id: brands.baltic, slug: 'baltic', name: 'Baltic' },
      { id: brands.shimano, slug: 'shimano', name: 'Shimano' },
    ])
    .execute();
  const category = (key: keyof typeof categories, slug: string, sv: string, en: string, parent?: string) => ({
    id: categories[key],
    parent_id: parent ?? null,
    slug,
    name: { sv, en },
    position: 0,
  });
  await db
    .insertInto('commerce.categories')
    .values([
      category('motorParts', 'motordelar', 'Motordelar', 'Engine parts'),
      category('electronics', 'elektronik', 'Elektronik', 'Electronics'),
      category('safety', 'sakerhet', 'Säkerhet', 'Safety'),
      category('fishing', 'fiske', 'Fiske', 'Fishing'),
    ])
    .execute();
  await db
    .insertInto('commerce.categories')
    .values([
      category('propellers', 'propellrar', 'Propellrar', 'Propellers', categories.motorParts),
      category('spareParts', 'reservdelar', 'Reservdelar', 'Spare parts', categories.motorParts),
      category('fishfinders', 'ekolod', 'Ekolod', 'Fishfinders', categories.electronics),
    ])
    .execute();
  await db
    .insertInto('commerce.attributes')
    .values([
      {
        key: 'material',
        type: 'enum',
        name: { sv: 'Material', en: 'Material' },
        options: JSON.stringify([
          { value: 'aluminium', label: { sv: 'Aluminium', en: 'Aluminium' } },
          { value: 'steel', label: { sv: 'Rostfritt stål', en: 'Stainless steel' } },
        ]),
        facet: true,
        position: 1,
      },
      { key: 'pitch_in', type: 'number', unit: 'tum', name: { sv: 'Stigning', en: 'Pitch' }, facet: true, position: 2 },
      { key: 'waterproof', type: 'boolean', name: { sv: 'Vattentät', en: 'Waterproof' }, facet: true, position: 3 },
      {
        key: 'colour',
        type: 'enum',
        name: { sv: 'Färg', en: 'Colour' },
        options: JSON.stringify([
          { value: 'red', label: { sv: 'Röd', en: 'Red' } },
          { value: 'yellow', label: { sv: 'Gul', en: 'Yellow' } },
        ]),
        facet: true,
        position: 4,
      },
      { key: 'weight_note', type: 'text', name: { sv: 'Vikt', en: 'Weight' }, facet: false },
    ])
    .execute();
  const product = (
    key: keyof typeof products,
    slug: string,
    brand: string | null,
    sv: string,
    en: string,
    publishedDaysAgo: number | null,
    attributes: Record<string, unknown> = {},
  ) => ({
    id: products[key],
    slug,
    status: publishedDaysAgo === null ? 'draft' : 'published',
    brand_id: brand,
    name: { sv, en },
    description: { sv: `${sv}. Från WestGear.`, en: `${en}. From WestGear.` },
    attributes,
    published_at: publishedDaysAgo === null ? null : at(-publishedDaysAgo),
  });
  await db
    .insertInto('commerce.products')
    .values([
      product(
        'amita',
        'solas-amita-propeller-yamaha-f40',
        brands.solas,
        'Solas Amita propeller för Yamaha F40',
        'Solas Amita propeller for Yamaha F40',
        30,
        { material: 'aluminium' },
      ),
      product(
        'saturn',
        'solas-saturn-rostfri-propeller',
        brands.solas,
        'Solas Saturn rostfri propeller',
        'Solas Saturn stainless propeller',
        20,
        { material: 'steel' },
      ),
      product('impeller', 'yamaha-impellersats', brands.yamaha, 'Yamaha impellersats', 'Yamaha impeller kit', 60),
      product(
        'striker',
        'garmin-striker-4',
        brands.garmin,
        'Garmin Striker 4 ekolod',
        'Garmin Striker 4 fishfinder',
        10,
        {
          waterproof: true,
        },
      ),
      product(
        'lifeJacket',
        'baltic-flytvast-100n',
        brands.baltic,
        'Baltic flytväst 100N',
        'Baltic life jacket 100N',
        5,
      ),
      product(
        'reel',
        'shimano-spinnrulle',
        brands.shimano,
        'Shimano Sedona spinnrulle',
        'Shimano Sedona spinning reel',
        1,
      ),
      product('draft', 'hemlig-propeller', brands.solas, 'Hemlig propeller', 'Secret propeller', null),
      product('euroOnly', 'euro-ankare', null, 'Ankare i euro', 'Euro anchor', 2),
    ])
    .execute();
  await db
    .insertInto('commerce.product_categories')
    .values([
      { product_id: products.amita, category_id: categories.propellers },
      { product_id: products.saturn, category_id: categories.propellers },
      { product_id: products.impeller, category_id: categories.spareParts },
      { product_id: products.striker, category_id: categories.fishfinders },
      { product_id: products.lifeJacket, category_id: categories.safety },
      { product_id: products.reel, category_id: categories.fishing },
      { product_id: products.draft, category_id: categories.propellers },
    ])
    .execute();
  await db
    .insertInto('commerce.media')
    .values({
      id: mediaId,
      product_id: products.amita,
      content_type: 'image/svg+xml',
      width: 8,
      height: 6,
      bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="6"/>'),
    })
    .execute();
  const variant = (
    key: keyof typeof variants,
    productKey: keyof typeof products,
    sku: string,
    extra: Record<string, unknown> = {},
  ) => ({ id: variants[key], product_id: products[productKey], sku, ...extra });
  await db
    .insertInto('commerce.variants')
    .values([
      variant('amita13', 'amita', 'SOL-AMITA-13', { ean: '7350000000013', attributes: { pitch_in: 13 } }),
      variant('amita14', 'amita', 'SOL-AMITA-14', { attributes: { pitch_in: 14 } }),
      variant('saturn', 'saturn', 'SOL-SATURN-15', { attributes: { pitch_in: 15 } }),
      variant('impeller', 'impeller', 'YAM-6CE-44352'),
      variant('striker', 'striker', 'GAR-STRIKER-4'),
      variant('jacketRed', 'lifeJacket', 'BAL-100N-RED', { option_values: { colour: 'red' } }),
      variant('jacketYellow', 'lifeJacket', 'BAL-100N-YEL', { option_values: { colour: 'yellow' } }),
      variant('reel', 'reel', 'SHI-SEDONA-2500'),
      variant('draft', 'draft', 'SECRET-1'),
      variant('euroOnly', 'euroOnly', 'EUR-ANCHOR'),
    ])
    .execute();
  const fitment = (variantId: string, make: string, model: string, from: number, to: number) => ({
    id: id(),
    variant_id: variantId,
    make,
    model,
    year_from: from,
    year_to: to,
  });
  await db
    .insertInto('commerce.fitments')
    .values([
      fitment(variants.amita13, 'Yamaha', 'F40', 2010, 2020),
      fitment(variants.amita14, 'Yamaha', 'F40', 2010, 2020),
      fitment(variants.amita14, 'Yamaha', 'F50', 2012, 2018),
      fitment(variants.saturn, 'Yamaha', 'F60', 2015, 2022),
      fitment(variants.saturn, 'Mercury', 'F60 EFI', 2014, 2020),
      fitment(variants.impeller, 'Yamaha', 'F40', 2005, 2012),
    ])
    .execute();
  await db
    .insertInto('commerce.stock')
    .values([
      { variant_id: variants.amita13, on_hand: 12 },
      { variant_id: variants.amita14, on_hand: 0, backorder: true },
      { variant_id: variants.saturn, on_hand: 0 },
      { variant_id: variants.impeller, on_hand: 40 },
      { variant_id: variants.striker, on_hand: 3 },
      { variant_id: variants.jacketRed, on_hand: 5 },
      { variant_id: variants.jacketYellow, on_hand: 0 },
      { variant_id: variants.reel, on_hand: 7 },
      { variant_id: variants.draft, on_hand: 1 },
      { variant_id: variants.euroOnly, on_hand: 1 },
    ])
    .execute();
  await db
    .insertInto('commerce.price_lists')
    .values({ id: saleListId, code: 'varrea', kind: 'sale', name: 'Vårrea', starts_at: at(-2), ends_at: at(7) })
    .execute();
  const price = (list: string, variantId: string, currency: string, amount: number) => ({
    id: id(),
    price_list_id: list,
    variant_id: variantId,
    currency,
    amount_minor: amount,
  });
  await db
    .insertInto('commerce.prices')
    .values([
      price(RETAIL, variants.amita13, 'SEK', 129_900),
      price(RETAIL, variants.amita14, 'SEK', 134_900),
      price(saleListId, variants.amita13, 'SEK', 99_900),
      price(RETAIL, variants.amita13, 'EUR', 11_900),
      price(RETAIL, variants.saturn, 'SEK', 349_000),
      price(RETAIL, variants.impeller, 'SEK', 44_900),
      price(RETAIL, variants.striker, 'SEK', 179_000),
      price(RETAIL, variants.striker, 'EUR', 16_900),
      price(RETAIL, variants.jacketRed, 'SEK', 89_900),
      price(RETAIL, variants.jacketYellow, 'SEK', 89_900),
      price(RETAIL, variants.reel, 'SEK', 119_900),
      price(RETAIL, variants.draft, 'SEK', 10_000),
      price(RETAIL, variants.euroOnly, 'EUR', 4_900),
    ])
    .execute();
  // What the 13" Amita showed: 1 399 kr, 1 299 kr from 20 days ago, the campaign's 999 kr for two days.
  const history = (variantId: string, amount: number, regular: number, days: number) => ({
    variant_id: variantId,
    currency: 'SEK',
    amount_minor: amount,
    regular_minor: regular,
    effective_from: at(days),
  });
  await db
    .insertInto('commerce.price_history')
    .values([
      history(variants.amita13, 139_900, 139_900, -45),
      history(variants.amita13, 129_900, 129_900, -20),
      history(variants.amita13, 99_900, 129_900, -2),
    ])
    .execute();
  return {
    products,
    variants: {
      amita13: variants.amita13,
      amita14: variants.amita14,
      saturn: variants.saturn,
      impeller: variants.impeller,
      draft: variants.draft,
    },
    saleListId,
    mediaId,
  };
}

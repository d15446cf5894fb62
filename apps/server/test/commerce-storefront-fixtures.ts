import { randomUUID } from 'node:crypto';
import type { Db } from '../src/platform/platform.js';

/** The consumer price list every shop has (0001_catalog.sql). */
const RETAIL = '00000000-0000-4000-8000-00000000c0de';
const DAY = 24 * 3600 * 1000;

export const HOSTILE_NAME = `</title><script>alert("pwned")</script> Ankare & kätting "Grip"`;

/** A propeller with two pitches for the Yamaha F40, the second on backorder; the first on sale. */
export interface StorefrontFixture {
  propellerId: string;
  propellerSlug: string;
  oldPropellerSlug: string;
  hostileSlug: string;
  draftSlug: string;
  mediaId: string;
  draftMediaId: string;
  categorySlug: string;
  skus: { pitch13: string; pitch14: string; anchor: string };
}

export const svgImage = (label: string) =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600"><rect width="800" height="600" fill="#dfe8ee"/><circle cx="400" cy="300" r="180" fill="#0b3d5c"/><text x="400" y="560" font-size="32" text-anchor="middle">${label}</text></svg>`,
  );

/**
 * Writes a small catalog straight into the commerce tables, as the catalog part would have: the storefront reads
 * these tables and must not depend on the catalog's admin API to be tested.
 */
export async function seedStorefrontFixture(db: Db): Promise<StorefrontFixture> {
  const now = Date.now();
  const at = (days: number) => new Date(now + days * DAY);
  const brand = randomUUID();
  const root = randomUUID();
  const propellers = randomUUID();
  const propeller = randomUUID();
  const anchor = randomUUID();
  const draft = randomUUID();
  const [v13, v14, vAnchor, vDraft] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const sale = randomUUID();
  const fixture: StorefrontFixture = {
    propellerId: propeller,
    propellerSlug: 'solas-amita-propeller-yamaha-f40',
    oldPropellerSlug: 'propeller-f40-gammal',
    hostileSlug: 'ankare-och-katting',
    draftSlug: 'hemlig-nyhet',
    mediaId: randomUUID(),
    draftMediaId: randomUUID(),
    categorySlug: 'propellrar',
    skus: { pitch13: 'SOL-F40-13', pitch14: 'SOL-F40-14', anchor: 'ANK-10KG' },
  };

  await db
    .insertInto('commerce.currencies')
    .values({ code: 'EUR', exponent: 2, position: 1 })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  await db.insertInto('commerce.brands').values({ id: brand, slug: 'solas', name: 'Solas' }).execute();
  await db
    .insertInto('commerce.categories')
    .values([
      { id: root, slug: 'motordelar', name: { sv: 'Motordelar', en: 'Engine parts' }, position: 0 },
      {
        id: propellers,
        parent_id: root,
        slug: fixture.categorySlug,
        name: { sv: 'Propellrar', en: 'Propellers' },
        position: 0,
      },
    ])
    .execute();
  await db
    .insertInto('commerce.attributes')
    .values([
      { key: 'diameter_in', type: 'number', unit: 'tum', name: { sv: 'Diameter', en: 'Diameter' }, facet: true },
      {
        key: 'material',
        type: 'enum',
        name: { sv: 'Material', en: 'Material' },
        options: JSON.stringify([
          { value: 'aluminium', label: { sv: 'Aluminium', en: 'Aluminium' } },
          { value: 'steel', label: { sv: 'Rostfritt stål', en: 'Stainless steel' } },
        ]),
        facet: true,
      },
      { key: 'pitch_in', type: 'number', unit: 'tum', name: { sv: 'Stigning', en: 'Pitch' } },
    ])
    .execute();
  await db
    .insertInto('commerce.products')
    .values([
      {
        id: propeller,
        slug: fixture.propellerSlug,
        status: 'published',
        brand_id: brand,
        name: {
          sv: 'Solas Amita 3-bladig propeller för Yamaha F40',
          en: 'Solas Amita 3-blade propeller for Yamaha F40',
        },
        description: {
          sv: 'Aluminiumpropeller med utbytbar nav-bussning.\n\nPassar Yamaha F40 från 2010 till 2020.',
          en: 'Aluminium propeller with a replaceable hub.\n\nFits the Yamaha F40 from 2010 to 2020.',
        },
        seo_description: { sv: 'Propeller till Yamaha F40 – fri frakt över 500 kr.' },
        attributes: { diameter_in: 11.125, material: 'aluminium' },
        options: JSON.stringify([{ key: 'pitch', name: { sv: 'Stigning', en: 'Pitch' } }]),
        published_at: at(-90),
      },
      {
        id: anchor,
        slug: fixture.hostileSlug,
        status: 'published',
        bulky: true,
        name: { sv: HOSTILE_NAME, en: HOSTILE_NAME },
        description: { sv: '<b>fet</b> & <i>kursiv</i>', en: '<b>bold</b>' },
        published_at: at(-90),
      },
      { id: draft, slug: fixture.draftSlug, status: 'draft', name: { sv: 'Hemlig nyhet', en: 'Secret news' } },
    ])
    .execute();
  await db
    .insertInto('commerce.product_categories')
    .values([
      { product_id: propeller, category_id: propellers },
      { product_id: anchor, category_id: root },
    ])
    .execute();
  await db
    .insertInto('commerce.slug_redirects')
    .values({ kind: 'product', old_slug: fixture.oldPropellerSlug, target_id: propeller })
    .execute();
  await db
    .insertInto('commerce.media')
    .values([
      {
        id: fixture.mediaId,
        product_id: propeller,
        content_type: 'image/svg+xml',
        width: 800,
        height: 600,
        bytes: svgImage('Solas Amita'),
        alt: { sv: 'Propellern framifrån', en: 'The propeller from the front' },
      },
      {
        id: fixture.draftMediaId,
        product_id: draft,
        content_type: 'image/svg+xml',
        width: 800,
        height: 600,
        bytes: svgImage('secret'),
      },
    ])
    .execute();
  await db
    .insertInto('commerce.variants')
    .values([
      {
        id: v13,
        product_id: propeller,
        sku: fixture.skus.pitch13,
        ean: '7350000000013',
        option_values: { pitch: '13"' },
        attributes: { pitch_in: 13 },
        position: 0,
      },
      {
        id: v14,
        product_id: propeller,
        sku: fixture.skus.pitch14,
        option_values: { pitch: '14"' },
        attributes: { pitch_in: 14 },
        position: 1,
      },
      { id: vAnchor, product_id: anchor, sku: fixture.skus.anchor, weight_grams: 10_000 },
      { id: vDraft, product_id: draft, sku: 'SECRET-1' },
    ])
    .execute();
  await db
    .insertInto('commerce.fitments')
    .values(
      [v13, v14].map((variant) => ({
        id: randomUUID(),
        variant_id: variant,
        make: 'Yamaha',
        model: 'F40',
        year_from: 2010,
        year_to: 2020,
      })),
    )
    .execute();
  await db
    .insertInto('commerce.stock')
    .values([
      { variant_id: v13, on_hand: 12, low_stock_threshold: 2 },
      { variant_id: v14, on_hand: 0, backorder: true },
      { variant_id: vAnchor, on_hand: 3, low_stock_threshold: 5 },
      { variant_id: vDraft, on_hand: 1 },
    ])
    .execute();
  await db
    .insertInto('commerce.price_lists')
    .values({ id: sale, code: 'sommarrea', kind: 'sale', name: 'Sommarrea', starts_at: at(-1), ends_at: at(7) })
    .execute();
  const price = (list: string, variant: string, currency: string, amount: number) => ({
    id: randomUUID(),
    price_list_id: list,
    variant_id: variant,
    currency,
    amount_minor: amount,
  });
  await db
    .insertInto('commerce.prices')
    .values([
      price(RETAIL, v13, 'SEK', 129_900),
      price(RETAIL, v14, 'SEK', 134_900),
      price(RETAIL, vAnchor, 'SEK', 89_950),
      price(RETAIL, vDraft, 'SEK', 10_000),
      price(RETAIL, v13, 'EUR', 11_500),
      price(sale, v13, 'SEK', 99_900),
    ])
    .execute();
  // What the 13" showed: 1 399 kr, 1 299 kr from 20 days ago, the campaign's 999 kr since yesterday.
  const history = (variant: string, amount: number, regular: number, days: number) => ({
    variant_id: variant,
    currency: 'SEK',
    amount_minor: amount,
    regular_minor: regular,
    effective_from: at(days),
  });
  await db
    .insertInto('commerce.price_history')
    .values([
      history(v13, 139_900, 139_900, -45),
      history(v13, 129_900, 129_900, -20),
      history(v13, 99_900, 129_900, -1),
      history(v14, 134_900, 134_900, -45),
      history(vAnchor, 89_950, 89_950, -45),
    ])
    .execute();
  return fixture;
}

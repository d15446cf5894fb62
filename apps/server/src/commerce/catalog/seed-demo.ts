import { randomUUID } from 'node:crypto';
import type { Platform } from '../../platform/platform.js';
import type { SearchIndex } from '../search/search-index.js';
import { catalogDb } from './catalog-context.js';
import { demoAttributes, demoBrands, demoCategories, demoProducts } from './demo-catalog.js';
import { demoSvg } from './demo-image.js';
import { DAY_MS } from './price-rules.js';
import { type CatalogDb, json, RETAIL_LIST_ID } from './tables.js';

/** The campaign of the demo: running now, begun five days ago. */
export const DEMO_SALE_CODE = 'vinterrea';
const EUR_PER_SEK = 1 / 11.5;

/** A valid EAN-13 in GS1 Sweden's 73 range, the same for the same number. */
function ean13(serial: number): string {
  const body = `735${String(100_000_000 + serial).slice(-9)}`;
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** Kronor after a reduction, ending in 9 as shops price. */
const reduced = (sek: number, percent: number) => Math.max(9, Math.round((sek * (100 - percent)) / 1000) * 10 - 1);
const eur = (sek: number) => Math.max(1, Math.round(sek * EUR_PER_SEK));

async function insertTaxonomy(db: CatalogDb) {
  await db
    .insertInto('commerce.currencies')
    .values({ code: 'EUR', exponent: 2, active: true, position: 1 })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  await db
    .insertInto('commerce.brands')
    .values(demoBrands.map(([slug, name]) => ({ id: randomUUID(), slug, name })))
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
  for (const [position, [slug, parent, sv, en, descriptionSv, descriptionEn]] of demoCategories.entries()) {
    const parentId = parent
      ? (await db.selectFrom('commerce.categories').select('id').where('slug', '=', parent).executeTakeFirst())?.id
      : null;
    await db
      .insertInto('commerce.categories')
      .values({
        id: randomUUID(),
        parent_id: parentId ?? null,
        slug,
        name: json({ sv, en }),
        description: json({ sv: descriptionSv, en: descriptionEn }),
        seo_title: json({ sv: `${sv} | WestGear`, en: `${en} | WestGear` }),
        seo_description: json({ sv: descriptionSv, en: descriptionEn }),
        position,
      })
      .onConflict((oc) => oc.column('slug').doNothing())
      .execute();
  }
  await db
    .insertInto('commerce.attributes')
    .values(
      demoAttributes.map(([key, type, unit, sv, en, facet, options], position) => ({
        key,
        type,
        unit,
        name: json({ sv, en }),
        options: json(options.map(([value, labelSv, labelEn]) => ({ value, label: { sv: labelSv, en: labelEn } }))),
        facet,
        position,
      })),
    )
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

/**
 * WestGear's demo catalog: 40 products in Swedish and English with variants, fitment (propellers for the Yamaha F40
 * 2010–2020 among them), pictures, SEK and EUR prices, stock (a few low, one on backorder) and the running campaign
 * "Vinterrea", whose history lets the 30-day rule show. Idempotent: it does nothing once the campaign exists.
 */
export async function seedCatalogDemo(platform: Platform, search: SearchIndex): Promise<void> {
  await platform.transaction(async (trx) => {
    const db = catalogDb(trx);
    const seeded = await db
      .selectFrom('commerce.price_lists')
      .select('id')
      .where('code', '=', DEMO_SALE_CODE)
      .executeTakeFirst();
    if (seeded) return;
    await insertTaxonomy(db);
    const brandIds = new Map(
      (await db.selectFrom('commerce.brands').select(['id', 'slug']).execute()).map((row) => [row.slug, row.id]),
    );
    const categoryIds = new Map(
      (await db.selectFrom('commerce.categories').select(['id', 'slug']).execute()).map((row) => [row.slug, row.id]),
    );
    const taken = new Set((await db.selectFrom('commerce.products').select('slug').execute()).map((row) => row.slug));

    const now = new Date();
    const saleStart = new Date(now.getTime() - 5 * DAY_MS);
    const saleEnd = new Date(now.getTime() + 25 * DAY_MS);
    const historyStart = new Date(now.getTime() - 90 * DAY_MS);
    const raisedAt = new Date(saleStart.getTime() - 20 * DAY_MS);
    const saleId = randomUUID();
    await db
      .insertInto('commerce.price_lists')
      .values({
        id: saleId,
        code: DEMO_SALE_CODE,
        kind: 'sale',
        name: 'Vinterrea',
        starts_at: saleStart,
        ends_at: saleEnd,
        priority: 10,
      })
      .execute();

    const products = [];
    const links = [];
    const variants = [];
    const stock = [];
    const fitments = [];
    const media = [];
    const prices = [];
    const history = [];
    let serial = 0;
    for (const [index, demo] of demoProducts.entries()) {
      if (taken.has(demo.slug)) continue;
      const productId = randomUUID();
      const brand = brandIds.get(demo.brand) ?? null;
      products.push({
        id: productId,
        slug: demo.slug,
        status: 'published' as const,
        brand_id: brand,
        bulky: demo.bulky ?? false,
        name: json({ sv: demo.name[0], en: demo.name[1] }),
        description: json({ sv: demo.description[0], en: demo.description[1] }),
        seo_title: json({ sv: `${demo.name[0]} | WestGear`, en: `${demo.name[1]} | WestGear` }),
        seo_description: json({ sv: demo.description[0].slice(0, 160), en: demo.description[1].slice(0, 160) }),
        attributes: json(demo.attributes ?? {}),
        options: json((demo.options ?? []).map(([key, sv, en]) => ({ key, name: { sv, en } }))),
        created_at: historyStart,
        updated_at: now,
        published_at: historyStart,
      });
      const categoryId = categoryIds.get(demo.category);
      if (categoryId) links.push({ product_id: productId, category_id: categoryId, position: 0 });
      media.push({
        id: randomUUID(),
        product_id: productId,
        position: 0,
        content_type: 'image/svg+xml',
        width: 400,
        height: 300,
        bytes: demoSvg(demo.icon, demoBrands.find(([slug]) => slug === demo.brand)?.[1] ?? ''),
        alt: json({ sv: `Bild av ${demo.name[0]}`, en: `Picture of ${demo.name[1]}` }),
      });
      for (const [position, variant] of demo.variants.entries()) {
        const variantId = randomUUID();
        serial += 1;
        variants.push({
          id: variantId,
          product_id: productId,
          sku: variant.sku,
          ean: ean13(serial),
          option_values: json(variant.options ?? {}),
          attributes: json(variant.attributes ?? {}),
          weight_grams: variant.grams,
          position,
        });
        const [onHand, threshold, backorder] = variant.stock ?? [5 + ((index * 7 + position * 3) % 20), 2, false];
        stock.push({
          variant_id: variantId,
          on_hand: onHand,
          low_stock_threshold: threshold,
          backorder: backorder ?? false,
        });
        for (const [make, model, from, to] of demo.fitments ?? [])
          fitments.push({ id: randomUUID(), variant_id: variantId, make, model, year_from: from, year_to: to });
        for (const [currency, convert] of [
          ['SEK', (sek: number) => sek],
          ['EUR', eur],
        ] as const) {
          const retail = convert(variant.sek) * 100;
          prices.push({
            id: randomUUID(),
            price_list_id: RETAIL_LIST_ID,
            variant_id: variantId,
            currency,
            amount_minor: retail,
          });
          const earlier = demo.earlierSek === undefined ? retail : convert(demo.earlierSek) * 100;
          history.push({
            variant_id: variantId,
            currency,
            amount_minor: earlier,
            regular_minor: earlier,
            effective_from: historyStart,
          });
          if (earlier !== retail)
            history.push({
              variant_id: variantId,
              currency,
              amount_minor: retail,
              regular_minor: retail,
              effective_from: raisedAt,
            });
          if (demo.salePercent) {
            const sale =
              currency === 'SEK'
                ? reduced(variant.sek, demo.salePercent) * 100
                : Math.round((retail * (100 - demo.salePercent)) / 10_000) * 100;
            prices.push({
              id: randomUUID(),
              price_list_id: saleId,
              variant_id: variantId,
              currency,
              amount_minor: sale,
            });
            history.push({
              variant_id: variantId,
              currency,
              amount_minor: sale,
              regular_minor: retail,
              effective_from: saleStart,
            });
          }
        }
      }
    }
    if (products.length === 0) return;
    await db.insertInto('commerce.products').values(products).execute();
    await db.insertInto('commerce.product_categories').values(links).execute();
    await db.insertInto('commerce.variants').values(variants).execute();
    await db.insertInto('commerce.stock').values(stock).execute();
    if (fitments.length > 0) await db.insertInto('commerce.fitments').values(fitments).execute();
    await db.insertInto('commerce.media').values(media).execute();
    await db.insertInto('commerce.prices').values(prices).execute();
    await db.insertInto('commerce.price_history').values(history).execute();
    // The campaign began before now: the minute job starts looking for window boundaries from here.
    await db
      .insertInto('commerce.price_window_state')
      .values({ id: true, checked_until: now })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await search.reindex(
      trx,
      products.map((product) => product.id),
    );
  });
}

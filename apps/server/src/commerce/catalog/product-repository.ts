import { sql } from 'kysely';
import type { AttributeValue, CatalogDb, OptionAxis, TranslatedText } from './tables.js';
import { json } from './tables.js';

export interface ProductFields {
  slug: string;
  status: 'draft' | 'published';
  brandId: string | null;
  vatClass: string;
  bulky: boolean;
  name: TranslatedText;
  description: TranslatedText;
  seoTitle: TranslatedText;
  seoDescription: TranslatedText;
  attributes: Record<string, AttributeValue>;
  options: OptionAxis[];
}

export interface VariantFields {
  sku: string;
  ean: string | null;
  optionValues: Record<string, string>;
  attributes: Record<string, AttributeValue>;
  weightGrams: number;
  position: number;
  active: boolean;
}

export interface FitmentFields {
  make: string;
  model: string;
  yearFrom: number;
  yearTo: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');
/** Microseconds as text: a JavaScript Date keeps milliseconds, and a cursor that rounded would skip rows. */
const exactUpdated = sql<string>`to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const productColumns = (fields: ProductFields) => ({
  slug: fields.slug,
  status: fields.status,
  brand_id: fields.brandId,
  vat_class: fields.vatClass,
  bulky: fields.bulky,
  name: json(fields.name),
  description: json(fields.description),
  seo_title: json(fields.seoTitle),
  seo_description: json(fields.seoDescription),
  attributes: json(fields.attributes),
  options: json(fields.options),
});

const variantColumns = (fields: VariantFields) => ({
  sku: fields.sku,
  ean: fields.ean,
  option_values: json(fields.optionValues),
  attributes: json(fields.attributes),
  weight_grams: fields.weightGrams,
  position: fields.position,
  active: fields.active,
});

/** Products, variants, fitment and stock rows: the SQL of their tables. */
export const productRepository = {
  product: (db: CatalogDb, id: string) =>
    db.selectFrom('commerce.products').selectAll().where('id', '=', id).executeTakeFirst(),

  productBySlug: (db: CatalogDb, slug: string) =>
    db.selectFrom('commerce.products').selectAll().where('slug', '=', slug).executeTakeFirst(),

  productsBySlug: (db: CatalogDb, slugs: string[]) =>
    slugs.length === 0
      ? Promise.resolve([])
      : db.selectFrom('commerce.products').selectAll().where('slug', 'in', slugs).execute(),

  /** Takes the product's row lock: variants and option axes are checked against each other under it. */
  lockProduct: (db: CatalogDb, id: string) =>
    db.selectFrom('commerce.products').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

  async insertProduct(db: CatalogDb, id: string, fields: ProductFields, at: Date): Promise<void> {
    await db
      .insertInto('commerce.products')
      .values({
        id,
        ...productColumns(fields),
        created_at: at,
        updated_at: at,
        published_at: fields.status === 'published' ? at : null,
      })
      .execute();
  },

  async updateProduct(db: CatalogDb, id: string, fields: ProductFields, at: Date): Promise<void> {
    await db
      .updateTable('commerce.products')
      .set({
        ...productColumns(fields),
        updated_at: at,
        published_at: sql`case when ${fields.status} = 'published' then coalesce(published_at, ${at}) else published_at end`,
      })
      .where('id', '=', id)
      .execute();
  },

  /** Marks a product changed (a variant, price or picture of it changed), for the admin list's order. */
  touch: (db: CatalogDb, ids: string[], at: Date) =>
    ids.length === 0
      ? Promise.resolve()
      : db.updateTable('commerce.products').set({ updated_at: at }).where('id', 'in', ids).execute(),

  async setCategories(db: CatalogDb, productId: string, categoryIds: string[]): Promise<void> {
    await db.deleteFrom('commerce.product_categories').where('product_id', '=', productId).execute();
    if (categoryIds.length === 0) return;
    await db
      .insertInto('commerce.product_categories')
      .values(categoryIds.map((categoryId, position) => ({ product_id: productId, category_id: categoryId, position })))
      .execute();
  },

  async categoryIdsOf(db: CatalogDb, productIds: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (productIds.length === 0) return result;
    const rows = await db
      .selectFrom('commerce.product_categories')
      .select(['product_id', 'category_id'])
      .where('product_id', 'in', productIds)
      .orderBy('product_id')
      .orderBy('position')
      .execute();
    for (const row of rows) result.set(row.product_id, [...(result.get(row.product_id) ?? []), row.category_id]);
    return result;
  },

  async existingIds(
    db: CatalogDb,
    table: 'commerce.products' | 'commerce.categories' | 'commerce.brands',
    ids: string[],
  ) {
    if (ids.length === 0) return new Set<string>();
    const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((row) => row.id));
  },

  /** Per product: its brand and its categories with every ancestor, in one recursive query. */
  async reachOf(
    db: CatalogDb,
    productIds: string[],
  ): Promise<Map<string, { brandId: string | null; categoryIds: string[] }>> {
    if (productIds.length === 0) return new Map();
    const ids = sql.join(productIds.map((id) => sql`${id}::uuid`));
    const rows = await sql<{ product_id: string; brand_id: string | null; category_ids: string[] | null }>`
      with recursive reach (product_id, category_id) as (
        select product_id, category_id from commerce.product_categories where product_id in (${ids})
        union
        select reach.product_id, c.parent_id
        from reach join commerce.categories c on c.id = reach.category_id
        where c.parent_id is not null
      )
      select p.id as product_id, p.brand_id,
        (select array_agg(reach.category_id::text) from reach where reach.product_id = p.id) as category_ids
      from commerce.products p where p.id in (${ids})
    `.execute(db);
    return new Map(
      rows.rows.map((row) => [row.product_id, { brandId: row.brand_id, categoryIds: row.category_ids ?? [] }]),
    );
  },

  /** Published products' slugs, the most recently changed first (the sitemap). */
  publishedSlugs: (db: CatalogDb, limit: number) =>
    db
      .selectFrom('commerce.products')
      .select(['slug', 'updated_at'])
      .where('status', '=', 'published')
      .orderBy('updated_at', 'desc')
      .limit(limit)
      .execute(),

  variantsOf: (db: CatalogDb, productIds: string[]) =>
    productIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('commerce.variants')
          .selectAll()
          .where('product_id', 'in', productIds)
          .orderBy('product_id')
          .orderBy('position')
          .orderBy('sku')
          .execute(),

  variant: (db: CatalogDb, id: string) =>
    db.selectFrom('commerce.variants').selectAll().where('id', '=', id).executeTakeFirst(),

  variantsBySku: (db: CatalogDb, skus: string[]) =>
    skus.length === 0
      ? Promise.resolve([])
      : db.selectFrom('commerce.variants').selectAll().where('sku', 'in', skus).execute(),

  variantsByEan: (db: CatalogDb, eans: string[]) =>
    eans.length === 0
      ? Promise.resolve([])
      : db.selectFrom('commerce.variants').select(['id', 'sku', 'ean']).where('ean', 'in', eans).execute(),

  /** Variants a shop customer can buy: active, of a published product, with what pricing a line needs. */
  sellableBySku: (db: CatalogDb, skus: string[]) =>
    skus.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('commerce.variants as v')
          .innerJoin('commerce.products as p', 'p.id', 'v.product_id')
          .select([
            'v.id',
            'v.sku',
            'v.product_id',
            'v.option_values',
            'v.weight_grams',
            'p.name',
            'p.vat_class',
            'p.bulky',
          ])
          .where('v.sku', 'in', skus)
          .where('v.active', '=', true)
          .where('p.status', '=', 'published')
          .execute(),

  /** SKUs of published, active variants with a price in the currency, in SKU order. */
  async pricedSkus(db: CatalogDb, currency: string, limit: number): Promise<string[]> {
    const rows = await db
      .selectFrom('commerce.variants as v')
      .innerJoin('commerce.products as p', 'p.id', 'v.product_id')
      .select('v.sku')
      .where('p.status', '=', 'published')
      .where('v.active', '=', true)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('commerce.prices as pr')
            .select('pr.variant_id')
            .whereRef('pr.variant_id', '=', 'v.id')
            .where('pr.currency', '=', currency),
        ),
      )
      .orderBy('v.sku')
      .limit(limit)
      .execute();
    return rows.map((row) => row.sku);
  },

  async insertVariant(db: CatalogDb, id: string, productId: string, fields: VariantFields): Promise<void> {
    await db
      .insertInto('commerce.variants')
      .values({ id, product_id: productId, ...variantColumns(fields) })
      .execute();
    await db
      .insertInto('commerce.stock')
      .values({ variant_id: id })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },

  async updateVariant(db: CatalogDb, id: string, fields: VariantFields): Promise<void> {
    await db
      .updateTable('commerce.variants')
      .set({ ...variantColumns(fields), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  },

  fitmentsOf: (db: CatalogDb, variantIds: string[]) =>
    variantIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('commerce.fitments')
          .selectAll()
          .where('variant_id', 'in', variantIds)
          .orderBy('make')
          .orderBy('model')
          .orderBy('year_from')
          .execute(),

  async replaceFitments(
    db: CatalogDb,
    variantId: string,
    fitments: Array<FitmentFields & { id: string }>,
  ): Promise<void> {
    await db.deleteFrom('commerce.fitments').where('variant_id', '=', variantId).execute();
    if (fitments.length === 0) return;
    await db
      .insertInto('commerce.fitments')
      .values(
        fitments.map((fitment) => ({
          id: fitment.id,
          variant_id: variantId,
          make: fitment.make,
          model: fitment.model,
          year_from: fitment.yearFrom,
          year_to: fitment.yearTo,
        })),
      )
      .execute();
  },

  stockOf: (db: CatalogDb, variantIds: string[]) =>
    variantIds.length === 0
      ? Promise.resolve([])
      : db.selectFrom('commerce.stock').selectAll().where('variant_id', 'in', variantIds).execute(),

  /** Products in id order after `afterId`: the export walks the whole catalog this way. */
  productsAfter: (db: CatalogDb, afterId: string | null, limit: number) => {
    let query = db.selectFrom('commerce.products').selectAll().orderBy('id').limit(limit);
    if (afterId) query = query.where('id', '>', afterId);
    return query.execute();
  },

  /** The attribute keys products and variants hold, and the option keys products vary by: the export's columns. */
  async usedKeys(db: CatalogDb) {
    const keys = async (query: ReturnType<typeof sql<{ key: string }>>) =>
      (await query.execute(db)).rows.map((row) => row.key).sort();
    return {
      productAttributes: await keys(sql`select distinct jsonb_object_keys(attributes) as key from commerce.products`),
      variantAttributes: await keys(sql`select distinct jsonb_object_keys(attributes) as key from commerce.variants`),
      options: await keys(
        sql`select distinct axis ->> 'key' as key from commerce.products, jsonb_array_elements(options) as axis`,
      ),
    };
  },

  /** The admin list: newest change first, keyset-paged, filtered by text in slug, names or SKUs. */
  async page(
    db: CatalogDb,
    query: {
      q?: string;
      status?: 'draft' | 'published';
      brandId?: string;
      categoryId?: string;
      limit: number;
      after?: { updated: string; id: string };
    },
  ) {
    let select = db
      .selectFrom('commerce.products as p')
      .select(['p.id', 'p.slug', 'p.status', 'p.name', 'p.brand_id', 'p.updated_at', exactUpdated.as('page_updated')])
      .select((eb) =>
        eb
          .selectFrom('commerce.variants as v')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('v.product_id', '=', 'p.id')
          .as('variant_count'),
      );
    if (query.status) select = select.where('p.status', '=', query.status);
    if (query.brandId) select = select.where('p.brand_id', '=', query.brandId);
    if (query.categoryId)
      select = select.where(
        sql<boolean>`exists (with recursive below(id) as (
            select ${query.categoryId}::uuid
            union select c.id from commerce.categories c join below b on c.parent_id = b.id)
          select 1 from commerce.product_categories pc join below b on pc.category_id = b.id where pc.product_id = p.id)`,
      );
    if (query.q) {
      const like = `%${escapeLike(query.q)}%`;
      select = select.where(
        sql<boolean>`(p.slug ilike ${like} or p.name ->> 'sv' ilike ${like} or p.name ->> 'en' ilike ${like}
          or exists (select 1 from commerce.variants v where v.product_id = p.id and v.sku ilike ${like}))`,
      );
    }
    if (query.after)
      select = select.where(
        sql<boolean>`(p.updated_at, p.id) < (${query.after.updated}::timestamptz, ${query.after.id}::uuid)`,
      );
    return select
      .orderBy('p.updated_at', 'desc')
      .orderBy('p.id', 'desc')
      .limit(query.limit + 1)
      .execute();
  },
};

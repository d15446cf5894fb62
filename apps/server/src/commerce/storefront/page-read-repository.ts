import { type Kysely, sql } from 'kysely';
import type { Db } from '../../platform/platform.js';

/** Text in several languages, as the catalog stores it ({"sv": …, "en": …}). */
export type Translated = Record<string, string>;

/** The columns of the catalog tables the pages read (the catalog part owns and writes them). */
interface PageTables {
  'commerce.currencies': { code: string; exponent: number; active: boolean; position: number };
  'commerce.brands': { id: string; slug: string; name: string };
  'commerce.categories': {
    id: string;
    parent_id: string | null;
    slug: string;
    name: Translated;
    description: Translated;
    seo_title: Translated;
    seo_description: Translated;
    position: number;
  };
  'commerce.attributes': {
    key: string;
    type: 'text' | 'number' | 'boolean' | 'enum';
    unit: string | null;
    name: Translated;
    options: Array<{ value: string; label: Translated }>;
    position: number;
  };
  'commerce.products': {
    id: string;
    slug: string;
    status: 'draft' | 'published';
    brand_id: string | null;
    bulky: boolean;
    name: Translated;
    description: Translated;
    seo_title: Translated;
    seo_description: Translated;
    attributes: Record<string, unknown>;
    options: Array<{ key: string; name: Translated }>;
    updated_at: Date;
  };
  'commerce.product_categories': { product_id: string; category_id: string; position: number };
  'commerce.media': {
    id: string;
    product_id: string;
    position: number;
    content_type: string;
    width: number;
    height: number;
    bytes: Uint8Array;
    alt: Translated;
    created_at: Date;
  };
  'commerce.variants': {
    id: string;
    product_id: string;
    sku: string;
    ean: string | null;
    option_values: Record<string, string>;
    attributes: Record<string, unknown>;
    position: number;
    active: boolean;
  };
  'commerce.fitments': {
    id: string;
    variant_id: string;
    make: string;
    model: string;
    year_from: number;
    year_to: number;
  };
  'commerce.stock': { variant_id: string; on_hand: number; backorder: boolean; low_stock_threshold: number };
}

type PageDb = Kysely<PageTables>;
const page = (db: Db) => db as unknown as PageDb;

export type ProductRow = NonNullable<Awaited<ReturnType<typeof pageReadRepository.productById>>>;
export type VariantRow = Awaited<ReturnType<typeof pageReadRepository.variants>>[number];
export type MediaRow = Awaited<ReturnType<typeof pageReadRepository.media>>[number];
export type CategoryRow = PageTables['commerce.categories'];
export type AttributeRow = PageTables['commerce.attributes'];
export type FitmentRow = Awaited<ReturnType<typeof pageReadRepository.fitments>>[number];

/**
 * The storefront's read model: what the shop's pages show, read straight from the catalog tables (reading only;
 * every write goes through the catalog part's services).
 */
export const pageReadRepository = {
  async activeCurrencies(db: Db) {
    return page(db)
      .selectFrom('commerce.currencies')
      .select(['code', 'exponent'])
      .where('active', '=', true)
      .orderBy('position')
      .orderBy('code')
      .execute();
  },

  async productById(db: Db, id: string) {
    return page(db)
      .selectFrom('commerce.products as p')
      .leftJoin('commerce.brands as b', 'b.id', 'p.brand_id')
      .select([
        'p.id',
        'p.slug',
        'p.status',
        'p.bulky',
        'p.name',
        'p.description',
        'p.seo_title',
        'p.seo_description',
        'p.attributes',
        'p.options',
        'p.updated_at',
        'b.name as brand_name',
        'b.slug as brand_slug',
      ])
      .where('p.id', '=', id)
      .executeTakeFirst();
  },

  /** The product's active variants with their stock, in display order. */
  async variants(db: Db, productId: string) {
    return page(db)
      .selectFrom('commerce.variants as v')
      .leftJoin('commerce.stock as s', 's.variant_id', 'v.id')
      .select([
        'v.id',
        'v.sku',
        'v.ean',
        'v.option_values',
        'v.attributes',
        sql<number>`coalesce(s.on_hand, 0)`.as('on_hand'),
        sql<boolean>`coalesce(s.backorder, false)`.as('backorder'),
        sql<number>`coalesce(s.low_stock_threshold, 0)`.as('low_stock_threshold'),
      ])
      .where('v.product_id', '=', productId)
      .where('v.active', '=', true)
      .orderBy('v.position')
      .orderBy('v.sku')
      .execute();
  },

  async media(db: Db, productId: string) {
    return page(db)
      .selectFrom('commerce.media')
      .select(['id', 'width', 'height', 'alt', 'content_type'])
      .where('product_id', '=', productId)
      .orderBy('position')
      .orderBy('created_at')
      .execute();
  },

  async fitments(db: Db, productId: string) {
    return page(db)
      .selectFrom('commerce.fitments as f')
      .innerJoin('commerce.variants as v', 'v.id', 'f.variant_id')
      .select(['v.sku', 'f.make', 'f.model', 'f.year_from', 'f.year_to'])
      .where('v.product_id', '=', productId)
      .where('v.active', '=', true)
      .orderBy('f.make')
      .orderBy('f.model')
      .orderBy('f.year_from')
      .orderBy('v.sku')
      .execute();
  },

  async attributes(db: Db, keys: string[]) {
    if (keys.length === 0) return [];
    return page(db)
      .selectFrom('commerce.attributes')
      .selectAll()
      .where('key', 'in', keys)
      .orderBy('position')
      .orderBy('key')
      .execute();
  },

  /** The product's main category (its first) and that category's ancestors, root first. */
  async categoryTrail(db: Db, productId: string): Promise<CategoryRow[]> {
    const first = await page(db)
      .selectFrom('commerce.product_categories as pc')
      .innerJoin('commerce.categories as c', 'c.id', 'pc.category_id')
      .select('c.id')
      .where('pc.product_id', '=', productId)
      .orderBy('pc.position')
      .orderBy('c.position')
      .orderBy('c.slug')
      .executeTakeFirst();
    return first ? pageReadRepository.ancestors(db, first.id) : [];
  },

  /** A category and its ancestors, root first. */
  async ancestors(db: Db, categoryId: string): Promise<CategoryRow[]> {
    const { rows } = await sql<CategoryRow & { depth: number }>`
      with recursive trail as (
        select c.*, 0 as depth from commerce.categories c where c.id = ${categoryId}
        union all
        select parent.*, trail.depth + 1 from commerce.categories parent
          join trail on parent.id = trail.parent_id
        where trail.depth < 20
      )
      select id, parent_id, slug, name, description, seo_title, seo_description, position, depth
      from trail order by depth desc`.execute(db);
    return rows;
  },

  async categoryById(db: Db, id: string) {
    return page(db).selectFrom('commerce.categories').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Children of a category (or the top level for null), in the admins' order. */
  async childCategories(db: Db, parentId: string | null) {
    return page(db)
      .selectFrom('commerce.categories')
      .select(['id', 'slug', 'name', 'position'])
      .where('parent_id', parentId === null ? 'is' : '=', parentId)
      .orderBy('position')
      .orderBy('slug')
      .execute();
  },

  /** An image with what decides whether it may be shown: its product's status. */
  async mediaFile(db: Db, id: string) {
    return page(db)
      .selectFrom('commerce.media as m')
      .innerJoin('commerce.products as p', 'p.id', 'm.product_id')
      .select(['m.content_type', 'm.bytes', 'p.status'])
      .where('m.id', '=', id)
      .executeTakeFirst();
  },

  /** Published products' slugs and change times, for the sitemap. */
  async publishedSlugs(db: Db, limit: number) {
    return page(db)
      .selectFrom('commerce.products')
      .select(['slug', 'updated_at'])
      .where('status', '=', 'published')
      .orderBy('updated_at', 'desc')
      .limit(limit)
      .execute();
  },

  async categorySlugs(db: Db) {
    return page(db).selectFrom('commerce.categories').select('slug').orderBy('slug').execute();
  },
};

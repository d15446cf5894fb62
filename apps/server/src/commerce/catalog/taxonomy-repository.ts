import { sql } from 'kysely';
import type { AttributeValue, CatalogDb, EnumOption, TranslatedText } from './tables.js';
import { json } from './tables.js';

export interface CategoryFields {
  slug: string;
  parentId: string | null;
  name: TranslatedText;
  description: TranslatedText;
  seoTitle: TranslatedText;
  seoDescription: TranslatedText;
  position: number;
}

export interface AttributeFields {
  key: string;
  type: 'text' | 'number' | 'boolean' | 'enum';
  unit: string | null;
  name: TranslatedText;
  options: EnumOption[];
  facet: boolean;
  position: number;
}

/** Brands, categories and attributes: the SQL of their tables. */
export const taxonomyRepository = {
  brands: (db: CatalogDb) => db.selectFrom('commerce.brands').selectAll().orderBy('name').orderBy('id').execute(),

  brand: (db: CatalogDb, id: string) =>
    db.selectFrom('commerce.brands').selectAll().where('id', '=', id).executeTakeFirst(),

  brandBySlug: (db: CatalogDb, slug: string) =>
    db.selectFrom('commerce.brands').selectAll().where('slug', '=', slug).executeTakeFirst(),

  insertBrand: (db: CatalogDb, brand: { id: string; slug: string; name: string }) =>
    db.insertInto('commerce.brands').values(brand).returningAll().executeTakeFirstOrThrow(),

  updateBrand: (db: CatalogDb, id: string, changes: { slug?: string; name?: string }) =>
    db
      .updateTable('commerce.brands')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow(),

  deleteBrand: (db: CatalogDb, id: string) => db.deleteFrom('commerce.brands').where('id', '=', id).execute(),

  async productIdsOfBrand(db: CatalogDb, id: string): Promise<string[]> {
    const rows = await db.selectFrom('commerce.products').select('id').where('brand_id', '=', id).execute();
    return rows.map((row) => row.id);
  },

  /** Every category with the number of products filed directly under it. */
  categories: (db: CatalogDb) =>
    db
      .selectFrom('commerce.categories as c')
      .selectAll('c')
      .select((eb) =>
        eb
          .selectFrom('commerce.product_categories as pc')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('pc.category_id', '=', 'c.id')
          .as('product_count'),
      )
      .orderBy('c.position')
      .orderBy('c.slug')
      .execute(),

  category: (db: CatalogDb, id: string) =>
    db.selectFrom('commerce.categories').selectAll().where('id', '=', id).executeTakeFirst(),

  categoryBySlug: (db: CatalogDb, slug: string) =>
    db.selectFrom('commerce.categories').selectAll().where('slug', '=', slug).executeTakeFirst(),

  async nextPosition(db: CatalogDb, parentId: string | null): Promise<number> {
    const row = await db
      .selectFrom('commerce.categories')
      .select(sql<number>`coalesce(max(position) + 1, 0)::int`.as('next'))
      .where(parentId === null ? sql<boolean>`parent_id is null` : sql<boolean>`parent_id = ${parentId}`)
      .executeTakeFirstOrThrow();
    return row.next;
  },

  insertCategory: (db: CatalogDb, id: string, fields: CategoryFields) =>
    db
      .insertInto('commerce.categories')
      .values({
        id,
        slug: fields.slug,
        parent_id: fields.parentId,
        name: json(fields.name),
        description: json(fields.description),
        seo_title: json(fields.seoTitle),
        seo_description: json(fields.seoDescription),
        position: fields.position,
      })
      .execute(),

  updateCategory: (db: CatalogDb, id: string, fields: Omit<CategoryFields, 'position' | 'parentId'>) =>
    db
      .updateTable('commerce.categories')
      .set({
        slug: fields.slug,
        name: json(fields.name),
        description: json(fields.description),
        seo_title: json(fields.seoTitle),
        seo_description: json(fields.seoDescription),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute(),

  /** Serialises moves of the tree: two moves checked against the same old tree could make a cycle together. */
  async lockTree(db: CatalogDb): Promise<void> {
    await sql`lock table commerce.categories in share row exclusive mode`.execute(db);
  },

  async siblings(db: CatalogDb, parentId: string | null): Promise<string[]> {
    const rows = await db
      .selectFrom('commerce.categories')
      .select('id')
      .where(parentId === null ? sql<boolean>`parent_id is null` : sql<boolean>`parent_id = ${parentId}`)
      .orderBy('position')
      .orderBy('slug')
      .execute();
    return rows.map((row) => row.id);
  },

  async placeCategory(db: CatalogDb, id: string, parentId: string | null, position: number): Promise<void> {
    await db
      .updateTable('commerce.categories')
      .set({ parent_id: parentId, position, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  },

  /** The category and every category below it. */
  async subtree(db: CatalogDb, id: string): Promise<string[]> {
    const rows = await sql<{ id: string }>`
      with recursive tree as (
        select id from commerce.categories where id = ${id}
        union all
        select c.id from commerce.categories c join tree t on c.parent_id = t.id
      ) select id from tree`.execute(db);
    return rows.rows.map((row) => row.id);
  },

  async childCount(db: CatalogDb, id: string): Promise<number> {
    const row = await db
      .selectFrom('commerce.categories')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('parent_id', '=', id)
      .executeTakeFirstOrThrow();
    return row.n;
  },

  async productIdsIn(db: CatalogDb, categoryIds: string[]): Promise<string[]> {
    if (categoryIds.length === 0) return [];
    const rows = await db
      .selectFrom('commerce.product_categories')
      .select('product_id')
      .distinct()
      .where('category_id', 'in', categoryIds)
      .execute();
    return rows.map((row) => row.product_id);
  },

  deleteCategory: (db: CatalogDb, id: string) => db.deleteFrom('commerce.categories').where('id', '=', id).execute(),

  attributes: (db: CatalogDb) =>
    db.selectFrom('commerce.attributes').selectAll().orderBy('position').orderBy('key').execute(),

  attribute: (db: CatalogDb, key: string) =>
    db.selectFrom('commerce.attributes').selectAll().where('key', '=', key).executeTakeFirst(),

  upsertAttribute: (db: CatalogDb, fields: AttributeFields) =>
    db
      .insertInto('commerce.attributes')
      .values({ ...fields, name: json(fields.name), options: json(fields.options) })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          type: fields.type,
          unit: fields.unit,
          name: json(fields.name),
          options: json(fields.options),
          facet: fields.facet,
          position: fields.position,
        }),
      )
      .execute(),

  deleteAttribute: (db: CatalogDb, key: string) =>
    db.deleteFrom('commerce.attributes').where('key', '=', key).execute(),

  /** The distinct values products and variants hold for an attribute, and the products that hold it. */
  async attributeUse(db: CatalogDb, key: string): Promise<{ values: AttributeValue[]; productIds: string[] }> {
    const rows = await sql<{ product_id: string; value: AttributeValue }>`
      select p.id as product_id, p.attributes -> ${key} as value from commerce.products p where p.attributes ? ${key}
      union all
      select v.product_id, v.attributes -> ${key} from commerce.variants v where v.attributes ? ${key}`.execute(db);
    return {
      values: [...new Set(rows.rows.map((row) => row.value))],
      productIds: [...new Set(rows.rows.map((row) => row.product_id))],
    };
  },
};

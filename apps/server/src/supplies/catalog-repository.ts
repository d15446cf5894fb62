import type { Article, SupplyCategory } from '@kontor/contracts';
import { sql } from 'kysely';
import type { SuppliesDb, SuppliesTables } from './tables.js';

export interface ArticleFilter {
  /** Already folded (lower case, no diacritics); matched as a substring or, failing that, by trigram similarity. */
  folded?: string;
  categoryId?: string;
  includeInactive: boolean;
  limit: number;
  offset: number;
}

/** An article as written: every column but the timestamps, which the database keeps. */
export type ArticleRow = Omit<SuppliesTables['supplies.articles'], 'created_at' | 'updated_at'>;

const articleColumns = [
  'a.id',
  'a.article_number as articleNumber',
  'a.name',
  'a.manufacturer',
  'a.unit',
  'a.pack_size as packSize',
  'a.category_id as categoryId',
  'c.name as categoryName',
  'a.supplier',
  'a.price_minor as priceMinor',
  'a.active',
  'a.image_url as imageUrl',
] as const;

const containing = (folded: string) => `%${folded.replace(/[\\%_]/g, '\\$&')}%`;

const toArticle = (row: Omit<Article, 'priceMinor'> & { priceMinor: unknown }): Article => ({
  ...row,
  priceMinor: row.priceMinor === null ? null : Number(row.priceMinor),
});

export const catalogRepository = {
  async categories(db: SuppliesDb): Promise<SupplyCategory[]> {
    return db
      .selectFrom('supplies.categories as c')
      .select(['c.id', 'c.name'])
      .select((eb) =>
        eb
          .selectFrom('supplies.articles as a')
          .whereRef('a.category_id', '=', 'c.id')
          .where('a.active', '=', true)
          .select(sql<number>`count(*)::int`.as('n'))
          .as('articles'),
      )
      .orderBy(sql`c.sort_key collate "C"`)
      .execute() as Promise<SupplyCategory[]>;
  },

  async search(db: SuppliesDb, filter: ArticleFilter): Promise<{ articles: Article[]; total: number }> {
    let query = db.selectFrom('supplies.articles as a').innerJoin('supplies.categories as c', 'c.id', 'a.category_id');
    if (!filter.includeInactive) query = query.where('a.active', '=', true);
    if (filter.categoryId) query = query.where('a.category_id', '=', filter.categoryId);
    const folded = filter.folded;
    if (folded)
      query = query.where((eb) =>
        eb.or([eb('a.search_text', 'like', containing(folded)), sql<boolean>`a.search_text %> ${folded}`]),
      );
    const [rows, count] = await Promise.all([
      (folded
        ? query
            .select(articleColumns)
            .orderBy(
              sql`(a.search_text like ${containing(folded)}) desc, word_similarity(${folded}, a.search_text) desc`,
            )
        : query.select(articleColumns)
      )
        .orderBy(sql`a.sort_key collate "C"`)
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    ]);
    return { articles: rows.map(toArticle), total: count.n };
  },

  async byIds(db: SuppliesDb, ids: string[]): Promise<Article[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('supplies.articles as a')
      .innerJoin('supplies.categories as c', 'c.id', 'a.category_id')
      .select(articleColumns)
      .where('a.id', 'in', ids)
      .execute();
    return rows.map(toArticle);
  },

  async numberTaken(db: SuppliesDb, articleNumber: string, exceptId?: string): Promise<boolean> {
    let query = db.selectFrom('supplies.articles').select('id').where('article_number', '=', articleNumber);
    if (exceptId) query = query.where('id', '!=', exceptId);
    return (await query.executeTakeFirst()) !== undefined;
  },

  async categoryExists(db: SuppliesDb, id: string): Promise<boolean> {
    return (
      (await db.selectFrom('supplies.categories').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
    );
  },

  async insertCategories(db: SuppliesDb, rows: Array<{ id: string; name: string; sort_key: string }>) {
    if (rows.length > 0) await db.insertInto('supplies.categories').values(rows).execute();
  },

  async insertArticles(db: SuppliesDb, rows: ArticleRow[]) {
    if (rows.length > 0)
      await db
        .insertInto('supplies.articles')
        .values(rows.map((row) => ({ ...row, price_minor: row.price_minor === null ? null : String(row.price_minor) })))
        .execute();
  },

  async updateArticle(db: SuppliesDb, row: ArticleRow) {
    const { id, ...rest } = row;
    await db
      .updateTable('supplies.articles')
      .set({
        ...rest,
        price_minor: rest.price_minor === null ? null : String(rest.price_minor),
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .execute();
  },

  async favourites(db: SuppliesDb, unitId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('supplies.favourites')
      .select('article_id')
      .where('unit_id', '=', unitId)
      .orderBy('added_at')
      .execute();
    return rows.map((row) => row.article_id);
  },

  async addFavourite(db: SuppliesDb, unitId: string, articleId: string) {
    await db
      .insertInto('supplies.favourites')
      .values({ unit_id: unitId, article_id: articleId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },

  async removeFavourite(db: SuppliesDb, unitId: string, articleId: string) {
    await db
      .deleteFrom('supplies.favourites')
      .where('unit_id', '=', unitId)
      .where('article_id', '=', articleId)
      .execute();
  },
};

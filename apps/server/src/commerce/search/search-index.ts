import { sql } from 'kysely';
import type { RequestContext } from '../../platform/context.js';
import type { Db, Platform } from '../../platform/platform.js';
import { CountCache } from './count-cache.js';
import { deleteDocuments, insertDocuments, pruneTerms, upsertTerms, withoutJit } from './search-build-sql.js';

/** How many products one statement of a full rebuild takes on. */
const REBUILD_BATCH = 5_000;
/** How many stale documents one run of the price job refreshes. */
const STALE_BATCH = 2_000;

/**
 * Every document built again from the catalog, in the caller's transaction (`SearchIndex.rebuild`, and the benchmark's
 * generator, which has no node). Returns how many products are searchable.
 */
export async function rebuildDocuments(
  trx: Db,
  locales: string[],
  log: (message: string) => void = () => undefined,
): Promise<number> {
  await withoutJit(trx);
  await deleteDocuments(trx, 'all');
  const all = await sql<{ id: string }>`
    select id from commerce.products where status = 'published' order by id`.execute(trx);
  const ids = all.rows.map((row) => row.id);
  for (let from = 0; from < ids.length; from += REBUILD_BATCH) {
    const batch = ids.slice(from, from + REBUILD_BATCH);
    const products = sql<boolean>`id = any(${batch}::uuid[])`;
    await upsertTerms(trx, products);
    await insertDocuments(trx, products, locales);
    log(`search documents: ${Math.min(from + REBUILD_BATCH, ids.length)} of ${ids.length}`);
  }
  await pruneTerms(trx);
  CountCache.clearAll();
  const count = await sql<{ n: number }>`select count(*)::int as n from commerce.search_docs`.execute(trx);
  return count.rows[0]?.n ?? 0;
}

/**
 * Keeps the search documents (migration 0002) in step with the catalog. The catalog calls `reindex` inside the
 * transaction of each write that changes what a document shows: a product, its variants, fitment, media, stock
 * crossing zero, prices, a campaign window, a brand or category renamed (`reindexBrands`, `reindexCategories`).
 * Prices that change by the clock are refreshed by `reindexStale` (the job `commerce.search.prices`).
 */
export class SearchIndex {
  constructor(readonly platform: Platform) {}

  /** Rebuilds the search documents of these products inside the caller's transaction (drops unpublished ones). */
  async reindex(trx: Db, productIds: string[]): Promise<void> {
    const ids = [...new Set(productIds)];
    if (ids.length === 0) return;
    // JIT stays off for the rest of the caller's transaction too: its statements are small.
    await withoutJit(trx);
    await deleteDocuments(trx, ids);
    // A price list switched on or off touches every product: one statement per batch keeps each one's work bounded.
    for (let from = 0; from < ids.length; from += REBUILD_BATCH) {
      const products = sql<boolean>`id = any(${ids.slice(from, from + REBUILD_BATCH)}::uuid[])`;
      await upsertTerms(trx, products);
      await insertDocuments(trx, products, this.platform.config.commerceLocales);
    }
    CountCache.clearAll();
  }

  /** Reindexes the products of these brands (a brand renamed or given another slug). */
  async reindexBrands(trx: Db, brandIds: string[]): Promise<void> {
    if (brandIds.length === 0) return;
    const rows = await sql<{ id: string }>`
      select id from commerce.products where brand_id = any(${brandIds}::uuid[])`.execute(trx);
    await this.reindex(
      trx,
      rows.rows.map((row) => row.id),
    );
  }

  /** Reindexes the products in these categories or below them (a category renamed or moved in the tree). */
  async reindexCategories(trx: Db, categoryIds: string[]): Promise<void> {
    if (categoryIds.length === 0) return;
    const rows = await sql<{ id: string }>`
      with recursive below (id) as (
        select id from commerce.categories where id = any(${categoryIds}::uuid[])
        union
        select c.id from commerce.categories c join below on c.parent_id = below.id
      )
      select distinct pc.product_id as id from commerce.product_categories pc join below on below.id = pc.category_id`.execute(
      trx,
    );
    await this.reindex(
      trx,
      rows.rows.map((row) => row.id),
    );
  }

  /**
   * Rebuilds every document from the catalog in one transaction: readers see the old documents until it commits.
   * Returns how many products are searchable.
   */
  async rebuild(ctx: RequestContext, log: (message: string) => void = () => undefined): Promise<{ documents: number }> {
    return this.platform.transaction(async (trx) => {
      const documents = await rebuildDocuments(trx, this.platform.config.commerceLocales, log);
      await this.platform.audit.record(trx, ctx, {
        action: 'search.rebuild',
        entity: 'commerce.search',
        after: { documents },
      });
      return { documents };
    });
  }

  /**
   * Refreshes documents whose prices changed by the clock since they were built (a campaign began or ended, a
   * price's validity started or ran out). Returns how many.
   */
  async reindexStale(trx: Db): Promise<number> {
    const stale = await sql<{ product_id: string }>`
      select product_id from commerce.search_docs where prices_change_at <= now()
      order by prices_change_at limit ${STALE_BATCH}`.execute(trx);
    await this.reindex(
      trx,
      stale.rows.map((row) => row.product_id),
    );
    return stale.rows.length;
  }
}

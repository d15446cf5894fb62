import type { CatalogDb } from './tables.js';

export type SlugKind = 'product' | 'category';

/** Old slugs that keep answering (commerce.slug_redirects): the SQL, and the rules of who holds a slug. */
export const slugRedirects = {
  /**
   * A record's slug changed from `oldSlug` to `newSlug`: the old one now redirects to the record, and a redirect
   * the new slug held (the record's own earlier slug, or another's) gives way, since a live slug always wins.
   */
  async moved(db: CatalogDb, kind: SlugKind, oldSlug: string, newSlug: string, targetId: string): Promise<void> {
    if (oldSlug === newSlug) return;
    await db
      .insertInto('commerce.slug_redirects')
      .values({ kind, old_slug: oldSlug, target_id: targetId })
      .onConflict((oc) => oc.columns(['kind', 'old_slug']).doUpdateSet({ target_id: targetId, created_at: new Date() }))
      .execute();
    await slugRedirects.claimed(db, kind, newSlug);
  },

  /** A record now lives at `slug`: no redirect may send that slug elsewhere. */
  async claimed(db: CatalogDb, kind: SlugKind, slug: string): Promise<void> {
    await db.deleteFrom('commerce.slug_redirects').where('kind', '=', kind).where('old_slug', '=', slug).execute();
  },

  async target(db: CatalogDb, kind: SlugKind, slug: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('commerce.slug_redirects')
      .select('target_id')
      .where('kind', '=', kind)
      .where('old_slug', '=', slug)
      .executeTakeFirst();
    return row?.target_id;
  },
};

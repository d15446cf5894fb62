// STUB by the lead: the search helper replaces the body; `reindex` is what the catalog calls after each write.
import type { Db, Platform } from '../../platform/platform.js';

export class SearchIndex {
  constructor(readonly platform: Platform) {}

  /** Rebuilds the search documents of these products inside the caller's transaction (drops unpublished ones). */
  async reindex(_trx: Db, _productIds: string[]): Promise<void> {}
}

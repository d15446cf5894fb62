import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';
import { PostgresSearchEngine } from './postgres-search-engine.js';
import { ProductListings } from './product-listings.js';
import type { ProductSearchEngine } from './product-search-engine.js';
import { SearchIndex } from './search-index.js';
import { searchRoutes } from './search-routes.js';
import { ZeroResultLog } from './zero-results.js';

/** How often documents whose prices changed by the clock (a campaign began or ended) are refreshed. */
const STALE_PRICES_EVERY_MS = 60_000;
const PRUNE_EVERY_MS = 24 * 3_600_000;

/**
 * The shop's search: documents, facets, suggestions, the zero-result log (docs/commerce-search.md).
 * - `index`: what the catalog calls to keep documents current (reindex in its transactions).
 * - `listings`: the product lists the storefront renders (search results, category pages, home page rows,
 *   autocomplete), the same service GET /api/shop/search answers with.
 * - `engine`: the search engine behind them (PostgreSQL today), replaceable as a whole.
 */
export function createSearchPart(platform: Platform) {
  const index = new SearchIndex(platform);
  const engine: ProductSearchEngine = new PostgresSearchEngine(platform.db, {
    defaultLocale: platform.config.commerceLocales[0] ?? 'sv',
  });
  const zeroResults = new ZeroResultLog(platform.db);
  const listings = new ProductListings(platform, engine, zeroResults);
  platform.jobs.every('commerce.search.prices', STALE_PRICES_EVERY_MS, async ({ db, logger }) => {
    const refreshed = await index.reindexStale(db);
    if (refreshed > 0) logger.info({ refreshed }, 'search documents refreshed for prices that changed by the clock');
  });
  platform.jobs.every('commerce.search.zero-results-retention', PRUNE_EVERY_MS, async ({ db }) =>
    zeroResults.prune(db),
  );
  return {
    index,
    engine,
    listings,
    zeroResults,
    async register(app: FastifyInstance) {
      await app.register(searchRoutes, {
        listings,
        index,
        zeroResults,
        perMinute: platform.config.commerceRateLimitPerMinute,
      });
    },
  };
}
export type SearchPart = ReturnType<typeof createSearchPart>;

import {
  searchRebuildResult,
  shopSearchAnswer,
  shopSearchQuery,
  shopSuggestAnswer,
  shopSuggestQuery,
  zeroResultsQuery,
  zeroResultsReport,
} from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ProductListings } from './product-listings.js';
import type { SearchIndex } from './search-index.js';
import type { ZeroResultLog } from './zero-results.js';

export interface SearchRouteOptions {
  listings: ProductListings;
  index: SearchIndex;
  zeroResults: ZeroResultLog;
  /** The shop's public rate per client address and minute (commerceRateLimitPerMinute); reads get more. */
  perMinute: number;
}

const shopTags = ['shop'];
const adminTags = ['commerce'];
/**
 * Public: guests browse and search the shop without an account, and search engines read its listings. The answers
 * hold only published products and their public consumer prices. Rate-limited per client address: a search costs
 * the database more than a page of the shop.
 */
const PUBLIC_SEARCH =
  'guests and search engines browse the shop without an account; it answers published products only';

export const searchRoutes: FastifyPluginAsyncZod<SearchRouteOptions> = async (
  app,
  { listings, index, zeroResults, perMinute },
) => {
  app.get(
    '/api/shop/search',
    {
      config: { access: { public: PUBLIC_SEARCH }, rateLimit: { max: perMinute * 10, timeWindow: '1 minute' } },
      schema: {
        tags: shopTags,
        summary: 'Searches the shop: hits, facet counts and the price range (facet.<name>=… filters)',
        description:
          'facet.brand=<slug>, facet.category=<slug> (sub-categories included), facet.price=<min>-<max> (minor units, ' +
          'inclusive, an end may be left out), facet.fitment=yamaha-f40 or yamaha-f40-2015 ("Yamaha F40 2015" too), ' +
          'facet.<attribute key>=<value>; repeat a parameter for alternatives. 400 commerce.unknown_facet names an ' +
          'unknown facet; 422 commerce.unsold_currency a currency the shop does not sell in.',
        querystring: shopSearchQuery,
        response: { 200: shopSearchAnswer },
      },
    },
    async (request) => listings.search(request.ctx, request.query),
  );
  app.get(
    '/api/shop/search/suggest',
    {
      // As-you-type: several requests per search.
      config: { access: { public: PUBLIC_SEARCH }, rateLimit: { max: perMinute * 20, timeWindow: '1 minute' } },
      schema: {
        tags: shopTags,
        summary: 'Autocomplete: brands, categories and products whose names start with what was typed',
        querystring: shopSuggestQuery,
        response: { 200: shopSuggestAnswer },
      },
    },
    async (request) => listings.suggest(request.ctx, request.query),
  );
  app.post(
    '/api/commerce/search/rebuild',
    {
      config: { access: { permission: 'commerce.catalog' } },
      schema: {
        tags: adminTags,
        summary: 'Rebuilds every search document from the catalog (readers see the old ones until it is done)',
        response: { 200: searchRebuildResult },
      },
    },
    async (request) => {
      const startedAt = performance.now();
      const { documents } = await index.rebuild(request.ctx);
      return { documents, tookMs: Math.round(performance.now() - startedAt) };
    },
  );
  app.get(
    '/api/commerce/reports/zero-results',
    {
      config: { access: { permission: 'commerce.reports' } },
      schema: {
        tags: adminTags,
        summary: 'What customers searched for and found nothing, most frequent first, over a period of shop days',
        querystring: zeroResultsQuery,
        response: { 200: zeroResultsReport },
      },
    },
    async (request) => zeroResults.report(request.query),
  );
};

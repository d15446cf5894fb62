import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/platform.js';
import type { CatalogPart } from '../catalog/catalog-part.js';
import type { SearchPart } from '../search/search-part.js';
import { loadAssets } from './assets.js';
import { ListingPageService } from './listing-page-service.js';
import { ProductPageService } from './product-page-service.js';
import { storefrontRoutes } from './routes.js';

export interface StorefrontOptions {
  /** How many items the visitor's cart holds, from its cookie or session; the header shows it. */
  cartCount?: (request: FastifyRequest) => Promise<number | null>;
}

/** The server-rendered shop pages: home, category, search results, product (crawlable, fast on a phone). */
export function createStorefrontPart(
  platform: Platform,
  catalog: CatalogPart,
  search: SearchPart,
  options: StorefrontOptions = {},
) {
  const products = new ProductPageService(platform, catalog.pricing, catalog.read);
  const listings = new ListingPageService(platform, search.listings, catalog.read);
  const assets = loadAssets();
  return {
    products,
    listings,
    async register(app: FastifyInstance) {
      await storefrontRoutes(app, {
        platform,
        products,
        listings,
        assets,
        cartCount: options.cartCount ?? (async () => null),
      });
    },
  };
}
export type StorefrontPart = ReturnType<typeof createStorefrontPart>;

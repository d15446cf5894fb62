import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/platform.js';
import type { CatalogPart } from '../catalog/catalog-part.js';
import type { SearchPart } from '../search/search-part.js';
import { loadAssets } from './assets.js';
import { ListingPageService } from './listing-page-service.js';
import { ProductPageService } from './product-page-service.js';
import { storefrontRoutes } from './routes.js';

/** How many units the visitor's cart holds, from its cookie or session (the checkout part counts); the header shows it. */
export type CartCount = (request: FastifyRequest) => Promise<number>;

/** The server-rendered shop pages: home, category, search results, product (crawlable, fast on a phone). */
export function createStorefrontPart(
  platform: Platform,
  catalog: CatalogPart,
  search: SearchPart,
  cartCount: CartCount,
) {
  const products = new ProductPageService(platform, catalog.read);
  const listings = new ListingPageService(platform, search.listings, catalog.read);
  const assets = loadAssets();
  return {
    products,
    listings,
    async register(app: FastifyInstance) {
      await storefrontRoutes(app, {
        platform,
        read: catalog.read,
        products,
        listings,
        assets,
        cartCount,
      });
    },
  };
}
export type StorefrontPart = ReturnType<typeof createStorefrontPart>;

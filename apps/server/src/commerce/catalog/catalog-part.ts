import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';
import type { SearchIndex } from '../search/search-index.js';
import { catalogAdminRoutes } from './admin-routes.js';
import type { CatalogContext } from './catalog-context.js';
import { catalogDb } from './catalog-context.js';
import { CatalogImportService } from './catalog-import-service.js';
import { importRoutes } from './import-routes.js';
import { MediaService } from './media-service.js';
import { applyPriceWindows } from './price-history.js';
import { PriceService } from './price-service.js';
import { PricingService } from './pricing-service.js';
import { productRoutes } from './product-routes.js';
import { ProductService } from './product-service.js';
import { seedCatalogDemo } from './seed-demo.js';
import { ShopReadService } from './shop-read-service.js';
import { shopCatalogRoutes } from './shop-routes.js';
import { StockService } from './stock-service.js';
import { TaxonomyService } from './taxonomy-service.js';

/** Records the price changes that sale windows and price validity cause, and reindexes what they touch. */
export const PRICE_WINDOWS_JOB = 'commerce.price-windows';
/** Takes over bulk imports whose instance stopped mid-way. */
export const IMPORT_RESUME_JOB = 'commerce.catalog-import-resume';
const MINUTE = 60_000;

/** Products, variants, fitment, prices, stock and their admin API. */
export function createCatalogPart(platform: Platform, search: SearchIndex) {
  const catalog: CatalogContext = { platform, search };
  const pricing = new PricingService(platform);
  const stock = new StockService(platform, search);
  const read = new ShopReadService(pricing);
  const taxonomy = new TaxonomyService(catalog);
  const products = new ProductService(catalog);
  const media = new MediaService(catalog);
  const prices = new PriceService(catalog, pricing);
  const imports = new CatalogImportService(catalog);

  platform.jobs.every(PRICE_WINDOWS_JOB, MINUTE, async ({ db, logger }) => {
    const { productIds, appended } = await applyPriceWindows(catalogDb(db), new Date());
    if (appended > 0) logger.info({ appended, products: productIds.length }, 'sale windows changed prices');
    await search.reindex(db, productIds);
  });
  platform.jobs.every(IMPORT_RESUME_JOB, MINUTE, async ({ db }) => {
    for (const id of await imports.orphaned(db)) imports.resume(id);
  });

  return {
    /** Prices lines for carts and orders (priceLines), current prices for search and pages (currentPrices). */
    pricing,
    /** Takes and restores stock for orders (take, restore). */
    stock,
    /**
     * The shop's reads (the public API, the storefront's pages, checkout's discounts): resolveSlug, categoryTree,
     * category, productBySlug, productPage, products, currencies, existing, reach, picture, sitemap.
     */
    read,
    async register(app: FastifyInstance) {
      await app.register(catalogAdminRoutes, { taxonomy, prices, stock });
      await app.register(productRoutes, { products, media });
      await app.register(importRoutes, { imports, platform });
      await app.register(shopCatalogRoutes, { read, platform });
    },
    async seedDemo() {
      await seedCatalogDemo(platform, search);
    },
  };
}
export type CatalogPart = ReturnType<typeof createCatalogPart>;

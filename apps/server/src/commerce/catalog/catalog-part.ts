// STUB by the lead: the catalog helper owns this file and grows what it builds and registers.
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';
import type { SearchIndex } from '../search/search-index.js';
import { PricingService } from './pricing-service.js';
import { StockService } from './stock-service.js';

/** Products, variants, fitment, prices, stock and their admin API. */
export function createCatalogPart(platform: Platform, _search: SearchIndex) {
  return {
    pricing: new PricingService(platform),
    stock: new StockService(platform),
    async register(_app: FastifyInstance) {},
    async seedDemo() {},
  };
}
export type CatalogPart = ReturnType<typeof createCatalogPart>;

// STUB by the lead: the storefront helper owns this file and grows what it builds and registers.
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';
import type { CatalogPart } from '../catalog/catalog-part.js';
import type { SearchPart } from '../search/search-part.js';

/** The server-rendered shop pages: home, category, search results, product (crawlable, fast on a phone). */
export function createStorefrontPart(_platform: Platform, _catalog: CatalogPart, _search: SearchPart) {
  return {
    async register(_app: FastifyInstance) {},
  };
}
export type StorefrontPart = ReturnType<typeof createStorefrontPart>;

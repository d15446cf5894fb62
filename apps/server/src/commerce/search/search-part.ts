// STUB by the lead: the search helper owns this file and grows what it builds and registers.
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';
import { SearchIndex } from './search-index.js';

/** The shop's search: documents, facets, suggestions, the zero-result log. */
export function createSearchPart(platform: Platform) {
  return {
    index: new SearchIndex(platform),
    async register(_app: FastifyInstance) {},
  };
}
export type SearchPart = ReturnType<typeof createSearchPart>;

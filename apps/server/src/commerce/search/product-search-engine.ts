import type { RequestContext } from '../../platform/context.js';

/**
 * The shop's product search as a search engine sees it (docs/commerce-search.md). PostgreSQL implements it today
 * (postgres-search-engine.ts); a dedicated engine (Meilisearch, OpenSearch …) can implement it later without the
 * routes, the storefront or the zero-result log changing. Requests arrive validated: the locale is one the shop
 * writes, the currency one it sells in, facet names known. Unknown facet values simply match nothing.
 */
export interface ProductSearchEngine {
  search(ctx: RequestContext, request: ProductSearchRequest): Promise<ProductSearchResult>;
  /** Only the facet counts of a search (a filter panel that refreshes without the hits). */
  facets(ctx: RequestContext, request: ProductSearchRequest): Promise<FacetCounts>;
  suggest(ctx: RequestContext, request: SuggestRequest): Promise<Suggestion[]>;
}

export const productSorts = ['relevance', 'price_asc', 'price_desc', 'newest', 'name'] as const;
export type ProductSort = (typeof productSorts)[number];

/** An inclusive range of prices in minor units; either end may be open. */
export interface PriceRange {
  min: number | null;
  max: number | null;
}

/** What narrows a search; values within one facet are alternatives (OR), facets combine (AND). */
export interface ProductFilters {
  /** Brand slugs. */
  brand?: string[];
  /** Category slugs; a category includes its sub-categories. */
  category?: string[];
  price?: PriceRange[];
  /** Fitment models ("yamaha-f40") or models in a year ("yamaha-f40-2015"), as slugOf("Yamaha F40 2015") gives them. */
  fitment?: string[];
  /** Facet attributes by key: their values as the catalog stores them ("L", "40", "true"). */
  attributes?: Record<string, string[]>;
  /** Only products of which some variant is on hand. */
  inStock?: boolean;
  /** Only products a campaign reduces now (in the request's currency). */
  onSale?: boolean;
}

export interface ProductSearchRequest {
  /** Free text; empty for a listing (a category page, the home page's rows). */
  q?: string;
  locale: string;
  currency: string;
  /** Digits of the currency's minor unit (2 for SEK): where the price facet's buckets lie. */
  currencyExponent: number;
  filters: ProductFilters;
  sort: ProductSort;
  /** 1-based. */
  page: number;
  size: number;
  /** Compute facet counts; the home page's product rows need none. */
  withFacets: boolean;
}

export interface ProductHit {
  id: string;
  slug: string;
  name: string;
  brand: { slug: string; name: string } | null;
  /** The lowest price of the product's variants now, campaign prices included, in the request's currency. */
  priceMinor: number;
  /** The regular price of that variant when a campaign reduces it; null when not reduced. */
  regularPriceMinor: number | null;
  /**
   * The lowest price of the 30 days before the reduction (Swedish price information rules): what a "was" price must
   * show. Null when not reduced, or when the price history does not reach back that far.
   */
  lowestPrice30dMinor: number | null;
  imageId: string | null;
  inStock: boolean;
}

export interface FacetValue {
  /** What the facet's parameter takes to select it. */
  value: string;
  label: string;
  count: number;
  selected: boolean;
  /** Categories: the parent category's value; model years: the model's. */
  parent?: string;
}

export interface Facet {
  /** brand, category, price, fitment, fitment_year, or an attribute's key. */
  name: string;
  /** The query parameter its values go in (fitment_year's values go in facet.fitment). */
  param: string;
  label: string;
  kind: 'terms' | 'tree' | 'range';
  /** Attribute facets: the attribute's type and unit. */
  type?: 'text' | 'number' | 'boolean' | 'enum';
  unit?: string | null;
  values: FacetValue[];
}

export interface FacetCounts {
  facets: Facet[];
  /** Lowest and highest price of the matching products, leaving the price filter out (for a price slider). */
  priceRange: { min: number; max: number } | null;
}

export interface ProductSearchResult extends FacetCounts {
  total: number;
  hits: ProductHit[];
  /** How the text was matched: none (no text), full_text, or fuzzy (misspellings, when full text found little). */
  textMatch: 'none' | 'full_text' | 'fuzzy';
  /** The text alone (before filters) matched nothing, even fuzzily: the search goes into the zero-result log. */
  textFoundNothing: boolean;
}

export interface SuggestRequest {
  q: string;
  locale: string;
  currency: string;
  limit: number;
}

export interface Suggestion {
  kind: 'product' | 'brand' | 'category';
  text: string;
  /** The product's, brand's or category's slug: what its shop page is named by. */
  slug: string;
  /** Products: their first image and their price now (null when not sold in the currency). */
  imageId?: string | null;
  priceMinor?: number | null;
}

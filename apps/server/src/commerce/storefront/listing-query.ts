import { parseRange, rangeValue } from '../search/price-buckets.js';
import { type ProductSort, productSorts } from '../search/product-search-engine.js';
import { first, type Query } from './shop-request.js';

export const PAGE_SIZE = 24;
/** The search refuses to page deeper than this many hits (SHOP_SEARCH_MAX_DEPTH). */
const MAX_PAGE = Math.floor(10_000 / PAGE_SIZE);

/** What a category or search page was asked for, in the shape of the search API's parameters. */
export interface ListingQuery {
  q: string;
  sort: ProductSort;
  page: number;
  /** The facet.<name> parameters as given (valid ones only), for links that add or remove one value. */
  facets: Record<string, string[]>;
  inStock: boolean;
}

const values = (value: string | string[] | undefined) =>
  [value ?? []]
    .flat()
    .map((item) => item.trim())
    .filter((item) => item.length > 0 && item.length <= 200);

/** Reads a page's query leniently: a page must render for any URL a person or a crawler types. */
export function parseListingQuery(query: Query): ListingQuery {
  const facets: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(query)) {
    if (!/^facet\.[a-z][a-z0-9_]{0,39}$/.test(key)) continue;
    const given = [...new Set(values(value))].slice(0, 20);
    const valid = key === 'facet.price' ? given.filter((item) => parseRange(item) !== undefined) : given;
    if (valid.length > 0) facets[key] = valid;
  }
  const sort = first(query.sort);
  const page = Number.parseInt(first(query.page) ?? '1', 10);
  return {
    q: (first(query.q) ?? '').trim().slice(0, 200),
    sort: productSorts.includes(sort as ProductSort) ? (sort as ProductSort) : 'relevance',
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
    facets,
    inStock: first(query.in_stock) === 'true',
  };
}

/**
 * A price range typed in whole currency units (the filter form's `pmin`/`pmax`) as a facet.price value in minor
 * units; undefined when neither end is a number.
 */
export function typedPriceRange(min: string | undefined, max: string | undefined, exponent: number) {
  const parse = (text: string | undefined) => {
    const number = Number.parseInt((text ?? '').replace(/\s/g, ''), 10);
    return Number.isInteger(number) && number >= 0 && number < 1e12 ? number : null;
  };
  const low = parse(min);
  const high = parse(max);
  if (low === null && high === null) return undefined;
  const unit = 10 ** exponent;
  const [from, to] = low !== null && high !== null && low > high ? [high, low] : [low, high];
  return rangeValue({ min: from === null ? null : from * unit, max: to === null ? null : to * unit + unit - 1 });
}

/** The parameters of a listing link: the listing as it is, with `change` applied, without page unless set. */
export function listingParams(
  listing: ListingQuery,
  change: {
    toggle?: [string, string];
    /** Replaces one facet parameter's values. */
    set?: [string, string[]];
    clearFacets?: boolean;
    sort?: ProductSort;
    page?: number;
  } = {},
): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  if (listing.q) params.q = listing.q;
  const facets = change.clearFacets ? {} : { ...listing.facets };
  if (change.toggle) {
    const [key, value] = change.toggle;
    const current = facets[key] ?? [];
    const next = current.includes(value) ? current.filter((item) => item !== value) : [...current, value];
    if (next.length > 0) facets[key] = next;
    else delete facets[key];
  }
  if (change.set) {
    const [key, given] = change.set;
    if (given.length > 0) facets[key] = given;
    else delete facets[key];
  }
  for (const [key, given] of Object.entries(facets)) params[key] = given;
  if (listing.inStock && !change.clearFacets) params.in_stock = 'true';
  const sort = change.sort ?? listing.sort;
  if (sort !== 'relevance') params.sort = sort;
  if (change.page && change.page > 1) params.page = String(change.page);
  return params;
}

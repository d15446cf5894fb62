// The shop's search API (docs/commerce-search.md); owned by the search part.
import { z } from 'zod';

export const shopSearchSorts = ['relevance', 'price_asc', 'price_desc', 'newest', 'name'] as const;
/** Deeper than this many hits a page does not go: offset paging over more is slow and no customer reads that far. */
export const SHOP_SEARCH_MAX_DEPTH = 10_000;

const facetValue = z.string().trim().min(1).max(200);
const locale = z.string().regex(/^[a-z]{2}$/, 'expected a two-letter language code such as sv');

const shopSearchKnownKeys = { q: 1, sort: 1, page: 1, size: 1, locale: 1, lang: 1, currency: 1, in_stock: 1 };

/**
 * GET /api/shop/search. Besides these, `facet.<name>` parameters filter (repeat one for alternatives):
 * facet.brand=<slug>, facet.category=<slug> (with its sub-categories), facet.price=<min>-<max> (minor units,
 * inclusive, either end may be left out), facet.fitment=yamaha-f40 or yamaha-f40-2015 (also "Yamaha F40 2015"),
 * facet.<attribute key>=<value> for the catalog's facet attributes.
 */
export const shopSearchQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    sort: z.enum(shopSearchSorts).default('relevance'),
    page: z.coerce.number().int().min(1).default(1),
    size: z.coerce.number().int().min(1).max(100).default(24),
    locale: locale.optional(),
    /** The storefront's name for `locale` (its pages carry ?lang=). */
    lang: locale.optional(),
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/, 'expected an ISO 4217 code such as SEK')
      .transform((code) => code.toUpperCase())
      .optional(),
    in_stock: z.stringbool().optional(),
  })
  .catchall(z.union([facetValue, z.array(facetValue).max(20)]))
  .superRefine((query, ctx) => {
    for (const key of Object.keys(query)) {
      if (key in shopSearchKnownKeys || key.startsWith('facet.')) continue;
      ctx.addIssue({ code: 'custom', path: [key], message: 'is not a parameter of the search' });
    }
    if (query.page * query.size > SHOP_SEARCH_MAX_DEPTH) {
      ctx.addIssue({
        code: 'custom',
        path: ['page'],
        message: `goes deeper than ${SHOP_SEARCH_MAX_DEPTH} hits; narrow the search instead`,
      });
    }
  });
/** A parsed search query: its known parameters and its facet.<name> parameters. */
export type ShopSearchQuery = {
  q?: string;
  sort: (typeof shopSearchSorts)[number];
  page: number;
  size: number;
  locale?: string;
  lang?: string;
  currency?: string;
  in_stock?: boolean;
} & { [facet: `facet.${string}`]: string | string[] | undefined };

export const shopSearchHit = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  brand: z.object({ slug: z.string(), name: z.string() }).nullable(),
  /** The lowest price of its variants now, campaign prices included. */
  priceMinor: z.number().int(),
  /** The regular price when a campaign reduces it, else null. */
  regularPriceMinor: z.number().int().nullable(),
  /** The lowest price of the 30 days before the reduction: what a "was" price must show in Sweden. */
  lowestPrice30dMinor: z.number().int().nullable(),
  imageId: z.uuid().nullable(),
  /** Where the shop serves the image, or null. */
  imageUrl: z.string().nullable(),
  inStock: z.boolean(),
  url: z.string(),
});
export type ShopSearchHit = z.infer<typeof shopSearchHit>;

export const shopSearchFacetValue = z.object({
  /** Goes in the facet's `param` to select it. */
  value: z.string(),
  label: z.string(),
  count: z.number().int(),
  selected: z.boolean(),
  parent: z.string().optional(),
});
export const shopSearchFacet = z.object({
  name: z.string(),
  /** The query parameter its values go in: facet.<name>, except fitment_year whose values go in facet.fitment. */
  param: z.string(),
  label: z.string(),
  kind: z.enum(['terms', 'tree', 'range']),
  type: z.enum(['text', 'number', 'boolean', 'enum']).optional(),
  unit: z.string().nullable().optional(),
  values: z.array(shopSearchFacetValue),
});
export type ShopSearchFacet = z.infer<typeof shopSearchFacet>;

export const shopSearchAnswer = z.object({
  q: z.string(),
  locale: z.string(),
  currency: z.string(),
  sort: z.enum(shopSearchSorts),
  page: z.number().int(),
  size: z.number().int(),
  total: z.number().int(),
  /** How the text matched: none (no text), full_text, or fuzzy (misspellings; full text found little). */
  textMatch: z.enum(['none', 'full_text', 'fuzzy']),
  hits: z.array(shopSearchHit),
  /**
   * Counts per facet value over the hits as the other facets' filters narrow them (a facet's own filter does not
   * narrow its own counts, so alternatives stay visible).
   */
  facets: z.array(shopSearchFacet),
  /** Lowest and highest price of the hits, the price filter left out. */
  priceRange: z.object({ min: z.number().int(), max: z.number().int() }).nullable(),
});
export type ShopSearchAnswer = z.infer<typeof shopSearchAnswer>;

export const shopSuggestQuery = z.strictObject({
  q: z.string().trim().max(100).default(''),
  locale: locale.optional(),
  lang: locale.optional(),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/)
    .transform((code) => code.toUpperCase())
    .optional(),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});
export const shopSuggestion = z.object({
  kind: z.enum(['product', 'brand', 'category']),
  text: z.string(),
  url: z.string(),
  slug: z.string().optional(),
  imageUrl: z.string().nullable().optional(),
  priceMinor: z.number().int().nullable().optional(),
});
export const shopSuggestAnswer = z.object({
  q: z.string(),
  currency: z.string(),
  suggestions: z.array(shopSuggestion),
});
export type ShopSuggestAnswer = z.infer<typeof shopSuggestAnswer>;

export const searchRebuildResult = z.object({ documents: z.number().int(), tookMs: z.number().int() });

export const zeroResultsQuery = z.strictObject({
  /** The shop's days (Europe/Stockholm), inclusive; the last 30 days when left out. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  locale: locale.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const zeroResultsReport = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  items: z.array(
    z.object({
      query: z.string(),
      locale: z.string(),
      searches: z.number().int(),
      days: z.number().int(),
      lastSeen: z.iso.datetime(),
    }),
  ),
});
export type ZeroResultsReport = z.infer<typeof zeroResultsReport>;

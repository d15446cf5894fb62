import type { RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/platform.js';
import { CountCache } from './count-cache.js';
import { buildFacets, type FacetInputs } from './facet-assembly.js';
import { bucketThresholds } from './price-buckets.js';
import type {
  FacetCounts,
  ProductHit,
  ProductSearchEngine,
  ProductSearchRequest,
  ProductSearchResult,
  Suggestion,
  SuggestRequest,
} from './product-search-engine.js';
import {
  type CountRow,
  countsOver,
  countsWithout,
  facetAttributes,
  fullTextIds,
  fuzzyIds,
  namedTerms,
  pageOf,
  priceBuckets,
  type SearchPlan,
  suggestProducts,
  suggestTerms,
  type TermFilter,
  type TermRow,
  type TextCondition,
  totalOf,
  yearCounts,
} from './search-sql.js';
import { foldText, namePrefixText, textConfigOf, tsqueryText } from './search-text.js';

export interface PostgresSearchOptions {
  /** The shop's first language: a product's name falls back to it. */
  defaultLocale: string;
  /** Full text finding fewer products than this turns to fuzzy matching as well. */
  fewHits?: number;
  /** pg_trgm word similarity a word must reach to count as a misspelling of a known one. */
  fuzzyThreshold?: number;
  /** At most this many products are found fuzzily, the most similar first. */
  fuzzyLimit?: number;
  /**
   * How long counts over the whole shop are kept (0: not at all); see CountCache for when they are forgotten.
   */
  countCacheMs?: number;
}

interface TextMatch {
  condition: TextCondition;
  match: ProductSearchResult['textMatch'];
  nothing: boolean;
}

interface ResolvedFilters {
  terms: TermFilter[];
  /** Every term a filter named, by id. */
  named: TermRow[];
  /** The models the fitment filter names (by themselves or by a year of theirs), and all their years. */
  models: TermRow[];
  years: TermRow[];
}

/** The shop's search on PostgreSQL (and PGlite): documents with GIN indexes, counts by SQL (search-sql.ts). */
export class PostgresSearchEngine implements ProductSearchEngine {
  readonly #db: Db;
  readonly #options: Required<PostgresSearchOptions>;
  readonly #cache: CountCache;
  /** The facet attributes' names and types, read by every search with facets: kept for a few seconds. */
  readonly #attributes = new CountCache(5_000);

  constructor(db: Db, options: PostgresSearchOptions) {
    this.#db = db;
    this.#options = { fewHits: 3, fuzzyThreshold: 0.6, fuzzyLimit: 200, countCacheMs: 30_000, ...options };
    this.#cache = new CountCache(this.#options.countCacheMs);
  }

  async search(_ctx: RequestContext, request: ProductSearchRequest): Promise<ProductSearchResult> {
    return this.#run(request, true);
  }

  async facets(_ctx: RequestContext, request: ProductSearchRequest): Promise<FacetCounts> {
    const { facets, priceRange } = await this.#run({ ...request, withFacets: true }, false);
    return { facets, priceRange };
  }

  async suggest(_ctx: RequestContext, request: SuggestRequest): Promise<Suggestion[]> {
    const folded = foldText(request.q);
    if (folded.length < 2) return [];
    const db = this.#db;
    const { defaultLocale } = this.#options;
    const [products, terms] = await Promise.all([
      suggestProducts(
        db,
        {
          locale: request.locale,
          defaultLocale,
          currency: request.currency,
          config: textConfigOf(request.locale),
          tsquery: namePrefixText(request.q),
          folded,
        },
        request.limit,
      ),
      suggestTerms(db, request.locale, defaultLocale, folded, Math.min(3, request.limit)),
    ]);
    const fromTerms: Suggestion[] = terms.map((term) => ({ kind: term.facet, text: term.label, slug: term.value }));
    const fromProducts: Suggestion[] = products.map((row) => ({
      kind: 'product',
      text: row.name,
      slug: row.slug,
      imageId: row.image_id,
      priceMinor: row.price,
    }));
    return [...fromTerms, ...fromProducts].slice(0, request.limit);
  }

  async #run(request: ProductSearchRequest, withHits: boolean): Promise<ProductSearchResult> {
    const text = await this.#matchText(request);
    if (text.nothing) {
      return { total: 0, hits: [], facets: [], priceRange: null, textMatch: text.match, textFoundNothing: true };
    }
    const filters = await this.#resolve(request);
    const plan: SearchPlan = {
      locale: request.locale,
      defaultLocale: this.#options.defaultLocale,
      currency: request.currency,
      text: text.condition,
      terms: filters.terms,
      prices: request.filters.price ?? [],
      inStock: request.filters.inStock ?? false,
      onSale: request.filters.onSale ?? false,
    };
    const db = this.#db;
    const thresholds = bucketThresholds(request.currencyExponent);
    const filtered = new Set(filters.terms.map((filter) => filter.facet));
    const unfiltered = ['brand', 'category', 'fitment', 'attributes'].filter((facet) => !filtered.has(facet));
    const facets = request.withFacets;
    const offset = (request.page - 1) * request.size;
    // Counts over the whole shop (no text, no filter but the one counted) are the largest and the same for every
    // category page: they are kept for a while (countCache).
    const whole = plan.text.kind === 'none' && !plan.onSale;
    const shopWide = (except: string) =>
      whole &&
      (except === 'price' || plan.prices.length === 0) &&
      plan.terms.every((filter) => filter.facet === except);
    const cached = <T>(except: string, key: string, load: () => Promise<T>) =>
      shopWide(except) ? this.#cache.get(`${plan.currency}|${plan.inStock}|${key}`, load) : load();

    const [hits, buckets, total, over, without, years, attributes] = await Promise.all([
      withHits ? pageOf(db, plan, request.sort, request.size, offset) : Promise.resolve([]),
      facets || plan.prices.length === 0
        ? cached('price', `price:${thresholds.join(',')}`, () => priceBuckets(db, plan, thresholds))
        : Promise.resolve([]),
      plan.prices.length > 0 ? totalOf(db, plan) : Promise.resolve(null),
      facets ? cached('', `over:${unfiltered.join(',')}`, () => countsOver(db, plan, unfiltered)) : Promise.resolve([]),
      facets
        ? Promise.all(
            filters.terms.map(
              async (filter): Promise<[string, CountRow[]]> => [
                filter.facet,
                await cached(filter.facet, `without:${filter.facet}`, () => countsWithout(db, plan, filter.facet)),
              ],
            ),
          )
        : Promise.resolve([] as Array<[string, CountRow[]]>),
      facets
        ? yearCounts(
            db,
            plan,
            filters.models.map((model) => model.id),
            filters.years.map((year) => year.id),
          )
        : Promise.resolve([]),
      facets ? this.#attributes.get('attributes', () => facetAttributes(db)) : Promise.resolve([]),
    ]);

    const result: ProductSearchResult = {
      total: total ?? buckets.reduce((sum, bucket) => sum + bucket.n, 0),
      hits: hits.map(
        (row): ProductHit => ({
          id: row.id,
          slug: row.slug,
          name: row.name,
          brand: row.brand_slug && row.brand_name ? { slug: row.brand_slug, name: row.brand_name } : null,
          priceMinor: Number(row.price),
          regularPriceMinor: row.regular === null ? null : Number(row.regular),
          lowestPrice30dMinor: row.lowest === null ? null : Number(row.lowest),
          imageId: row.image_id,
          inStock: row.in_stock,
        }),
      ),
      facets: [],
      priceRange: null,
      textMatch: text.match,
      textFoundNothing: false,
    };
    if (!facets) return result;

    const counted: TermRow[] = [...over, ...without.flatMap(([, rows]) => rows), ...years];
    const inputs: FacetInputs = {
      request,
      defaultLocale: this.#options.defaultLocale,
      terms: new Map([...filters.named, ...filters.years, ...counted].map((term) => [term.id, term])),
      over,
      without: new Map(without),
      years,
      buckets,
      thresholds,
      total: result.total,
      attributes,
    };
    return { ...result, ...buildFacets(inputs) };
  }

  async #matchText(request: ProductSearchRequest): Promise<TextMatch> {
    const q = request.q?.trim() ?? '';
    if (q === '') return { condition: { kind: 'none' }, match: 'none', nothing: false };
    const { fewHits, fuzzyThreshold, fuzzyLimit } = this.#options;
    const tsquery = tsqueryText(q);
    const text = { config: textConfigOf(request.locale), tsquery: tsquery ?? '' };
    const exact = tsquery ? await fullTextIds(this.#db, request.locale, text, fewHits) : [];
    if (exact.length >= fewHits)
      return { condition: { kind: 'full_text', ...text }, match: 'full_text', nothing: false };
    // Full text found little: add what the words are probably misspellings of.
    const words = foldText(q)
      .split(' ')
      .filter((word) => word.length >= 3);
    const similar = await fuzzyIds(this.#db, request.locale, words, fuzzyThreshold, fuzzyLimit);
    const ids = [...new Set([...exact, ...similar])];
    if (ids.length === 0) return { condition: { kind: 'ids', ids }, match: 'fuzzy', nothing: true };
    return {
      condition: { kind: 'ids', ids },
      match: ids.length > exact.length ? 'fuzzy' : 'full_text',
      nothing: false,
    };
  }

  async #resolve(request: ProductSearchRequest): Promise<ResolvedFilters> {
    const { brand = [], category = [], fitment = [], attributes = {} } = request.filters;
    const pairs = [
      ...brand.map((value) => ({ facet: 'brand', value })),
      ...category.map((value) => ({ facet: 'category', value })),
      ...fitment.flatMap((value) => [
        { facet: 'fitment', value },
        { facet: 'fitment_year', value },
      ]),
      ...Object.entries(attributes).flatMap(([key, values]) =>
        values.map((value) => ({ facet: `attr:${key}`, value })),
      ),
    ];
    const found = await namedTerms(this.#db, pairs);
    const named = found.filter((term) => term.named);
    const idsOf = (...facets: string[]) => named.filter((term) => facets.includes(term.facet)).map((term) => term.id);
    const terms: TermFilter[] = [];
    if (brand.length > 0) terms.push({ facet: 'brand', ids: idsOf('brand') });
    if (category.length > 0) terms.push({ facet: 'category', ids: idsOf('category') });
    if (fitment.length > 0) terms.push({ facet: 'fitment', ids: idsOf('fitment', 'fitment_year') });
    for (const [key, values] of Object.entries(attributes)) {
      if (values.length > 0) terms.push({ facet: `attr:${key}`, ids: idsOf(`attr:${key}`) });
    }
    const related = found.filter((term) => !term.named);
    return {
      terms,
      named,
      models: [...named, ...related].filter((term) => term.facet === 'fitment'),
      years: related.filter((term) => term.facet === 'fitment_year'),
    };
  }
}

import type {
  ShopSearchAnswer,
  ShopSearchHit,
  ShopSearchQuery,
  ShopSuggestAnswer,
  shopSuggestQuery,
} from '@kontor/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { RequestContext } from '../../platform/context.js';
import { AppError, type FieldError } from '../../platform/http/errors.js';
import type { Platform } from '../../platform/platform.js';
import { unprocessable } from '../errors.js';
import { CountCache } from './count-cache.js';
import { parseRange } from './price-buckets.js';
import type {
  PriceRange,
  ProductFilters,
  ProductHit,
  ProductSearchEngine,
  ProductSearchRequest,
  ProductSort,
} from './product-search-engine.js';
import { RESERVED_FACETS } from './search-build-sql.js';
import { slugOf } from './search-text.js';
import type { ZeroResultLog } from './zero-results.js';

type SuggestQuery = z.infer<typeof shopSuggestQuery>;

/** How long the shop's currencies and facet attributes are kept between searches (a reindex forgets them at once). */
const FACTS_MS = 5_000;

/** What the shop sells in and filters by, read per request (a few rows). */
interface ShopFacts {
  /** Active currencies in the shop's order, the first the default. */
  currencies: Array<{ code: string; exponent: number }>;
  /** Facet attributes by key, with their type. */
  attributes: Map<string, string>;
}

/** A home page row of products: the newest, the reduced ones, a category's. */
export interface ProductRowRequest {
  locale?: string;
  currency?: string;
  sort?: ProductSort;
  /** A category slug (its sub-categories included). */
  category?: string;
  onSale?: boolean;
  inStock?: boolean;
  /** At most 100. */
  size?: number;
}

/**
 * The shop's product lists, for the public search API and for the server-rendered storefront alike: search results,
 * category listings (a search with facet.category and usually no text), the home page's product rows and
 * autocomplete. It validates what a URL asks (locale, currency, facet names and values), asks the search engine,
 * logs searches that found nothing, and answers the contract's shapes (packages/contracts/src/commerce-search.ts)
 * with the shop's URLs.
 */
export class ProductListings {
  constructor(
    readonly platform: Platform,
    readonly engine: ProductSearchEngine,
    readonly zeroResults: ZeroResultLog,
  ) {}

  /** A search as GET /api/shop/search takes it (`query` parsed by shopSearchQuery). */
  async search(ctx: RequestContext, query: ShopSearchQuery): Promise<ShopSearchAnswer> {
    const facts = await this.#facts();
    const request = this.#request(query, facts);
    const result = await this.engine.search(ctx, request);
    if (result.textFoundNothing && request.q && request.page === 1) {
      // The log is for admins; a search must not fail because it could not be written.
      await this.zeroResults.record(request.locale, request.q).catch((error: unknown) => {
        this.platform.logger.warn({ err: error }, 'could not log a zero-result search');
      });
    }
    return {
      q: request.q ?? '',
      locale: request.locale,
      currency: request.currency,
      sort: request.sort,
      page: request.page,
      size: request.size,
      total: result.total,
      textMatch: result.textMatch,
      hits: result.hits.map((hit) => this.#hit(hit, request.locale)),
      facets: result.facets,
      priceRange: result.priceRange,
    };
  }

  /** A category page: the category and its sub-categories, narrowed by the page's other parameters. */
  async category(ctx: RequestContext, slug: string, query: ShopSearchQuery): Promise<ShopSearchAnswer> {
    return this.search(ctx, { ...query, 'facet.category': slug });
  }

  /** One row of product cards (the home page's newest, reduced, or a category's), without facets. */
  async productRow(ctx: RequestContext, row: ProductRowRequest): Promise<ShopSearchHit[]> {
    const facts = await this.#facts();
    const query: ShopSearchQuery = {
      sort: row.sort ?? 'newest',
      page: 1,
      size: Math.min(100, Math.max(1, row.size ?? 8)),
      ...(row.locale ? { locale: row.locale } : {}),
      ...(row.currency ? { currency: row.currency } : {}),
      ...(row.category ? { 'facet.category': row.category } : {}),
      ...(row.inStock ? { in_stock: true } : {}),
    };
    const request = this.#request(query, facts);
    request.withFacets = false;
    request.filters.onSale = row.onSale ?? false;
    const result = await this.engine.search(ctx, request);
    return result.hits.map((hit) => this.#hit(hit, request.locale));
  }

  /** Autocomplete: brands, categories and products whose names start with what was typed (or nearly). */
  async suggest(ctx: RequestContext, query: SuggestQuery): Promise<ShopSuggestAnswer> {
    const facts = await this.#facts();
    const errors: FieldError[] = [];
    const locale = this.#locale(query, errors);
    throwInvalid(errors);
    const currency = this.#currency(query.currency, facts);
    const found = await this.engine.suggest(ctx, { q: query.q, locale, currency: currency.code, limit: query.limit });
    return {
      q: query.q,
      currency: currency.code,
      suggestions: found.map((suggestion) => {
        if (suggestion.kind === 'product') {
          return {
            kind: suggestion.kind,
            text: suggestion.text,
            slug: suggestion.slug,
            url: this.#url(`/shop/p/${suggestion.slug}`, locale),
            imageUrl: suggestion.imageId ? `/shop/media/${suggestion.imageId}` : null,
            priceMinor: suggestion.priceMinor ?? null,
          };
        }
        const url =
          suggestion.kind === 'brand'
            ? this.#url('/shop/search', locale, { 'facet.brand': suggestion.slug })
            : this.#url(`/shop/c/${suggestion.slug}`, locale);
        return { kind: suggestion.kind, text: suggestion.text, slug: suggestion.slug, url };
      }),
    };
  }

  /** A shop URL; pages in another language than the shop's first carry ?lang= (as the storefront links them). */
  #url(path: string, locale: string, params: Record<string, string> = {}): string {
    const search = new URLSearchParams(params);
    if (locale !== this.platform.config.commerceLocales[0]) search.set('lang', locale);
    const text = search.toString();
    return text ? `${path}?${text}` : path;
  }

  #hit(hit: ProductHit, locale: string): ShopSearchHit {
    return {
      ...hit,
      imageUrl: hit.imageId ? `/shop/media/${hit.imageId}` : null,
      url: this.#url(`/shop/p/${hit.slug}`, locale),
    };
  }

  /** Currencies and facet attributes change seldom and are read by every search: kept for a few seconds. */
  readonly #facts = (): Promise<ShopFacts> => this.#factsCache.get('facts', () => this.#readFacts());
  readonly #factsCache = new CountCache(FACTS_MS);

  async #readFacts(): Promise<ShopFacts> {
    const rows = await sql<{ kind: 'currency' | 'attribute'; key: string; detail: string }>`
      select kind, key, detail from (
        select 'currency' as kind, code as key, exponent::text as detail, position from commerce.currencies where active
        union all
        select 'attribute', key, type, position from commerce.attributes
        where facet and key <> all (${RESERVED_FACETS}::text[])
      ) facts order by kind, position, key`.execute(this.platform.db);
    return {
      currencies: rows.rows
        .filter((row) => row.kind === 'currency')
        .map((row) => ({ code: row.key, exponent: Number(row.detail) })),
      attributes: new Map(rows.rows.filter((row) => row.kind === 'attribute').map((row) => [row.key, row.detail])),
    };
  }

  /**
   * The shop locale asked for (locale, or the storefront's lang), else the shop's first: a shop URL names its language
   * (crawlers send no Accept-Language), so the same URL always answers the same.
   */
  #locale(query: { locale?: string; lang?: string }, errors: FieldError[]): string {
    const locales = this.platform.config.commerceLocales;
    const asked = query.locale ?? query.lang;
    if (asked && locales.includes(asked)) return asked;
    if (asked) {
      errors.push({
        path: `querystring.${query.locale ? 'locale' : 'lang'}`,
        code: 'unknown_locale',
        message: `is not a language of the shop (${locales.join(', ')})`,
      });
    }
    return locales[0] as string;
  }

  #currency(asked: string | undefined, facts: ShopFacts): { code: string; exponent: number } {
    const fallback = facts.currencies[0] ?? { code: 'SEK', exponent: 2 };
    if (!asked) return fallback;
    const found = facts.currencies.find((currency) => currency.code === asked);
    if (found) return found;
    const sold = facts.currencies.map((currency) => currency.code).join(', ');
    throw unprocessable('unsold_currency', `The shop does not sell in ${asked}`, [
      { path: 'querystring.currency', message: `is not a currency the shop sells in (${sold})` },
    ]);
  }

  /** Reads the facet.<name> parameters against the shop's facets; 400 with every unknown name or bad value. */
  #request(query: ShopSearchQuery, facts: ShopFacts): ProductSearchRequest {
    const errors: FieldError[] = [];
    const locale = this.#locale(query, errors);
    const filters: ProductFilters = {};
    const attributes: Record<string, string[]> = {};
    for (const [key, raw] of Object.entries(query)) {
      if (!key.startsWith('facet.') || raw === undefined) continue;
      const name = key.slice('facet.'.length);
      const values = [raw]
        .flat()
        .map((value) => String(value).trim())
        .filter(Boolean);
      const path = `querystring.${key}`;
      if (name === 'brand' || name === 'category') filters[name] = values.map((value) => value.toLowerCase());
      else if (name === 'fitment') filters.fitment = values.map(slugOf).filter(Boolean);
      else if (name === 'price') {
        const ranges: PriceRange[] = [];
        for (const value of values) {
          const range = parseRange(value);
          if (range) ranges.push(range);
          else
            errors.push({
              path,
              code: 'invalid_facet_value',
              message: `"${value}" is not a price range in minor units such as 10000-50000, 10000- or -50000`,
            });
        }
        filters.price = ranges;
      } else if (facts.attributes.has(name)) {
        attributes[name] = values.map((value) => normalised(facts.attributes.get(name) as string, value));
      } else {
        const known = ['brand', 'category', 'price', 'fitment', ...facts.attributes.keys()].join(', ');
        errors.push({ path, code: 'unknown_facet', message: `is not a facet of the shop (${known})` });
      }
    }
    throwInvalid(errors);
    const currency = this.#currency(query.currency, facts);
    if (Object.keys(attributes).length > 0) filters.attributes = attributes;
    if (query.in_stock) filters.inStock = true;
    return {
      ...(query.q ? { q: query.q } : {}),
      locale,
      currency: currency.code,
      currencyExponent: currency.exponent,
      filters,
      sort: query.sort,
      page: query.page,
      size: query.size,
      withFacets: true,
    };
  }
}

/** 400 naming every bad parameter: commerce.unknown_facet when a facet name is unknown, else commerce.invalid_search. */
function throwInvalid(errors: FieldError[]) {
  if (errors.length === 0) return;
  const code = errors.some((error) => error.code === 'unknown_facet')
    ? 'commerce.unknown_facet'
    : 'commerce.invalid_search';
  throw new AppError(400, code, `The search is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, {
    errors: errors.map((error) => ({ ...error, code: error.code ?? 'invalid_search' })),
  });
}

/** A facet value as the documents hold it: numbers in JSON's form ("9,9" → "9.9", "40.0" → "40"). */
function normalised(type: string, value: string): string {
  if (type === 'number') {
    const number = Number(value.replace(',', '.'));
    return Number.isFinite(number) ? String(number) : value;
  }
  if (type === 'boolean') return value.toLowerCase();
  return value;
}

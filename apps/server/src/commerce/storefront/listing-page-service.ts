import type { ShopSearchAnswer, ShopSearchHit, ShopSearchQuery, ShopSuggestAnswer } from '@kontor/contracts';
import type { RequestContext } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import type { Db, Platform } from '../../platform/platform.js';
import type { ShopReadService } from '../catalog/shop-read-service.js';
import type { ProductListings } from '../search/product-listings.js';
import { type ListingQuery, PAGE_SIZE } from './listing-query.js';
import type { ShopRequest } from './shop-request.js';

export interface CategoryLink {
  slug: string;
  name: string;
}

export interface CategoryView {
  slug: string;
  name: string;
  description: string;
  seoTitle: string;
  seoDescription: string;
  trail: CategoryLink[];
  children: CategoryLink[];
}

/** A listing as shown: the search's answer, and the query without the facets the search did not know. */
export interface Listed {
  listing: ListingQuery;
  answer: ShopSearchAnswer;
}

export type CategoryLookup =
  | ({ kind: 'found'; category: CategoryView } & Listed)
  | { kind: 'moved'; slug: string }
  | { kind: 'missing' };

export type Suggestions = ShopSuggestAnswer['suggestions'];

/**
 * What the category, search and home pages list: categories from the catalog's reads (ShopReadService), products
 * from the search part's listings (the same service GET /api/shop/search answers with, zero-result log included).
 */
export class ListingPageService {
  readonly #db: Db;

  constructor(
    platform: Platform,
    private readonly listings: ProductListings,
    private readonly read: ShopReadService,
  ) {
    this.#db = platform.db;
  }

  #query(shop: ShopRequest, listing: ListingQuery): ShopSearchQuery {
    return {
      ...listing.facets,
      ...(listing.q ? { q: listing.q } : {}),
      ...(listing.inStock ? { in_stock: true } : {}),
      sort: listing.sort,
      page: listing.page,
      size: PAGE_SIZE,
      locale: shop.locale,
      currency: shop.currency,
    };
  }

  /**
   * Asks the search; a facet it does not know (an attribute no longer a facet, a mistyped link) is dropped and the
   * search asked again, since a page must render for whatever URL a person or a crawler follows.
   */
  async #list(shop: ShopRequest, listing: ListingQuery, ask: (query: ShopSearchQuery) => Promise<ShopSearchAnswer>) {
    try {
      return { listing, answer: await ask(this.#query(shop, listing)) };
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 400) throw error;
      const bad = new Set((error.extra.errors ?? []).map((field) => field.path.replace(/^querystring\./, '')));
      const facets = Object.fromEntries(Object.entries(listing.facets).filter(([key]) => !bad.has(key)));
      if (Object.keys(facets).length === Object.keys(listing.facets).length) throw error;
      const cleaned = { ...listing, facets };
      return { listing: cleaned, answer: await ask(this.#query(shop, cleaned)) };
    }
  }

  async category(ctx: RequestContext, shop: ShopRequest, slug: string, listing: ListingQuery): Promise<CategoryLookup> {
    const found = await this.read.category(this.#db, slug, shop.locale);
    if (!found) return { kind: 'missing' };
    if ('redirect' in found) return { kind: 'moved', slug: found.redirect };
    const category = found.found;
    // The category is the page itself, not a filter a link could add twice.
    const own = { ...listing, q: '', facets: { ...listing.facets } };
    delete own.facets['facet.category'];
    const listed = await this.#list(shop, own, (query) => this.listings.category(ctx, category.slug, query));
    const link = ({ slug, name }: CategoryLink) => ({ slug, name });
    return {
      kind: 'found',
      category: {
        slug: category.slug,
        name: category.name,
        description: category.description,
        seoTitle: category.seoTitle,
        seoDescription: category.seoDescription,
        trail: category.path.map(link),
        children: category.children.map(link),
      },
      ...listed,
    };
  }

  /** Results for a search; when nothing matches, suggestions for the words and the top categories. */
  async search(
    ctx: RequestContext,
    shop: ShopRequest,
    listing: ListingQuery,
  ): Promise<Listed & { suggestions: Suggestions; categories: CategoryLink[] }> {
    const listed = await this.#list(shop, listing, (query) => this.listings.search(ctx, query));
    if (listed.answer.total > 0) return { ...listed, suggestions: [], categories: [] };
    const [suggested, categories] = await Promise.all([
      listing.q.length >= 2
        ? this.listings.suggest(ctx, {
            q: listing.q.slice(0, 100),
            locale: shop.locale,
            currency: shop.currency,
            limit: 6,
          })
        : undefined,
      this.topCategories(shop),
    ]);
    return { ...listed, suggestions: suggested?.suggestions ?? [], categories };
  }

  async topCategories(shop: ShopRequest): Promise<CategoryLink[]> {
    return (await this.read.categoryTree(this.#db, shop.locale)).map(({ slug, name }) => ({ slug, name }));
  }

  /** The home page: the top categories, what a campaign reduces now, and a row in the search's own order. */
  async home(
    ctx: RequestContext,
    shop: ShopRequest,
  ): Promise<{ categories: CategoryLink[]; campaign: ShopSearchHit[]; featured: ShopSearchHit[] }> {
    const row = { locale: shop.locale, currency: shop.currency, size: 8 };
    const [categories, campaign, featured] = await Promise.all([
      this.topCategories(shop),
      this.listings.productRow(ctx, { ...row, onSale: true, sort: 'relevance' }),
      this.listings.productRow(ctx, { ...row, sort: 'relevance' }),
    ]);
    return { categories, campaign, featured };
  }
}

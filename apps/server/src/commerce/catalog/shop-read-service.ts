import type { ShopCatalogCategoryNode, ShopCatalogProduct } from '@kontor/contracts';
import type { Db } from '../../platform/platform.js';
import { unprocessable } from '../errors.js';
import { catalogDb } from './catalog-context.js';
import { mediaRepository } from './media-repository.js';
import { priceRepository } from './price-repository.js';
import type { PricingService } from './pricing-service.js';
import { productRepository } from './product-repository.js';
import {
  categoryAncestry,
  readShopRows,
  type ShopAttribute,
  shopAttributes,
  toShopProduct,
} from './shop-product-view.js';
import { type SlugKind, slugRedirects } from './slug-redirects.js';
import { taxonomyRepository } from './taxonomy-repository.js';
import { localized } from './translations.js';

export interface ResolvedSlug {
  id: string;
  /** The record's slug now. */
  slug: string;
  /** True when `slug` was an old one: answer with a permanent redirect to the current slug. */
  redirected: boolean;
}

export type ShopLookup<T> = { found: T } | { redirect: string } | undefined;

/** A category as a shop page shows it: localized, with the path above it and the categories below it. */
export interface ShopCategoryPage {
  id: string;
  slug: string;
  name: string;
  description: string;
  seoTitle: string;
  seoDescription: string;
  /** From the top of the tree down to the parent. */
  path: Array<{ id: string; slug: string; name: string }>;
  children: Array<{ id: string; slug: string; name: string }>;
  /** This category and every category below it: what "products in this category" means. */
  subtreeIds: string[];
}

/** A product as the shop's own page shows it: the API's product, and what only a page shows. */
export interface ShopProductPage {
  product: ShopCatalogProduct;
  /** Units on hand per variant id: a page says how many are left of one running low. */
  onHand: Map<string, number>;
  /** Each variant's own attributes (by variant id), localized as the product's are: the page's specifications. */
  variantAttributes: Map<string, ShopAttribute[]>;
  /** The product's main category (its first) and the categories above it, top first. */
  trail: Array<{ id: string; slug: string; name: string }>;
}

/**
 * What the shop reads of the catalog, for the public API, the storefront's pages and search: localized, published
 * products only, prices as a consumer pays them now. Every method takes the database (or a transaction) first.
 */
export class ShopReadService {
  constructor(private readonly pricing: PricingService) {}

  /** A product's or category's current id for a slug, following an old slug to the record it now names. */
  async resolveSlug(db: Db, kind: SlugKind, slug: string): Promise<ResolvedSlug | undefined> {
    const catalog = catalogDb(db);
    const table = kind === 'product' ? 'commerce.products' : 'commerce.categories';
    const current = await catalog.selectFrom(table).select(['id', 'slug']).where('slug', '=', slug).executeTakeFirst();
    if (current) return { ...current, redirected: false };
    const target = await slugRedirects.target(catalog, kind, slug);
    if (!target) return undefined;
    const now = await catalog.selectFrom(table).select(['id', 'slug']).where('id', '=', target).executeTakeFirst();
    return now && { ...now, redirected: true };
  }

  /** The category tree in one language, each level in its admin order. */
  async categoryTree(db: Db, locale: string): Promise<ShopCatalogCategoryNode[]> {
    const rows = await taxonomyRepository.categories(catalogDb(db));
    const nodes = new Map<string, ShopCatalogCategoryNode & { parentId: string | null }>();
    for (const row of rows)
      nodes.set(row.id, {
        id: row.id,
        parentId: row.parent_id,
        slug: row.slug,
        name: localized(row.name, locale),
        description: localized(row.description, locale),
        seoTitle: localized(row.seo_title, locale),
        seoDescription: localized(row.seo_description, locale),
        children: [],
      });
    const roots: ShopCatalogCategoryNode[] = [];
    for (const node of nodes.values()) {
      const parent = node.parentId ? nodes.get(node.parentId) : undefined;
      (parent ? parent.children : roots).push(node);
    }
    const strip = (node: ShopCatalogCategoryNode & { parentId?: string | null }): ShopCatalogCategoryNode => ({
      id: node.id,
      slug: node.slug,
      name: node.name,
      description: node.description,
      seoTitle: node.seoTitle,
      seoDescription: node.seoDescription,
      children: node.children.map(strip),
    });
    return roots.map(strip);
  }

  /** A category page's facts by slug; an old slug answers the slug it moved to. */
  async category(db: Db, slug: string, locale: string): Promise<ShopLookup<ShopCategoryPage>> {
    const resolved = await this.resolveSlug(db, 'category', slug);
    if (!resolved) return undefined;
    if (resolved.redirected) return { redirect: resolved.slug };
    const rows = await taxonomyRepository.categories(catalogDb(db));
    const byId = new Map(rows.map((row) => [row.id, row]));
    const row = byId.get(resolved.id);
    if (!row) return undefined;
    return {
      found: {
        id: row.id,
        slug: row.slug,
        name: localized(row.name, locale),
        description: localized(row.description, locale),
        seoTitle: localized(row.seo_title, locale),
        seoDescription: localized(row.seo_description, locale),
        path: categoryAncestry(byId, row.parent_id ?? undefined).map((parent) => brief(parent, locale)),
        children: rows.filter((child) => child.parent_id === row.id).map((child) => brief(child, locale)),
        subtreeIds: await taxonomyRepository.subtree(catalogDb(db), row.id),
      },
    };
  }

  /**
   * A published product by slug, localized, priced in `currency` (422 `commerce.unsold_currency`, path
   * `querystring.currency`, for one the shop does not sell in). An old slug answers the slug it moved to.
   */
  async productBySlug(
    db: Db,
    request: { slug: string; locale: string; currency: string; at?: Date },
  ): Promise<ShopLookup<ShopCatalogProduct>> {
    const resolved = await this.resolveSlug(db, 'product', request.slug);
    if (!resolved) return undefined;
    if (resolved.redirected) return { redirect: resolved.slug };
    const [product] = await this.products(db, [resolved.id], request.locale, request.currency, request.at);
    return product && { found: product };
  }

  /** Published products by id (unpublished and unknown ones left out), in the order asked, as the product API has them. */
  async products(
    db: Db,
    ids: string[],
    locale: string,
    currency: string,
    at = new Date(),
  ): Promise<ShopCatalogProduct[]> {
    await this.#assertSold(db, currency);
    if (ids.length === 0) return [];
    const rows = await readShopRows(db, this.pricing, ids, currency, at);
    const byId = new Map(rows.products.map((row) => [row.id, toShopProduct(rows, row, locale, currency)]));
    return ids.flatMap((id) => {
      const product = byId.get(id);
      return product ? [product] : [];
    });
  }

  /**
   * A published product by slug as the shop's own page shows it: the API's product, with what only a page shows. An
   * old slug answers the slug it moved to; a currency the shop does not sell in is 422, as for `productBySlug`.
   */
  async productPage(
    db: Db,
    request: { slug: string; locale: string; currency: string; at?: Date },
  ): Promise<ShopLookup<ShopProductPage>> {
    const resolved = await this.resolveSlug(db, 'product', request.slug);
    if (!resolved) return undefined;
    if (resolved.redirected) return { redirect: resolved.slug };
    await this.#assertSold(db, request.currency);
    const rows = await readShopRows(db, this.pricing, [resolved.id], request.currency, request.at ?? new Date());
    const [row] = rows.products;
    if (!row) return undefined;
    const { locale } = request;
    const main = rows.categoryIds.get(row.id)?.[0];
    return {
      found: {
        product: toShopProduct(rows, row, locale, request.currency),
        onHand: new Map(rows.variants.map((variant) => [variant.id, rows.stock.get(variant.id)?.on_hand ?? 0])),
        variantAttributes: new Map(
          rows.variants.map((variant) => [variant.id, shopAttributes(variant.attributes, rows.attributes, locale)]),
        ),
        trail: categoryAncestry(rows.categories, main).map((category) => brief(category, locale)),
      },
    };
  }

  /** The currencies the shop sells in, in display order, with the digits of their minor unit. */
  async currencies(db: Db): Promise<Array<{ code: string; exponent: number }>> {
    const rows = await priceRepository.currencies(catalogDb(db));
    return rows.filter((row) => row.active).map((row) => ({ code: row.code, exponent: row.exponent }));
  }

  /** Which of these ids name a record of the catalog, published or not (what a discount may target). */
  async existing(db: Db, kind: 'product' | 'category' | 'brand', ids: string[]): Promise<Set<string>> {
    const table = { product: 'commerce.products', category: 'commerce.categories', brand: 'commerce.brands' } as const;
    return productRepository.existingIds(catalogDb(db), table[kind], ids);
  }

  /**
   * Per product: its brand, and its categories with every category above them, so that a campaign on a parent
   * category reaches the products of its children.
   */
  async reach(db: Db, productIds: string[]): Promise<Map<string, { brandId: string | null; categoryIds: string[] }>> {
    return productRepository.reachOf(catalogDb(db), productIds);
  }

  /** A product picture, and whether its product is published (a draft's pictures are for the catalog's keepers). */
  async picture(db: Db, id: string) {
    const row = await mediaRepository.withStatus(catalogDb(db), id);
    return row && { contentType: row.content_type, bytes: row.bytes, published: row.status === 'published' };
  }

  /** What the sitemap lists: the most recently changed published products (at most `limit`) and every category. */
  async sitemap(db: Db, limit: number) {
    const catalog = catalogDb(db);
    const [products, categories] = await Promise.all([
      productRepository.publishedSlugs(catalog, limit),
      taxonomyRepository.categories(catalog),
    ]);
    return {
      products: products.map((row) => ({ slug: row.slug, updatedAt: row.updated_at })),
      categories: categories.map((row) => row.slug).sort(),
    };
  }

  /** Throws 422 `commerce.unsold_currency`, path `querystring.currency`, unless the shop sells in `currency`. */
  async #assertSold(db: Db, currency: string) {
    const sold = await priceRepository.currency(catalogDb(db), currency);
    if (!sold?.active)
      throw unprocessable('unsold_currency', `The shop does not sell in ${currency}`, [
        { path: 'querystring.currency', message: "is not one of the shop's currencies" },
      ]);
  }
}

const brief = (row: { id: string; slug: string; name: Record<string, string> }, locale: string) => ({
  id: row.id,
  slug: row.slug,
  name: localized(row.name, locale),
});

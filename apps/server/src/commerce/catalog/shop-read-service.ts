import type { ShopCatalogCategoryNode, ShopCatalogProduct } from '@kontor/contracts';
import type { Db } from '../../platform/platform.js';
import { unprocessable } from '../errors.js';
import { catalogDb, iso } from './catalog-context.js';
import { mediaRepository } from './media-repository.js';
import { priceRepository } from './price-repository.js';
import type { PricingService } from './pricing-service.js';
import { productRepository } from './product-repository.js';
import { availabilityOf, mediaUrl } from './product-view.js';
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
    const brief = (entry: (typeof rows)[number]) => ({
      id: entry.id,
      slug: entry.slug,
      name: localized(entry.name, locale),
    });
    const path = [];
    for (let parent = row.parent_id ? byId.get(row.parent_id) : undefined; parent; ) {
      path.unshift(brief(parent));
      parent = parent.parent_id ? byId.get(parent.parent_id) : undefined;
    }
    return {
      found: {
        id: row.id,
        slug: row.slug,
        name: localized(row.name, locale),
        description: localized(row.description, locale),
        seoTitle: localized(row.seo_title, locale),
        seoDescription: localized(row.seo_description, locale),
        path,
        children: rows.filter((child) => child.parent_id === row.id).map(brief),
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
    const catalog = catalogDb(db);
    const sold = await priceRepository.currency(catalog, currency);
    if (!sold?.active)
      throw unprocessable('unsold_currency', `The shop does not sell in ${currency}`, [
        { path: 'querystring.currency', message: "is not one of the shop's currencies" },
      ]);
    if (ids.length === 0) return [];
    const products = (
      await catalog.selectFrom('commerce.products').selectAll().where('id', 'in', ids).execute()
    ).filter((row) => row.status === 'published');
    const productIds = products.map((row) => row.id);
    const variants = (await productRepository.variantsOf(catalog, productIds)).filter((row) => row.active);
    const variantIds = variants.map((row) => row.id);
    const [stock, fitments, prices, vat, categoryIds, media, attributes, brands, categories] = await Promise.all([
      productRepository.stockOf(catalog, variantIds),
      productRepository.fitmentsOf(catalog, variantIds),
      this.pricing.currentPrices(db, variantIds, currency, at),
      this.pricing.vatRates(db, at),
      productRepository.categoryIdsOf(catalog, productIds),
      mediaRepository.metaOf(catalog, productIds),
      taxonomyRepository.attributes(catalog),
      taxonomyRepository.brands(catalog),
      taxonomyRepository.categories(catalog),
    ]);
    const stockOf = new Map(stock.map((row) => [row.variant_id, row]));
    const priceOf = new Map(prices.map((row) => [row.variantId, row]));
    const attributeOf = new Map(attributes.map((row) => [row.key, row]));
    const brandOf = new Map(brands.map((row) => [row.id, row]));
    const categoryOf = new Map(categories.map((row) => [row.id, row]));
    const byId = new Map(
      products.map((row) => {
        const own = variants.filter((variant) => variant.product_id === row.id);
        const product: ShopCatalogProduct = {
          id: row.id,
          slug: row.slug,
          locale,
          currency,
          name: localized(row.name, locale),
          description: localized(row.description, locale),
          seoTitle: localized(row.seo_title, locale),
          seoDescription: localized(row.seo_description, locale),
          brand: row.brand_id && brandOf.has(row.brand_id) ? pick(brandOf.get(row.brand_id)) : null,
          categories: (categoryIds.get(row.id) ?? []).flatMap((id) => {
            const category = categoryOf.get(id);
            return category ? [{ id, slug: category.slug, name: localized(category.name, locale) }] : [];
          }),
          bulky: row.bulky,
          attributes: Object.entries(row.attributes).flatMap(([key, value]) => {
            const attribute = attributeOf.get(key);
            if (!attribute) return [];
            const option = attribute.options.find((entry) => entry.value === value);
            return [
              {
                key,
                name: localized(attribute.name, locale),
                type: attribute.type,
                unit: attribute.unit,
                value,
                label: option ? localized(option.label, locale) || option.value : String(value),
              },
            ];
          }),
          options: row.options.map((axis) => ({
            key: axis.key,
            name: localized(axis.name, locale),
            values: [...new Set(own.map((variant) => variant.option_values[axis.key] ?? ''))].filter(Boolean),
          })),
          variants: own.map((variant) => {
            const price = priceOf.get(variant.id);
            return {
              id: variant.id,
              sku: variant.sku,
              ean: variant.ean,
              optionValues: variant.option_values,
              attributes: variant.attributes,
              weightGrams: variant.weight_grams,
              availability: availabilityOf(stockOf.get(variant.id)),
              price: price
                ? {
                    currency,
                    unitPriceMinor: price.unitPriceMinor,
                    regularPriceMinor: price.regularPriceMinor,
                    lowestPrice30dMinor: price.lowestPrice30dMinor,
                    vatRateBp: vat.get(row.vat_class) ?? 0,
                    tiers: price.tiers,
                  }
                : null,
              fitments: fitments
                .filter((fitment) => fitment.variant_id === variant.id)
                .map((fitment) => ({
                  make: fitment.make,
                  model: fitment.model,
                  yearFrom: fitment.year_from,
                  yearTo: fitment.year_to,
                })),
            };
          }),
          media: media
            .filter((item) => item.product_id === row.id)
            .map((item) => ({
              id: item.id,
              url: mediaUrl(item.id),
              width: item.width,
              height: item.height,
              alt: localized(item.alt, locale),
            })),
          updatedAt: iso(row.updated_at),
        };
        return [row.id, product];
      }),
    );
    return ids.flatMap((id) => {
      const product = byId.get(id);
      return product ? [product] : [];
    });
  }
}

const pick = (brand: { slug: string; name: string } | undefined) =>
  brand ? { slug: brand.slug, name: brand.name } : null;

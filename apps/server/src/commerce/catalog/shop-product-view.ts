import type { ShopCatalogProduct } from '@kontor/contracts';
import type { Db } from '../../platform/platform.js';
import { catalogDb, iso } from './catalog-context.js';
import { mediaRepository } from './media-repository.js';
import type { PricingService } from './pricing-service.js';
import { productRepository } from './product-repository.js';
import { availabilityOf, mediaUrl } from './product-view.js';
import { taxonomyRepository } from './taxonomy-repository.js';
import { localized } from './translations.js';

type AttributeRow = Awaited<ReturnType<typeof taxonomyRepository.attributes>>[number];
type CategoryRow = Awaited<ReturnType<typeof taxonomyRepository.categories>>[number];
export type ShopAttribute = ShopCatalogProduct['attributes'][number];

/**
 * The catalog rows behind the shop's view of some published products (unpublished and unknown ids left out), read
 * with one query per table however many products there are; prices as a consumer pays them in `currency` at `at`.
 */
export async function readShopRows(db: Db, pricing: PricingService, ids: string[], currency: string, at: Date) {
  const catalog = catalogDb(db);
  const products = (await catalog.selectFrom('commerce.products').selectAll().where('id', 'in', ids).execute()).filter(
    (row) => row.status === 'published',
  );
  const productIds = products.map((row) => row.id);
  const variants = (await productRepository.variantsOf(catalog, productIds)).filter((row) => row.active);
  const variantIds = variants.map((row) => row.id);
  const [stock, fitments, prices, vat, categoryIds, media, attributes, brands, categories] = await Promise.all([
    productRepository.stockOf(catalog, variantIds),
    productRepository.fitmentsOf(catalog, variantIds),
    pricing.currentPrices(db, variantIds, currency, at),
    pricing.vatRates(db, at),
    productRepository.categoryIdsOf(catalog, productIds),
    mediaRepository.metaOf(catalog, productIds),
    taxonomyRepository.attributes(catalog),
    taxonomyRepository.brands(catalog),
    taxonomyRepository.categories(catalog),
  ]);
  return {
    products,
    variants,
    stock: new Map(stock.map((row) => [row.variant_id, row])),
    fitments,
    prices: new Map(prices.map((row) => [row.variantId, row])),
    vat,
    categoryIds,
    media,
    attributes,
    brands: new Map(brands.map((row) => [row.id, row])),
    categories: new Map(categories.map((row) => [row.id, row])),
  };
}
export type ShopRows = Awaited<ReturnType<typeof readShopRows>>;

/** Attribute values in `locale`, in the attributes' own order; a value of an attribute no longer defined is left out. */
export function shopAttributes(
  values: Record<string, unknown>,
  attributes: AttributeRow[],
  locale: string,
): ShopAttribute[] {
  return attributes.flatMap((attribute) => {
    const value = values[attribute.key];
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return [];
    const option = attribute.options.find((entry) => entry.value === value);
    return [
      {
        key: attribute.key,
        name: localized(attribute.name, locale),
        type: attribute.type,
        unit: attribute.unit,
        value,
        label: option ? localized(option.label, locale) || option.value : String(value),
      },
    ];
  });
}

/** A category and every category above it, top first (a broken parent link ends the walk). */
export function categoryAncestry(categories: Map<string, CategoryRow>, id: string | undefined): CategoryRow[] {
  const trail: CategoryRow[] = [];
  for (let row = id ? categories.get(id) : undefined; row && trail.length < 50; ) {
    trail.unshift(row);
    row = row.parent_id ? categories.get(row.parent_id) : undefined;
  }
  return trail;
}

/** One product of `rows` as the shop's API answers it: localized, priced in `currency`. */
export function toShopProduct(
  rows: ShopRows,
  row: ShopRows['products'][number],
  locale: string,
  currency: string,
): ShopCatalogProduct {
  const own = rows.variants.filter((variant) => variant.product_id === row.id);
  const brand = row.brand_id ? rows.brands.get(row.brand_id) : undefined;
  return {
    id: row.id,
    slug: row.slug,
    locale,
    currency,
    name: localized(row.name, locale),
    description: localized(row.description, locale),
    seoTitle: localized(row.seo_title, locale),
    seoDescription: localized(row.seo_description, locale),
    brand: brand ? { slug: brand.slug, name: brand.name } : null,
    categories: (rows.categoryIds.get(row.id) ?? []).flatMap((id) => {
      const category = rows.categories.get(id);
      return category ? [{ id, slug: category.slug, name: localized(category.name, locale) }] : [];
    }),
    bulky: row.bulky,
    attributes: shopAttributes(row.attributes, rows.attributes, locale),
    options: row.options.map((axis) => ({
      key: axis.key,
      name: localized(axis.name, locale),
      values: [...new Set(own.map((variant) => variant.option_values[axis.key] ?? ''))].filter(Boolean),
    })),
    variants: own.map((variant) => {
      const price = rows.prices.get(variant.id);
      return {
        id: variant.id,
        sku: variant.sku,
        ean: variant.ean,
        optionValues: variant.option_values,
        attributes: variant.attributes,
        weightGrams: variant.weight_grams,
        availability: availabilityOf(rows.stock.get(variant.id)),
        price: price
          ? {
              currency,
              unitPriceMinor: price.unitPriceMinor,
              regularPriceMinor: price.regularPriceMinor,
              lowestPrice30dMinor: price.lowestPrice30dMinor,
              vatRateBp: rows.vat.get(row.vat_class) ?? 0,
              tiers: price.tiers,
            }
          : null,
        fitments: rows.fitments
          .filter((fitment) => fitment.variant_id === variant.id)
          .map((fitment) => ({
            make: fitment.make,
            model: fitment.model,
            yearFrom: fitment.year_from,
            yearTo: fitment.year_to,
          })),
      };
    }),
    media: rows.media
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
}

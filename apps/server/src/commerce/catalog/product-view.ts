import type { CatalogAvailability, CatalogProduct, CatalogVariant } from '@kontor/contracts';
import type { Selectable } from 'kysely';
import { iso, isoOrNull } from './catalog-context.js';
import { mediaRepository } from './media-repository.js';
import { productRepository as repo } from './product-repository.js';
import type { CatalogDb, CatalogTables } from './tables.js';

type StockRow = Selectable<CatalogTables['commerce.stock']>;

/** Where the shop serves a picture. */
// The storefront serves pictures (storefront/routes.ts), cached for a year: a changed picture has a new id.
export const mediaUrl = (id: string) => `/shop/media/${id}`;

/**
 * What a shopper is told about a level: in stock above the low-stock threshold, low at or below it, backorder
 * when none is there but more may be ordered, out otherwise.
 */
export function availabilityOf(
  stock: Pick<StockRow, 'on_hand' | 'backorder' | 'low_stock_threshold'> | undefined,
): CatalogAvailability {
  const onHand = stock?.on_hand ?? 0;
  if (onHand > 0) return onHand > (stock?.low_stock_threshold ?? 0) ? 'in_stock' : 'low';
  return stock?.backorder ? 'backorder' : 'out';
}

export const toStockLevel = (stock: StockRow | undefined) => ({
  onHand: stock?.on_hand ?? 0,
  backorder: stock?.backorder ?? false,
  lowStockThreshold: stock?.low_stock_threshold ?? 0,
  lowStockAlertedAt: isoOrNull(stock?.low_stock_alerted_at),
  availability: availabilityOf(stock),
});

/** Products as the admin API answers them: every field, variants with stock and fitment, picture metadata. */
export async function adminProducts(db: CatalogDb, ids: string[]): Promise<CatalogProduct[]> {
  if (ids.length === 0) return [];
  const products = await db.selectFrom('commerce.products').selectAll().where('id', 'in', ids).execute();
  const variants = await repo.variantsOf(db, ids);
  const variantIds = variants.map((variant) => variant.id);
  const stock = new Map((await repo.stockOf(db, variantIds)).map((row) => [row.variant_id, row]));
  const fitments = await repo.fitmentsOf(db, variantIds);
  const categories = await repo.categoryIdsOf(db, ids);
  const media = await mediaRepository.metaOf(db, ids);
  const toVariant = (row: (typeof variants)[number]): CatalogVariant => ({
    id: row.id,
    productId: row.product_id,
    sku: row.sku,
    ean: row.ean,
    optionValues: row.option_values,
    attributes: row.attributes,
    weightGrams: row.weight_grams,
    position: row.position,
    active: row.active,
    stock: toStockLevel(stock.get(row.id)),
    fitments: fitments
      .filter((fitment) => fitment.variant_id === row.id)
      .map((fitment) => ({
        id: fitment.id,
        make: fitment.make,
        model: fitment.model,
        yearFrom: fitment.year_from,
        yearTo: fitment.year_to,
      })),
  });
  const byId = new Map(
    products.map((row) => [
      row.id,
      {
        id: row.id,
        slug: row.slug,
        status: row.status,
        brandId: row.brand_id,
        vatClass: row.vat_class as CatalogProduct['vatClass'],
        bulky: row.bulky,
        name: row.name,
        description: row.description,
        seoTitle: row.seo_title,
        seoDescription: row.seo_description,
        attributes: row.attributes,
        options: row.options,
        categoryIds: categories.get(row.id) ?? [],
        variants: variants.filter((variant) => variant.product_id === row.id).map(toVariant),
        media: media
          .filter((item) => item.product_id === row.id)
          .map((item) => ({
            id: item.id,
            contentType: item.content_type,
            width: item.width,
            height: item.height,
            alt: item.alt,
            position: item.position,
            url: mediaUrl(item.id),
          })),
        createdAt: iso(row.created_at),
        updatedAt: iso(row.updated_at),
        publishedAt: isoOrNull(row.published_at),
      } satisfies CatalogProduct,
    ]),
  );
  return ids.flatMap((id) => {
    const product = byId.get(id);
    return product ? [product] : [];
  });
}

import { randomUUID } from 'node:crypto';
import type { PlannedProduct } from './catalog-import-plan.js';
import { priceRepository } from './price-repository.js';
import { type ProductFields, productRepository, type VariantFields } from './product-repository.js';
import { slugRedirects } from './slug-redirects.js';
import { stockRepository } from './stock-repository.js';
import type { CatalogDb } from './tables.js';

export interface WrittenProduct {
  productId: string;
  /** Variants whose retail price changed, for the price history. */
  repriced: string[];
  priceChanges: Array<{ sku: string; currency: string; before: number | null; after: number }>;
}

/**
 * Writes one planned product of an import (it has no errors): the product's fields the file gives, merged over what
 * is stored; its variants by SKU; their retail prices, stock and fitment where the file gives them. The caller runs
 * it inside a savepoint, so a product is written whole or not at all.
 */
export async function writePlannedProduct(db: CatalogDb, plan: PlannedProduct, at: Date): Promise<WrittenProduct> {
  const { product, existing } = plan;
  const productId = existing?.id ?? randomUUID();
  const fields: ProductFields = {
    slug: product.slug,
    status: product.status ?? existing?.status ?? 'draft',
    brandId: plan.brandId === undefined ? (existing?.brand_id ?? null) : plan.brandId,
    vatClass: product.vatClass ?? existing?.vat_class ?? 'standard',
    bulky: product.bulky ?? existing?.bulky ?? false,
    name: { ...existing?.name, ...product.name },
    description: { ...existing?.description, ...product.description },
    seoTitle: existing?.seo_title ?? {},
    seoDescription: existing?.seo_description ?? {},
    attributes: { ...existing?.attributes, ...product.attributes },
    options: plan.axes,
  };
  if (existing) await productRepository.updateProduct(db, productId, fields, at);
  else {
    await productRepository.insertProduct(db, productId, fields, at);
    await slugRedirects.claimed(db, 'product', product.slug);
  }
  if (plan.categoryIds) await productRepository.setCategories(db, productId, plan.categoryIds);

  const variantIds = new Map<string, string>();
  let position = existing ? (await productRepository.variantsOf(db, [productId])).length : 0;
  for (const variant of product.variants) {
    const stored = plan.existingVariants.get(variant.sku);
    const variantFields: VariantFields = {
      sku: variant.sku,
      ean: variant.ean ?? stored?.ean ?? null,
      optionValues: { ...stored?.option_values, ...variant.optionValues },
      attributes: { ...stored?.attributes, ...variant.attributes },
      weightGrams: variant.weightGrams ?? stored?.weight_grams ?? 0,
      position: stored?.position ?? position,
      active: variant.active ?? stored?.active ?? true,
    };
    if (stored) {
      await productRepository.updateVariant(db, stored.id, variantFields);
      variantIds.set(variant.sku, stored.id);
    } else {
      const id = randomUUID();
      await productRepository.insertVariant(db, id, productId, variantFields);
      variantIds.set(variant.sku, id);
      position += 1;
    }
  }

  const ids = [...variantIds.values()];
  const before = new Map(
    (await priceRepository.baseRetail(db, ids)).map((row) => [`${row.variant_id}:${row.currency}`, row.amount_minor]),
  );
  const written: WrittenProduct = { productId, repriced: [], priceChanges: [] };
  for (const variant of product.variants) {
    const variantId = variantIds.get(variant.sku) as string;
    for (const [currency, amount] of Object.entries(variant.prices)) {
      const old = before.get(`${variantId}:${currency}`) ?? null;
      if (old === amount) continue;
      await priceRepository.setBaseRetail(db, randomUUID(), variantId, currency, amount);
      written.repriced.push(variantId);
      written.priceChanges.push({ sku: variant.sku, currency, before: old, after: amount });
    }
    if (variant.onHand !== undefined || variant.backorder !== undefined || variant.lowStockThreshold !== undefined) {
      const level = await stockRepository.lock(db, variantId);
      await stockRepository.set(db, variantId, {
        onHand: variant.onHand ?? level?.on_hand ?? 0,
        backorder: variant.backorder ?? level?.backorder ?? false,
        lowStockThreshold: variant.lowStockThreshold ?? level?.low_stock_threshold ?? 0,
      });
    }
    if (variant.fitments)
      await productRepository.replaceFitments(
        db,
        variantId,
        variant.fitments.map((fitment) => ({ ...fitment, id: randomUUID() })),
      );
  }
  return written;
}

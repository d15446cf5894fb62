import type { Selectable } from 'kysely';
import type { ImportProduct } from './catalog-csv.js';
import { productRepository } from './product-repository.js';
import { optionCombination } from './product-rules.js';
import type { CatalogDb, CatalogTables, ImportCounts, ImportRowError, OptionAxis } from './tables.js';
import { taxonomyRepository } from './taxonomy-repository.js';

type ProductRow = Selectable<CatalogTables['commerce.products']>;
type VariantRow = Selectable<CatalogTables['commerce.variants']>;

/** One product of the file checked against the catalog: what writing it would do, or why it cannot be written. */
export interface PlannedProduct {
  product: ImportProduct;
  errors: ImportRowError[];
  existing: ProductRow | undefined;
  /** Its variants that exist already, by SKU. */
  existingVariants: Map<string, VariantRow>;
  axes: OptionAxis[];
  brandId: string | null | undefined;
  categoryIds: string[] | undefined;
}

export const emptyCounts = (): ImportCounts => ({
  products: { created: 0, updated: 0 },
  variants: { created: 0, updated: 0 },
});

/** An option key as an axis name until an admin names it: "shaft_length" → "Shaft length". */
const axisName = (key: string) => {
  const words = key.replace(/_/g, ' ');
  const name = words.charAt(0).toUpperCase() + words.slice(1);
  return { sv: name, en: name };
};

/**
 * Checks products read from a file against the catalog as it is now: brands and categories by slug, SKUs and EANs
 * not held by other products, option values that match the product's axes and do not repeat, names for new
 * products. Reads in bulk; called for the whole file by the preview and per batch by the apply.
 */
export async function planProducts(db: CatalogDb, products: ImportProduct[]): Promise<PlannedProduct[]> {
  const existing = new Map(
    (
      await productRepository.productsBySlug(
        db,
        products.map((p) => p.slug),
      )
    ).map((row) => [row.slug, row]),
  );
  const skus = products.flatMap((product) => product.variants.map((variant) => variant.sku));
  const bySku = new Map((await productRepository.variantsBySku(db, skus)).map((row) => [row.sku, row]));
  const eans = products.flatMap((product) => product.variants.flatMap((variant) => (variant.ean ? [variant.ean] : [])));
  const byEan = new Map((await productRepository.variantsByEan(db, eans)).map((row) => [row.ean, row.sku]));
  const siblings = await productRepository.variantsOf(
    db,
    [...existing.values()].map((row) => row.id),
  );
  const brands = new Map((await taxonomyRepository.brands(db)).map((row) => [row.slug, row.id]));
  const categories = new Map((await taxonomyRepository.categories(db)).map((row) => [row.slug, row.id]));
  const eanRows = new Map<string, number>();

  return products.map((product) => {
    const errors: ImportRowError[] = [];
    const first = product.rows[0] ?? 0;
    const row = existing.get(product.slug);
    const fail = (at: number, column: string | null, message: string) => errors.push({ row: at, column, message });

    let brandId: string | null | undefined;
    if (product.brand !== undefined) {
      brandId = brands.get(product.brand);
      if (!brandId) fail(first, 'brand', `no brand has the slug "${product.brand}"`);
    }
    const categoryIds = product.categories?.map((slug) => {
      const id = categories.get(slug);
      if (!id) fail(first, 'categories', `no category has the slug "${slug}"`);
      return id ?? '';
    });
    if (!row)
      for (const locale of ['sv', 'en'])
        if (!product.name[locale]) fail(first, `name_${locale}`, 'a new product needs its name in sv and en');

    const own = siblings.filter((variant) => variant.product_id === row?.id);
    const axes: OptionAxis[] =
      row && (row.options.length > 0 || own.length > 0)
        ? row.options
        : product.optionKeys.map((key) => ({ key, name: axisName(key) }));
    const axisKeys = axes.map((axis) => axis.key);
    const existingVariants = new Map<string, VariantRow>();
    const combinations = new Map<string, string>();
    for (const sibling of own)
      if (!product.variants.some((variant) => variant.sku === sibling.sku))
        combinations.set(optionCombination(axes, sibling.option_values), sibling.sku);

    for (const variant of product.variants) {
      const holder = bySku.get(variant.sku);
      if (holder && holder.product_id !== row?.id)
        fail(variant.row, 'sku', `${variant.sku} belongs to another product`);
      if (holder && holder.product_id === row?.id) existingVariants.set(variant.sku, holder);
      if (variant.ean) {
        const eanHolder = byEan.get(variant.ean);
        if (eanHolder && eanHolder !== variant.sku)
          fail(variant.row, 'ean', `${variant.ean} is the EAN of ${eanHolder}`);
        const twin = eanRows.get(variant.ean);
        if (twin !== undefined) fail(variant.row, 'ean', `${variant.ean} is also on row ${twin}`);
        eanRows.set(variant.ean, variant.row);
      }
      for (const key of Object.keys(variant.optionValues))
        if (!axisKeys.includes(key))
          fail(variant.row, `option:${key}`, `the product varies by ${axisKeys.join(', ') || 'nothing'}, not ${key}`);
      const values = { ...(holder?.product_id === row?.id ? holder?.option_values : {}), ...variant.optionValues };
      for (const key of axisKeys) if (!values[key]) fail(variant.row, `option:${key}`, 'every variant needs a value');
      if (axisKeys.length > 0 && axisKeys.every((key) => values[key])) {
        const combination = optionCombination(axes, values);
        const twin = combinations.get(combination);
        if (twin) fail(variant.row, `option:${axisKeys[0]}`, `${twin} has the same options`);
        combinations.set(combination, variant.sku);
      }
    }
    return { product, errors, existing: row, existingVariants, axes, brandId, categoryIds };
  });
}

/** What writing the planned products (those without errors) creates and updates. */
export function countPlan(plans: PlannedProduct[], counts = emptyCounts()): ImportCounts {
  for (const plan of plans) {
    if (plan.errors.length > 0) continue;
    counts.products[plan.existing ? 'updated' : 'created'] += 1;
    for (const variant of plan.product.variants)
      counts.variants[plan.existingVariants.has(variant.sku) ? 'updated' : 'created'] += 1;
  }
  return counts;
}

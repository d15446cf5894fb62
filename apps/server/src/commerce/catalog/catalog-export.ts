import { toCsv } from '../../platform/files/spreadsheet.js';
import { formatFitments, majorUnits, TEXT_FIELDS } from './catalog-csv.js';
import { priceRepository } from './price-repository.js';
import { productRepository } from './product-repository.js';
import type { AttributeValue, CatalogDb } from './tables.js';
import { taxonomyRepository } from './taxonomy-repository.js';

const PAGE = 200;
const cellOf = (value: AttributeValue | undefined) => (value === undefined ? '' : String(value));

/**
 * The whole catalog as the import reads it (catalog-csv.ts), one row per variant, written a page of products at a
 * time so a large catalog never sits in memory. A product without variants gets one row with an empty SKU, so
 * the export loses nothing (an import reports that row until a variant is added).
 */
export async function* exportCatalog(db: CatalogDb, locales: readonly string[]): AsyncGenerator<Buffer> {
  const keys = await productRepository.usedKeys(db);
  const currencies = await priceRepository.currencies(db);
  const exponent = new Map(currencies.map((row) => [row.code, row.exponent]));
  const brands = new Map((await taxonomyRepository.brands(db)).map((row) => [row.id, row.slug]));
  const categories = new Map((await taxonomyRepository.categories(db)).map((row) => [row.id, row.slug]));
  const header = [
    'product_slug',
    'status',
    'brand',
    'categories',
    'vat_class',
    'bulky',
    ...TEXT_FIELDS.flatMap((field) => locales.map((locale) => `${field}_${locale}`)),
    ...keys.productAttributes.map((key) => `attr:${key}`),
    ...keys.options.map((key) => `option:${key}`),
    'sku',
    'ean',
    'weight_grams',
    'active',
    ...keys.variantAttributes.map((key) => `vattr:${key}`),
    ...currencies.map((row) => `price:${row.code}`),
    'on_hand',
    'backorder',
    'low_stock_threshold',
    'fitment',
  ];
  yield toCsv([header]);

  let after: string | null = null;
  for (;;) {
    const products = await productRepository.productsAfter(db, after, PAGE);
    if (products.length === 0) return;
    after = products.at(-1)?.id ?? null;
    const ids = products.map((row) => row.id);
    const variants = await productRepository.variantsOf(db, ids);
    const variantIds = variants.map((row) => row.id);
    const stock = new Map((await productRepository.stockOf(db, variantIds)).map((row) => [row.variant_id, row]));
    const fitments = await productRepository.fitmentsOf(db, variantIds);
    const prices = new Map(
      (await priceRepository.baseRetail(db, variantIds)).map((row) => [
        `${row.variant_id}:${row.currency}`,
        row.amount_minor,
      ]),
    );
    const productCategories = await productRepository.categoryIdsOf(db, ids);
    const rows: string[][] = [];
    for (const product of products) {
      const own = variants.filter((variant) => variant.product_id === product.id);
      const productCells = [
        product.slug,
        product.status,
        (product.brand_id && brands.get(product.brand_id)) || '',
        (productCategories.get(product.id) ?? []).map((id) => categories.get(id) ?? '').join('|'),
        product.vat_class,
        String(product.bulky),
        ...TEXT_FIELDS.flatMap((field) => locales.map((locale) => product[field][locale] ?? '')),
        ...keys.productAttributes.map((key) => cellOf(product.attributes[key])),
      ];
      for (const variant of own.length > 0 ? own : [undefined]) {
        const level = variant && stock.get(variant.id);
        rows.push([
          ...productCells,
          ...keys.options.map((key) => variant?.option_values[key] ?? ''),
          variant?.sku ?? '',
          variant?.ean ?? '',
          variant ? String(variant.weight_grams) : '',
          variant ? String(variant.active) : '',
          ...keys.variantAttributes.map((key) => cellOf(variant?.attributes[key])),
          ...currencies.map((row) => {
            const amount = variant ? prices.get(`${variant.id}:${row.code}`) : undefined;
            return amount === undefined ? '' : majorUnits(amount, exponent.get(row.code) ?? 2);
          }),
          level ? String(level.on_hand) : '',
          level ? String(level.backorder) : '',
          level ? String(level.low_stock_threshold) : '',
          variant
            ? formatFitments(
                fitments
                  .filter((fitment) => fitment.variant_id === variant.id)
                  .map((fitment) => ({
                    make: fitment.make,
                    model: fitment.model,
                    yearFrom: fitment.year_from,
                    yearTo: fitment.year_to,
                  })),
              )
            : '',
        ]);
      }
    }
    // toCsv starts every buffer with a byte-order mark; the file has one, at its start.
    yield toCsv(rows).subarray(3);
  }
}

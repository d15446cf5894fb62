// The shop's catalog API (docs/commerce.md); owned by the catalog part. Its shared building blocks, brands,
// categories, attributes, products and bulk import are here; prices and stock in commerce-catalog-prices.ts, the
// public read API in commerce-catalog-shop.ts.
import { z } from 'zod';

/** Lower-case words joined by hyphens: what a URL of the shop names a catalogProduct or catalogCategory by. */
export const catalogSlug = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected lower-case letters, digits and single hyphens');
export const catalogKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'expected a lower-case key such as shaft_length (letters, digits, _)');
export const catalogSku = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/, 'expected letters, digits and . _ / - (at most 64)');
export const catalogCurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as SEK');
/** A catalog locale: two letters; the service accepts the shop's languages (commerceLocales). */
export const catalogLocale = z.string().regex(/^[a-z]{2}$/);

/** Text in the shop's languages, keyed by locale; sv and en are required where the service says so. */
export const catalogTranslated = (max: number) => z.record(catalogLocale, z.string().trim().max(max));
export type CatalogTranslated = Record<string, string>;

export const catalogVatClasses = ['standard', 'reduced', 'low', 'food'] as const;
export const catalogAttributeTypes = ['text', 'number', 'boolean', 'enum'] as const;
export const catalogProductStatuses = ['draft', 'published'] as const;
export const catalogAvailabilities = ['in_stock', 'low', 'backorder', 'out'] as const;
export type CatalogAvailability = (typeof catalogAvailabilities)[number];

/** A value of a typed attribute; the service checks it against the attribute's type. */
export const catalogAttributeValue = z.union([z.string().max(500), z.number(), z.boolean()]);
export const catalogAttributeValues = z.record(catalogKey, catalogAttributeValue);

export const catalogSlugParams = z.strictObject({ slug: z.string().min(1).max(200) });
export const catalogKeyParams = z.strictObject({ key: catalogKey });
export const catalogCodeParams = z.strictObject({ code: catalogCurrencyCode });

// Brands

export const catalogBrand = z.object({ id: z.uuid(), slug: z.string(), name: z.string(), updatedAt: z.iso.datetime() });
export type CatalogBrand = z.infer<typeof catalogBrand>;
export const catalogBrandInput = z.strictObject({ slug: catalogSlug, name: z.string().trim().min(1).max(120) });
export const catalogBrandPatch = catalogBrandInput.partial();
export const catalogBrandList = z.object({ brands: z.array(catalogBrand) });

// Categories

const categoryFields = {
  name: catalogTranslated(120),
  description: catalogTranslated(5000).default({}),
  seoTitle: catalogTranslated(70).default({}),
  seoDescription: catalogTranslated(160).default({}),
};
export const catalogCategory = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  slug: z.string(),
  name: z.record(z.string(), z.string()),
  description: z.record(z.string(), z.string()),
  seoTitle: z.record(z.string(), z.string()),
  seoDescription: z.record(z.string(), z.string()),
  position: z.number().int(),
  productCount: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type CatalogCategory = z.infer<typeof catalogCategory>;
export const catalogCategoryInput = z.strictObject({
  slug: catalogSlug,
  parentId: z.uuid().nullable().default(null),
  position: z.number().int().min(0).max(100_000).optional(),
  ...categoryFields,
});
export const catalogCategoryPatch = z.strictObject({
  slug: catalogSlug.optional(),
  name: categoryFields.name.optional(),
  description: catalogTranslated(5000).optional(),
  seoTitle: catalogTranslated(70).optional(),
  seoDescription: catalogTranslated(160).optional(),
});
export const catalogCategoryMove = z.strictObject({
  parentId: z.uuid().nullable(),
  /** The place among its new siblings, 0 first; the end when left out. */
  position: z.number().int().min(0).max(100_000).optional(),
});
export const catalogCategoryList = z.object({ categories: z.array(catalogCategory) });

// Attributes

export const catalogAttributeOption = z.strictObject({
  value: z.string().trim().min(1).max(60),
  label: catalogTranslated(60),
});
export const catalogAttribute = z.object({
  key: z.string(),
  type: z.enum(catalogAttributeTypes),
  unit: z.string().nullable(),
  name: z.record(z.string(), z.string()),
  options: z.array(z.object({ value: z.string(), label: z.record(z.string(), z.string()) })),
  facet: z.boolean(),
  position: z.number().int(),
});
export type CatalogAttribute = z.infer<typeof catalogAttribute>;
export const catalogAttributeInput = z.strictObject({
  type: z.enum(catalogAttributeTypes),
  unit: z.string().trim().min(1).max(20).nullable().default(null),
  name: catalogTranslated(60),
  options: z.array(catalogAttributeOption).max(200).default([]),
  facet: z.boolean().default(false),
  position: z.number().int().min(0).max(100_000).default(0),
});
export const catalogAttributeList = z.object({ attributes: z.array(catalogAttribute) });

// Products, variants, catalogFitment, media

export const catalogOptionAxis = z.strictObject({ key: catalogKey, name: catalogTranslated(60) });
export const catalogFitmentInput = z.strictObject({
  make: z.string().trim().min(1).max(60),
  model: z.string().trim().min(1).max(60),
  yearFrom: z.number().int().min(1900).max(2100),
  yearTo: z.number().int().min(1900).max(2100),
});
export const catalogFitment = catalogFitmentInput.extend({ id: z.uuid() });
export type CatalogFitment = z.infer<typeof catalogFitment>;
export const catalogFitmentList = z.strictObject({ fitments: z.array(catalogFitmentInput).max(500) });

export const catalogStockLevel = z.object({
  onHand: z.number().int(),
  backorder: z.boolean(),
  lowStockThreshold: z.number().int(),
  lowStockAlertedAt: z.iso.datetime().nullable(),
  availability: z.enum(catalogAvailabilities),
});
export const catalogStockInput = z.strictObject({
  onHand: z.number().int().min(0).max(10_000_000),
  backorder: z.boolean(),
  lowStockThreshold: z.number().int().min(0).max(10_000_000),
});

export const catalogVariantInput = z.strictObject({
  sku: catalogSku,
  ean: z
    .string()
    .regex(/^[0-9]{8,14}$/, 'expected 8 to 14 digits')
    .nullable()
    .default(null),
  optionValues: z.record(catalogKey, z.string().trim().min(1).max(60)).default({}),
  attributes: catalogAttributeValues.default({}),
  weightGrams: z.number().int().min(0).max(10_000_000).default(0),
  position: z.number().int().min(0).max(100_000).optional(),
  active: z.boolean().default(true),
});
export const catalogVariantPatch = z.strictObject({
  sku: catalogSku.optional(),
  ean: z
    .string()
    .regex(/^[0-9]{8,14}$/)
    .nullable()
    .optional(),
  optionValues: z.record(catalogKey, z.string().trim().min(1).max(60)).optional(),
  attributes: catalogAttributeValues.optional(),
  weightGrams: z.number().int().min(0).max(10_000_000).optional(),
  position: z.number().int().min(0).max(100_000).optional(),
  active: z.boolean().optional(),
});
export const catalogVariant = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  sku: z.string(),
  ean: z.string().nullable(),
  optionValues: z.record(z.string(), z.string()),
  attributes: z.record(z.string(), catalogAttributeValue),
  weightGrams: z.number().int(),
  position: z.number().int(),
  active: z.boolean(),
  stock: catalogStockLevel,
  fitments: z.array(catalogFitment),
});
export type CatalogVariant = z.infer<typeof catalogVariant>;

export const catalogMedia = z.object({
  id: z.uuid(),
  contentType: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  alt: z.record(z.string(), z.string()),
  position: z.number().int(),
  /** Where the shop serves it. */
  url: z.string(),
});
export const catalogMediaUploadQuery = z.strictObject({
  altSv: z.string().trim().max(200).default(''),
  altEn: z.string().trim().max(200).default(''),
});
export const catalogMediaPatch = z.strictObject({ alt: catalogTranslated(200) });
export const catalogMediaOrder = z.strictObject({ ids: z.array(z.uuid()).min(1).max(200) });
export const catalogMediaList = z.object({ media: z.array(catalogMedia) });
export type CatalogMediaList = z.infer<typeof catalogMediaList>;

const productFields = {
  brandId: z.uuid().nullable().default(null),
  vatClass: z.enum(catalogVatClasses).default('standard'),
  bulky: z.boolean().default(false),
  name: catalogTranslated(200),
  description: catalogTranslated(20_000).default({}),
  seoTitle: catalogTranslated(70).default({}),
  seoDescription: catalogTranslated(160).default({}),
  attributes: catalogAttributeValues.default({}),
  options: z.array(catalogOptionAxis).max(5).default([]),
  categoryIds: z.array(z.uuid()).max(50).default([]),
};
export const catalogProductInput = z.strictObject({
  slug: catalogSlug,
  status: z.enum(catalogProductStatuses).default('draft'),
  ...productFields,
  /** Variants created with the catalogProduct, in one go. */
  variants: z.array(catalogVariantInput).max(200).default([]),
});
export type CatalogProductInput = z.input<typeof catalogProductInput>;
export const catalogProductPatch = z.strictObject({
  slug: catalogSlug.optional(),
  status: z.enum(catalogProductStatuses).optional(),
  brandId: z.uuid().nullable().optional(),
  vatClass: z.enum(catalogVatClasses).optional(),
  bulky: z.boolean().optional(),
  name: catalogTranslated(200).optional(),
  description: catalogTranslated(20_000).optional(),
  seoTitle: catalogTranslated(70).optional(),
  seoDescription: catalogTranslated(160).optional(),
  attributes: catalogAttributeValues.optional(),
  options: z.array(catalogOptionAxis).max(5).optional(),
  categoryIds: z.array(z.uuid()).max(50).optional(),
});
export const catalogProduct = z.object({
  id: z.uuid(),
  slug: z.string(),
  status: z.enum(catalogProductStatuses),
  brandId: z.uuid().nullable(),
  vatClass: z.enum(catalogVatClasses),
  bulky: z.boolean(),
  name: z.record(z.string(), z.string()),
  description: z.record(z.string(), z.string()),
  seoTitle: z.record(z.string(), z.string()),
  seoDescription: z.record(z.string(), z.string()),
  attributes: z.record(z.string(), catalogAttributeValue),
  options: z.array(z.object({ key: z.string(), name: z.record(z.string(), z.string()) })),
  categoryIds: z.array(z.uuid()),
  variants: z.array(catalogVariant),
  media: z.array(catalogMedia),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  publishedAt: z.iso.datetime().nullable(),
});
export type CatalogProduct = z.infer<typeof catalogProduct>;

export const catalogProductListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: z.enum(catalogProductStatuses).optional(),
  /** Only products of this brand; of this category or one below it. */
  brandId: z.uuid().optional(),
  categoryId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export const catalogProductSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  status: z.enum(catalogProductStatuses),
  name: z.record(z.string(), z.string()),
  brandId: z.uuid().nullable(),
  variantCount: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export const catalogProductPage = z.object({
  products: z.array(catalogProductSummary),
  nextCursor: z.string().nullable(),
});

// Bulk import and export

export const catalogImportStates = ['previewed', 'running', 'done', 'failed'] as const;
export const catalogImportQuery = z.strictObject({ fileName: z.string().trim().min(1).max(200).default('import.csv') });
export const catalogImportError = z.object({
  /** As a spreadsheet numbers it: the header is row 1. */
  row: z.number().int(),
  /** The column's header, or null for the whole row. */
  column: z.string().nullable(),
  message: z.string(),
});
const catalogImportCountsPart = z.object({ created: z.number().int(), updated: z.number().int() });
export const catalogImportCounts = z.object({ products: catalogImportCountsPart, variants: catalogImportCountsPart });
export const catalogImport = z.object({
  id: z.uuid(),
  fileName: z.string(),
  state: z.enum(catalogImportStates),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  /** Rows an apply skips (a catalogProduct is written whole or not at all: its every row is skipped with it). */
  errorRows: z.number().int(),
  counts: catalogImportCounts,
  /** The first 500 errors. */
  errors: z.array(catalogImportError),
  failure: z.string().nullable(),
  by: z.string(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type CatalogImport = z.infer<typeof catalogImport>;
export const catalogImportList = z.object({ imports: z.array(catalogImport) });

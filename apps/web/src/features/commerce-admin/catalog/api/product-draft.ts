import type { CatalogProduct, CatalogVariant, catalogAttributeValue, catalogVatClasses } from '@kontor/contracts';
import type { z } from 'zod';

export type AttributeValue = z.infer<typeof catalogAttributeValue>;
export type VatClass = (typeof catalogVatClasses)[number];
/** A number input's value: empty while nothing is typed. */
export type NumberField = number | '';

export interface FitmentDraft {
  key: string;
  make: string;
  model: string;
  yearFrom: NumberField;
  yearTo: NumberField;
}

export interface StockDraft {
  onHand: NumberField;
  backorder: boolean;
  lowStockThreshold: NumberField;
}

/** A variant as the editor holds it; `key` stays the same from before it is saved until after. */
export interface VariantDraft {
  key: string;
  id: string | null;
  sku: string;
  ean: string;
  optionValues: Record<string, string>;
  /** Kept as read, so a save never drops what the CSV import or the API set. */
  attributes: Record<string, AttributeValue>;
  weightGrams: NumberField;
  active: boolean;
  fitments: FitmentDraft[];
  stock: StockDraft;
}

export interface OptionAxisDraft {
  key: string;
  name: Record<string, string>;
}

export interface ProductDraft {
  slug: string;
  status: 'draft' | 'published';
  brandId: string | null;
  vatClass: VatClass;
  bulky: boolean;
  name: Record<string, string>;
  description: Record<string, string>;
  seoTitle: Record<string, string>;
  seoDescription: Record<string, string>;
  attributes: Record<string, AttributeValue>;
  options: OptionAxisDraft[];
  categoryIds: string[];
  variants: VariantDraft[];
}

let counter = 0;
/** A key for a row that has no id yet; unique within the page's life. */
export const newKey = (prefix: string) => {
  counter += 1;
  return `${prefix}-${counter}`;
};

export const emptyStock = (): StockDraft => ({ onHand: 0, backorder: false, lowStockThreshold: 0 });

export function emptyVariant(options: OptionAxisDraft[]): VariantDraft {
  return {
    key: newKey('new-variant'),
    id: null,
    sku: '',
    ean: '',
    optionValues: Object.fromEntries(options.map((axis) => [axis.key, ''])),
    attributes: {},
    weightGrams: 0,
    active: true,
    fitments: [],
    stock: emptyStock(),
  };
}

export const emptyFitment = (): FitmentDraft => ({
  key: newKey('fitment'),
  make: '',
  model: '',
  yearFrom: '',
  yearTo: '',
});

/** A new product: a draft with one variant, which every product needs to be sold. */
export function emptyProduct(): ProductDraft {
  return {
    slug: '',
    status: 'draft',
    brandId: null,
    vatClass: 'standard',
    bulky: false,
    name: {},
    description: {},
    seoTitle: {},
    seoDescription: {},
    attributes: {},
    options: [],
    categoryIds: [],
    variants: [emptyVariant([])],
  };
}

export function variantDraft(variant: CatalogVariant): VariantDraft {
  return {
    key: variant.id,
    id: variant.id,
    sku: variant.sku,
    ean: variant.ean ?? '',
    optionValues: { ...variant.optionValues },
    attributes: { ...variant.attributes },
    weightGrams: variant.weightGrams,
    active: variant.active,
    fitments: variant.fitments.map((fitment) => ({
      key: fitment.id,
      make: fitment.make,
      model: fitment.model,
      yearFrom: fitment.yearFrom,
      yearTo: fitment.yearTo,
    })),
    stock: {
      onHand: variant.stock.onHand,
      backorder: variant.stock.backorder,
      lowStockThreshold: variant.stock.lowStockThreshold,
    },
  };
}

export function productDraft(product: CatalogProduct): ProductDraft {
  return {
    slug: product.slug,
    status: product.status,
    brandId: product.brandId,
    vatClass: product.vatClass,
    bulky: product.bulky,
    name: { ...product.name },
    description: { ...product.description },
    seoTitle: { ...product.seoTitle },
    seoDescription: { ...product.seoDescription },
    attributes: { ...product.attributes },
    options: product.options.map((axis) => ({ key: axis.key, name: { ...axis.name } })),
    categoryIds: [...product.categoryIds],
    variants: [...product.variants].sort((a, b) => a.position - b.position).map(variantDraft),
  };
}

/** A typed number, or `fallback` while the field is empty (the server then says what it needs). */
export const numberOr = (value: NumberField, fallback: number) => (value === '' ? fallback : value);

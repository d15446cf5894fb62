import type { AttributeType } from './attribute-values.js';
import { parseAttributeText } from './attribute-values.js';
import type { AttributeValue, ImportRowError } from './tables.js';

/**
 * The catalog's CSV (docs/commerce.md, "Bulk import and export"): one row per variant, the product's own columns
 * repeated on each of its rows. The export writes every column; an import may leave columns out, and an empty cell
 * leaves the stored value as it is (a new product takes the default). Columns with a key after a colon:
 * `attr:<key>` product attributes, `vattr:<key>` variant attributes, `option:<key>` the variant's option values,
 * `price:<CUR>` the retail price (quantity 1) in major units, "4990,00" or "4990.00".
 * Fitment is `make:model:from-to` entries separated by `|`, categories are slugs separated by `|`.
 */
export const FIXED_COLUMNS = [
  'product_slug',
  'status',
  'brand',
  'categories',
  'vat_class',
  'bulky',
  'sku',
  'ean',
  'weight_grams',
  'active',
  'on_hand',
  'backorder',
  'low_stock_threshold',
  'fitment',
] as const;
export const TEXT_FIELDS = ['name', 'description'] as const;
const PREFIXES = ['attr', 'vattr', 'option', 'price'] as const;
type Prefix = (typeof PREFIXES)[number];

export interface ImportVariant {
  row: number;
  sku: string;
  ean?: string;
  weightGrams?: number;
  active?: boolean;
  optionValues: Record<string, string>;
  attributes: Record<string, AttributeValue>;
  /** Retail prices in minor units by currency. */
  prices: Record<string, number>;
  onHand?: number;
  backorder?: boolean;
  lowStockThreshold?: number;
  fitments?: Array<{ make: string; model: string; yearFrom: number; yearTo: number }>;
}

export interface ImportProduct {
  slug: string;
  rows: number[];
  status?: 'draft' | 'published';
  brand?: string;
  categories?: string[];
  vatClass?: string;
  bulky?: boolean;
  name: Record<string, string>;
  description: Record<string, string>;
  attributes: Record<string, AttributeValue>;
  /** The option axes the file names (option:<key> columns with a value in this product's rows). */
  optionKeys: string[];
  variants: ImportVariant[];
}

export interface CsvContext {
  locales: readonly string[];
  attributes: ReadonlyMap<string, AttributeType>;
  /** Currencies by code with their exponent. */
  currencies: ReadonlyMap<string, number>;
}

export interface ParsedCatalog {
  products: ImportProduct[];
  /** Errors of the header (unknown columns): nothing can be imported while there are any. */
  headerErrors: ImportRowError[];
  /** Errors of rows; a product with any is skipped whole. */
  errors: ImportRowError[];
  totalRows: number;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SKU = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;
const TRUE = /^(true|yes|ja|1)$/i;
const FALSE = /^(false|no|nej|0)$/i;

/** A boolean cell; undefined when empty, null when unreadable. */
const booleanCell = (text: string): boolean | undefined | null =>
  text === '' ? undefined : TRUE.test(text) ? true : FALSE.test(text) ? false : null;

const integerCell = (text: string): number | undefined | null => {
  if (text === '') return undefined;
  const compact = text.replace(/[\s\u00a0]/g, '');
  return /^\d{1,9}$/.test(compact) ? Number(compact) : null;
};

/** Major units as text ("4 990,00", "4990.5") to minor units, exactly, without floating point. */
export function minorUnits(text: string, exponent: number): number | null {
  const compact = text.replace(/[\s\u00a0]/g, '');
  const match = /^(\d{1,12})(?:[.,](\d+))?$/.exec(compact);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) return null;
  return Number(match[1]) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
}

/** Minor units as the export writes them: major units with a decimal comma (as Excel reads them in Sweden). */
export function majorUnits(minor: number, exponent: number): string {
  if (exponent === 0) return String(minor);
  const text = String(minor).padStart(exponent + 1, '0');
  return `${text.slice(0, -exponent)},${text.slice(-exponent)}`;
}

export function parseFitments(text: string): ImportVariant['fitments'] | null {
  const entries = text
    .split('|')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const fitments: NonNullable<ImportVariant['fitments']> = [];
  for (const entry of entries) {
    const match = /^([^:]{1,60}):([^:]{1,60}):(\d{4})(?:-(\d{4}))?$/.exec(entry);
    if (!match) return null;
    const yearFrom = Number(match[3]);
    const yearTo = Number(match[4] ?? match[3]);
    if (yearTo < yearFrom || yearFrom < 1900 || yearTo > 2100) return null;
    fitments.push({ make: (match[1] as string).trim(), model: (match[2] as string).trim(), yearFrom, yearTo });
  }
  return fitments;
}

export const formatFitments = (fitments: NonNullable<ImportVariant['fitments']>) =>
  fitments.map((fitment) => `${fitment.make}:${fitment.model}:${fitment.yearFrom}-${fitment.yearTo}`).join('|');

interface Column {
  index: number;
  name: string;
  kind: 'fixed' | 'text' | Prefix;
  field: string;
  locale?: string;
}

function readHeader(header: string[], context: CsvContext) {
  const columns: Column[] = [];
  const errors: ImportRowError[] = [];
  header.forEach((raw, index) => {
    const name = raw.trim();
    if (name === '') return;
    const unknown = (message: string) => errors.push({ row: 1, column: name, message });
    if ((FIXED_COLUMNS as readonly string[]).includes(name)) {
      columns.push({ index, name, kind: 'fixed', field: name });
      return;
    }
    const text = /^(name|description)_([a-z]{2})$/.exec(name);
    if (text) {
      if (!context.locales.includes(text[2] as string))
        unknown(`the shop is not written in "${text[2]}" (${context.locales.join(', ')})`);
      else columns.push({ index, name, kind: 'text', field: text[1] as string, locale: text[2] });
      return;
    }
    const prefixed = /^(attr|vattr|option|price):(.+)$/.exec(name);
    if (!prefixed) {
      unknown('is not a column of the catalog import');
      return;
    }
    const [, prefix, key] = prefixed as unknown as [string, Prefix, string];
    if ((prefix === 'attr' || prefix === 'vattr') && !context.attributes.has(key))
      unknown(`"${key}" is not a known attribute`);
    else if (prefix === 'option' && !/^[a-z][a-z0-9_]{0,39}$/.test(key)) unknown(`"${key}" is not an option key`);
    else if (prefix === 'price' && !context.currencies.has(key)) unknown(`${key} is not one of the shop's currencies`);
    else columns.push({ index, name, kind: prefix, field: key });
  });
  for (const required of ['product_slug', 'sku'])
    if (!columns.some((column) => column.name === required))
      errors.push({ row: 1, column: required, message: 'the file needs this column' });
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column.name)) errors.push({ row: 1, column: column.name, message: 'appears twice' });
    seen.add(column.name);
  }
  return { columns, errors };
}

/**
 * Reads the rows of a catalog CSV (header first) into products and their variants, checking each cell by itself
 * (formats, attribute types, consistency of a product's repeated columns). What depends on the catalog as it is
 * (brands, categories, SKUs of other products) is checked by the import plan.
 */
export function parseCatalogRows(
  header: string[],
  rows: Array<{ row: number; cells: string[] }>,
  context: CsvContext,
): ParsedCatalog {
  const { columns, errors: headerErrors } = readHeader(header, context);
  const errors: ImportRowError[] = [];
  if (headerErrors.length > 0) return { products: [], headerErrors, errors, totalRows: rows.length };
  const products = new Map<string, ImportProduct>();
  /** For each product and column, the row that first gave it a value, to name it when another row differs. */
  const firstValue = new Map<string, { row: number; value: string }>();
  const skus = new Map<string, number>();

  for (const { row, cells } of rows) {
    const cell = (name: string) => {
      const column = columns.find((entry) => entry.name === name);
      return column ? (cells[column.index] ?? '').trim() : '';
    };
    const fail = (column: string | null, message: string) => errors.push({ row, column, message });
    const slug = cell('product_slug');
    const sku = cell('sku');
    if (!SLUG.test(slug)) fail('product_slug', `"${slug}" is not a slug (lower-case letters, digits, hyphens)`);
    if (!SKU.test(sku)) fail('sku', `"${sku}" is not a SKU (letters, digits and . _ / -, at most 64)`);
    if (!SLUG.test(slug) || !SKU.test(sku)) continue;
    if (skus.has(sku)) fail('sku', `${sku} is also on row ${skus.get(sku)}`);
    skus.set(sku, row);
    const product = products.get(slug) ?? {
      slug,
      rows: [],
      name: {},
      description: {},
      attributes: {},
      optionKeys: [],
      variants: [],
    };
    products.set(slug, product);
    product.rows.push(row);

    // The product's own columns: the same on each of its rows (or empty on some).
    const productCell = (name: string) => {
      const value = cell(name);
      if (value === '') return '';
      const key = `${slug}\u0000${name}`;
      const first = firstValue.get(key);
      if (first && first.value !== value) fail(name, `differs from row ${first.row} of the same product`);
      if (!first) firstValue.set(key, { row, value });
      return value;
    };
    const status = productCell('status');
    if (status === 'draft' || status === 'published') product.status = status;
    else if (status) fail('status', 'expected draft or published');
    const brand = productCell('brand');
    if (brand) product.brand = brand;
    const categories = productCell('categories');
    if (categories)
      product.categories = categories
        .split('|')
        .map((entry) => entry.trim())
        .filter(Boolean);
    const vatClass = productCell('vat_class');
    if (vatClass && !['standard', 'reduced', 'low', 'food'].includes(vatClass))
      fail('vat_class', 'expected standard, reduced, low or food');
    else if (vatClass) product.vatClass = vatClass;
    const bulky = booleanCell(productCell('bulky'));
    if (bulky === null) fail('bulky', 'expected true or false');
    else if (bulky !== undefined) product.bulky = bulky;

    const variant: ImportVariant = { row, sku, optionValues: {}, attributes: {}, prices: {} };
    for (const column of columns) {
      const value = (cells[column.index] ?? '').trim();
      if (column.kind === 'text') {
        const text = productCell(column.name);
        if (text) product[column.field as 'name' | 'description'][column.locale as string] = text;
      } else if (column.kind === 'attr' || column.kind === 'vattr') {
        const text = column.kind === 'attr' ? productCell(column.name) : value;
        if (!text) continue;
        const attribute = context.attributes.get(column.field) as AttributeType;
        const parsed = parseAttributeText(attribute, text);
        if (parsed === undefined)
          fail(
            column.name,
            attribute.type === 'enum'
              ? `"${text}" is not one of ${attribute.options.map((option) => option.value).join(', ')}`
              : `"${text}" is not a ${attribute.type}`,
          );
        else (column.kind === 'attr' ? product.attributes : variant.attributes)[column.field] = parsed;
      } else if (column.kind === 'option') {
        if (!value) continue;
        if (value.length > 60) fail(column.name, 'is longer than 60 characters');
        variant.optionValues[column.field] = value;
        if (!product.optionKeys.includes(column.field)) product.optionKeys.push(column.field);
      } else if (column.kind === 'price') {
        if (!value) continue;
        const exponent = context.currencies.get(column.field) ?? 2;
        const minor = minorUnits(value, exponent);
        if (minor === null) fail(column.name, `"${value}" is not an amount with at most ${exponent} decimals`);
        else variant.prices[column.field] = minor;
      }
    }

    const ean = cell('ean');
    if (ean && !/^[0-9]{8,14}$/.test(ean)) fail('ean', 'expected 8 to 14 digits');
    else if (ean) variant.ean = ean;
    for (const [name, field] of [
      ['weight_grams', 'weightGrams'],
      ['on_hand', 'onHand'],
      ['low_stock_threshold', 'lowStockThreshold'],
    ] as const) {
      const number = integerCell(cell(name));
      if (number === null) fail(name, 'expected a whole number from 0');
      else if (number !== undefined) variant[field] = number;
    }
    for (const [name, field] of [
      ['active', 'active'],
      ['backorder', 'backorder'],
    ] as const) {
      const flag = booleanCell(cell(name));
      if (flag === null) fail(name, 'expected true or false');
      else if (flag !== undefined) variant[field] = flag;
    }
    const fitment = cell('fitment');
    if (fitment) {
      const fitments = parseFitments(fitment);
      if (!fitments) fail('fitment', 'expected make:model:from-to entries separated by |, e.g. Yamaha:F40:2010-2020');
      else variant.fitments = fitments;
    }
    product.variants.push(variant);
  }
  return { products: [...products.values()], headerErrors, errors, totalRows: rows.length };
}

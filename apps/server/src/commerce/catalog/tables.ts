import type { ColumnType, Generated, Kysely } from 'kysely';

/** A jsonb column: read as a value, written as its JSON text. */
type Json<T> = ColumnType<T, string, string>;
type JsonWithDefault<T> = ColumnType<T, string | undefined, string>;

export type TranslatedText = Record<string, string>;
export type AttributeValue = string | number | boolean;
export interface OptionAxis {
  key: string;
  name: TranslatedText;
}
export interface EnumOption {
  value: string;
  label: TranslatedText;
}

/** The catalog's tables in schema `commerce` (migrations/0001_catalog.sql). */
export interface CatalogTables {
  'commerce.currencies': { code: string; exponent: number; active: boolean; position: number };
  'commerce.vat_rates': { vat_class: string; rate_bp: number; valid_from: string; valid_to: string | null };
  'commerce.brands': {
    id: string;
    slug: string;
    name: string;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  'commerce.categories': {
    id: string;
    parent_id: string | null;
    slug: string;
    name: Json<TranslatedText>;
    description: JsonWithDefault<TranslatedText>;
    seo_title: JsonWithDefault<TranslatedText>;
    seo_description: JsonWithDefault<TranslatedText>;
    position: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  'commerce.attributes': {
    key: string;
    type: 'text' | 'number' | 'boolean' | 'enum';
    unit: string | null;
    name: Json<TranslatedText>;
    options: JsonWithDefault<EnumOption[]>;
    facet: Generated<boolean>;
    position: Generated<number>;
  };
  'commerce.products': {
    id: string;
    slug: string;
    status: Generated<'draft' | 'published'>;
    brand_id: string | null;
    vat_class: Generated<string>;
    bulky: Generated<boolean>;
    name: Json<TranslatedText>;
    description: JsonWithDefault<TranslatedText>;
    seo_title: JsonWithDefault<TranslatedText>;
    seo_description: JsonWithDefault<TranslatedText>;
    attributes: JsonWithDefault<Record<string, AttributeValue>>;
    options: JsonWithDefault<OptionAxis[]>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    published_at: Date | null;
  };
  'commerce.product_categories': { product_id: string; category_id: string; position: Generated<number> };
  'commerce.slug_redirects': {
    kind: 'product' | 'category';
    old_slug: string;
    target_id: string;
    created_at: Generated<Date>;
  };
  'commerce.media': {
    id: string;
    product_id: string;
    position: Generated<number>;
    content_type: string;
    width: number;
    height: number;
    bytes: Buffer;
    alt: JsonWithDefault<TranslatedText>;
    created_at: Generated<Date>;
  };
  'commerce.variants': {
    id: string;
    product_id: string;
    sku: string;
    ean: string | null;
    option_values: JsonWithDefault<Record<string, string>>;
    attributes: JsonWithDefault<Record<string, AttributeValue>>;
    weight_grams: Generated<number>;
    position: Generated<number>;
    active: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  'commerce.fitments': {
    id: string;
    variant_id: string;
    make: string;
    model: string;
    year_from: number;
    year_to: number;
  };
  'commerce.stock': {
    variant_id: string;
    on_hand: Generated<number>;
    backorder: Generated<boolean>;
    low_stock_threshold: Generated<number>;
    low_stock_alerted_at: Date | null;
    updated_at: Generated<Date>;
  };
  'commerce.price_lists': {
    id: string;
    code: string;
    kind: 'retail' | 'sale' | 'b2b';
    name: string;
    includes_vat: Generated<boolean>;
    customer_group: string | null;
    starts_at: Date | null;
    ends_at: Date | null;
    priority: Generated<number>;
    active: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  'commerce.prices': {
    id: string;
    price_list_id: string;
    variant_id: string;
    currency: string;
    amount_minor: number;
    min_quantity: Generated<number>;
    valid_from: Date | null;
    valid_to: Date | null;
    updated_at: Generated<Date>;
  };
  'commerce.price_history': {
    variant_id: string;
    currency: string;
    amount_minor: number;
    regular_minor: number | null;
    effective_from: Date;
  };
  'commerce.price_window_state': { id: Generated<boolean>; checked_until: Date };
  'commerce.catalog_imports': {
    id: string;
    file_name: string;
    file: Buffer | null;
    state: 'previewed' | 'running' | 'done' | 'failed';
    total_rows: Generated<number>;
    processed_rows: Generated<number>;
    error_rows: Generated<number>;
    counts: JsonWithDefault<ImportCounts>;
    errors: JsonWithDefault<ImportRowError[]>;
    failure: string | null;
    by_user_id: string | null;
    by_name: string;
    created_at: Generated<Date>;
    started_at: Date | null;
    finished_at: Date | null;
    lease_until: Date | null;
  };
}

export interface ImportCounts {
  products: { created: number; updated: number };
  variants: { created: number; updated: number };
}
export interface ImportRowError {
  row: number;
  column: string | null;
  message: string;
}

export type CatalogDb = Kysely<CatalogTables>;

/** The fixed id of the consumer price list (seeded by migration 0001). */
export const RETAIL_LIST_ID = '00000000-0000-4000-8000-00000000c0de';

export const json = (value: unknown) => JSON.stringify(value);

import type { Generated, Kysely } from 'kysely';

/** Text per locale ({"sv": …, "en": …}); sv is always there. */
export type Translated = Record<string, string>;

/** The checkout part's own tables (0004_checkout.sql); what it needs of the catalog it asks the catalog's services. */
export interface CheckoutTables {
  'commerce.carts': {
    id: string;
    token_hash: string | null;
    user_id: string | null;
    currency: string;
    discount_code: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  'commerce.cart_lines': {
    cart_id: string;
    sku: string;
    quantity: number;
    added_at: Generated<Date>;
  };
  'commerce.shipping_zones': {
    id: string;
    code: string;
    name: Translated;
    position: number;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  'commerce.shipping_zone_countries': { country: string; zone_id: string };
  'commerce.shipping_methods': {
    id: string;
    zone_id: string;
    code: string;
    kind: 'parcel' | 'freight' | 'scheduled';
    carrier: string;
    name: Translated;
    description: Translated;
    active: boolean;
    position: number;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  'commerce.shipping_rates': {
    id: string;
    method_id: string;
    currency: string;
    max_weight_grams: number | null;
    amount_minor: number;
  };
  'commerce.discount_codes': {
    id: string;
    code: string;
    description: string;
    kind: 'percent' | 'amount';
    percent_bp: number | null;
    amounts: Record<string, number>;
    min_order: Record<string, number>;
    starts_at: Date | null;
    ends_at: Date | null;
    usage_limit: number | null;
    used_count: Generated<number>;
    active: boolean;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  'commerce.discount_rules': {
    id: string;
    kind: 'campaign' | 'volume' | 'bundle';
    name: Translated;
    definition: unknown;
    starts_at: Date | null;
    ends_at: Date | null;
    active: boolean;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  'commerce.idempotency_keys': {
    scope: string;
    key: string;
    request_hash: string;
    state: 'running' | 'done';
    locked_at: Generated<Date>;
    order_id: string | null;
    order_result: unknown;
    response_status: number | null;
    response_body: unknown;
    created_at: Generated<Date>;
    expires_at: Date;
  };
}

export type CheckoutDb = Kysely<CheckoutTables>;

/** A translated text in `locale`, else Swedish, else whatever there is. */
export const translate = (text: Translated | null | undefined, locale: string): string =>
  text?.[locale] ?? text?.sv ?? Object.values(text ?? {})[0] ?? '';

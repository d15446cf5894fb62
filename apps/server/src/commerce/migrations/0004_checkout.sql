-- Carts, shipping rate tables, discounts and the checkout's idempotency keys (checkout part, docs/commerce.md).

-- A guest's cart is found by the SHA-256 of its cookie's random token (a copy of the database opens no cart); a
-- signed-in customer's by their user id, so it follows them across devices.
create table commerce.carts (
  id uuid primary key,
  token_hash text unique check (token_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid unique,
  currency text not null references commerce.currencies (code),
  -- As the customer typed it; matched case-insensitively and re-checked at every pricing.
  discount_code text check (length(discount_code) between 1 and 40),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (token_hash is not null or user_id is not null)
);
-- The expiry job deletes guest carts nobody touched for 30 days.
create index carts_guest_touched on commerce.carts (updated_at) where user_id is null;

-- Lines by SKU, not variant id: the cart keeps what the customer chose even if the catalog re-creates a variant.
create table commerce.cart_lines (
  cart_id uuid not null references commerce.carts (id) on delete cascade,
  sku text not null check (length(sku) between 1 and 64),
  quantity integer not null check (quantity between 1 and 999),
  added_at timestamptz not null default now(),
  primary key (cart_id, sku)
);

-- Shipping rate tables: a zone is a set of countries (each country in one zone at most), a method belongs to a
-- zone, and its rates are per currency by the cart's weight.
create table commerce.shipping_zones (
  id uuid primary key,
  code text not null unique check (code ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
  name jsonb not null,
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table commerce.shipping_zone_countries (
  country text primary key check (country ~ '^[A-Z]{2}$'),
  zone_id uuid not null references commerce.shipping_zones (id) on delete cascade
);
create index shipping_zone_countries_zone on commerce.shipping_zone_countries (zone_id);

-- parcel: a carrier's parcel service; freight: pallets and large goods on a date the carrier picks;
-- scheduled: bulky goods (boats, trailers) delivered on a day agreed with the customer by telephone.
create table commerce.shipping_methods (
  id uuid primary key,
  zone_id uuid not null references commerce.shipping_zones (id) on delete cascade,
  code text not null check (code ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
  kind text not null check (kind in ('parcel', 'freight', 'scheduled')),
  carrier text not null check (length(carrier) between 1 and 60),
  name jsonb not null,
  description jsonb not null default '{}',
  active boolean not null default true,
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (zone_id, code)
);

-- Weight brackets: the row with the smallest max weight that holds the cart applies; a null max weight has no
-- upper bound. Amounts include VAT (25 %, the standard rate).
create table commerce.shipping_rates (
  id uuid primary key,
  method_id uuid not null references commerce.shipping_methods (id) on delete cascade,
  currency text not null references commerce.currencies (code),
  max_weight_grams integer check (max_weight_grams is null or max_weight_grams > 0),
  amount_minor bigint not null check (amount_minor >= 0)
);
create unique index shipping_rates_identity
  on commerce.shipping_rates (method_id, currency, coalesce(max_weight_grams, 2147483647));

-- Discount codes: one per order, matched case-insensitively. Fixed amounts and minimum order values are per
-- currency ({"SEK": 10000, "EUR": 1000}); a currency missing from `amounts` cannot use an amount code.
create table commerce.discount_codes (
  id uuid primary key,
  code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9_-]{2,39}$'),
  description text not null default '',
  kind text not null check (kind in ('percent', 'amount')),
  percent_bp integer check (percent_bp between 1 and 10000),
  amounts jsonb not null default '{}',
  min_order jsonb not null default '{}',
  starts_at timestamptz,
  ends_at timestamptz,
  usage_limit integer check (usage_limit > 0),
  -- Counted in the checkout's transaction, under the row's lock: never above the limit.
  used_count integer not null default 0 check (used_count >= 0),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((kind = 'percent') = (percent_bp is not null)),
  check (usage_limit is null or used_count <= usage_limit),
  check (ends_at is null or starts_at is null or ends_at > starts_at)
);
create unique index discount_codes_code on commerce.discount_codes (lower(code));

-- Automatic discounts: campaign (percent off a category or brand in a window), volume (≥ N units of a product or
-- category → percent off), bundle (products together in the cart → an amount off per complete set). `definition`
-- holds the kind's own fields, checked by the service.
create table commerce.discount_rules (
  id uuid primary key,
  kind text not null check (kind in ('campaign', 'volume', 'bundle')),
  name jsonb not null,
  definition jsonb not null,
  starts_at timestamptz,
  ends_at timestamptz,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (kind <> 'campaign' or (starts_at is not null and ends_at is not null)),
  check (ends_at is null or starts_at is null or ends_at > starts_at)
);
create index discount_rules_window on commerce.discount_rules (active, starts_at, ends_at);

-- Idempotency-Key of POST /api/shop/checkout, with Stripe's rules: the first request's answer is kept and given
-- again for the same key and body; another body under the same key is refused; a key whose request still runs
-- answers 409. `scope` is the caller (user:<id> or cart:<token hash>), so two customers never share a key.
create table commerce.idempotency_keys (
  scope text not null,
  key text not null check (length(key) between 1 and 255),
  request_hash text not null,
  state text not null default 'running' check (state in ('running', 'done')),
  locked_at timestamptz not null default now(),
  -- Set in the checkout's own transaction: a run that died after placing the order resumes from here.
  order_id uuid,
  order_result jsonb,
  response_status integer,
  response_body jsonb,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  primary key (scope, key),
  check (state = 'running' or response_status is not null)
);
create index idempotency_keys_expiry on commerce.idempotency_keys (expires_at);

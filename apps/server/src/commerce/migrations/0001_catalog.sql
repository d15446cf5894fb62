create schema commerce;

-- Translated text is a JSON object keyed by locale ({"sv": …, "en": …}); sv and en are required by the service,
-- more languages are a setting (commerceLocales), so no column per language.

create table commerce.currencies (
  code text primary key check (code ~ '^[A-Z]{3}$'),
  -- Digits after the decimal point in minor units (SEK, EUR: 2).
  exponent smallint not null default 2 check (exponent between 0 and 3),
  active boolean not null default true,
  position integer not null default 0
);

-- Swedish VAT: 25 % standard, 12 % (food, hotels), 6 % (books, transport); rates change by date, so each has a window.
create table commerce.vat_rates (
  vat_class text not null check (vat_class in ('standard', 'reduced', 'low', 'food')),
  rate_bp integer not null check (rate_bp between 0 and 10000),
  valid_from date not null,
  valid_to date,
  primary key (vat_class, valid_from),
  check (valid_to is null or valid_to >= valid_from)
);

create table commerce.brands (
  id uuid primary key,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null check (length(name) between 1 and 120),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table commerce.categories (
  id uuid primary key,
  parent_id uuid references commerce.categories (id),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name jsonb not null,
  description jsonb not null default '{}',
  seo_title jsonb not null default '{}',
  seo_description jsonb not null default '{}',
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (parent_id is null or parent_id <> id)
);
create index categories_parent on commerce.categories (parent_id, position);

-- Typed attributes (shaft length in inches, power in hp, waterproof …); `facet` makes one a search facet.
create table commerce.attributes (
  key text primary key check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  type text not null check (type in ('text', 'number', 'boolean', 'enum')),
  unit text,
  name jsonb not null,
  -- For enum: the allowed values with their labels, [{"value": "l", "label": {"sv": …, "en": …}}].
  options jsonb not null default '[]',
  facet boolean not null default false,
  position integer not null default 0
);

create table commerce.products (
  id uuid primary key,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  status text not null default 'draft' check (status in ('draft', 'published')),
  brand_id uuid references commerce.brands (id),
  vat_class text not null default 'standard',
  -- Boats and trailers: no parcel, a scheduled delivery.
  bulky boolean not null default false,
  name jsonb not null,
  description jsonb not null default '{}',
  seo_title jsonb not null default '{}',
  seo_description jsonb not null default '{}',
  -- Product-level attribute values by attribute key ({"power_hp": 40}); the service checks them against the types.
  attributes jsonb not null default '{}',
  -- Option axes of the variants in display order, [{"key": "shaft", "name": {"sv": …, "en": …}}].
  options jsonb not null default '[]',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz
);
create index products_brand on commerce.products (brand_id);
create index products_updated on commerce.products (updated_at desc, id);

create table commerce.product_categories (
  product_id uuid not null references commerce.products (id) on delete cascade,
  category_id uuid not null references commerce.categories (id),
  position integer not null default 0,
  primary key (product_id, category_id)
);
create index product_categories_category on commerce.product_categories (category_id);

-- An old slug keeps answering with a permanent redirect to the product or category it named.
create table commerce.slug_redirects (
  kind text not null check (kind in ('product', 'category')),
  old_slug text not null,
  target_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (kind, old_slug)
);

create table commerce.media (
  id uuid primary key,
  product_id uuid not null references commerce.products (id) on delete cascade,
  position integer not null default 0,
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp', 'image/svg+xml')),
  width integer not null check (width > 0),
  height integer not null check (height > 0),
  bytes bytea not null,
  alt jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create index media_product on commerce.media (product_id, position);

create table commerce.variants (
  id uuid primary key,
  product_id uuid not null references commerce.products (id) on delete cascade,
  sku text not null unique check (sku ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$'),
  ean text check (ean ~ '^[0-9]{8,14}$'),
  -- This variant's value per option axis of its product ({"shaft": "L", "colour": "black"}).
  option_values jsonb not null default '{}',
  attributes jsonb not null default '{}',
  weight_grams integer not null default 0 check (weight_grams >= 0),
  position integer not null default 0,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index variants_product on commerce.variants (product_id, position);
create unique index variants_ean on commerce.variants (ean) where ean is not null;

-- Which variant fits which engine or boat model, for which model years (inclusive).
create table commerce.fitments (
  id uuid primary key,
  variant_id uuid not null references commerce.variants (id) on delete cascade,
  make text not null check (length(make) between 1 and 60),
  model text not null check (length(model) between 1 and 60),
  year_from integer not null check (year_from between 1900 and 2100),
  year_to integer not null check (year_to between 1900 and 2100),
  check (year_to >= year_from),
  unique (variant_id, make, model, year_from)
);
create index fitments_model on commerce.fitments (lower(make), lower(model));

-- Stock per SKU. `on_hand` never goes below zero; `backorder` decides whether an order may take more than is there.
create table commerce.stock (
  variant_id uuid primary key references commerce.variants (id) on delete cascade,
  on_hand integer not null default 0 check (on_hand >= 0),
  backorder boolean not null default false,
  low_stock_threshold integer not null default 0 check (low_stock_threshold >= 0),
  -- Set when admins were told the level fell to the threshold; cleared when it is restocked above it.
  low_stock_alerted_at timestamptz,
  updated_at timestamptz not null default now()
);
create index stock_low on commerce.stock (variant_id) where on_hand <= low_stock_threshold;

-- Price lists: `retail` (consumer prices, VAT included) always exists; `sale` lists are campaigns with a window;
-- `b2b` lists (later issue) are net prices for a customer group.
create table commerce.price_lists (
  id uuid primary key,
  code text not null unique check (code ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
  kind text not null check (kind in ('retail', 'sale', 'b2b')),
  name text not null check (length(name) between 1 and 120),
  includes_vat boolean not null default true,
  customer_group text,
  starts_at timestamptz,
  ends_at timestamptz,
  -- Among active sale lists the highest priority wins, then the lowest price.
  priority integer not null default 0,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at is null or starts_at is null or ends_at > starts_at)
);

create table commerce.prices (
  id uuid primary key,
  price_list_id uuid not null references commerce.price_lists (id) on delete cascade,
  variant_id uuid not null references commerce.variants (id) on delete cascade,
  currency text not null references commerce.currencies (code),
  amount_minor bigint not null check (amount_minor >= 0),
  -- Volume tiers: the price applies from this quantity up.
  min_quantity integer not null default 1 check (min_quantity >= 1),
  valid_from timestamptz,
  valid_to timestamptz,
  updated_at timestamptz not null default now(),
  check (valid_to is null or valid_from is null or valid_to > valid_from)
);
create unique index prices_identity
  on commerce.prices (price_list_id, variant_id, currency, min_quantity, coalesce(valid_from, '-infinity'::timestamptz));
create index prices_variant on commerce.prices (variant_id, currency);
-- The minute job finds the prices whose validity began or ended since its last run (price history, search).
create index prices_valid_from on commerce.prices (valid_from) where valid_from is not null;
create index prices_valid_to on commerce.prices (valid_to) where valid_to is not null;

-- Up to when the minute job has recorded the price changes that sale windows and price validity cause.
create table commerce.price_window_state (
  id boolean primary key default true check (id),
  checked_until timestamptz not null
);

-- The consumer price a variant showed, from when: the lowest price of the 30 days before a reduction comes from here
-- (Swedish price information law, since 1 September 2022). Append-only.
create table commerce.price_history (
  variant_id uuid not null references commerce.variants (id) on delete cascade,
  currency text not null,
  amount_minor bigint not null,
  -- The retail (regular) price at that moment: a row below it is a reduction, and a run of such rows is one
  -- campaign whose start the 30-day rule looks back from. Null where not known.
  regular_minor bigint,
  effective_from timestamptz not null,
  primary key (variant_id, currency, effective_from)
);

-- A bulk import of products, variants, prices, stock and fitment from CSV: previewed first, then applied in
-- batches by the hub, with progress the admin page polls. The file is kept until the import ends.
create table commerce.catalog_imports (
  id uuid primary key,
  file_name text not null,
  file bytea,
  state text not null check (state in ('previewed', 'running', 'done', 'failed')),
  total_rows integer not null default 0,
  processed_rows integer not null default 0,
  error_rows integer not null default 0,
  -- {"products": {"created": n, "updated": n}, "variants": {…}} as previewed, then as applied.
  counts jsonb not null default '{}',
  errors jsonb not null default '[]',
  failure text,
  by_user_id uuid,
  by_name text not null,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  -- A hub instance working on it holds it until then; a crashed one's import is taken over after.
  lease_until timestamptz
);
create index catalog_imports_created on commerce.catalog_imports (created_at desc);

create table commerce.customers (
  id uuid primary key,
  kind text not null default 'person' check (kind in ('person', 'company')),
  -- The Kontor account a customer signs in with; null for a guest who checked out without one.
  user_id uuid unique,
  email text not null check (length(email) between 3 and 254),
  name text not null check (length(name) between 1 and 200),
  company_name text,
  org_number text,
  phone text,
  locale text not null default 'sv',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (kind = 'person' or company_name is not null)
);
create index customers_email on commerce.customers (lower(email));

create table commerce.addresses (
  id uuid primary key,
  customer_id uuid not null references commerce.customers (id) on delete cascade,
  name text not null check (length(name) between 1 and 200),
  company text,
  line1 text not null check (length(line1) between 1 and 200),
  line2 text,
  postal_code text not null check (length(postal_code) between 2 and 12),
  city text not null check (length(city) between 1 and 100),
  country text not null check (country ~ '^[A-Z]{2}$'),
  phone text,
  default_shipping boolean not null default false,
  default_billing boolean not null default false,
  created_at timestamptz not null default now()
);
create index addresses_customer on commerce.addresses (customer_id);

-- What every shop starts with: SEK, the consumer price list, and Sweden's VAT rates with their known windows
-- (food 12 % → 6 % from 1 April 2026 to 31 December 2027). Admins add currencies and later rates.
insert into commerce.currencies (code, exponent, position) values ('SEK', 2, 0);
insert into commerce.price_lists (id, code, kind, name, includes_vat, priority)
  values ('00000000-0000-4000-8000-00000000c0de', 'retail', 'retail', 'Consumer prices', true, 0);
insert into commerce.vat_rates (vat_class, rate_bp, valid_from, valid_to) values
  ('standard', 2500, '1990-07-01', null),
  ('reduced', 1200, '1990-07-01', null),
  ('low', 600, '1990-07-01', null),
  ('food', 1200, '1990-07-01', '2026-03-31'),
  ('food', 600, '2026-04-01', '2027-12-31'),
  ('food', 1200, '2028-01-01', null);

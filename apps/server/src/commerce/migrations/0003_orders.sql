-- Orders, their history, payments at providers, provider events and refunds (docs/commerce.md, orders part).
-- An order is a snapshot: names, prices, VAT, addresses and language stay as the customer saw them, whatever the
-- catalog does later, so lines name variants without a foreign key.

-- Shown as WG-100001; a sequence never hands one number out twice, even to concurrent checkouts.
create sequence commerce.order_numbers start with 100001;

create table commerce.orders (
  id uuid primary key,
  number bigint not null unique default nextval('commerce.order_numbers'),
  status text not null default 'created'
    check (status in ('created', 'paid', 'shipped', 'delivered', 'cancelled', 'returned', 'refunded')),
  customer_id uuid not null references commerce.customers (id),
  -- The account that placed it; null for a guest, who reads it with the access token instead.
  user_id uuid,
  email text not null check (length(email) between 3 and 254),
  customer_name text not null check (length(customer_name) between 1 and 200),
  customer_kind text not null check (customer_kind in ('person', 'company')),
  company_name text,
  org_number text,
  phone text,
  currency text not null references commerce.currencies (code),
  locale text not null check (locale ~ '^[a-z]{2}$'),
  subtotal_minor bigint not null check (subtotal_minor >= 0),
  discount_minor bigint not null default 0 check (discount_minor >= 0),
  shipping_minor bigint not null default 0 check (shipping_minor >= 0),
  total_minor bigint not null check (total_minor >= 0),
  vat_minor bigint not null check (vat_minor >= 0),
  -- [{"rateBp": 2500, "baseMinor": …, "vatMinor": …}], as the order summary showed it.
  vat_by_rate jsonb not null default '[]',
  -- {"methodCode", "name", "amountMinor", "vatRateBp", "scheduled", "address": {…}}
  shipping jsonb not null,
  billing_address jsonb not null,
  discount_code text,
  -- The guest's key to this order (GET /api/shop/orders/:id?token=…). Kept as it is, not hashed: every e-mail about
  -- the order carries the link, so it is exactly as secret as the customer's mailbox.
  access_token text not null check (length(access_token) >= 32),
  -- Set when a payment did not match the order (amount or currency): an admin looks before anything ships.
  review_reason text,
  tracking_number text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  paid_at timestamptz,
  shipped_at timestamptz,
  delivered_at timestamptz,
  cancelled_at timestamptz,
  returned_at timestamptz,
  refunded_at timestamptz
);
create index orders_status on commerce.orders (status, number desc);
create index orders_customer on commerce.orders (customer_id, number desc);
create index orders_user on commerce.orders (user_id, number desc) where user_id is not null;
create index orders_created on commerce.orders (created_at);
create index orders_paid on commerce.orders (paid_at) where paid_at is not null;
create index orders_email on commerce.orders (lower(email));

create table commerce.order_lines (
  order_id uuid not null references commerce.orders (id) on delete cascade,
  position integer not null,
  variant_id uuid not null,
  product_id uuid not null,
  sku text not null,
  name text not null,
  option_values jsonb not null default '{}',
  quantity integer not null check (quantity > 0),
  unit_price_minor bigint not null check (unit_price_minor >= 0),
  regular_price_minor bigint not null check (regular_price_minor >= 0),
  discount_minor bigint not null default 0 check (discount_minor >= 0),
  -- unit price × quantity − discount, VAT included for consumer prices.
  total_minor bigint not null check (total_minor >= 0),
  vat_rate_bp integer not null check (vat_rate_bp between 0 and 10000),
  vat_minor bigint not null check (vat_minor >= 0),
  -- Units not in stock when ordered (the variant allows backorder): they ship later.
  backordered integer not null default 0 check (backordered between 0 and quantity),
  primary key (order_id, position)
);
create index order_lines_variant on commerce.order_lines (variant_id);

-- The order's history: every status change (who, when, from, to), notes, tracking numbers, payment facts.
create table commerce.order_events (
  id bigint generated always as identity primary key,
  order_id uuid not null references commerce.orders (id) on delete cascade,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_name text not null,
  kind text not null check (kind in ('status', 'review', 'payment', 'refund', 'note')),
  from_status text,
  to_status text,
  note text,
  tracking_number text
);
create index order_events_order on commerce.order_events (order_id, id);

-- One attempt to pay an order at a provider. `reference` is the provider's id of what the customer pays at (Stripe:
-- the Checkout Session); `intent_id` the provider's payment (Stripe: the PaymentIntent), once it exists.
create table commerce.payments (
  id uuid primary key,
  order_id uuid not null references commerce.orders (id),
  provider text not null check (provider ~ '^[a-z][a-z0-9_-]{0,39}$'),
  attempt integer not null default 1 check (attempt >= 1),
  reference text,
  intent_id text,
  redirect_url text,
  status text not null default 'pending' check (status in (
    'pending', 'requires_action', 'authorized', 'captured', 'partially_refunded', 'refunded', 'failed', 'canceled'
  )),
  amount_minor bigint not null check (amount_minor >= 0),
  currency text not null,
  refunded_minor bigint not null default 0 check (refunded_minor >= 0 and refunded_minor <= amount_minor),
  failure_message text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (order_id, provider, attempt)
);
create unique index payments_reference on commerce.payments (provider, reference) where reference is not null;
create unique index payments_intent on commerce.payments (provider, intent_id) where intent_id is not null;
create index payments_order on commerce.payments (order_id);

-- Every provider event handled, once: a second delivery of the same event id finds its row and changes nothing.
create table commerce.payment_events (
  provider text not null,
  event_id text not null,
  type text not null,
  payment_id uuid references commerce.payments (id),
  received_at timestamptz not null default now(),
  payload jsonb not null,
  primary key (provider, event_id)
);
create index payment_events_payment on commerce.payment_events (payment_id);

-- Money given back through the provider. `request_key` is the admin request's Idempotency-Key: the same key answers
-- the same refund, and the provider is called with the refund's id as its own Idempotency-Key.
create table commerce.refunds (
  id uuid primary key,
  payment_id uuid not null references commerce.payments (id),
  order_id uuid not null references commerce.orders (id),
  request_key text not null check (length(request_key) between 1 and 255),
  amount_minor bigint not null check (amount_minor > 0),
  currency text not null,
  status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
  provider_refund_id text,
  reason text,
  failure_message text,
  created_by_id uuid,
  created_by_name text not null,
  created_at timestamptz not null default now(),
  settled_at timestamptz,
  unique (order_id, request_key)
);
create index refunds_payment on commerce.refunds (payment_id);
create index refunds_settled on commerce.refunds (settled_at) where status = 'succeeded';

create schema supplies;

-- Replicated tables (supplies/index.ts says how): no unique constraints beyond primary keys and no foreign keys
-- between them, so a batch of replicated changes never collides or waits on order mid-way. The service checks
-- what constraints would (unique article numbers, known units) before it writes.

-- Reference: the catalog, maintained on the hub.
create table supplies.categories (
  id uuid primary key,
  name text not null,
  sort_key text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table supplies.articles (
  id uuid primary key,
  article_number text not null,
  name text not null,
  manufacturer text not null default '',
  unit text not null,
  pack_size integer not null check (pack_size > 0),
  category_id uuid not null,
  supplier text not null default '',
  price_minor bigint check (price_minor >= 0),
  active boolean not null default true,
  image_url text,
  sort_key text not null,
  search_text text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index articles_category on supplies.articles (category_id, sort_key);
create index articles_number on supplies.articles (article_number);
create index articles_search on supplies.articles using gin (search_text gin_trgm_ops);

-- Reference: who may order for which unit.
create table supplies.unit_members (
  unit_id uuid not null,
  user_id uuid not null,
  primary key (unit_id, user_id)
);
create index unit_members_user on supplies.unit_members (user_id);

-- Shared within a unit: its favourite articles and its standard orders, kept by any of its workstations.
create table supplies.favourites (
  unit_id uuid not null,
  article_id uuid not null,
  added_at timestamptz not null default now(),
  primary key (unit_id, article_id)
);

create table supplies.standard_orders (
  id uuid primary key,
  unit_id uuid not null,
  name text not null,
  lines jsonb not null,
  updated_at timestamptz not null default now()
);
create index standard_orders_unit on supplies.standard_orders (unit_id);

-- Owned by the node that placed it. Lines are a JSON array (article, quantity, and the article's number, name
-- and unit as ordered), so an order and its lines are one row and travel as one change.
create table supplies.orders (
  id uuid primary key,
  number text not null,
  unit_id uuid not null,
  owner text not null,
  delivery_address text not null,
  requested_date date not null,
  note text not null default '',
  lines jsonb not null,
  created_by uuid,
  created_by_name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  withdrawn_at timestamptz
);
create index orders_unit on supplies.orders (unit_id, created_at desc);
create index orders_created on supplies.orders (created_at desc);

-- Reference: the hub's word on an order (received, confirmed, delivered, cancelled).
create table supplies.order_status (
  order_id uuid primary key,
  unit_id uuid not null,
  status text not null check (status in ('received', 'confirmed', 'delivered', 'cancelled')),
  reason text not null default '',
  changed_at timestamptz not null default now(),
  changed_by_name text not null
);

-- Owned: once the hub holds an order, a change is a request the hub accepts or refuses.
create table supplies.change_requests (
  id uuid primary key,
  order_id uuid not null,
  unit_id uuid not null,
  owner text not null,
  kind text not null check (kind in ('change', 'withdraw')),
  lines jsonb,
  comment text not null default '',
  created_by uuid,
  created_by_name text not null,
  created_at timestamptz not null default now()
);
create index change_requests_order on supplies.change_requests (order_id);

-- Reference: the hub's answer to a request.
create table supplies.request_decisions (
  request_id uuid primary key,
  unit_id uuid not null,
  decision text not null check (decision in ('accepted', 'refused')),
  reason text not null default '',
  decided_at timestamptz not null default now(),
  decided_by_name text not null
);

-- Node-local: what happened to orders here, in order, for the supplier feed (GET /api/supplies/feed and the
-- webhooks). Written by triggers, so orders that arrive through replication count as much as local ones.
-- Sequence numbers are handed out before commit, so a reader could see seq 8 while 7 is still uncommitted and
-- move its cursor past 7 for ever. The trigger therefore takes a transaction-level lock before it draws a number:
-- numbers are drawn in the order the transactions will commit, and a cursor never skips one.
create table supplies.feed_events (
  seq bigserial primary key,
  order_id uuid not null,
  kind text not null check (kind in ('order.placed', 'order.changed', 'order.status', 'order.request')),
  at timestamptz not null default now()
);

-- Arguments: the column holding the order's id, and the kind (empty for orders: placed or changed).
create function supplies.record_feed_event() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock(hashtext('supplies.feed_events'));
  insert into supplies.feed_events (order_id, kind)
  values (
    (to_jsonb(new) ->> tg_argv[0])::uuid,
    case when tg_argv[1] <> '' then tg_argv[1] when tg_op = 'INSERT' then 'order.placed' else 'order.changed' end
  );
  return null;
end $$;

create trigger record_feed_event after insert or update on supplies.orders
  for each row execute function supplies.record_feed_event('id', '');
create trigger record_feed_event after insert or update on supplies.order_status
  for each row execute function supplies.record_feed_event('order_id', 'order.status');
create trigger record_feed_event after insert on supplies.change_requests
  for each row execute function supplies.record_feed_event('order_id', 'order.request');

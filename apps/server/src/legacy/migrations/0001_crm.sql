-- Our Clients and Orders services (docs/legacy.md): a schema per service, as the seed asks, and no foreign key
-- between them, since an order's client may still live only in the legacy CRM.
create extension if not exists pg_trgm;

-- `ref` is the key across both systems: the legacy id for a record of legacy origin, `K-<uuid>` for one made here.
-- Lists walk (sort_name, ref) and (ordered_at, ref) in byte order (collate "C") on every store, the same order the
-- legacy CRM answers in, so the facade can merge both sources at one position. Timestamps keep milliseconds, as
-- the positions the facade hands out do. Legacy records come in as they are (no checks beyond the contract's), so
-- one odd record never stops a backfill batch.

create schema crm_clients;

create table crm_clients.clients (
  id uuid primary key,
  ref text collate "C" not null unique,
  legacy_id text unique,
  -- The legacy CRM's version when the record moved here; version = legacy_version means not edited here since.
  legacy_version int,
  name text not null,
  -- The folded name (legacy/text.ts foldName): what lists sort by and searches match.
  sort_name text collate "C" not null,
  email text,
  phone text,
  org_number text,
  city text,
  version int not null,
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  migrated_at timestamptz(3),
  migrated_via text check (migrated_via in ('edit', 'backfill')),
  check ((legacy_id is null) = (migrated_at is null))
);
create index clients_position on crm_clients.clients (sort_name, ref);
create index clients_search on crm_clients.clients using gin (sort_name gin_trgm_ops);

create schema crm_orders;

-- Our own orders' numbers, shown as K-000001.
create sequence crm_orders.our_numbers;

create table crm_orders.orders (
  id uuid primary key,
  ref text collate "C" not null unique,
  legacy_id text unique,
  legacy_version int,
  -- Legacy numbers are kept as they were (A-100234); ours are K- and six digits.
  number text not null unique,
  client_ref text collate "C" not null,
  text text not null,
  -- The folded number and text: what searches match.
  search_text text not null,
  status text not null check (status in ('new', 'in_progress', 'done', 'cancelled')),
  amount_minor bigint not null,
  currency char(3) not null,
  ordered_at timestamptz(3) not null,
  version int not null,
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  migrated_at timestamptz(3),
  migrated_via text check (migrated_via in ('edit', 'backfill')),
  check ((legacy_id is null) = (migrated_at is null))
);
create index orders_position on crm_orders.orders (ordered_at desc, ref desc);
create index orders_client_position on crm_orders.orders (client_ref, ordered_at desc, ref desc);
create index orders_search on crm_orders.orders using gin (search_text gin_trgm_ops);

// The legacy CRM's own tables. Ids and sort keys use the "C" collation: byte order, the same on any PostgreSQL
// (PGlite has no ICU), which is the order the API documents. Ids are fixed-width (records.ts), so the largest id
// is the last one made and no separate counter is kept.
export const TABLES = `
create extension if not exists pg_trgm;

create table if not exists clients (
  id text collate "C" primary key,
  version int not null,
  name text not null,
  sort_name text collate "C" not null,
  email text,
  phone text,
  org_number text,
  city text,
  created_at timestamptz(3) not null,
  updated_at timestamptz(3) not null
);

create table if not exists orders (
  id text collate "C" primary key,
  version int not null,
  number text not null,
  client_id text collate "C" not null,
  text text not null,
  search_text text not null,
  status text not null check (status in ('new', 'in_progress', 'done', 'cancelled')),
  amount_minor bigint not null,
  currency char(3) not null,
  ordered_at timestamptz(3) not null,
  updated_at timestamptz(3) not null
);

-- A deterministic pseudo-random number in [0, size) for record n of seed s (the bulk seed's dice).
create or replace function pick(n bigint, salt int, s int, size bigint) returns bigint
  language sql immutable parallel safe
  return (hashint8extended(n, s::bigint * 64 + salt) & 9223372036854775807) % size;
`;

/**
 * The orders of the listings, and trigrams for searching names (a word in the middle of a name cannot use the
 * name order). Orders' text is searched by a scan: a trigram index over 300k orders would cost the bulk seed more
 * than all else. A bulk seed drops these and builds them afresh: far faster than row by row.
 */
export const INDEXES = `
create index if not exists clients_by_name on clients (sort_name, id);
create index if not exists clients_by_trigram on clients using gin (sort_name gin_trgm_ops);
create index if not exists orders_by_time on orders (ordered_at desc, id desc);
create index if not exists orders_by_client on orders (client_id, ordered_at desc, id desc);
`;
export const DROP_INDEXES =
  'drop index if exists clients_by_name, clients_by_trigram, orders_by_time, orders_by_client';

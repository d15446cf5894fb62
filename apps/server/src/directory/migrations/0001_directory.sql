-- pg_trgm gives typo-tolerant search; PGlite loads it with the database (platform/db/database.ts).
create extension if not exists pg_trgm;

create schema directory;

-- Every table below except favourites is replicated with policy `reference`: written on the hub, read-only
-- everywhere else. No unique constraints beyond primary keys, so replicated changes never collide mid-batch.
-- `sort_key` (Swedish order under COLLATE "C") and `search_text` (folded, lower-case) are computed by the
-- server that writes the row and travel with it, so every store sorts and searches the same way.

create table directory.units (
  id uuid primary key,
  parent_id uuid references directory.units (id),
  kind text not null check (kind in ('region', 'hospital', 'primary_care', 'clinic', 'unit')),
  name text not null,
  description text not null default '',
  sort_key text not null,
  search_text text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index units_parent on directory.units (parent_id);
create index units_search on directory.units using gin (search_text gin_trgm_ops);

create table directory.people (
  id uuid primary key,
  unit_id uuid not null references directory.units (id),
  given_name text not null,
  family_name text not null,
  title text not null default '',
  sort_key text not null,
  search_text text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index people_unit on directory.people (unit_id);
create index people_search on directory.people using gin (search_text gin_trgm_ops);

-- A role a unit must have filled (on-call physician, unit manager); a person may hold it, or nobody.
create table directory.functions (
  id uuid primary key,
  unit_id uuid not null references directory.units (id),
  name text not null,
  holder_id uuid references directory.people (id) on delete set null,
  sort_key text not null,
  search_text text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index functions_unit on directory.functions (unit_id);
create index functions_holder on directory.functions (holder_id);
create index functions_search on directory.functions using gin (search_text gin_trgm_ops);

-- How to reach a unit, a person or a function; priority 1 is tried first.
create table directory.contact_points (
  id uuid primary key,
  unit_id uuid references directory.units (id) on delete cascade,
  person_id uuid references directory.people (id) on delete cascade,
  function_id uuid references directory.functions (id) on delete cascade,
  kind text not null check (kind in ('phone', 'mobile', 'pager', 'radio', 'satellite', 'email', 'address', 'fallback')),
  label text not null default '',
  value text not null,
  priority integer not null default 1,
  -- The digits of a number, so that "019-602 10 00", "0196021000" and "602 10" find it.
  digits text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (num_nonnulls(unit_id, person_id, function_id) = 1)
);
create index contact_points_unit on directory.contact_points (unit_id);
create index contact_points_person on directory.contact_points (person_id);
create index contact_points_function on directory.contact_points (function_id);
create index contact_points_digits on directory.contact_points using gin (digits gin_trgm_ops);

-- A unit's crisis instructions and bulletins (the KLIRR seed's "Information"), newest first.
create table directory.notices (
  id uuid primary key,
  unit_id uuid not null references directory.units (id) on delete cascade,
  kind text not null check (kind in ('instruction', 'bulletin')),
  title text not null,
  body text not null,
  publish_at timestamptz not null default now(),
  unpublished boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index notices_unit on directory.notices (unit_id, publish_at desc);

-- Node-local: a user's favourites stay on the node where they were chosen (a client cannot write reference data).
create table directory.favourites (
  user_id uuid not null,
  unit_id uuid references directory.units (id) on delete cascade,
  person_id uuid references directory.people (id) on delete cascade,
  function_id uuid references directory.functions (id) on delete cascade,
  created_at timestamptz not null default now(),
  check (num_nonnulls(unit_id, person_id, function_id) = 1)
);
create unique index favourites_target on directory.favourites (user_id, coalesce(unit_id, person_id, function_id));

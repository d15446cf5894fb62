-- Tables of the sync benchmark (bench/sync.ts); they exist only on nodes the benchmark starts.
create schema benchsync;

-- Propagation: the hub writes one row per measured write.
create table benchsync.pings (
  id integer primary key,
  sent_at timestamptz not null default now()
);

-- Bootstrap: a directory-like and a catalog-like reference table.
create table benchsync.directory (
  id uuid primary key,
  name text not null,
  unit text not null,
  phone text not null,
  email text not null,
  room text not null
);

create table benchsync.catalog (
  id uuid primary key,
  code text not null,
  name text not null,
  unit text not null,
  price numeric(10, 2) not null,
  category text not null
);

-- Offline writes: rows a client node creates and owns.
create table benchsync.orders (
  id uuid primary key,
  owner uuid not null,
  item text not null,
  quantity integer not null,
  created_at timestamptz not null default now()
);

-- Events leave through this table after the transaction that made them commits (ARCHITECTURE.md, rule 5).
create table platform.outbox (
  id bigserial primary key,
  event_id uuid not null default gen_random_uuid() unique,
  topic text not null,
  payload jsonb not null,
  created_at timestamptz not null default now(),
  published_at timestamptz
);
create index outbox_pending on platform.outbox (id) where published_at is null;

-- Node-wide facts such as whether the first admin was created.
create table platform.settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);

-- Node-local, not replicated: the hub's webhook subscriptions of the supplier feed and their deliveries
-- (docs/supplier-feed.md). Several hub instances on one PostgreSQL share them; the dispatcher claims deliveries
-- with FOR UPDATE SKIP LOCKED and a lease, so no delivery is sent by two instances at once.

create table supplies.webhooks (
  id uuid primary key,
  url text not null,
  description text not null default '',
  -- Kept as given (not hashed): every delivery is signed with it. Never logged, never answered after creation.
  secret text not null,
  -- Feed kinds it receives; empty = all.
  kinds text[] not null default '{}',
  active boolean not null default true,
  -- The last supplies.feed_events seq turned into deliveries for it.
  cursor bigint not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table supplies.webhook_deliveries (
  id uuid primary key,
  webhook_id uuid not null references supplies.webhooks (id) on delete cascade,
  -- The feed item's seq; null for a ping, which is outside the feed's order.
  cursor bigint,
  kind text not null,
  -- The body without its id (a feed item as GET /api/supplies/feed returns it, or a ping).
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'dead')),
  attempts integer not null default 0,
  -- While an attempt is under way it holds the claim's lease: no other instance takes it before then.
  next_attempt_at timestamptz not null default now(),
  last_error text,
  last_status_code integer,
  delivered_at timestamptz,
  created_at timestamptz not null default now()
);
-- What is due, and each webhook's oldest pending item (deliveries of one webhook go out in cursor order).
create index webhook_deliveries_pending on supplies.webhook_deliveries (webhook_id, cursor) where status = 'pending';
create index webhook_deliveries_due on supplies.webhook_deliveries (next_attempt_at) where status = 'pending';
-- The admin's lists, newest first, by webhook and status (the dead-letter view).
create index webhook_deliveries_listed on supplies.webhook_deliveries (webhook_id, status, created_at desc);
create index webhook_deliveries_status on supplies.webhook_deliveries (status, created_at desc);

-- The migration from the legacy CRM (docs/legacy.md): the backfill's progress and each entity's "legacy off"
-- switch, the records the backfill could not move, and the consistency checks' reports. Lives on the hub only.
create schema legacy;

-- One row per entity, made here so that every update is a plain UPDATE under a row lock: a batch's records and
-- the position after them commit together, which is what lets a backfill resume exactly where it stopped.
create table legacy.backfill (
  entity text primary key check (entity in ('clients', 'orders')),
  state text not null default 'idle' check (state in ('idle', 'running', 'paused', 'done', 'failed')),
  -- The last legacy id walked (ids ascending, byte order); null before the first batch of a run.
  position text,
  -- Records the current or last run went through (migrated, already there, or refused).
  processed integer not null default 0 check (processed >= 0),
  -- Records in the legacy CRM at the last count.
  legacy_total integer check (legacy_total >= 0),
  started_at timestamptz(3),
  updated_at timestamptz(3),
  finished_at timestamptz(3),
  -- Why the last step did not go through (the legacy CRM down, say); cleared by the next batch that commits.
  last_error text,
  legacy_off boolean not null default false,
  legacy_off_at timestamptz(3),
  legacy_off_by text,
  -- The hub instance walking it and until when it may: several instances share one database, one walks.
  runner text,
  lease_until timestamptz(3)
);
insert into legacy.backfill (entity) values ('clients'), ('orders');

-- Records our services refused (a record the legacy CRM let through that breaks our rules). A later run that
-- migrates the record removes its row; the legacy CRM can only be switched off once none is left.
create table legacy.backfill_failures (
  entity text not null references legacy.backfill (entity),
  legacy_id text not null,
  error text not null,
  at timestamptz(3) not null default now(),
  primary key (entity, legacy_id)
);
create index backfill_failures_latest on legacy.backfill_failures (entity, at desc);

create table legacy.consistency_reports (
  id uuid primary key,
  entity text not null references legacy.backfill (entity),
  started_at timestamptz(3) not null default now(),
  -- Moved by every batch: a check whose instance stopped stops moving, and is ended as interrupted.
  updated_at timestamptz(3) not null default now(),
  finished_at timestamptz(3),
  checked integer not null default 0 check (checked >= 0),
  missing integer not null default 0 check (missing >= 0),
  differences jsonb not null default '[]',
  -- Why a check ended before walking everything (the node stopped, the legacy CRM kept failing).
  error text
);
create index consistency_reports_latest on legacy.consistency_reports (started_at desc);
create index consistency_reports_unfinished on legacy.consistency_reports (updated_at) where finished_at is null;

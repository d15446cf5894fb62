-- Problems (docs/desk-problems.md): one cause behind several incidents, opened by a rule or an agent.

-- The administrators' rules: "at least `threshold` incidents of one category (or one client) within `window_minutes`".
create table desk.problem_rules (
  id uuid primary key,
  name text not null check (length(name) between 1 and 120),
  kind text not null check (kind in ('category', 'client')),
  -- A category rule's one category; null: any category, each counted on its own. Always null for client rules.
  category_id uuid references desk.categories (id),
  threshold integer not null check (threshold between 2 and 1000),
  window_minutes integer not null check (window_minutes between 1 and 10080),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (kind = 'category' or category_id is null)
);

-- PRB-000042: one sequence on the hub.
create sequence desk.problem_number;

create table desk.problems (
  id uuid primary key,
  number bigint not null unique default nextval('desk.problem_number'),
  title text not null check (length(title) between 1 and 200),
  description text not null default '' check (length(description) <= 20000),
  status text not null default 'open' check (status in ('open', 'closed')),
  category_id uuid references desk.categories (id),
  -- The rule that opened it and what it counted (a category id or a folded client reference); null for an agent's.
  rule_id uuid references desk.problem_rules (id),
  rule_key text,
  created_by uuid,
  created_by_name text not null,
  resolution text check (length(resolution) <= 20000),
  closed_by uuid,
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index problems_status on desk.problems (status, created_at desc);
-- A rule keeps at most one open problem per key: two incidents arriving together cannot open two.
create unique index problems_open_rule_key on desk.problems (rule_id, rule_key) where status = 'open' and rule_id is not null;

-- Linked incidents. `problem_open` mirrors the problem's status so that the database itself keeps an incident
-- in at most one open problem.
create table desk.problem_incidents (
  problem_id uuid not null references desk.problems (id),
  incident_id uuid not null references desk.incidents (id),
  problem_open boolean not null default true,
  linked_at timestamptz not null default now(),
  primary key (problem_id, incident_id)
);
create unique index problem_incidents_one_open on desk.problem_incidents (incident_id) where problem_open;

-- The problem's history: opened, incidents linked and unlinked, closed, exported.
create table desk.problem_activities (
  id bigint generated always as identity primary key,
  problem_id uuid not null references desk.problems (id),
  kind text not null check (kind in ('created', 'linked', 'unlinked', 'closed', 'export_requested')),
  incident_id uuid,
  body text check (length(body) <= 20000),
  actor_id uuid,
  actor_name text not null,
  at timestamptz not null default now()
);
create index problem_activities_problem on desk.problem_activities (problem_id, id);

-- Exports to the task manager: an outbox sent after commit, retried with backoff (signed webhooks).
create table desk.problem_exports (
  id uuid primary key,
  problem_id uuid not null references desk.problems (id),
  -- The event's body without its id: the problem and its incidents as they were when the export was asked for.
  payload jsonb not null,
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  lease_until timestamptz,
  last_error text,
  last_status_code integer,
  sent_at timestamptz,
  -- Set after the last failed attempt (the columns of every leased queue, platform/delivery/leased-queue.ts).
  gave_up_at timestamptz,
  status text not null generated always as (
    case when sent_at is not null then 'sent' when gave_up_at is not null then 'failed' else 'pending' end
  ) stored,
  created_at timestamptz not null default now()
);
create index problem_exports_due on desk.problem_exports (next_attempt_at, id) where sent_at is null and gave_up_at is null;
create index problem_exports_problem on desk.problem_exports (problem_id, created_at desc);

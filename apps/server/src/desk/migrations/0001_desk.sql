create schema desk;

-- Short lists the desk administrators keep. Names are unique regardless of case.
create table desk.categories (
  id uuid primary key,
  name text not null check (length(name) between 1 and 80),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index categories_name on desk.categories (lower(name));

create table desk.groups (
  id uuid primary key,
  name text not null check (length(name) between 1 and 80),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index groups_name on desk.groups (lower(name));

-- INC-000123: one sequence on the hub (the desk lives there only).
create sequence desk.incident_number;

create table desk.incidents (
  id uuid primary key,
  number bigint not null unique default nextval('desk.incident_number'),
  title text not null check (length(title) between 1 and 200),
  description text not null default '' check (length(description) <= 20000),
  status text not null default 'new' check (status in ('new', 'in_progress', 'waiting', 'resolved', 'closed')),
  priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'critical')),
  category_id uuid references desk.categories (id),
  group_id uuid references desk.groups (id),
  assignee_id uuid,
  assignee_name text,
  -- A Kontor user, or someone outside it known by name and e-mail (an agent took the call).
  requester_user_id uuid,
  requester_name text not null,
  requester_email text,
  client_ref text not null default '',
  order_ref text not null default '',
  labels text[] not null default '{}',
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  first_response_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  -- Folded (foldForSearch) number, title, description, requester, client, order and labels: free-text filtering.
  search_text text not null default ''
);
create index incidents_created on desk.incidents (created_at desc, id desc);
create index incidents_updated on desk.incidents (updated_at desc, id desc);
create index incidents_requester on desk.incidents (requester_user_id, created_at desc);
create index incidents_status on desk.incidents (status);
create index incidents_assignee on desk.incidents (assignee_id);
create index incidents_search on desk.incidents using gin (search_text gin_trgm_ops);

-- The timeline: comments (public replies and internal notes) and changes of one field each, oldest first.
create table desk.activities (
  id bigint generated always as identity primary key,
  incident_id uuid not null references desk.incidents (id),
  kind text not null check (kind in ('comment', 'change')),
  internal boolean not null default false,
  body text check (length(body) <= 20000),
  field text,
  from_value text,
  to_value text,
  actor_id uuid,
  actor_name text not null,
  at timestamptz not null default now()
);
create index activities_incident on desk.activities (incident_id, id);

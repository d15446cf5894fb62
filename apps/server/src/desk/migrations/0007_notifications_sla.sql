-- Business-hours calendars and SLA targets (docs/desk-sla.md).
create table desk.calendars (
  id uuid primary key,
  name text not null check (length(name) between 1 and 80),
  -- An IANA zone, e.g. Europe/Stockholm: opening hours are wall-clock times there.
  time_zone text not null,
  -- Monday first, seven entries: {"open": "08:00", "close": "17:00"} or null for a closed day.
  hours jsonb not null,
  -- 'YYYY-MM-DD' dates on which the calendar is closed all day.
  holidays text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index calendars_name on desk.calendars (lower(name));

-- One policy per priority: targets in business minutes of the calendar.
create table desk.sla_policies (
  priority text primary key check (priority in ('low', 'normal', 'high', 'critical')),
  calendar_id uuid not null references desk.calendars (id),
  response_minutes integer not null check (response_minutes between 1 and 525600),
  resolution_minutes integer not null check (resolution_minutes between 1 and 525600),
  updated_at timestamptz not null default now()
);

alter table desk.incidents
  -- When 80 % of each target is used: the SLA job warns from then on.
  add column response_warn_at timestamptz,
  add column resolution_warn_at timestamptz,
  -- The resolution clock stops while the incident waits: since when, and how many business minutes so far.
  add column waiting_since timestamptz,
  add column sla_paused_minutes integer not null default 0;
create index incidents_resolution_due on desk.incidents (resolution_due_at) where resolution_due_at is not null;

-- What the SLA job already told, so each warning and breach goes out once per due time.
create table desk.sla_notices (
  incident_id uuid not null references desk.incidents (id),
  kind text not null check (kind in ('response_warning', 'response_breach', 'resolution_warning', 'resolution_breach')),
  due_at timestamptz not null,
  sent_at timestamptz not null default now(),
  primary key (incident_id, kind, due_at)
);

-- In-app notifications (docs/desk-notifications.md), newest first per user.
create table desk.notifications (
  id bigint generated always as identity primary key,
  user_id uuid not null,
  event text not null,
  incident_id uuid not null references desk.incidents (id),
  -- Copies of what the line shows, so the list needs no join: "INC-000123", the title, who did it, an excerpt.
  reference text not null,
  title text not null,
  actor_name text,
  excerpt text,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notifications_user on desk.notifications (user_id, id desc);
create index notifications_unread on desk.notifications (user_id) where read_at is null;

-- A user's choices; an event without a row uses the defaults (notifications/events.ts).
create table desk.notification_preferences (
  user_id uuid not null,
  event text not null,
  in_app boolean not null,
  email boolean not null,
  primary key (user_id, event)
);

create schema identity;

create table identity.roles (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  description text not null default '',
  permissions jsonb not null default '[]',
  system boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index roles_name on identity.roles (lower(name));

create table identity.users (
  id uuid primary key default gen_random_uuid(),
  username text not null,
  display_name text not null,
  email text,
  password_hash text,
  disabled boolean not null default false,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  locale text,
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_username on identity.users (lower(username));

create table identity.user_roles (
  user_id uuid not null references identity.users (id) on delete cascade,
  role_id uuid not null references identity.roles (id) on delete restrict,
  primary key (user_id, role_id)
);

-- The cookie holds a random secret; only its SHA-256 is stored, so a database leak opens no session.
create table identity.sessions (
  id_hash text primary key,
  user_id uuid not null references identity.users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now(),
  ip text,
  user_agent text
);
create index sessions_user on identity.sessions (user_id);

create table identity.api_tokens (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  user_id uuid not null references identity.users (id) on delete cascade,
  secret_hash text not null,
  permissions jsonb not null,
  created_by uuid references identity.users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_user on identity.api_tokens (user_id);

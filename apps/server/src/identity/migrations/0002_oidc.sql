-- Sign-in through an OpenID Connect provider (Keycloak): docs/sso.md.

-- A provider account, named by (issuer, sub) as OIDC says it must be, belongs to one Kontor user.
create table identity.oidc_links (
  issuer text not null,
  subject text not null,
  user_id uuid not null references identity.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_login_at timestamptz not null default now(),
  primary key (issuer, subject)
);
create index oidc_links_user on identity.oidc_links (user_id);

-- Which of a user's roles the provider granted: each sign-in replaces these and leaves roles granted in Kontor alone.
-- A mark outlives an administrator's edit of the user's roles (which rewrites them all): the provider stays their source.
create table identity.oidc_role_grants (
  user_id uuid not null references identity.users (id) on delete cascade,
  role_id uuid not null references identity.roles (id) on delete cascade,
  primary key (user_id, role_id)
);

-- A sign-in under way: the browser holds a random secret in a short-lived cookie, only its SHA-256 is kept here
-- with the PKCE verifier, state and nonce it must come back with.
create table identity.oidc_pending_logins (
  id_hash text primary key,
  state text not null,
  nonce text not null,
  code_verifier text not null,
  return_to text not null,
  expires_at timestamptz not null
);

-- Sessions opened through the provider: `sso` marks them (a logout token naming only `sub` ends these), `oidc_sid`
-- is the provider's session id so back-channel logout can end exactly that one.
alter table identity.sessions add column sso boolean not null default false;
alter table identity.sessions add column oidc_sid text;
create index sessions_oidc_sid on identity.sessions (oidc_sid) where oidc_sid is not null;

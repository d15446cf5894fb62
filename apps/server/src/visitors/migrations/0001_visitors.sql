create schema visitors;

-- Card types by code range (docs/visitors.md). Ranges must not overlap: the service checks that under a lock
-- (an exclusion constraint would need btree_gist, which PGlite does not ship). Replicated (reference) so every node
-- can name the card type of the people on its evacuation list.
create table visitors.card_types (
  key text primary key,
  name text not null,
  range_from integer not null check (range_from between 0 and 999),
  range_to integer not null check (range_to between 0 and 999),
  position integer not null default 0,
  updated_at timestamptz not null default now(),
  check (range_from <= range_to)
);

-- The card pool: what reception can hand out. A card's type follows from the ranges above.
create table visitors.cards (
  number integer primary key check (number between 0 and 999),
  status text not null default 'available' check (status in ('available', 'lost', 'blocked')),
  note text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Registered kiosk tablets: only a SHA-256 of the key each one sends as X-Kiosk-Key is kept.
create table visitors.kiosks (
  id uuid primary key,
  name text not null,
  key_hash text not null unique,
  created_at timestamptz not null default now(),
  created_by_name text not null,
  last_seen_at timestamptz,
  revoked_at timestamptz
);

-- A host's pre-registration of a guest; only a SHA-256 of the token in its QR code is kept.
create table visitors.invitations (
  id uuid primary key,
  token_hash text not null unique,
  first_name text not null,
  last_name text not null,
  company text not null default '',
  purpose text not null default '',
  host_id uuid,
  host_name text,
  expected_on date not null,
  created_by uuid,
  created_by_name text not null,
  created_at timestamptz not null default now(),
  used_at timestamptz,
  entry_id uuid
);
create index invitations_created_by on visitors.invitations (created_by, expected_on desc);
create index invitations_expected on visitors.invitations (expected_on);

-- A visit, as VIGO-Guests had it: waiting for a card, active while the guest holds one, closed at release.
-- Personal data stays on the hub (this table is not replicated); the presence table below is what travels.
create table visitors.entries (
  id uuid primary key,
  state text not null check (state in ('waiting', 'active', 'closed')),
  first_name text not null,
  last_name text not null,
  company text not null default '',
  host_id uuid,
  host_name text,
  host_email text,
  purpose text not null default '',
  notes text not null default '',
  card integer references visitors.cards (number),
  -- The card's type when it was handed out, so reports and the history keep it when ranges change.
  card_type text,
  locale text,
  kiosk_id uuid,
  kiosk_name text,
  invitation_id uuid,
  submitted_at timestamptz not null default now(),
  card_given_at timestamptz,
  card_given_by_name text,
  exited_at timestamptz,
  released_by_name text,
  anonymised_at timestamptz,
  -- Folded (lower case, no diacritics) names, company, host and notes for the past-visits search.
  search_text text not null default '',
  check (state <> 'waiting' or (card is null and card_given_at is null and exited_at is null)),
  check (state <> 'active' or (card is not null and card_given_at is not null and exited_at is null)),
  check (state <> 'closed' or exited_at is not null),
  check (anonymised_at is null or state = 'closed')
);
-- The rule of the card pool: a card has at most one active holder. Two receptionists handing out one card at
-- once both pass the service's check; this index lets exactly one of them commit.
create unique index entries_one_holder on visitors.entries (card) where state = 'active';
create index entries_state on visitors.entries (state, submitted_at);
create index entries_submitted on visitors.entries (submitted_at desc);
create index entries_exited on visitors.entries (exited_at) where anonymised_at is null;

-- Everyone in the building now: one row per active entry, written with the entry in one transaction and
-- replicated (reference) to every node, so any workstation prints the evacuation list with the hub down.
create table visitors.presence (
  entry_id uuid primary key,
  name text not null,
  company text not null default '',
  host_name text,
  card integer not null,
  card_type text,
  since timestamptz not null
);

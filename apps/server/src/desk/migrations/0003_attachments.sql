-- Files of an incident (docs/desk-channels.md, docs/desk.md): kept in the database itself, so that every hub
-- instance on one PostgreSQL serves them and a backup of the database holds them.
create table desk.attachments (
  id uuid primary key,
  -- The order files were added in, also between files of one transaction (which share created_at).
  position bigint generated always as identity,
  incident_id uuid not null references desk.incidents (id),
  -- The timeline comment the file came with (an e-mail's text, a Telegram caption); null when uploaded alone.
  activity_id bigint references desk.activities (id),
  filename text not null check (length(filename) between 1 and 255),
  content_type text not null check (length(content_type) between 3 and 255),
  size integer not null check (size > 0),
  -- Hex SHA-256 of the content: what a download can be checked against.
  sha256 text not null check (length(sha256) = 64),
  content bytea not null,
  uploaded_by_id uuid,
  uploaded_by_name text not null,
  created_at timestamptz not null default now()
);
create index attachments_incident on desk.attachments (incident_id, position);

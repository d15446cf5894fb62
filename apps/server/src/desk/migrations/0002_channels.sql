-- Where an incident came from and where its public replies go back to (docs/desk-channels.md).
alter table desk.incidents
  add column channel text not null default 'web' check (channel in ('web', 'email', 'telegram', 'sms', 'esb')),
  -- The requester's address on that channel: an e-mail address, a Telegram chat id, a phone number.
  add column channel_address text;

-- Every message a channel delivered, once: a retried delivery finds its row and changes nothing.
create table desk.inbound_messages (
  channel text not null,
  external_id text not null check (length(external_id) between 1 and 500),
  incident_id uuid not null references desk.incidents (id),
  received_at timestamptz not null default now(),
  primary key (channel, external_id)
);

-- What ties a later message to an incident: e-mail Message-IDs, a Telegram message id replied to.
create table desk.message_threads (
  channel text not null,
  thread_key text not null check (length(thread_key) between 1 and 1000),
  incident_id uuid not null references desk.incidents (id),
  primary key (channel, thread_key)
);
create index message_threads_incident on desk.message_threads (incident_id);

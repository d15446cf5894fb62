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

-- Which agents work in which group: a group's incidents, shared filters and notifications reach its members.
create table desk.group_members (
  group_id uuid not null references desk.groups (id),
  user_id uuid not null,
  primary key (group_id, user_id)
);
create index group_members_user on desk.group_members (user_id);

-- SLA targets (docs/desk-sla.md): when the first public response and the resolution are due, in business hours.
alter table desk.incidents
  add column response_due_at timestamptz,
  add column resolution_due_at timestamptz;

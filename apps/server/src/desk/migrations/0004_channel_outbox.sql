-- Agents' public replies waiting to go back to a requester on Telegram or SMS (docs/desk-channels.md). A row is
-- written in the transaction of the reply, claimed by one hub instance at a time (lease + SKIP LOCKED), sent,
-- retried with backoff, and left dead after too many failed attempts for an operator to look at.
create table desk.channel_outbox (
  id bigserial primary key,
  channel text not null check (channel in ('telegram', 'sms')),
  incident_id uuid not null references desk.incidents (id),
  -- A Telegram chat id or an E.164 phone number.
  address text not null check (length(address) between 1 and 64),
  body text not null,
  -- The requester's Telegram message this reply answers, when known.
  reply_to_message_id bigint,
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  lease_until timestamptz,
  sent_at timestamptz,
  gave_up_at timestamptz,
  last_error text,
  -- The Telegram message the bot sent (`<chat id>:<message_id>`): a requester replying to it continues the incident.
  sent_thread_key text,
  created_at timestamptz not null default now()
);
create index channel_outbox_due on desk.channel_outbox (next_attempt_at, id)
  where sent_at is null and gave_up_at is null;
create index channel_outbox_incident on desk.channel_outbox (incident_id);

-- A plain follow-up message continues the latest incident of its chat or phone number while that one is open.
create index incidents_channel_address on desk.incidents (channel, channel_address, created_at desc)
  where channel_address is not null;

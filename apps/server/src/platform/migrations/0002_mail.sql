-- Outbound e-mail, written in the transaction of the change that causes it and sent after commit by a hub
-- node (docs/mail.md). A row is pending until sent_at or gave_up_at is set; sent rows are pruned after 7 days,
-- dead ones (gave_up_at) are kept for an operator.
create table platform.mail_queue (
  id bigserial primary key,
  recipient text not null,
  subject text not null,
  text_body text not null,
  html_body text,
  -- [{ filename, contentType, content (base64), cid? }]
  attachments jsonb not null default '[]',
  -- Lets a caller enqueue one fact twice and still send one message.
  dedupe_key text unique,
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  -- Set while a sender holds the row; a crashed sender's row is taken over when it runs out.
  lease_until timestamptz,
  sent_at timestamptz,
  gave_up_at timestamptz,
  last_error text,
  created_at timestamptz not null default now()
);
create index mail_queue_due on platform.mail_queue (next_attempt_at, id) where sent_at is null and gave_up_at is null;
create index mail_queue_sent on platform.mail_queue (sent_at) where sent_at is not null;

-- Threading headers of a message that belongs to a conversation (the service desk's e-mail replies, docs/mail.md):
-- { messageId?, inReplyTo?, references?: string[], replyTo? }.
alter table platform.mail_queue add column headers jsonb not null default '{}';

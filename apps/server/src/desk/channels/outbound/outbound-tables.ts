import type { Generated, Kysely, Selectable } from 'kysely';
import type { DeskTables } from '../../tables.js';

/** The channels whose replies go through `desk.channel_outbox` (e-mail has its own queue). */
export type MessagingChannel = 'telegram' | 'sms';

interface ChannelOutboxRow {
  id: Generated<string>;
  channel: MessagingChannel;
  incident_id: string;
  address: string;
  body: string;
  reply_to_message_id: string | number | null;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  lease_until: Date | null;
  sent_at: Date | null;
  gave_up_at: Date | null;
  last_error: string | null;
  sent_thread_key: string | null;
  created_at: Generated<Date>;
}

export type OutboundMessage = Selectable<ChannelOutboxRow>;

export type ChannelDb = Kysely<DeskTables & { 'desk.channel_outbox': ChannelOutboxRow }>;

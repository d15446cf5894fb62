import type { IncidentStatus } from '@kontor/contracts';
import type { ChannelDb, MessagingChannel } from './outbound/outbound-tables.js';

const OPEN: ReadonlySet<IncidentStatus> = new Set(['new', 'in_progress', 'waiting']);

/**
 * The thread key of the incident a plain message (no reply to anything) continues: the latest incident of this chat
 * or phone number, while it is still open. Handed to the intake as what the message answers, so a requester who
 * simply writes again adds to their incident instead of opening a second one.
 */
export async function followUpKeys(db: ChannelDb, channel: MessagingChannel, address: string): Promise<string[]> {
  const latest = await db
    .selectFrom('desk.incidents')
    .select(['id', 'status'])
    .where('channel', '=', channel)
    .where('channel_address', '=', address)
    .orderBy('created_at', 'desc')
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest || !OPEN.has(latest.status)) return [];
  const thread = await db
    .selectFrom('desk.message_threads')
    .select('thread_key')
    .where('channel', '=', channel)
    .where('incident_id', '=', latest.id)
    .limit(1)
    .executeTakeFirst();
  return thread ? [thread.thread_key] : [];
}

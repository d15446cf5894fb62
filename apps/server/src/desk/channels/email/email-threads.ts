import { randomUUID } from 'node:crypto';
import type { DeskDb } from '../../tables.js';

/**
 * The SQL of the e-mail conversation of an incident: which Message-IDs the requester sent (desk.inbound_messages
 * keeps them as external ids), and which incident a subject's `[INC-000123]` names for its sender.
 */
export const emailThreads = {
  /** The requester's first and latest Message-IDs: what a reply answers and the root of its References. */
  async requesterMessageIds(db: DeskDb, incidentId: string): Promise<{ first?: string; latest?: string }> {
    const rows = await db
      .selectFrom('desk.inbound_messages')
      .select('external_id')
      .where('channel', '=', 'email')
      .where('incident_id', '=', incidentId)
      // Mail without a Message-ID was named by its hash (sha256:…): nothing a mail program could thread by.
      .where('external_id', 'like', '<%')
      .orderBy('received_at')
      .execute();
    return { first: rows[0]?.external_id, latest: rows.at(-1)?.external_id };
  },

  /** Whether `externalId` is the message that opened the incident (then it is acknowledged). */
  async openedBy(db: DeskDb, incidentId: string, externalId: string): Promise<boolean> {
    const first = await db
      .selectFrom('desk.inbound_messages')
      .select('external_id')
      .where('channel', '=', 'email')
      .where('incident_id', '=', incidentId)
      .orderBy('received_at')
      .limit(1)
      .executeTakeFirst();
    return first?.external_id === externalId;
  },

  /**
   * A thread key of the e-mail incident numbered `number` whose requester writes from `address`: a subject
   * reference continues an incident only for its own requester, so a stranger cannot add to someone's incident.
   */
  async keyOfReference(db: DeskDb, number: number, address: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('desk.incidents as i')
      .innerJoin('desk.message_threads as t', 't.incident_id', 'i.id')
      .select('t.thread_key')
      .where('i.number', '=', number)
      .where('i.channel', '=', 'email')
      .where('t.channel', '=', 'email')
      .where((eb) => eb.or([eb('i.channel_address', '=', address), eb('i.requester_email', '=', address)]))
      .limit(1)
      .executeTakeFirst();
    return row?.thread_key;
  },
};

/** A new Message-ID in the desk's own domain. */
export const newMessageId = (domain: string) => `<desk.${randomUUID()}@${domain}>`;

/** The domain of `Name <user@domain>` or `user@domain`. */
export const domainOf = (address: string) => /@([^\s>]+)>?\s*$/.exec(address)?.[1]?.toLowerCase() ?? 'localhost';

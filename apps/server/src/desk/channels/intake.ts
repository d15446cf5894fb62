import type { IncidentChannel, IncidentStatus } from '@kontor/contracts';
import { sql } from 'kysely';
import type { RequestContext } from '../../platform/context.js';
import type { Db, Platform } from '../../platform/platform.js';
import type { AttachmentService, NewAttachment } from '../attachments/attachment-service.js';
import type { IncidentService, NewIncident } from '../incident-service.js';
import type { DeskDb } from '../tables.js';

/** One message from outside Kontor, as a channel adapter hands it over (docs/desk-channels.md). */
export interface InboundMessage {
  channel: Exclude<IncidentChannel, 'web'>;
  /** The channel's own id of this message (Message-ID, Telegram update id, the gateway's id): delivered once. */
  externalId: string;
  /** Keys a later message can name to continue this one (its Message-ID, its Telegram message id). */
  threadKeys: string[];
  /** Keys of earlier messages this one answers (In-Reply-To and References, a Telegram reply). */
  inReplyTo: string[];
  from: {
    name: string;
    email?: string | null;
    /** Where replies go back on this channel: an e-mail address, a chat id, a phone number. */
    address: string;
  };
  subject: string;
  body: string;
  /** What a structured channel (the ESB) knows beyond the text; a first message only. */
  fields?: Partial<Pick<NewIncident, 'priority' | 'clientRef' | 'orderRef' | 'labels' | 'categoryId'>>;
  /** Files that came with it (an e-mail's attachments, a photo): stored with the incident in the same transaction. */
  attachments?: NewAttachment[];
}

export interface Received {
  incidentId: string;
  outcome: 'created' | 'commented' | 'duplicate';
}

/** A requester's answer puts the incident back in the agents' hands; a closed one stays closed (a new one opens). */
const REOPENS: Partial<Record<IncidentStatus, IncidentStatus>> = { waiting: 'in_progress', resolved: 'in_progress' };

const TITLE_MAX = 200;
const DESCRIPTION_MAX = 20_000;

/** The requester, acting through a channel: no permissions, named as they signed. */
const requesterContext = (message: InboundMessage): RequestContext => ({
  actor: {
    userId: null,
    username: `${message.channel}:${message.from.address}`,
    displayName: message.from.name,
    locale: null,
    permissions: new Set(),
    via: 'system',
  },
  requestId: `${message.channel}-${message.externalId}`,
  locale: 'en',
});

function titleOf(message: InboundMessage): string {
  const subject = message.subject.trim() || message.body.trim().split('\n')[0]?.trim() || '';
  const title = subject || `${message.channel} message from ${message.from.name}`;
  return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;
}

const isDuplicateDelivery = (error: unknown) =>
  (error as { code?: string }).code === '23505' &&
  String((error as { constraint?: string }).constraint ?? (error as Error).message).includes('inbound_messages');

/**
 * Turns channel messages into incidents and comments, each message exactly once: the primary key of
 * `desk.inbound_messages` decides between two deliveries of one message, and the loser writes nothing.
 */
export class ChannelIntake {
  readonly #db: DeskDb;
  constructor(
    private readonly platform: Platform,
    private readonly incidents: IncidentService,
    private readonly attachments: AttachmentService,
  ) {
    this.#db = platform.db as DeskDb;
  }

  async receive(message: InboundMessage): Promise<Received> {
    const earlier = await this.#delivered(this.#db, message);
    if (earlier) return { incidentId: earlier, outcome: 'duplicate' };
    try {
      return await this.platform.transaction((trx) => this.#receive(trx, message));
    } catch (error) {
      if (!isDuplicateDelivery(error)) throw error;
      const winner = await this.#delivered(this.#db, message);
      if (!winner) throw error;
      return { incidentId: winner, outcome: 'duplicate' };
    }
  }

  async #receive(trx: Db, message: InboundMessage): Promise<Received> {
    const db = trx as DeskDb;
    const ctx = requesterContext(message);
    const thread = await this.#openThread(db, message);
    let received: Received;
    if (thread) {
      await this.incidents.addComment(trx, ctx, thread.id, message.body.trim() || titleOf(message), false);
      const reopened = REOPENS[thread.status];
      if (reopened) await this.incidents.move(trx, ctx, thread.id, { status: reopened });
      received = { incidentId: thread.id, outcome: 'commented' };
    } else {
      const incident = await this.incidents.insert(trx, ctx, {
        title: titleOf(message),
        description: message.body.trim().slice(0, DESCRIPTION_MAX),
        priority: 'normal',
        clientRef: '',
        orderRef: '',
        labels: [],
        ...message.fields,
        requester: {
          requester_user_id: null,
          requester_name: message.from.name.slice(0, TITLE_MAX) || message.from.address,
          requester_email: message.from.email ?? null,
        },
        channel: message.channel,
        channelAddress: message.from.address,
      });
      received = { incidentId: incident.id, outcome: 'created' };
    }
    if (message.attachments?.length) {
      // A comment's files link to it; a new incident's belong to its description.
      const activityId = thread ? await this.attachments.latestCommentId(trx, received.incidentId) : null;
      for (const file of message.attachments)
        await this.attachments.add(trx, ctx, received.incidentId, file, activityId);
    }
    if (message.threadKeys.length > 0)
      await db
        .insertInto('desk.message_threads')
        .values(
          message.threadKeys.map((key) => ({
            channel: message.channel,
            thread_key: key,
            incident_id: received.incidentId,
          })),
        )
        .onConflict((conflict) => conflict.doNothing())
        .execute();
    await db
      .insertInto('desk.inbound_messages')
      .values({ channel: message.channel, external_id: message.externalId, incident_id: received.incidentId })
      .execute();
    return received;
  }

  /** The incident an answer continues, unless it is closed (then the answer opens a new one). */
  async #openThread(db: DeskDb, message: InboundMessage) {
    if (message.inReplyTo.length === 0) return undefined;
    return db
      .selectFrom('desk.message_threads as t')
      .innerJoin('desk.incidents as i', 'i.id', 't.incident_id')
      .select(['i.id', 'i.status'])
      .where('t.channel', '=', message.channel)
      .where('t.thread_key', 'in', message.inReplyTo)
      .where('i.status', '!=', 'closed')
      .orderBy(sql`i.created_at`, 'desc')
      .executeTakeFirst();
  }

  async #delivered(db: DeskDb, message: InboundMessage): Promise<string | undefined> {
    const row = await db
      .selectFrom('desk.inbound_messages')
      .select('incident_id')
      .where('channel', '=', message.channel)
      .where('external_id', '=', message.externalId)
      .executeTakeFirst();
    return row?.incident_id;
  }

  /** Records keys a reply sent from Kontor can be answered by (the Message-ID of an outgoing e-mail). */
  async addThreadKey(trx: Db, channel: InboundMessage['channel'], key: string, incidentId: string) {
    await (trx as DeskDb)
      .insertInto('desk.message_threads')
      .values({ channel, thread_key: key, incident_id: incidentId })
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  }
}

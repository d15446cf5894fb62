import { sql } from 'kysely';
import { Counter, Gauge } from 'prom-client';
import type { Db, Platform } from '../../../platform/platform.js';
import { PollingLoop } from '../../../platform/polling-loop.js';
import { backoffMs } from '../../../platform/webhooks/signed-post.js';
import type { ChannelDb, MessagingChannel, OutboundMessage } from './outbound-tables.js';

/** Attempts before a reply is left dead in `desk.channel_outbox` for an operator to look at. */
export const MAX_CHANNEL_ATTEMPTS = 8;
const RETRY_CAP_MS = 6 * 3_600_000;
/** Longer than any one attempt may take, so a live sender never loses its claim mid-send. */
const ATTEMPT_TIMEOUT_MS = 20_000;
const LEASE_SECONDS = 60;
const SENT_KEPT_DAYS = 30;
const PRUNE_EVERY_MS = 3_600_000;

/** Why a reply did not go out; `permanent` when trying again cannot help (the user blocked the bot). */
export class SendFailure extends Error {
  override name = 'SendFailure';
  constructor(
    message: string,
    readonly permanent: boolean,
    /** The channel asked to wait this long (Telegram's `retry_after`). */
    readonly retryAfterMs = 0,
  ) {
    super(message);
  }
}

/** One channel's way out: Telegram's sendMessage, the SMS gateway's send endpoint. */
export interface ChannelSender {
  /** Sends one reply or throws a SendFailure; answers a key the requester can reply to, if the channel has one. */
  send(message: OutboundMessage, signal: AbortSignal): Promise<{ threadKey?: string }>;
}

export interface NewOutboundMessage {
  channel: MessagingChannel;
  incidentId: string;
  address: string;
  body: string;
  replyToMessageId?: number | null;
}

export interface OutboundQueueOptions {
  platform: Platform;
  /** The channels configured on this node; replies for another stay queued until it is configured. */
  senders: Partial<Record<MessagingChannel, ChannelSender>>;
  isHub: () => boolean;
  /** Records, in the transaction that marks a reply sent, the key a requester's answer to it will name. */
  rememberThread: (trx: Db, channel: MessagingChannel, key: string, incidentId: string) => Promise<void>;
}

/**
 * The replies going back on Telegram and SMS. A row is written in the transaction of the agent's reply and sent by
 * a hub after commit; rows are claimed one at a time with SKIP LOCKED and a lease (as platform/mail/mail-queue.ts
 * does), so hub instances sharing one PostgreSQL never send a reply twice and a crashed sender's row is taken over.
 */
export class OutboundQueue {
  readonly #db: ChannelDb;
  readonly #loop: PollingLoop;
  readonly #sent: Counter<'channel'>;
  readonly #failed: Counter<'channel' | 'outcome'>;
  #abort = new AbortController();
  #prunedAt = 0;

  constructor(private readonly options: OutboundQueueOptions) {
    const { platform } = options;
    this.#db = platform.db as ChannelDb;
    this.#loop = new PollingLoop(
      () => this.#round(),
      (error) => platform.logger.warn({ err: error }, 'desk reply queue failed; will retry'),
      () => platform.config.deskChannelPollMs,
    );
    const registers = [platform.metrics.registry];
    this.#sent = new Counter({
      name: 'kontor_desk_channel_sent_total',
      help: 'Replies Telegram or the SMS gateway took, by channel',
      labelNames: ['channel'] as const,
      registers,
    });
    this.#failed = new Counter({
      name: 'kontor_desk_channel_failed_total',
      help: 'Failed attempts to send a Telegram/SMS reply: retried later, or given up (dead)',
      labelNames: ['channel', 'outcome'] as const,
      registers,
    });
    const db = this.#db;
    new Gauge({
      name: 'kontor_desk_channel_outbox_messages',
      help: 'Telegram/SMS replies not sent: pending (waiting or being retried) and dead (given up)',
      labelNames: ['state'] as const,
      registers,
      async collect() {
        const counts = await db
          .selectFrom('desk.channel_outbox')
          .select([
            sql<number>`count(*) filter (where gave_up_at is null)::int`.as('pending'),
            sql<number>`count(*) filter (where gave_up_at is not null)::int`.as('dead'),
          ])
          .where('sent_at', 'is', null)
          .executeTakeFirstOrThrow();
        this.set({ state: 'pending' }, counts.pending);
        this.set({ state: 'dead' }, counts.dead);
      },
    });
  }

  /** Queues a reply in the caller's transaction: it goes out only if that transaction commits. */
  async enqueue(trx: Db, message: NewOutboundMessage) {
    await (trx as ChannelDb)
      .insertInto('desk.channel_outbox')
      .values({
        channel: message.channel,
        incident_id: message.incidentId,
        address: message.address,
        body: message.body,
        reply_to_message_id: message.replyToMessageId ?? null,
      })
      .execute();
  }

  start() {
    if (this.#loop.started) return;
    this.#abort = new AbortController();
    this.#loop.start();
  }

  /** Sends what is due now rather than at the next poll. */
  nudge() {
    this.#loop.nudge();
  }

  /** Stops sending; a reply on the wire is cancelled and stays queued for the next start. */
  async stop() {
    const stopped = this.#loop.stop();
    this.#abort.abort();
    await stopped;
  }

  async #round() {
    if (!this.options.isHub()) return;
    const channels = Object.keys(this.options.senders) as MessagingChannel[];
    if (channels.length === 0) return;
    while (this.#loop.started && (await this.#sendNext(channels)));
    if (Date.now() - this.#prunedAt > PRUNE_EVERY_MS) {
      this.#prunedAt = Date.now();
      await this.#db
        .deleteFrom('desk.channel_outbox')
        .where('sent_at', '<', sql<Date>`now() - make_interval(days => ${SENT_KEPT_DAYS})`)
        .execute();
    }
  }

  /** Claims, sends and settles one due reply; false when none is due. */
  async #sendNext(channels: MessagingChannel[]): Promise<boolean> {
    const due = this.#db
      .selectFrom('desk.channel_outbox')
      .select('id')
      .where('channel', 'in', channels)
      .where('sent_at', 'is', null)
      .where('gave_up_at', 'is', null)
      .where('next_attempt_at', '<=', sql<Date>`now()`)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', sql<Date>`now()`)]))
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(1)
      .forUpdate()
      .skipLocked();
    const message = await this.#db
      .updateTable('desk.channel_outbox')
      .set({ attempts: sql`attempts + 1`, lease_until: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
      .where('id', 'in', due)
      .returningAll()
      .executeTakeFirst();
    if (!message) return false;
    const sender = this.options.senders[message.channel] as ChannelSender;
    let threadKey: string | undefined;
    try {
      const signal = AbortSignal.any([this.#abort.signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]);
      ({ threadKey } = await sender.send(message, signal));
    } catch (error) {
      await this.#settleFailure(message, error);
      return this.#loop.started;
    }
    await this.options.platform.transaction(async (trx) => {
      await (trx as ChannelDb)
        .updateTable('desk.channel_outbox')
        .set({ sent_at: sql`now()`, lease_until: null, sent_thread_key: threadKey ?? null })
        .where('id', '=', message.id)
        .execute();
      if (threadKey) await this.options.rememberThread(trx, message.channel, threadKey, message.incident_id);
    });
    this.#sent.inc({ channel: message.channel });
    return true;
  }

  async #settleFailure(message: OutboundMessage, error: unknown) {
    if (this.#abort.signal.aborted) {
      // Cut off by a stop: not the reply's fault, so the attempt does not count.
      await this.#db
        .updateTable('desk.channel_outbox')
        .set({ attempts: sql`attempts - 1`, lease_until: null })
        .where('id', '=', message.id)
        .execute();
      return;
    }
    const failure =
      error instanceof SendFailure
        ? error
        : new SendFailure(error instanceof Error ? error.message : String(error), false);
    const dead = failure.permanent || message.attempts >= MAX_CHANNEL_ATTEMPTS;
    const delayMs = Math.max(
      failure.retryAfterMs,
      backoffMs(message.attempts, this.options.platform.config.deskChannelRetryBaseMs, RETRY_CAP_MS),
    );
    await this.#db
      .updateTable('desk.channel_outbox')
      .set({
        lease_until: null,
        last_error: failure.message.slice(0, 1000),
        ...(dead
          ? { gave_up_at: sql`now()` }
          : { next_attempt_at: sql`now() + make_interval(secs => ${delayMs / 1000})` }),
      })
      .where('id', '=', message.id)
      .execute();
    this.#failed.inc({ channel: message.channel, outcome: dead ? 'dead' : 'retry' });
    const facts = { replyId: message.id, channel: message.channel, attempts: message.attempts, error: failure.message };
    const { logger } = this.options.platform;
    if (dead) logger.warn(facts, 'gave up sending a desk reply; it stays in desk.channel_outbox');
    else logger.info({ ...facts, retryInMs: delayMs }, 'could not send a desk reply; will retry');
  }
}

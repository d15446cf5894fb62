import { LeasedQueue } from '../../../platform/delivery/leased-queue.js';
import type { Db, Platform } from '../../../platform/platform.js';
import type { ChannelDb, MessagingChannel, OutboundMessage } from './outbound-tables.js';

/** Attempts before a reply is left dead in `desk.channel_outbox` for an operator to look at. */
export const MAX_CHANNEL_ATTEMPTS = 8;
const RETRY_CAP_MS = 6 * 3_600_000;
/** Longer than any one attempt may take, so a live sender never loses its claim mid-send. */
const ATTEMPT_TIMEOUT_MS = 20_000;
const LEASE_MS = 60_000;
const SENT_KEPT_DAYS = 30;

/** Why a reply did not go out: permanent when trying again cannot help (the user blocked the bot). */
export { DeliveryFailure as SendFailure } from '../../../platform/delivery/leased-queue.js';

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
 * a hub after commit, through a LeasedQueue over `desk.channel_outbox` (claimed with SKIP LOCKED and a lease: hub
 * instances sharing one PostgreSQL never send a reply twice and a crashed sender's row is taken over).
 */
export class OutboundQueue {
  readonly #queue: LeasedQueue<OutboundMessage, { threadKey?: string }>;

  constructor(options: OutboundQueueOptions) {
    const { platform, senders } = options;
    const channels = Object.keys(senders) as MessagingChannel[];
    this.#queue = new LeasedQueue({
      table: 'desk.channel_outbox',
      db: platform.db,
      transaction: (work) => platform.transaction(work),
      logger: platform.logger,
      pollMs: () => platform.config.deskChannelPollMs,
      isHub: options.isHub,
      ready: () => channels.length > 0,
      claimable: (eb) => eb('channel', 'in', channels),
      leaseMs: LEASE_MS,
      maxAttempts: MAX_CHANNEL_ATTEMPTS,
      retryBaseMs: () => platform.config.deskChannelRetryBaseMs,
      retryCapMs: RETRY_CAP_MS,
      keepSentDays: SENT_KEPT_DAYS,
      send: (message, signal) =>
        (senders[message.channel] as ChannelSender).send(
          message,
          AbortSignal.any([signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]),
        ),
      async onSent(trx, message, { threadKey }) {
        if (!threadKey) return;
        await (trx as ChannelDb)
          .updateTable('desk.channel_outbox')
          .set({ sent_thread_key: threadKey })
          .where('id', '=', message.id)
          .execute();
        await options.rememberThread(trx, message.channel, threadKey, message.incident_id);
      },
      metrics: {
        registry: platform.metrics.registry,
        sent: { name: 'kontor_desk_channel_sent_total', help: 'Replies Telegram or the SMS gateway took, by channel' },
        failed: {
          name: 'kontor_desk_channel_failed_total',
          help: 'Failed attempts to send a Telegram/SMS reply: retried later, or given up (dead)',
        },
        messages: {
          name: 'kontor_desk_channel_outbox_messages',
          help: 'Telegram/SMS replies not sent: pending (waiting or being retried) and dead (given up)',
        },
        labels: { names: ['channel'], of: (message) => ({ channel: message.channel }) },
      },
      log: {
        roundFailed: 'desk reply queue failed; will retry',
        retry: 'could not send a desk reply; will retry',
        dead: 'gave up sending a desk reply; it stays in desk.channel_outbox',
        facts: (message) => ({ replyId: message.id, channel: message.channel }),
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
    this.#queue.start();
  }

  /** Sends what is due now rather than at the next poll. */
  nudge() {
    this.#queue.nudge();
  }

  /** Stops sending; a reply on the wire is cancelled and stays queued for the next start. */
  async stop() {
    await this.#queue.stop();
  }
}

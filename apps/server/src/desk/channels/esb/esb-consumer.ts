import { ESB_REASON_HEADER } from '@kontor/contracts';
import { type Channel, type ChannelModel, type ConfirmChannel, type ConsumeMessage, connect } from 'amqplib';
import type { Logger } from 'pino';
import { Counter, type Registry } from 'prom-client';
import type { EsbOutcome } from './esb-message.js';

export interface EsbConsumerSettings {
  /** amqp(s)://user:pass@host:port/vhost — a secret, never logged. */
  url: string;
  queue: string;
  /** Messages handed to the hub at once, unacknowledged: how many incidents are taken in concurrently. */
  prefetch: number;
  /** How long a message that failed for a passing reason waits before it goes back to the queue. */
  retryDelayMs: number;
}

/** First reconnect delay; it doubles per failed attempt up to the maximum, and each delay is drawn below it. */
const RECONNECT_BASE_MS = 500;
const RECONNECT_MAX_MS = 30_000;

export const deadLetterQueue = (queue: string) => `${queue}.dead`;

/**
 * The queue and its dead-letter queue, both durable. The queue names the dead-letter queue as its own too, so
 * a message the broker itself rejects (a policy's delivery limit) lands there as well.
 */
export async function declareEsbQueues(channel: Channel, queue: string) {
  await channel.assertQueue(deadLetterQueue(queue), { durable: true });
  await channel.assertQueue(queue, {
    durable: true,
    arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': deadLetterQueue(queue) },
  });
}

/** Runs `settle` on a channel that may have closed since: then the broker redelivers, and intake is idempotent. */
function onOpenChannel(settle: () => void) {
  try {
    settle();
  } catch {
    // The channel closed with the message unacknowledged; it comes back on the next connection.
  }
}

/**
 * Consumes the desk's RabbitMQ queue (docs/desk-esb.md). A message is acknowledged only after the transaction
 * that took it in has committed, or after its dead letter has been confirmed by the broker; a message that failed
 * for a passing reason is put back after a delay. When the broker goes away the consumer reconnects with
 * exponential backoff and full jitter, and the unacknowledged messages are redelivered to it.
 */
export class EsbConsumer {
  #stopped = true;
  #attempt = 0;
  #connection: ChannelModel | undefined;
  #consumer: { channel: ConfirmChannel; tag: string } | undefined;
  #reconnectTimer: NodeJS.Timeout | undefined;
  readonly #retryTimers = new Set<NodeJS.Timeout>();
  readonly #handling = new Set<Promise<void>>();
  readonly #consumed: Counter<'outcome'>;
  readonly #deadLettered: Counter;
  readonly #retried: Counter;

  constructor(
    private readonly settings: EsbConsumerSettings,
    private readonly handle: (body: Buffer) => Promise<EsbOutcome>,
    private readonly logger: Logger,
    registry: Registry,
  ) {
    this.#consumed = new Counter({
      name: 'kontor_desk_esb_consumed_total',
      help: 'ESB messages taken in, by outcome (created, duplicate)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    });
    this.#deadLettered = new Counter({
      name: 'kontor_desk_esb_dead_lettered_total',
      help: 'ESB messages sent to the dead-letter queue',
      registers: [registry],
    });
    this.#retried = new Counter({
      name: 'kontor_desk_esb_retried_total',
      help: 'ESB messages put back on the queue after a passing failure',
      registers: [registry],
    });
  }

  start() {
    this.#stopped = false;
    void this.#connect();
  }

  /** Stops taking messages, lets those being handled finish, and closes the connection. */
  async stop() {
    this.#stopped = true;
    clearTimeout(this.#reconnectTimer);
    // Messages waiting for a retry stay unacknowledged: the broker puts them back when the connection closes.
    for (const timer of this.#retryTimers) clearTimeout(timer);
    this.#retryTimers.clear();
    const consumer = this.#consumer;
    if (consumer) await consumer.channel.cancel(consumer.tag).catch(() => undefined);
    await Promise.allSettled([...this.#handling]);
    await this.#connection?.close().catch(() => undefined);
    this.#connection = undefined;
  }

  async #connect() {
    if (this.#stopped) return;
    const { queue } = this.settings;
    let connection: ChannelModel | undefined;
    try {
      connection = await connect(this.settings.url, { clientProperties: { connection_name: `kontor desk ${queue}` } });
      const opened = connection;
      opened.on('error', (error: Error) => this.logger.warn({ err: error, queue }, 'ESB connection failed'));
      opened.on('close', () => this.#lost(opened));
      this.#connection = opened;
      const channel = await opened.createConfirmChannel();
      // A channel error (the queue deleted, a refused declaration) ends it; a new connection starts over.
      channel.on('close', () => void opened.close().catch(() => undefined));
      channel.on('error', (error: Error) => this.logger.warn({ err: error, queue }, 'ESB channel failed'));
      await declareEsbQueues(channel, queue);
      await channel.prefetch(this.settings.prefetch);
      const { consumerTag } = await channel.consume(queue, (message) => {
        if (message) this.#track(this.#deliver(channel, message));
        // A null delivery means the broker cancelled the consumer (the queue went away): start over.
        else void opened.close().catch(() => undefined);
      });
      this.#consumer = { channel, tag: consumerTag };
      this.#attempt = 0;
      this.logger.info({ queue, prefetch: this.settings.prefetch }, 'consuming the ESB queue');
      if (this.#stopped) await this.stop();
    } catch (error) {
      this.logger.warn({ err: error, queue }, 'cannot consume the ESB queue; trying again');
      if (connection) await connection.close().catch(() => undefined);
      this.#scheduleReconnect();
    }
  }

  #lost(connection: ChannelModel) {
    if (this.#connection !== connection) return;
    this.#connection = undefined;
    this.#consumer = undefined;
    if (!this.#stopped) this.logger.warn({ queue: this.settings.queue }, 'lost the ESB connection; reconnecting');
    this.#scheduleReconnect();
  }

  #scheduleReconnect() {
    if (this.#stopped || this.#reconnectTimer) return;
    // Full jitter: hubs that lost one broker together do not come back at the same instant.
    const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** this.#attempt);
    this.#attempt += 1;
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = undefined;
      void this.#connect();
    }, Math.random() * ceiling);
  }

  #track(work: Promise<void>) {
    this.#handling.add(work);
    void work.finally(() => this.#handling.delete(work));
  }

  async #deliver(channel: ConfirmChannel, message: ConsumeMessage) {
    let outcome: EsbOutcome;
    try {
      outcome = await this.handle(message.content);
    } catch (error) {
      this.#retried.inc();
      this.logger.warn({ err: error, queue: this.settings.queue }, 'an ESB message failed; it goes back later');
      const timer = setTimeout(() => {
        this.#retryTimers.delete(timer);
        onOpenChannel(() => channel.nack(message, false, true));
      }, this.settings.retryDelayMs);
      this.#retryTimers.add(timer);
      return;
    }
    if (outcome.kind === 'dead') {
      try {
        await this.#deadLetter(channel, message, outcome.reason);
      } catch {
        return; // Not confirmed: the message stays unacknowledged and comes back.
      }
      this.#deadLettered.inc();
      this.logger.info(
        { queue: this.settings.queue, reason: outcome.reason },
        'an ESB message went to the dead letters',
      );
    } else this.#consumed.inc({ outcome: outcome.received.outcome });
    onOpenChannel(() => channel.ack(message));
  }

  /** Publishes the original body with the reason to `<queue>.dead` and waits for the broker's confirm. */
  #deadLetter(channel: ConfirmChannel, message: ConsumeMessage, reason: string) {
    const { properties } = message;
    return new Promise<void>((resolve, reject) => {
      channel.sendToQueue(
        deadLetterQueue(this.settings.queue),
        message.content,
        {
          persistent: true,
          contentType: properties.contentType,
          messageId: properties.messageId,
          headers: { ...properties.headers, [ESB_REASON_HEADER]: reason },
        },
        (error: unknown) => (error ? reject(error) : resolve()),
      );
    });
  }
}

import { randomUUID } from 'node:crypto';
import { type FeedPage, WEBHOOK_MAX_ATTEMPTS } from '@kontor/contracts';
import { Counter } from 'prom-client';
import { Outbox } from '../../platform/events/outbox.js';
import type { Platform } from '../../platform/platform.js';
import { PollingLoop } from '../../platform/polling-loop.js';
import { backoffMs, postSigned, type SignedPostOutcome } from '../../platform/webhooks/signed-post.js';
import { SYNC_APPLIED_TOPIC } from '../../sync/index.js';
import { ORDERS_TOPIC } from '../order-service.js';
import type { WebhooksDb } from './tables.js';
import { type ClaimedDelivery, webhookRepository } from './webhook-repository.js';
import { WEBHOOKS_TOPIC } from './webhook-service.js';

export interface WebhookDispatcherOptions {
  /** How often it looks for work when no event nudges it. */
  pollMs: number;
  /** The first retry waits up to this long; each further one up to twice as long as the one before … */
  backoffBaseMs: number;
  /** … but never longer than this. */
  backoffCapMs: number;
  /** Failed attempts after which a delivery is dead-lettered. */
  maxAttempts: number;
  /** How long a receiver has to answer. */
  timeoutMs: number;
  /** Feed items read per page, and deliveries taken per round. */
  batch: number;
  /** How long delivered deliveries are kept to be looked at. */
  keepDeliveredDays: number;
}

export const defaultDispatcherOptions: WebhookDispatcherOptions = {
  pollMs: 1_000,
  backoffBaseMs: 5_000,
  backoffCapMs: 3_600_000,
  maxAttempts: WEBHOOK_MAX_ATTEMPTS,
  timeoutMs: 10_000,
  batch: 100,
  keepDeliveredDays: 30,
};

/** A claim outlives any attempt by this much, so no other hub instance takes the delivery while it is under way. */
const LEASE_MARGIN_MS = 30_000;
const PRUNE_EVERY_MS = 3_600_000;
/** Feed pages turned into deliveries per webhook and round, so one far-behind webhook does not starve sending. */
const PAGES_PER_ROUND = 10;
/** Orders changed (placed here or arrived by replication): there may be feed items to send. */
const WAKING_TOPICS = new Set([ORDERS_TOPIC, SYNC_APPLIED_TOPIC]);

export interface WebhookDispatcherDeps {
  platform: Platform;
  /** The supplier feed (feed.ts): deliveries carry exactly the items GET /api/supplies/feed returns. */
  feed: { page(after: number, limit: number): Promise<FeedPage> };
  /** Only the hub sends; a workstation keeps its (inherited) webhooks idle. */
  isHub: () => boolean;
}

/**
 * Sends the supplier feed to the webhooks, on the hub: each round it (a) turns feed items beyond each active
 * webhook's cursor into deliveries, advancing the cursor in the same transaction, and (b) makes one attempt at each
 * due delivery, at most one at a time per webhook and in cursor order, each webhook independently of the others.
 * A failed attempt is retried after an exponential backoff; after `maxAttempts` the delivery is dead until an
 * administrator retries it. Secrets go into signatures only, never into logs.
 */
export class WebhookDispatcher {
  readonly #db: WebhooksDb;
  readonly #attempts: Counter<'outcome'>;
  #options: WebhookDispatcherOptions;
  readonly #loop: PollingLoop;
  #unsubscribe: (() => void) | undefined;
  #abort = new AbortController();
  /** The attempt under way for each webhook. */
  readonly #inFlight = new Map<string, Promise<void>>();
  #prunedAt = 0;

  constructor(
    private readonly deps: WebhookDispatcherDeps,
    options: Partial<WebhookDispatcherOptions> = {},
  ) {
    this.#db = deps.platform.db as WebhooksDb;
    this.#options = { ...defaultDispatcherOptions, ...options };
    this.#loop = new PollingLoop(
      () => this.#round(),
      (error) => deps.platform.logger.warn({ err: error }, 'webhook round failed; will retry'),
      () => this.#options.pollMs,
    );
    this.#attempts = new Counter({
      name: 'kontor_webhook_attempts_total',
      help: 'Webhook delivery attempts by outcome (delivered, failed, dead)',
      labelNames: ['outcome'] as const,
      registers: [deps.platform.metrics.registry],
    });
  }

  get options(): Readonly<WebhookDispatcherOptions> {
    return this.#options;
  }

  start() {
    if (this.#loop.started) return;
    this.#abort = new AbortController();
    this.#unsubscribe = this.deps.platform.bus.subscribe((event) => {
      if (WAKING_TOPICS.has(event.topic)) this.nudge();
    });
    this.#loop.start();
  }

  /** Looks for work now rather than at the next poll. */
  nudge() {
    this.#loop.nudge();
  }

  /** Stops looking for work and abandons attempts under way (their deliveries are tried again later). */
  async stop() {
    const stopped = this.#loop.stop();
    this.#unsubscribe?.();
    this.#abort.abort();
    await stopped;
    await Promise.allSettled(this.#inFlight.values());
  }

  /** Restarts with other timings (tests make the backoff tiny). */
  async reconfigure(options: Partial<WebhookDispatcherOptions>) {
    await this.stop();
    this.#options = { ...this.#options, ...options };
    this.start();
  }

  async #round() {
    if (!this.deps.isHub()) return;
    await this.#enqueue();
    await this.#dispatch();
    if (Date.now() - this.#prunedAt > PRUNE_EVERY_MS) {
      this.#prunedAt = Date.now();
      await webhookRepository.prune(this.#db, this.#options.keepDeliveredDays);
    }
  }

  async #enqueue() {
    const feedEnd = await webhookRepository.feedEnd(this.#db);
    for (const hook of await webhookRepository.behind(this.#db, feedEnd)) {
      let cursor = Number(hook.cursor);
      for (let pages = 0; pages < PAGES_PER_ROUND && this.#loop.started; pages += 1) {
        const page = await this.deps.feed.page(cursor, this.#options.batch);
        if (page.next === cursor) break;
        const wanted = page.items.filter((item) => hook.kinds.length === 0 || hook.kinds.includes(item.kind));
        const from = cursor;
        const advanced = await this.#db.transaction().execute(async (trx) => {
          if (!(await webhookRepository.advance(trx, hook.id, from, page.next))) return false;
          await webhookRepository.insertDeliveries(
            trx,
            wanted.map((item) => ({
              id: randomUUID(),
              webhook_id: hook.id,
              cursor: String(item.cursor),
              kind: item.kind,
              payload: JSON.stringify(item),
            })),
          );
          return true;
        });
        if (!advanced) break;
        cursor = page.next;
      }
    }
  }

  async #dispatch() {
    if (!this.#loop.started) return;
    const { batch, timeoutMs } = this.#options;
    const claimed = await this.#db
      .transaction()
      .execute((trx) => webhookRepository.claim(trx, [...this.#inFlight.keys()], batch, timeoutMs + LEASE_MARGIN_MS));
    for (const delivery of claimed) {
      const attempt = this.#attempt(delivery)
        .catch((error: unknown) =>
          this.deps.platform.logger.warn(
            { err: error, webhook: delivery.webhook_id, delivery: delivery.id },
            'could not record a webhook attempt; it is tried again when its claim runs out',
          ),
        )
        .finally(() => {
          this.#inFlight.delete(delivery.webhook_id);
          // The webhook's next delivery may be waiting behind this one.
          this.nudge();
        });
      this.#inFlight.set(delivery.webhook_id, attempt);
    }
  }

  async #attempt(delivery: ClaimedDelivery) {
    const { timeoutMs, maxAttempts, backoffBaseMs, backoffCapMs } = this.#options;
    const payload = typeof delivery.payload === 'string' ? JSON.parse(delivery.payload) : delivery.payload;
    let outcome: SignedPostOutcome;
    try {
      outcome = await postSigned({
        url: delivery.url,
        secret: delivery.secret,
        deliveryId: delivery.id,
        event: delivery.kind,
        body: JSON.stringify({ id: delivery.id, ...(payload as object) }),
        timeoutMs,
        signal: this.#abort.signal,
      });
    } catch {
      // Stopped while sending: the delivery goes back unchanged and is tried again later.
      await webhookRepository.release(this.#db, delivery.id);
      return;
    }
    if (outcome.delivered) {
      await this.#record(delivery, 'delivered', (db) =>
        webhookRepository.delivered(db, delivery.id, outcome.statusCode),
      );
      return;
    }
    const { statusCode, error } = outcome;
    const attempts = delivery.attempts + 1;
    const dead = attempts >= maxAttempts;
    const retryInMs = backoffMs(attempts, backoffBaseMs, backoffCapMs);
    await this.#record(delivery, dead ? 'dead' : 'failed', (db) =>
      webhookRepository.failed(db, delivery.id, { statusCode, error, dead, retryInMs }),
    );
    const log = { webhook: delivery.webhook_id, delivery: delivery.id, attempts, statusCode };
    if (dead) this.deps.platform.logger.warn(log, 'webhook delivery failed for the last time: dead-lettered');
    else this.deps.platform.logger.info({ ...log, retryInMs }, 'webhook delivery failed; will retry');
  }

  async #record(
    delivery: ClaimedDelivery,
    outcome: 'delivered' | 'failed' | 'dead',
    write: (db: WebhooksDb) => Promise<unknown>,
  ) {
    await this.deps.platform.transaction(async (trx) => {
      await write(trx as WebhooksDb);
      await Outbox.add(trx, WEBHOOKS_TOPIC, { webhookId: delivery.webhook_id, deliveryId: delivery.id, outcome });
    });
    this.#attempts.inc({ outcome });
  }
}

import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { Logger } from 'pino';
import { Counter, Gauge, type Registry } from 'prom-client';
import { PollingLoop } from '../polling-loop.js';
import { backoffMs } from '../webhooks/signed-post.js';

// biome-ignore lint/suspicious/noExplicitAny: the queue's table is named at run time
type AnyDb = Kysely<any>;

/** Why an attempt failed; `permanent` when trying again cannot help (a rejected recipient, a blocked bot). */
export class DeliveryFailure extends Error {
  override name = 'DeliveryFailure';
  constructor(
    message: string,
    readonly permanent = false,
    /** The receiver asked to wait this long (Telegram's `retry_after`): the retry waits at least as much. */
    readonly retryAfterMs = 0,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The columns every queue table has (see platform 0002_mail.sql): a row is pending until sent or given up. */
export interface QueuedRow {
  id: string | number;
  /** Counted when the row is claimed, so an attempt cut short by a crash counts too. */
  attempts: number;
}

/** A failed attempt as it was settled. */
export interface SettledFailure {
  failure: DeliveryFailure;
  /** Given up: `gave_up_at` is set and the row stays for an operator. */
  dead: boolean;
  /** When not dead: the wait before the next attempt. */
  retryInMs: number;
}

export interface LeasedQueueMetrics<Row> {
  registry: Registry;
  sent: { name: string; help: string };
  /** Labelled `outcome` = retry | dead, besides `labels`. */
  failed: { name: string; help: string };
  /** The gauge of rows not sent, labelled `state` = pending | dead. */
  messages: { name: string; help: string };
  /** Labels of the sent and failed counters taken from the row (e.g. its channel). */
  labels?: { names: readonly string[]; of: (row: Row) => Record<string, string> };
}

export interface LeasedQueueOptions<Row extends QueuedRow, Result> {
  /** A table with the columns id, attempts, next_attempt_at, lease_until, sent_at, gave_up_at, last_error. */
  table: string;
  db: AnyDb;
  /** Runs the settling writes; the platform's one also publishes the outbox events a hook adds. */
  transaction?: <T>(work: (trx: AnyDb) => Promise<T>) => Promise<T>;
  logger: Logger;
  pollMs: () => number;
  /** Read at every round: an instance promoted to hub starts sending without a restart. */
  isHub: () => boolean;
  /** False while nothing can be sent (not configured): rows stay queued. */
  ready?: () => boolean;
  /** Narrows the rows this instance may claim (e.g. to the channels it has configured). */
  claimable?: (eb: ExpressionBuilder<Record<string, Row>, string>) => Expression<SqlBool>;
  /** Rows claimed and attempted together; 1 sends one at a time in order. */
  batch?: number;
  /** Longer than an attempt can last, so a live sender never loses its claim; a crashed one's runs out. */
  leaseMs: number;
  maxAttempts: number;
  retryBaseMs: () => number;
  retryCapMs: number;
  /** Sent rows are deleted after this many days; kept for ever when absent. */
  keepSentDays?: number;
  /** One attempt. Throws (preferably a DeliveryFailure) when it failed; `signal` aborts it when the queue stops. */
  send(row: Row, signal: AbortSignal): Promise<Result>;
  /** Called inside the transaction that marks the row sent. */
  onSent?(trx: AnyDb, row: Row, result: Result): Promise<void>;
  /** Called inside the transaction that records a failed attempt. */
  onFailed?(trx: AnyDb, row: Row, settled: SettledFailure): Promise<void>;
  metrics?: LeasedQueueMetrics<Row>;
  log: {
    roundFailed: string;
    retry: string;
    dead: string;
    /** What identifies the row in a log line (never a secret). */
    facts(row: Row, failure: DeliveryFailure): Record<string, unknown>;
  };
}

const PRUNE_EVERY_MS = 3_600_000;
const after = (ms: number) => sql<Date>`now() + make_interval(secs => ${ms / 1000})`;

/**
 * Rows written in a caller's transaction and sent after commit by a hub. Due rows are claimed with
 * FOR UPDATE SKIP LOCKED and a lease, so instances sharing one PostgreSQL never send a row twice and a crashed
 * sender's row is taken over when its lease runs out. A failure is retried after a full-jitter exponential backoff,
 * until `maxAttempts` or a permanent failure leaves the row dead (`gave_up_at`) for an operator.
 */
export class LeasedQueue<Row extends QueuedRow, Result = void> {
  readonly #options: LeasedQueueOptions<Row, Result>;
  readonly #transaction: <T>(work: (trx: AnyDb) => Promise<T>) => Promise<T>;
  readonly #loop: PollingLoop;
  readonly #sent: Counter | undefined;
  readonly #failed: Counter | undefined;
  #abort = new AbortController();
  #prunedAt = 0;

  constructor(options: LeasedQueueOptions<Row, Result>) {
    this.#options = options;
    this.#transaction = options.transaction ?? ((work) => options.db.transaction().execute(work));
    this.#loop = new PollingLoop(
      () => this.#round(),
      (error) => options.logger.warn({ err: error }, options.log.roundFailed),
      options.pollMs,
    );
    const { metrics } = options;
    if (metrics) {
      const registers = [metrics.registry];
      const labelNames = metrics.labels?.names ?? [];
      this.#sent = new Counter({ ...metrics.sent, labelNames, registers });
      this.#failed = new Counter({ ...metrics.failed, labelNames: [...labelNames, 'outcome'], registers });
      const { db, table } = options;
      new Gauge({
        ...metrics.messages,
        labelNames: ['state'] as const,
        registers,
        async collect() {
          const counts = await db
            .selectFrom(table)
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
  }

  get started(): boolean {
    return this.#loop.started;
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

  /** Stops sending; an attempt under way is aborted, does not count, and its row stays queued. */
  async stop() {
    const stopped = this.#loop.stop();
    this.#abort.abort();
    await stopped;
  }

  async #round() {
    const { isHub, ready, keepSentDays, db, table } = this.#options;
    if (!isHub() || !(ready?.() ?? true)) return;
    while (this.#loop.started) {
      const claimed = await this.claim();
      if (claimed.length === 0) break;
      await Promise.all(claimed.map((row) => this.#attempt(row)));
    }
    if (keepSentDays !== undefined && Date.now() - this.#prunedAt > PRUNE_EVERY_MS) {
      this.#prunedAt = Date.now();
      await db
        .deleteFrom(table)
        .where('sent_at', '<', sql<Date>`now() - make_interval(days => ${keepSentDays})`)
        .execute();
    }
  }

  /** Takes the due rows for one attempt each (exported for tests: what two instances claiming at once get). */
  async claim(): Promise<Row[]> {
    const { db, table, claimable, batch = 1, leaseMs } = this.#options;
    let due = db
      .selectFrom(table)
      .select('id')
      .where('sent_at', 'is', null)
      .where('gave_up_at', 'is', null)
      .where('next_attempt_at', '<=', sql<Date>`now()`)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', sql<Date>`now()`)]));
    if (claimable) due = due.where(claimable);
    return (await db
      .updateTable(table)
      .set({ attempts: sql`attempts + 1`, lease_until: after(leaseMs) })
      .where('id', 'in', due.orderBy('next_attempt_at').orderBy('id').limit(batch).forUpdate().skipLocked())
      .returningAll()
      .execute()) as Row[];
  }

  async #attempt(row: Row) {
    let result: Result;
    try {
      result = await this.#options.send(row, this.#abort.signal);
    } catch (error) {
      await this.#settleFailure(row, error);
      return;
    }
    await this.#transaction(async (trx) => {
      await trx
        .updateTable(this.#options.table)
        .set({ sent_at: sql`now()`, lease_until: null })
        .where('id', '=', row.id)
        .execute();
      await this.#options.onSent?.(trx, row, result);
    });
    this.#sent?.inc(this.#labels(row));
  }

  async #settleFailure(row: Row, error: unknown) {
    const { db, table, maxAttempts, retryCapMs, logger, log } = this.#options;
    if (this.#abort.signal.aborted) {
      // Cut off by a stop: not the row's fault, so the attempt does not count.
      await db
        .updateTable(table)
        .set({ attempts: sql`attempts - 1`, lease_until: null })
        .where('id', '=', row.id)
        .execute();
      return;
    }
    const failure =
      error instanceof DeliveryFailure
        ? error
        : new DeliveryFailure(error instanceof Error ? error.message : String(error), false, 0, { cause: error });
    const dead = failure.permanent || row.attempts >= maxAttempts;
    const retryInMs = Math.max(failure.retryAfterMs, backoffMs(row.attempts, this.#options.retryBaseMs(), retryCapMs));
    await this.#transaction(async (trx) => {
      await trx
        .updateTable(table)
        .set({
          lease_until: null,
          last_error: failure.message.slice(0, 1000),
          ...(dead ? { gave_up_at: sql`now()` } : { next_attempt_at: after(retryInMs) }),
        })
        .where('id', '=', row.id)
        .execute();
      await this.#options.onFailed?.(trx, row, { failure, dead, retryInMs });
    });
    if (!dead) this.#loop.wakeIn(retryInMs);
    this.#failed?.inc({ ...this.#labels(row), outcome: dead ? 'dead' : 'retry' });
    const facts = { ...log.facts(row, failure), attempts: row.attempts, error: failure.message };
    if (dead) logger.warn(facts, log.dead);
    else logger.info({ ...facts, retryInMs }, log.retry);
  }

  #labels(row: Row): Record<string, string> {
    return this.#options.metrics?.labels?.of(row) ?? {};
  }
}

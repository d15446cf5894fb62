import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import { PollingLoop } from '../polling-loop.js';
import { queuedWork } from '../queued-work.js';
import type { EventBus } from './bus.js';

type OutboxTables = {
  'platform.outbox': {
    id: number;
    event_id: string;
    topic: string;
    payload: unknown;
    created_at: Date;
    published_at: Date | null;
  };
};

const BATCH = 100;
// Published rows are kept a day for inspection, then removed so the table stays small.
const PRUNE_EVERY_MS = 3_600_000;

/**
 * Moves committed outbox rows onto the bus. Several hub instances may run one each: rows are claimed
 * with SKIP LOCKED so each is published by one of them, and at least once.
 */
export class Outbox {
  readonly #db: Kysely<OutboxTables>;
  readonly #loop: PollingLoop;
  #prunedAt = 0;

  constructor(
    // biome-ignore lint/suspicious/noExplicitAny: narrowed to the outbox table below
    db: Kysely<any>,
    private readonly bus: EventBus,
    private readonly logger: Logger,
    private readonly pollMs: number,
  ) {
    this.#db = db.withTables<OutboxTables>();
    this.#loop = new PollingLoop(
      () => this.#drain(),
      (error) => this.logger.warn({ err: error }, 'outbox publish failed; will retry'),
      () => this.pollMs,
    );
  }

  /** Adds an event to the transaction `trx`; it is published only if that transaction commits. */
  // biome-ignore lint/suspicious/noExplicitAny: any module's transaction
  static async add(trx: Kysely<any>, topic: string, payload: unknown): Promise<void> {
    await trx
      .withTables<OutboxTables>()
      .insertInto('platform.outbox')
      .values({ topic, payload: JSON.stringify(payload) })
      .execute();
    queuedWork.note();
  }

  start() {
    this.#loop.start();
  }

  /** Publishes pending events now rather than at the next poll; called after a commit that added some. */
  nudge() {
    this.#loop.nudge();
  }

  stop(): Promise<void> {
    return this.#loop.stop();
  }

  async #drain() {
    for (;;) {
      const published = await this.#db.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom('platform.outbox')
          .select(['id', 'event_id', 'topic', 'payload', 'created_at'])
          .where('published_at', 'is', null)
          .orderBy('id')
          .limit(BATCH)
          .forUpdate()
          .skipLocked()
          .execute();
        for (const row of rows) {
          await this.bus.publish({
            id: row.event_id,
            topic: row.topic,
            payload: row.payload,
            at: row.created_at.toISOString(),
          });
        }
        if (rows.length > 0) {
          await trx
            .updateTable('platform.outbox')
            .set({ published_at: sql`now()` })
            .where(
              'id',
              'in',
              rows.map((row) => row.id),
            )
            .execute();
        }
        return rows.length;
      });
      if (published < BATCH) break;
    }
    if (Date.now() - this.#prunedAt > PRUNE_EVERY_MS) {
      this.#prunedAt = Date.now();
      await this.#db
        .deleteFrom('platform.outbox')
        .where('published_at', '<', sql<Date>`now() - interval '1 day'`)
        .execute();
    }
  }
}

import { systemContext } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import type { Platform } from '../../platform/platform.js';
import type { FacadeMetrics } from '../facade/facade-metrics.js';
import { LegacyUnavailable } from '../facade/legacy-client.js';
import { byteOrder, type EntityPort, type LegacyRecordBase, type OurCopyBase, type WalkPage } from './entity-ports.js';
import { type BackfillRow, migrationDb, migrationRepository as repo } from './migration-repository.js';
import { BACKOFF_CAP_MS, backoffMs, RateWindow, sleep, TokenBucket } from './pacing.js';

/** How long a walking instance holds the walk without committing before another instance may take it over. */
const LEASE_MS = BACKOFF_CAP_MS * 2;

export interface BackfillSettings {
  batchSize: number;
  ratePerSecond: number;
}

export interface BackfillDeps<R extends LegacyRecordBase, S extends OurCopyBase> {
  platform: Platform;
  port: EntityPort<R, S>;
  metrics: FacadeMetrics;
  isHub: () => boolean;
  /** The legacy CRM's count of this entity's records, for the end of a run. */
  legacyTotal: () => Promise<number>;
  /** This instance's name in the lease. */
  runner: string;
  settings: BackfillSettings;
}

interface Ahead<R extends LegacyRecordBase> {
  from: string | null;
  page: Promise<WalkPage<R>>;
}

/** A walk under way: its pace, its stop, the page asked for ahead, and where its last commit left it. */
interface Walk<R extends LegacyRecordBase> {
  bucket: TokenBucket;
  signal: AbortSignal;
  ahead: Ahead<R> | undefined;
  /**
   * Known after a commit of this walk (the next commit checks it still holds under the row lock); undefined: read
   * the row first.
   */
  position: string | null | undefined;
}

/** One entity's backfill as this instance drives it: started, woken and stopped by the migration service. */
export interface BackfillControl {
  /** Walks here, unless this instance already does; the walk ends by itself when the state says so. */
  launch(): void;
  /** Ends a walk under way here and waits for it (it commits no batch after). */
  halt(): Promise<void>;
  /** Records per second lately, 0 when not walking here. */
  ratePerSecond(): number;
}

/**
 * A record our service refuses, as opposed to a failure to reach the database: the service said no (4xx), or the
 * database refused the values (SQLSTATE class 22, data exception, or 23, integrity constraint: a duplicate number).
 */
function refusal(error: unknown): string | undefined {
  if (error instanceof AppError) return error.status < 500 ? error.message : undefined;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^2[23]/.test(code)) return (error as Error).message;
  return undefined;
}

const UNTAKEN = 'another record already holds its number or ref';

const malformed = (record: { id: string; error: string }) => ({
  id: record.id,
  error: `Malformed in the legacy CRM: ${record.error}`,
});

const legacyMessage = (error: unknown) =>
  error instanceof LegacyUnavailable ? error.message : 'Kontor could not save a batch (see the log); it tries again';

/**
 * Walks the legacy CRM by id in batches and moves each batch into our service: the records and the position after
 * them commit in one transaction, so a stop at any point resumes exactly after the last batch that committed and no
 * record goes through twice. Paced by a token bucket; failures to reach the legacy CRM (or the database) are retried
 * with growing, jittered pauses; a record our service refuses is set aside in the failures table and the walk goes on.
 */
export class BackfillRunner<R extends LegacyRecordBase, S extends OurCopyBase> implements BackfillControl {
  #walk: { abort: AbortController; done: Promise<void> } | undefined;
  #rate = new RateWindow();

  constructor(private readonly deps: BackfillDeps<R, S>) {}

  get #entity() {
    return this.deps.port.entity;
  }

  launch(): void {
    if (this.#walk) return;
    const abort = new AbortController();
    this.#rate = new RateWindow();
    const done = this.#run(abort.signal)
      .catch((error: unknown) =>
        this.deps.platform.logger.error({ err: error, entity: this.#entity }, 'the legacy backfill stopped'),
      )
      .finally(() => {
        this.#walk = undefined;
      });
    this.#walk = { abort, done };
  }

  async halt(): Promise<void> {
    const walk = this.#walk;
    if (!walk) return;
    walk.abort.abort();
    await walk.done;
  }

  ratePerSecond(): number {
    return this.#walk ? this.#rate.perSecond() : 0;
  }

  async #run(signal: AbortSignal): Promise<void> {
    const bucket = new TokenBucket(this.deps.settings.ratePerSecond);
    const walk: Walk<R> = { bucket, signal, ahead: undefined, position: undefined };
    let attempt = 0;
    while (!signal.aborted && this.deps.isHub()) {
      try {
        if (!(await this.#step(walk))) return;
        attempt = 0;
      } catch (error) {
        walk.ahead = undefined;
        walk.position = undefined;
        if (signal.aborted) return;
        attempt += 1;
        await this.#noteError(error);
        await sleep(backoffMs(attempt), signal);
      }
    }
  }

  /** The page after `from`, once the rate allows; it may be asked for while the previous batch commits. */
  #fetch(walk: Walk<R>, from: string | null): Ahead<R> {
    const { batchSize } = this.deps.settings;
    const page = (async () => {
      await sleep(walk.bucket.take(batchSize), walk.signal);
      if (walk.signal.aborted) throw new Error('stopping');
      return this.deps.port.walk(from, batchSize);
    })();
    // Awaited by the next step, or dropped when the walk ends first.
    page.catch(() => undefined);
    return { from, page };
  }

  /** One batch; false when the walk ends here (finished, paused, taken over, or stopping). */
  async #step(walk: Walk<R>): Promise<boolean> {
    let position = walk.position;
    walk.position = undefined;
    if (position === undefined) {
      const row = await repo.backfill(migrationDb(this.deps.platform.db), this.#entity);
      if (!this.#mayWalk(row)) return false;
      position = row.position;
    }
    const current = walk.ahead?.from === position ? walk.ahead : this.#fetch(walk, position);
    walk.ahead = undefined;
    const page = await current.page;
    // The legacy CRM answers the next page while this one commits: walking and writing overlap.
    if (page.hasMore && page.last !== null) walk.ahead = this.#fetch(walk, page.last);
    if (page.last !== null && page.last !== position) {
      const next = await this.#commit(position, page);
      if (next === undefined) return false;
      position = next;
    }
    if (page.hasMore) {
      walk.position = position;
      return true;
    }
    await this.#finish(position);
    return false;
  }

  #mayWalk(row: BackfillRow): boolean {
    if (row.state !== 'running') return false;
    return row.runner === null || row.runner === this.deps.runner || (row.lease_until?.getTime() ?? 0) < Date.now();
  }

  /**
   * Commits a page: all at once, or, when our service refuses a record of it, record by record in id order (so a
   * stop in between still resumes exactly), setting aside the refused ones. The new position, or undefined when
   * the walk is no longer this instance's.
   */
  async #commit(from: string | null, page: WalkPage<R>): Promise<string | undefined> {
    const last = page.last as string;
    try {
      return await this.#commitBatch(from, last, page.items, page.malformed.map(malformed));
    } catch (error) {
      if (refusal(error) === undefined) throw error;
    }
    const entries = [
      ...page.items.map((record) => ({ id: record.id, record })),
      ...page.malformed.map((record) => ({ id: record.id, failure: malformed(record) })),
    ].sort((a, b) => byteOrder(a.id, b.id));
    let position = from;
    for (const entry of entries) {
      const next =
        'record' in entry
          ? await this.#commitOrSetAside(position, entry.record)
          : await this.#commitBatch(position, entry.id, [], [entry.failure]);
      if (next === undefined) return undefined;
      position = next;
    }
    return position === last ? last : this.#commitBatch(position, last, [], []);
  }

  async #commitOrSetAside(from: string | null, record: R): Promise<string | undefined> {
    try {
      return await this.#commitBatch(from, record.id, [record], []);
    } catch (error) {
      const reason = refusal(error);
      if (reason === undefined) throw error;
      this.deps.platform.logger.warn({ entity: this.#entity, legacyId: record.id, reason }, 'legacy record refused');
      return this.#commitBatch(from, record.id, [], [{ id: record.id, error: `Our service refused it: ${reason}` }]);
    }
  }

  /**
   * Moves `records`, sets `failures` aside and moves the position to `to`, in one transaction, if the walk is still
   * this instance's and still stands at `from`.
   */
  async #commitBatch(
    from: string | null,
    to: string,
    records: R[],
    failures: Array<{ id: string; error: string }>,
  ): Promise<string | undefined> {
    const { platform, port, runner } = this.deps;
    const moved = await platform.transaction(async (trx) => {
      const db = migrationDb(trx);
      const row = await repo.lock(db, this.#entity);
      if (!this.#mayWalk(row) || row.position !== from) return undefined;
      const count = records.length > 0 ? await port.importLegacy(trx, records) : 0;
      await repo.clearFailures(
        db,
        this.#entity,
        records.map((record) => record.id),
      );
      await repo.addFailures(db, this.#entity, failures);
      const processed = records.length + failures.length;
      const leaseUntil = new Date(Date.now() + LEASE_MS);
      await repo.advance(db, this.#entity, { position: to, processed, runner, leaseUntil });
      return count;
    });
    if (moved === undefined) return undefined;
    if (moved > 0) this.deps.metrics.migrated(this.#entity, 'backfill', moved);
    if (moved < records.length) await this.#setAsideUntaken(records);
    this.#rate.add(records.length + failures.length);
    return to;
  }

  /**
   * Records our service passed over without an error (a conflict it ignores: another record already holds the
   * order's number, say) are set aside like refused ones, rather than left pending without a word. Those already
   * here (migrated by an edit, or by an earlier run) are not among them.
   */
  async #setAsideUntaken(records: R[]): Promise<void> {
    const { platform, port } = this.deps;
    const ctx = systemContext('crm-backfill');
    const here = new Set(
      (
        await port.ours(
          ctx,
          records.map((record) => record.id),
        )
      ).map((copy) => copy.legacyId),
    );
    const untaken = records
      .filter((record) => !here.has(record.id))
      .map((record) => ({ id: record.id, error: `Our service refused it: ${UNTAKEN}` }));
    if (untaken.length === 0) return;
    platform.logger.warn({ entity: this.#entity, legacyIds: untaken.map((record) => record.id) }, UNTAKEN);
    await platform.transaction((trx) => repo.addFailures(migrationDb(trx), this.#entity, untaken));
  }

  /** The walk reached the end: counts the legacy records again and marks the run done. */
  async #finish(position: string | null): Promise<void> {
    const total = await this.deps.legacyTotal();
    await this.deps.platform.transaction(async (trx) => {
      const db = migrationDb(trx);
      const row = await repo.lock(db, this.#entity);
      if (!this.#mayWalk(row) || row.position !== position) return;
      const now = new Date();
      await repo.update(db, this.#entity, {
        state: 'done',
        legacy_total: total,
        finished_at: now,
        updated_at: now,
        last_error: null,
        runner: null,
        lease_until: null,
      });
    });
  }

  async #noteError(error: unknown): Promise<void> {
    const { platform } = this.deps;
    platform.logger.warn({ err: error, entity: this.#entity }, 'legacy backfill step failed; retrying');
    await repo
      .update(migrationDb(platform.db), this.#entity, { last_error: legacyMessage(error), updated_at: new Date() })
      .catch(() => undefined);
  }
}

import { randomUUID } from 'node:crypto';
import type { CrmConsistencyReport, CrmEntity, CrmEntityMigration, CrmMigrationStatus } from '@kontor/contracts';
import type { RequestContext } from '../../platform/context.js';
import { Outbox } from '../../platform/events/outbox.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { Platform } from '../../platform/platform.js';
import { PollingLoop } from '../../platform/polling-loop.js';
import type { ClientsService } from '../clients/clients-service.js';
import { stateConflict } from '../errors.js';
import type { FacadeMetrics } from '../facade/facade-metrics.js';
import { type LegacyCrmClient, LegacyUnavailable } from '../facade/legacy-client.js';
import type { OrdersService } from '../orders/orders-service.js';
import { type BackfillControl, BackfillRunner } from './backfill-runner.js';
import { INTERRUPTED, runConsistencyCheck } from './consistency-check.js';
import {
  type EntityPort,
  type EntityPorts,
  entityPorts,
  type LegacyRecordBase,
  type OurCopyBase,
} from './entity-ports.js';
import { type LegacySwitches, MIGRATION_TOPIC } from './legacy-switches.js';
import {
  type BackfillRow,
  type BackfillState,
  type MigrationDb,
  migrationDb,
  migrationRepository as repo,
} from './migration-repository.js';
import { entityMigration, toReport } from './migration-status.js';

export interface MigrationDeps {
  platform: Platform;
  clients: ClientsService;
  orders: OrdersService;
  legacy: LegacyCrmClient | undefined;
  metrics: FacadeMetrics;
  switches: LegacySwitches;
  /** Read at every step: only the hub backfills, and a promotion or demotion happens at runtime. */
  isHub: () => boolean;
}

/** How often an instance looks for a backfill to walk (after a restart, a promotion, another instance's stop). */
const TICK_MS = 5_000;
/** A check whose report has not moved for this long lost its instance. */
const ABANDONED_MS = 5 * 60_000;
const LISTED_REPORTS = 10;

const notConfigured = () =>
  stateConflict(
    'legacy_not_configured',
    'No legacy CRM is configured (legacyCrmUrl): there is nothing to migrate from or to compare with',
  );

/**
 * The migration from the legacy CRM, on the hub (docs/legacy.md): the backfill per entity, the "legacy off"
 * switches, consistency checks, and the status the migration page shows.
 */
export class MigrationService {
  /** This instance in the backfill's lease (several hub instances may share one database). */
  readonly #runner = randomUUID();
  readonly #ports: EntityPorts | undefined;
  readonly #runners: Record<CrmEntity, BackfillControl> | undefined;
  readonly #checks = new Map<string, { abort: AbortController; done: Promise<void> }>();
  readonly #ticker: PollingLoop;
  #stopped = false;

  constructor(readonly deps: MigrationDeps) {
    const { platform, legacy, clients, orders } = deps;
    this.#ticker = new PollingLoop(
      () => this.#tick(),
      (error) => platform.logger.warn({ err: error }, 'legacy migration tick failed; will retry'),
      () => TICK_MS,
    );
    if (!legacy) return;
    const ports = entityPorts(legacy, clients, orders);
    const runner = <R extends LegacyRecordBase, S extends OurCopyBase>(port: EntityPort<R, S>) =>
      new BackfillRunner({
        platform,
        port,
        metrics: deps.metrics,
        isHub: deps.isHub,
        legacyTotal: async () => (await legacy.stats())[port.entity],
        runner: this.#runner,
        settings: {
          batchSize: platform.config.legacyBackfillBatchSize,
          ratePerSecond: platform.config.legacyBackfillRatePerSecond,
        },
      });
    this.#ports = ports;
    this.#runners = { clients: runner(ports.clients), orders: runner(ports.orders) };
  }

  get #db() {
    return migrationDb(this.deps.platform.db);
  }

  /** Resumes a backfill that was running when the node stopped, and keeps looking for one to walk. */
  async start(): Promise<void> {
    this.#ticker.start();
  }

  /** Ends the walks and checks under way here (promptly: none waits out a pause) and hands the walk over. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#ticker.stop();
    for (const check of this.#checks.values()) check.abort.abort();
    await Promise.all([
      ...Object.values(this.#runners ?? {}).map((runner) => runner.halt()),
      ...[...this.#checks.values()].map((check) => check.done),
    ]);
    await repo.release(this.#db, this.#runner);
  }

  async status(ctx: RequestContext): Promise<CrmMigrationStatus> {
    const rows = await repo.backfills(this.#db);
    const totals = await this.#legacyTotals(rows);
    const entities: CrmEntityMigration[] = [];
    for (const row of rows) entities.push(await this.#entity(ctx, row, totals[row.entity]));
    const reports = await repo.latestReports(this.#db, LISTED_REPORTS);
    return {
      legacyConfigured: this.deps.legacy !== undefined,
      entities,
      ...this.deps.metrics.snapshot(),
      lastConsistencyReports: reports.map(toReport),
    };
  }

  async backfill(ctx: RequestContext, entity: CrmEntity, action: 'start' | 'pause'): Promise<CrmEntityMigration> {
    const runner = this.#runners?.[entity];
    if (!runner) throw notConfigured();
    await this.#change(ctx, entity, async (db, row) => {
      const now = new Date();
      let state: BackfillState;
      if (action === 'start') {
        if (row.legacy_off)
          throw stateConflict('legacy_off', `The legacy CRM is switched off for ${entity}; switch it on first`);
        if (row.state === 'running') return undefined;
        // A finished (or never started) backfill starts over: it also retries the records that failed.
        const fresh = row.state === 'idle' || row.state === 'done';
        state = 'running';
        await repo.update(db, entity, {
          state,
          updated_at: now,
          last_error: null,
          ...(fresh && { position: null, processed: 0, started_at: now, finished_at: null }),
        });
      } else {
        if (row.state === 'paused') return undefined;
        if (row.state !== 'running')
          throw stateConflict('backfill_not_running', `The backfill of ${entity} is ${row.state}, not running`);
        state = 'paused';
        await repo.update(db, entity, { state, updated_at: now, runner: null, lease_until: null });
      }
      return { action: `crm.backfill.${action}`, before: { state: row.state }, after: { state } };
    });
    if (action === 'pause') await runner.halt();
    else if (!this.#stopped && this.deps.isHub()) runner.launch();
    return this.#entityNow(ctx, entity);
  }

  /**
   * Switches the legacy CRM off (or on again) for an entity. Off only once nothing is left there: the legacy CRM is
   * counted now, and every record it holds must be in our service, none refused.
   */
  async setLegacyOff(ctx: RequestContext, entity: CrmEntity, legacyOff: boolean): Promise<CrmEntityMigration> {
    const { legacy } = this.deps;
    if (!legacy) throw notConfigured();
    const remaining = legacyOff ? await this.#pending(ctx, legacy, entity) : 0;
    await this.#change(ctx, entity, async (db, row) => {
      if (row.legacy_off === legacyOff) return undefined;
      if (legacyOff) {
        const failed = await repo.failureCount(db, entity);
        if (remaining > 0 || failed > 0)
          throw stateConflict(
            'backfill_incomplete',
            `${remaining} ${entity} are still only in the legacy CRM and ${failed} could not be migrated; ` +
              'finish the backfill (and fix what failed) before switching the legacy CRM off',
          );
      }
      await repo.update(db, entity, {
        legacy_off: legacyOff,
        legacy_off_at: legacyOff ? new Date() : null,
        legacy_off_by: legacyOff ? (ctx.actor?.username ?? null) : null,
      });
      return {
        action: legacyOff ? 'crm.legacy.switch_off' : 'crm.legacy.switch_on',
        before: { legacyOff: row.legacy_off },
        after: { legacyOff },
      };
    });
    this.deps.switches.set(entity, legacyOff);
    return this.#entityNow(ctx, entity);
  }

  /** Starts a consistency check in the background; its report fills as it goes. */
  async check(ctx: RequestContext, entity: CrmEntity): Promise<{ id: string }> {
    const ports = this.#ports;
    if (!ports) throw notConfigured();
    const id = randomUUID();
    await this.#change(ctx, entity, async (db) => {
      await repo.insertReport(db, id, entity);
      return { action: 'crm.consistency.check', after: { id } };
    });
    const abort = new AbortController();
    const { platform } = this.deps;
    const settings = {
      platform,
      ratePerSecond: platform.config.legacyBackfillRatePerSecond,
      // A batch never waits longer than about a second for the rate: the report keeps moving.
      batchSize: Math.min(platform.config.legacyBackfillBatchSize, platform.config.legacyBackfillRatePerSecond),
    };
    const run =
      entity === 'clients'
        ? runConsistencyCheck({ ...settings, port: ports.clients }, id, abort.signal)
        : runConsistencyCheck({ ...settings, port: ports.orders }, id, abort.signal);
    const done = run
      .catch((error: unknown) => platform.logger.error({ err: error, check: id }, 'consistency check failed'))
      .finally(() => this.#checks.delete(id));
    this.#checks.set(id, { abort, done });
    return { id };
  }

  async report(_ctx: RequestContext, id: string): Promise<CrmConsistencyReport> {
    const row = await repo.report(this.#db, id);
    if (!row) throw notFound('The consistency check');
    return toReport(row);
  }

  /** Legacy records not in our service, counted now; refuses (503) when the legacy CRM cannot say. */
  async #pending(ctx: RequestContext, legacy: LegacyCrmClient, entity: CrmEntity): Promise<number> {
    let total: number;
    try {
      total = (await legacy.stats())[entity];
    } catch (error) {
      if (!(error instanceof LegacyUnavailable)) throw error;
      throw new AppError(
        503,
        'crm.legacy_unavailable',
        'The legacy CRM does not answer, so nobody can tell whether records are left there; try again later',
      );
    }
    const { migrated } = await this.deps[entity].counts(ctx);
    return Math.max(0, total - migrated);
  }

  /** An admin's change of the migration: the row locked, the change, its audit entry and its event, one commit. */
  async #change(
    ctx: RequestContext,
    entity: CrmEntity,
    work: (db: MigrationDb, row: BackfillRow) => Promise<AuditedChange | undefined>,
  ): Promise<void> {
    await this.deps.platform.transaction(async (trx) => {
      const db = migrationDb(trx);
      const row = await repo.lock(db, entity);
      const change = await work(db, row);
      if (!change) return;
      await this.deps.platform.audit.record(trx, ctx, { ...change, entity: 'crm.migration', entityId: entity });
      await Outbox.add(trx, MIGRATION_TOPIC, { entity, action: change.action });
    });
  }

  async #entityNow(ctx: RequestContext, entity: CrmEntity): Promise<CrmEntityMigration> {
    const row = await repo.backfill(this.#db, entity);
    return this.#entity(ctx, row, row.legacy_total);
  }

  async #entity(ctx: RequestContext, row: BackfillRow, legacyTotal: number | null): Promise<CrmEntityMigration> {
    return entityMigration(this.#db, row, {
      counts: await this.deps[row.entity].counts(ctx),
      legacyTotal,
      ratePerSecond: this.#runners?.[row.entity].ratePerSecond() ?? 0,
    });
  }

  /**
   * The legacy CRM's counts now, kept as the last known; the last known when it does not answer (or is switched off
   * for every entity, when it is not asked at all).
   */
  async #legacyTotals(rows: BackfillRow[]): Promise<Record<CrmEntity, number | null>> {
    const known = { clients: null, orders: null } as Record<CrmEntity, number | null>;
    for (const row of rows) known[row.entity] = row.legacy_total;
    const { legacy } = this.deps;
    if (!legacy || rows.every((row) => row.legacy_off)) return known;
    let stats: Record<CrmEntity, number>;
    try {
      stats = await legacy.stats();
    } catch (error) {
      if (error instanceof LegacyUnavailable) return known;
      throw error;
    }
    for (const row of rows) {
      if (row.legacy_total !== stats[row.entity])
        await repo.update(this.#db, row.entity, { legacy_total: stats[row.entity] });
    }
    return stats;
  }

  async #tick(): Promise<void> {
    if (!this.deps.isHub()) return;
    await repo.endAbandonedReports(this.#db, new Date(Date.now() - ABANDONED_MS), INTERRUPTED);
    await this.deps.switches.load();
    if (!this.#runners || this.#stopped) return;
    for (const row of await repo.backfills(this.#db)) {
      if (row.state === 'running') this.#runners[row.entity].launch();
    }
  }
}

interface AuditedChange {
  action: string;
  before?: unknown;
  after?: unknown;
}

import type { CrmEntity } from '@kontor/contracts';
import { type ColumnType, type Generated, type Kysely, type Selectable, sql } from 'kysely';
import type { Db } from '../../platform/platform.js';

export type BackfillState = 'idle' | 'running' | 'paused' | 'done' | 'failed';

export interface ConsistencyDifference {
  legacyId: string;
  fields: Array<{ field: string; ours: string | null; legacy: string | null }>;
}

/** The migration's tables in schema `legacy` (migrations/0002_migration.sql). */
export type MigrationTables = {
  'legacy.backfill': {
    entity: CrmEntity;
    state: BackfillState;
    position: string | null;
    processed: number;
    legacy_total: number | null;
    started_at: Date | null;
    updated_at: Date | null;
    finished_at: Date | null;
    last_error: string | null;
    legacy_off: boolean;
    legacy_off_at: Date | null;
    legacy_off_by: string | null;
    runner: string | null;
    lease_until: Date | null;
  };
  'legacy.backfill_failures': { entity: CrmEntity; legacy_id: string; error: string; at: Generated<Date> };
  'legacy.consistency_reports': {
    id: string;
    entity: CrmEntity;
    started_at: Generated<Date>;
    updated_at: Generated<Date>;
    finished_at: Date | null;
    checked: Generated<number>;
    missing: Generated<number>;
    differences: ColumnType<ConsistencyDifference[], string | undefined, string>;
    error: string | null;
  };
};

export type MigrationDb = Kysely<MigrationTables>;
export type BackfillRow = Selectable<MigrationTables['legacy.backfill']>;
export type ReportRow = Selectable<MigrationTables['legacy.consistency_reports']>;

export const migrationDb = (db: Db): MigrationDb => db.withTables<MigrationTables>();

/** What a batch moves the walk by: past `position`, `processed` more records, under the runner's lease. */
export interface Advance {
  position: string;
  processed: number;
  runner: string;
  leaseUntil: Date;
}

/** The SQL of the migration's state; the rules live in the backfill runner, the check and the service. */
export const migrationRepository = {
  backfills: (db: MigrationDb) => db.selectFrom('legacy.backfill').selectAll().orderBy('entity').execute(),

  backfill: (db: MigrationDb, entity: CrmEntity) =>
    db.selectFrom('legacy.backfill').selectAll().where('entity', '=', entity).executeTakeFirstOrThrow(),

  /** The row, locked until the transaction ends: a batch and a command (pause, switch) never cross. */
  lock: (db: MigrationDb, entity: CrmEntity) =>
    db.selectFrom('legacy.backfill').selectAll().where('entity', '=', entity).forUpdate().executeTakeFirstOrThrow(),

  update: (db: MigrationDb, entity: CrmEntity, change: Partial<Omit<BackfillRow, 'entity'>>) =>
    db.updateTable('legacy.backfill').set(change).where('entity', '=', entity).execute(),

  advance: (db: MigrationDb, entity: CrmEntity, step: Advance) =>
    db
      .updateTable('legacy.backfill')
      .set({
        position: step.position,
        processed: sql`processed + ${step.processed}`,
        updated_at: new Date(),
        last_error: null,
        runner: step.runner,
        lease_until: step.leaseUntil,
      })
      .where('entity', '=', entity)
      .execute(),

  /** Leaves the walk to any instance at once (a clean stop), if this runner still holds it. */
  release: (db: MigrationDb, runner: string) =>
    db.updateTable('legacy.backfill').set({ runner: null, lease_until: null }).where('runner', '=', runner).execute(),

  /** Sets records aside with why they could not move (again: the latest reason wins). */
  addFailures: (db: MigrationDb, entity: CrmEntity, failures: Array<{ id: string; error: string }>) =>
    failures.length === 0
      ? Promise.resolve()
      : db
          .insertInto('legacy.backfill_failures')
          .values(failures.map((failure) => ({ entity, legacy_id: failure.id, error: failure.error })))
          .onConflict((oc) =>
            oc.columns(['entity', 'legacy_id']).doUpdateSet({ error: sql`excluded.error`, at: sql`excluded.at` }),
          )
          .execute()
          .then(() => undefined),

  /** Forgets the failures of records a later batch did move. */
  clearFailures: (db: MigrationDb, entity: CrmEntity, legacyIds: string[]) =>
    legacyIds.length === 0
      ? Promise.resolve()
      : db
          .deleteFrom('legacy.backfill_failures')
          .where('entity', '=', entity)
          .where('legacy_id', 'in', legacyIds)
          .execute()
          .then(() => undefined),

  async failureCount(db: MigrationDb, entity: CrmEntity): Promise<number> {
    const row = await db
      .selectFrom('legacy.backfill_failures')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('entity', '=', entity)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  },

  latestFailures: (db: MigrationDb, entity: CrmEntity, limit: number) =>
    db
      .selectFrom('legacy.backfill_failures')
      .select(['legacy_id', 'error', 'at'])
      .where('entity', '=', entity)
      .orderBy('at', 'desc')
      .orderBy('legacy_id')
      .limit(limit)
      .execute(),

  insertReport: (db: MigrationDb, id: string, entity: CrmEntity) =>
    db.insertInto('legacy.consistency_reports').values({ id, entity, finished_at: null, error: null }).execute(),

  report: (db: MigrationDb, id: string) =>
    db.selectFrom('legacy.consistency_reports').selectAll().where('id', '=', id).executeTakeFirst(),

  latestReports: (db: MigrationDb, limit: number) =>
    db.selectFrom('legacy.consistency_reports').selectAll().orderBy('started_at', 'desc').limit(limit).execute(),

  updateReport: (
    db: MigrationDb,
    id: string,
    progress: { checked: number; missing: number; differences: ConsistencyDifference[] },
    end?: { finishedAt: Date; error: string | null },
  ) =>
    db
      .updateTable('legacy.consistency_reports')
      .set({
        checked: progress.checked,
        missing: progress.missing,
        differences: JSON.stringify(progress.differences),
        updated_at: new Date(),
        ...(end && { finished_at: end.finishedAt, error: end.error }),
      })
      .where('id', '=', id)
      .execute(),

  /** Checks whose instance stopped (no progress since `before`): they will not go on, so they end with why. */
  endAbandonedReports: (db: MigrationDb, before: Date, error: string) =>
    db
      .updateTable('legacy.consistency_reports')
      .set({ finished_at: new Date(), error })
      .where('finished_at', 'is', null)
      .where('updated_at', '<', before)
      .execute(),
};

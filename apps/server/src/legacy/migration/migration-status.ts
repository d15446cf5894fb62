import type { CrmConsistencyReport, CrmEntityMigration } from '@kontor/contracts';
import {
  type BackfillRow,
  type MigrationDb,
  type ReportRow,
  migrationRepository as repo,
} from './migration-repository.js';

/** Failures the status lists, newest first (the count covers all). */
const LISTED_FAILURES = 20;

const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

export const toReport = (row: ReportRow): CrmConsistencyReport => ({
  id: row.id,
  entity: row.entity,
  startedAt: row.started_at.toISOString(),
  finishedAt: isoOrNull(row.finished_at),
  checked: row.checked,
  missing: row.missing,
  differences: row.differences,
});

export interface EntityFigures {
  /** From our service. */
  counts: { migrated: number; createdHere: number };
  /** The legacy CRM's count now, or the last one known (null: never counted). */
  legacyTotal: number | null;
  /** The backfill's pace on this instance. */
  ratePerSecond: number;
}

/** One entity's migration as the page shows it: counts, the backfill, the switch and what failed. */
export async function entityMigration(
  db: MigrationDb,
  row: BackfillRow,
  figures: EntityFigures,
): Promise<CrmEntityMigration> {
  const { counts, legacyTotal } = figures;
  const failed = await repo.failureCount(db, row.entity);
  const failures = await repo.latestFailures(db, row.entity, LISTED_FAILURES);
  return {
    entity: row.entity,
    legacyTotal,
    migrated: counts.migrated,
    pending: legacyTotal === null ? null : Math.max(0, legacyTotal - counts.migrated),
    failed,
    createdHere: counts.createdHere,
    backfill: {
      state: row.state,
      startedAt: isoOrNull(row.started_at),
      updatedAt: isoOrNull(row.updated_at),
      finishedAt: isoOrNull(row.finished_at),
      processed: row.processed,
      ratePerSecond: figures.ratePerSecond,
      lastError: row.last_error,
    },
    legacyOff: row.legacy_off,
    failures: failures.map((failure) => ({
      legacyId: failure.legacy_id,
      error: failure.error,
      at: failure.at.toISOString(),
    })),
  };
}

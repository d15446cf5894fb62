import type { CrmConsistencyReport, CrmEntity, CrmEntityMigration, CrmMigrationStatus } from '@kontor/contracts';

/** How far the backfill has walked, 0–100, or null while the legacy CRM's total is unknown. */
export function backfillPercent(entity: Pick<CrmEntityMigration, 'legacyTotal' | 'backfill'>): number | null {
  const total = entity.legacyTotal;
  if (total === null) return null;
  if (total === 0) return 100;
  return Math.min(100, Math.max(0, (entity.backfill.processed / total) * 100));
}

/** Why the legacy CRM cannot be switched off for an entity yet, or null when it can (the server's own rule). */
export type SwitchOffBlock = 'notConfigured' | 'unknownTotal' | 'pending' | 'failed';

export function switchOffBlock(
  entity: Pick<CrmEntityMigration, 'pending' | 'failed' | 'legacyOff'>,
  legacyConfigured: boolean,
): SwitchOffBlock | null {
  if (entity.legacyOff) return null;
  if (!legacyConfigured) return 'notConfigured';
  if (entity.pending === null) return 'unknownTotal';
  if (entity.pending > 0) return 'pending';
  if (entity.failed > 0) return 'failed';
  return null;
}

/** The status changes by itself while a backfill runs or a consistency check has not finished. */
export function migrationBusy(status: CrmMigrationStatus | undefined): boolean {
  if (!status) return false;
  return (
    status.entities.some((entity) => entity.backfill.state === 'running') ||
    status.lastConsistencyReports.some((report) => report.finishedAt === null)
  );
}

/** The newest consistency report of an entity. */
export function latestReport(reports: CrmConsistencyReport[], entity: CrmEntity): CrmConsistencyReport | undefined {
  return reports
    .filter((report) => report.entity === entity)
    .reduce<CrmConsistencyReport | undefined>(
      (newest, report) => (!newest || report.startedAt > newest.startedAt ? report : newest),
      undefined,
    );
}

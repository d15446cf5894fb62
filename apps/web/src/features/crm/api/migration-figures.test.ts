import type { CrmConsistencyReport, CrmMigrationStatus } from '@kontor/contracts';
import { describe, expect, it } from 'vitest';
import { backfillPercent, latestReport, migrationBusy, switchOffBlock } from './migration-figures';

const backfill = (processed: number, state: 'idle' | 'running' = 'idle') => ({
  state,
  startedAt: null,
  updatedAt: null,
  finishedAt: null,
  processed,
  ratePerSecond: 0,
  lastError: null,
});

const report = (entity: 'clients' | 'orders', startedAt: string, finishedAt: string | null): CrmConsistencyReport => ({
  id: crypto.randomUUID(),
  entity,
  startedAt,
  finishedAt,
  checked: 10,
  missing: 0,
  differences: [],
});

describe('migration figures', () => {
  it('gives the backfill progress against the legacy total', () => {
    expect(backfillPercent({ legacyTotal: 400, backfill: backfill(100) })).toBe(25);
    expect(backfillPercent({ legacyTotal: 400, backfill: backfill(500) })).toBe(100);
    expect(backfillPercent({ legacyTotal: 0, backfill: backfill(0) })).toBe(100);
    expect(backfillPercent({ legacyTotal: null, backfill: backfill(7) })).toBeNull();
  });

  it('allows switching the legacy CRM off only once nothing is pending or failed', () => {
    expect(switchOffBlock({ pending: 0, failed: 0, legacyOff: false }, true)).toBeNull();
    expect(switchOffBlock({ pending: 3, failed: 0, legacyOff: false }, true)).toBe('pending');
    expect(switchOffBlock({ pending: 0, failed: 2, legacyOff: false }, true)).toBe('failed');
    expect(switchOffBlock({ pending: null, failed: 0, legacyOff: false }, true)).toBe('unknownTotal');
    expect(switchOffBlock({ pending: 0, failed: 0, legacyOff: false }, false)).toBe('notConfigured');
    // Switching it back on is always possible.
    expect(switchOffBlock({ pending: 5, failed: 1, legacyOff: true }, true)).toBeNull();
  });

  it('is busy while a backfill runs or a check has not finished', () => {
    const status = (state: 'idle' | 'running', reports: CrmConsistencyReport[]) =>
      ({
        entities: [{ backfill: backfill(0, state) }],
        lastConsistencyReports: reports,
      }) as unknown as CrmMigrationStatus;
    expect(migrationBusy(undefined)).toBe(false);
    expect(migrationBusy(status('idle', []))).toBe(false);
    expect(migrationBusy(status('running', []))).toBe(true);
    expect(migrationBusy(status('idle', [report('clients', '2026-01-01T00:00:00.000Z', null)]))).toBe(true);
  });

  it('picks the newest report of the entity', () => {
    const older = report('clients', '2026-01-01T00:00:00.000Z', '2026-01-01T00:01:00.000Z');
    const newer = report('clients', '2026-01-02T00:00:00.000Z', '2026-01-02T00:01:00.000Z');
    const other = report('orders', '2026-01-03T00:00:00.000Z', null);
    expect(latestReport([older, other, newer], 'clients')).toBe(newer);
    expect(latestReport([older], 'orders')).toBeUndefined();
  });
});

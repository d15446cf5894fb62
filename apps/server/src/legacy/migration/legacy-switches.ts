import type { CrmEntity } from '@kontor/contracts';
import type { Platform } from '../../platform/platform.js';
import { migrationDb, migrationRepository as repo } from './migration-repository.js';

/** Published (through the outbox, after commit) when an admin changes the migration: every hub instance hears it. */
export const MIGRATION_TOPIC = 'crm.migration';

/**
 * The per-entity "legacy off" switches, read by the facade on every request: kept in memory, loaded at start and
 * again whenever the migration changes on any hub instance.
 */
export class LegacySwitches {
  #off = new Set<CrmEntity>();

  constructor(readonly platform: Platform) {
    platform.bus.subscribe((event) => {
      if (event.topic !== MIGRATION_TOPIC) return;
      this.load().catch((error: unknown) =>
        platform.logger.warn({ err: error }, 'could not reload the legacy CRM switches; keeping the ones known'),
      );
    });
  }

  async load(): Promise<void> {
    const rows = await repo.backfills(migrationDb(this.platform.db));
    this.#off = new Set(rows.filter((row) => row.legacy_off).map((row) => row.entity));
  }

  isOff(entity: CrmEntity): boolean {
    return this.#off.has(entity);
  }

  /** Takes a change this instance committed at once, before the event about it comes round. */
  set(entity: CrmEntity, off: boolean): void {
    if (off) this.#off.add(entity);
    else this.#off.delete(entity);
  }
}

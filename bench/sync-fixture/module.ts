import { fileURLToPath } from 'node:url';
import type { KontorModule } from '../../apps/server/src/platform/platform.js';

/** Where the benchmark's tables are created; also run as-is on the plain-PGlite baselines. */
export const MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));

/** The benchmark's own replicated tables (bench/sync.ts), added to hub and clients with `extraModules`. */
export const benchSyncModule: KontorModule = {
  name: 'benchsync',
  migrations: MIGRATIONS,
  replicated: [
    { table: 'benchsync.pings', policy: 'reference', key: ['id'], columns: ['id', 'sent_at'] },
    {
      table: 'benchsync.directory',
      policy: 'reference',
      key: ['id'],
      columns: ['id', 'name', 'unit', 'phone', 'email', 'room'],
    },
    {
      table: 'benchsync.catalog',
      policy: 'reference',
      key: ['id'],
      columns: ['id', 'code', 'name', 'unit', 'price', 'category'],
    },
    {
      table: 'benchsync.orders',
      policy: 'owned',
      key: ['id'],
      columns: ['id', 'owner', 'item', 'quantity', 'created_at'],
      ownerColumn: 'owner',
    },
  ],
};

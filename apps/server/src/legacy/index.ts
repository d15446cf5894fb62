import { fileURLToPath } from 'node:url';
import type { KontorModule } from '../platform/platform.js';
import type { SyncService } from '../sync/index.js';
import { CRM_ADMIN, CRM_READ, CRM_WRITE, hubOnly } from './errors.js';
import { crmRoutes } from './facade/crm-routes.js';
import { createLegacyParts, type LegacyParts } from './legacy-parts.js';
import { migrationRoutes } from './migration/migration-routes.js';
import { seedLegacyDemo } from './seed-demo.js';

/**
 * The CRM's Clients and Orders services and the facade that moves records into them from the legacy CRM as they
 * are edited, with a backfill for the rest (seed 003, docs/legacy.md). Lives on the hub.
 */
export function createLegacyModule(sync: () => SyncService): KontorModule {
  let parts: LegacyParts | undefined;
  const ready = () => {
    if (!parts) throw new Error('legacy is used before the node initialised it');
    return parts;
  };
  return {
    name: 'legacy',
    migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
    permissions: [
      { key: CRM_READ, description: 'Find and read clients and their orders, and see how the migration goes' },
      { key: CRM_WRITE, description: 'Create and edit clients and orders' },
      {
        key: CRM_ADMIN,
        description: 'Run the migration from the legacy CRM: backfill, consistency checks, switching it off',
      },
    ],
    init(platform) {
      parts = createLegacyParts(platform, () => sync().isHub);
    },
    async register(app) {
      const legacy = ready();
      await app.register(async (hub) => {
        hub.addHook('preValidation', async () => {
          if (!sync().isHub) throw hubOnly();
        });
        await hub.register(crmRoutes, { facade: legacy.facade });
        await hub.register(migrationRoutes, { migration: legacy.migration });
      });
    },
    async start() {
      const legacy = ready();
      await legacy.switches.load();
      await legacy.migration.start();
    },
    async stop() {
      if (!parts) return;
      await parts.migration.stop();
      await parts.cache.close();
    },
    seedDemo: seedLegacyDemo,
  };
}

import type { Platform } from '../platform/platform.js';
import { ClientsService } from './clients/clients-service.js';
import { CrmFacade } from './facade/crm-facade.js';
import { FacadeMetrics } from './facade/facade-metrics.js';
import { createLegacyCache } from './facade/legacy-cache.js';
import { LegacyCrmClient } from './facade/legacy-client.js';
import { LegacySwitches } from './migration/legacy-switches.js';
import { MigrationService } from './migration/migration-service.js';
import { OrdersService } from './orders/orders-service.js';

export type LegacyParts = ReturnType<typeof createLegacyParts>;

/** Our Clients and Orders services, the facade in front of them and the legacy CRM, and the migration between. */
export function createLegacyParts(platform: Platform, isHub: () => boolean) {
  const { config } = platform;
  const clients = new ClientsService(platform);
  const orders = new OrdersService(platform);
  const cache = createLegacyCache(config, platform.logger);
  const metrics = new FacadeMetrics(platform.metrics.registry, cache.backend);
  const legacy = config.legacyCrmUrl
    ? new LegacyCrmClient(
        { baseUrl: config.legacyCrmUrl, token: config.legacyCrmToken, timeoutMs: config.legacyCrmTimeoutMs },
        metrics,
        platform.logger,
      )
    : undefined;
  const switches = new LegacySwitches(platform);
  const facade = new CrmFacade({
    platform,
    clients,
    orders,
    legacy,
    cache,
    metrics,
    legacyOff: (entity) => switches.isOff(entity),
  });
  const migration = new MigrationService({ platform, clients, orders, legacy, metrics, switches, isHub });
  return { clients, orders, cache, metrics, legacy, switches, facade, migration };
}

import { fileURLToPath } from 'node:url';
import type { KontorModule } from '../platform/platform.js';
import type { SyncService } from '../sync/index.js';
import { type CommerceParts, createCommerceParts } from './commerce-parts.js';
import { hubOnly } from './errors.js';
import type { CustomerService } from './orders/orders-part.js';

export { type CustomerSearch, CustomerService, displayNumber, parseDisplayNumber } from './orders/orders-part.js';

/** WestGear's webshop (seed 001, docs/commerce.md): catalog, search, storefront, checkout, orders; on the hub. */
export function createCommerceModule(sync: () => SyncService): KontorModule & { customers(): CustomerService } {
  let parts: CommerceParts | undefined;
  const ready = () => {
    if (!parts) throw new Error('commerce is used before the node initialised it');
    return parts;
  };
  return {
    name: 'commerce',
    migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
    permissions: [
      { key: 'commerce.catalog', description: 'Keep the shop’s products, variants, fitment, prices and stock' },
      { key: 'commerce.orders', description: 'Handle the shop’s orders: status, shipping, cancellations, refunds' },
      {
        key: 'commerce.marketing',
        description: 'Run campaigns: sale prices, discount codes, volume and bundle offers',
      },
      { key: 'commerce.reports', description: 'Read the shop’s sales reports and what customers searched in vain' },
    ],
    init(platform) {
      parts = createCommerceParts(platform);
    },
    /** The shop's customers and their orders: the service other modules (desk, legacy migration) build on. */
    customers: () => ready().orders.customers,
    async register(app) {
      const shop = ready();
      // The shop's records live on the hub only; a workstation holds none of them.
      await app.register(async (hub) => {
        hub.addHook('onRequest', async () => {
          if (!sync().isHub) throw hubOnly();
        });
        await shop.catalog.register(hub);
        await shop.search.register(hub);
        await shop.orders.register(hub);
        await shop.checkout.register(hub);
        await shop.storefront.register(hub);
      });
    },
    async seedDemo() {
      const shop = ready();
      await shop.catalog.seedDemo();
      await shop.orders.seedDemo();
      await shop.checkout.seedDemo();
    },
  };
}

import { fileURLToPath } from 'node:url';
import { DIRECTORY_TOPIC } from '../directory/index.js';
import type { KontorModule } from '../platform/platform.js';
import { type ReplicatedTable, SYNC_APPLIED_TOPIC, SYNC_DELIVERY_TOPIC, type SyncService } from '../sync/index.js';
import { CatalogService } from './catalog-service.js';
import { SupplierFeed } from './feed.js';
import { suppliesHubRoutes } from './hub-routes.js';
import { hubRules } from './hub-rules.js';
import { OrderExport } from './order-export.js';
import { ORDERS_TOPIC, OrderService } from './order-service.js';
import { suppliesRoutes } from './routes.js';
import { seedSuppliesDemo } from './seed-demo.js';
import type { SuppliesDb } from './tables.js';
import { UNIT_LISTS_TOPIC, UnitListsService } from './unit-lists-service.js';
import { UnitNames } from './units.js';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.js';
import { webhookRoutes } from './webhooks/webhook-routes.js';
import { WEBHOOKS_TOPIC, WebhookService } from './webhooks/webhook-service.js';

const unitScope = { column: 'unit_id', key: 'units' };

/**
 * How supplies replicate: the catalog and who orders for which unit come from the hub; a unit's favourites and
 * standard orders are shared by its workstations; an order (and a request to change it) belongs to the node that
 * made it and is checked again by the hub; the hub's answers come back as reference rows. A workstation limited
 * to some units (its scope) holds only their orders and lists.
 */
function replicatedTables(rules: ReturnType<typeof hubRules>): ReplicatedTable[] {
  return [
    {
      table: 'supplies.categories',
      policy: 'reference',
      key: ['id'],
      columns: ['id', 'name', 'sort_key', 'created_at', 'updated_at'],
    },
    {
      table: 'supplies.articles',
      policy: 'reference',
      key: ['id'],
      columns: [
        'id',
        'article_number',
        'name',
        'manufacturer',
        'unit',
        'pack_size',
        'category_id',
        'supplier',
        'price_minor',
        'active',
        'image_url',
        'sort_key',
        'search_text',
        'created_at',
        'updated_at',
      ],
    },
    {
      table: 'supplies.unit_members',
      policy: 'reference',
      key: ['unit_id', 'user_id'],
      columns: ['unit_id', 'user_id'],
    },
    {
      table: 'supplies.favourites',
      policy: 'shared',
      key: ['unit_id', 'article_id'],
      columns: ['unit_id', 'article_id', 'added_at'],
      scope: unitScope,
    },
    {
      table: 'supplies.standard_orders',
      policy: 'shared',
      key: ['id'],
      columns: ['id', 'unit_id', 'name', 'lines', 'updated_at'],
      scope: unitScope,
    },
    {
      table: 'supplies.orders',
      policy: 'owned',
      key: ['id'],
      columns: [
        'id',
        'number',
        'unit_id',
        'owner',
        'delivery_address',
        'requested_date',
        'note',
        'lines',
        'created_by',
        'created_by_name',
        'created_at',
        'updated_at',
        'withdrawn_at',
      ],
      ownerColumn: 'owner',
      scope: unitScope,
      validate: rules.validateOrder,
    },
    {
      table: 'supplies.order_status',
      policy: 'reference',
      key: ['order_id'],
      columns: ['order_id', 'unit_id', 'status', 'reason', 'changed_at', 'changed_by_name'],
      scope: unitScope,
    },
    {
      table: 'supplies.change_requests',
      policy: 'owned',
      key: ['id'],
      columns: [
        'id',
        'order_id',
        'unit_id',
        'owner',
        'kind',
        'lines',
        'comment',
        'created_by',
        'created_by_name',
        'created_at',
      ],
      ownerColumn: 'owner',
      scope: unitScope,
      validate: rules.validateRequest,
    },
    {
      table: 'supplies.request_decisions',
      policy: 'reference',
      key: ['request_id'],
      columns: ['request_id', 'unit_id', 'decision', 'reason', 'decided_at', 'decided_by_name'],
      scope: unitScope,
    },
  ];
}

export interface SuppliesModule extends KontorModule {
  /** Sends the supplier feed's webhooks (docs/supplier-feed.md); tests tune its timings with `reconfigure`. */
  webhookDispatcher(): WebhookDispatcher;
}

/** KLIRR's consumables ordering (docs/supplies.md). `sync` is the node's replication engine. */
export function createSuppliesModule(sync: () => SyncService): SuppliesModule {
  let services:
    | {
        units: UnitNames;
        catalog: CatalogService;
        orders: OrderService;
        lists: UnitListsService;
        exports: OrderExport;
        feed: SupplierFeed;
        webhooks: WebhookService;
        dispatcher: WebhookDispatcher;
      }
    | undefined;
  const ready = () => {
    if (!services) throw new Error('supplies is used before the node initialised it');
    return services;
  };
  return {
    name: 'supplies',
    migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
    permissions: [
      { key: 'supplies.order', description: 'Order consumables for the units one belongs to' },
      { key: 'supplies.manage', description: 'Take in orders, answer change requests, keep the catalog (on the hub)' },
      { key: 'supplies.feed', description: "Read the order feed (suppliers' services, with an API token)" },
    ],
    topics: {
      [ORDERS_TOPIC]: 'supplies.order',
      [UNIT_LISTS_TOPIC]: 'supplies.order',
      [WEBHOOKS_TOPIC]: 'supplies.manage',
    },
    // The hub's rules run only once the node is up (changes are applied after init), when the units are known.
    replicated: replicatedTables(
      hubRules({
        all: (db) => ready().units.all(db),
      }),
    ),
    init(platform) {
      const units = new UnitNames(platform.db);
      const orders = new OrderService(platform, sync, units);
      const feed = new SupplierFeed(platform.db as SuppliesDb, orders);
      const isHub = () => sync().isHub;
      const dispatcher = new WebhookDispatcher({ platform, feed, isHub });
      services = {
        units,
        catalog: new CatalogService(platform),
        orders,
        lists: new UnitListsService(platform, units),
        exports: new OrderExport(orders),
        feed,
        webhooks: new WebhookService(platform, isHub, () => dispatcher.nudge()),
        dispatcher,
      };
      // Orders moved under the pages' feet (replication brought some, or the hub confirmed or refused ours).
      platform.bus.subscribe((event) => {
        const tables = (event.payload as { tables?: string[] } | null)?.tables ?? [];
        const relay = (topic: string) =>
          void platform.bus
            .publish({ id: `${event.id}:${topic}`, topic, payload: {}, at: event.at })
            .catch((error: unknown) => platform.logger.warn({ err: error }, 'could not relay a supplies event'));
        if (
          event.topic === DIRECTORY_TOPIC ||
          (event.topic === SYNC_APPLIED_TOPIC && tables.includes('directory.units'))
        )
          units.forget();
        if (event.topic === SYNC_DELIVERY_TOPIC) relay(ORDERS_TOPIC);
        if (event.topic !== SYNC_APPLIED_TOPIC) return;
        if (tables.some((table) => /^supplies\.(orders|order_status|change_requests|request_decisions)$/.test(table)))
          relay(ORDERS_TOPIC);
        if (tables.some((table) => /^supplies\.(favourites|standard_orders)$/.test(table))) relay(UNIT_LISTS_TOPIC);
      });
    },
    async register(app) {
      await app.register(suppliesRoutes, ready());
      await app.register(suppliesHubRoutes, ready());
      await app.register(webhookRoutes, ready());
    },
    async start() {
      ready().dispatcher.start();
    },
    async stop() {
      await services?.dispatcher.stop();
    },
    webhookDispatcher: () => ready().dispatcher,
    seedDemo: seedSuppliesDemo,
  };
}

import type {
  CrmClient,
  CrmClientInput,
  CrmClientPage,
  CrmClientPatch,
  CrmClientQuery,
  CrmEntity,
  CrmOrder,
  CrmOrderInput,
  CrmOrderPage,
  CrmOrderQuery,
} from '@kontor/contracts';
import { z } from 'zod';
import type { RequestContext } from '../../platform/context.js';
import { notFound } from '../../platform/http/errors.js';
import type { Db, Platform } from '../../platform/platform.js';
import type { ClientPosition, ClientsService, StoredClient } from '../clients/clients-service.js';
import { legacyToCrmClient, toCrmClient } from '../clients/mappers.js';
import { legacyUnavailable, unprocessable } from '../errors.js';
import { legacyToCrmOrder, toCrmOrder } from '../orders/mappers.js';
import type { CrmOrderPatch, OrderPosition, OrdersService, StoredOrder } from '../orders/orders-service.js';
import { foldName, searchWords } from '../text.js';
import type { FacadeMetrics } from './facade-metrics.js';
import type { LegacyCache } from './legacy-cache.js';
import { type LegacyCrmClient, type LegacyRecords, LegacyUnavailable } from './legacy-client.js';
import { LegacyReads } from './legacy-reads.js';
import { type ListOrder, mergedPage, type Positioned } from './merged-pages.js';
import { dayStart } from './org-days.js';

export interface CrmFacadeDeps {
  platform: Platform;
  clients: ClientsService;
  orders: OrdersService;
  /** Absent when no legacy CRM is configured. */
  legacy: LegacyCrmClient | undefined;
  cache: LegacyCache;
  metrics: FacadeMetrics;
  /** Whether the legacy CRM is switched off for this entity (the migration part's switch). */
  legacyOff: (entity: CrmEntity) => boolean;
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Clients by folded name, then ref, ascending: the order both sources answer in. */
const clientOrder: ListOrder<ClientPosition> = {
  compare: (a, b) => byteOrder(a.sortName, b.sortName) || byteOrder(a.ref, b.ref),
  toCursor: (position) => ({ n: position.sortName, r: position.ref }),
  cursor: z.object({ n: z.string(), r: z.string() }).transform(({ n, r }) => ({ sortName: n, ref: r })),
};

/** Orders newest first, then by ref descending; instants as ISO text with milliseconds compare as text. */
const orderOrder: ListOrder<OrderPosition> = {
  compare: (a, b) => byteOrder(b.orderedAt, a.orderedAt) || byteOrder(b.ref, a.ref),
  toCursor: (position) => ({ t: position.orderedAt, r: position.ref }),
  cursor: z
    .object({ t: z.iso.datetime(), r: z.string() })
    .transform(({ t, r }) => ({ orderedAt: new Date(t).toISOString(), ref: r })),
};

const oursClient = (client: StoredClient): Positioned<ClientPosition, CrmClient> => ({
  ref: client.ref,
  position: { sortName: client.sortName, ref: client.ref },
  value: toCrmClient(client),
});
const legacyClient = (record: LegacyRecords['clients']): Positioned<ClientPosition, CrmClient> => ({
  ref: record.id,
  position: { sortName: foldName(record.name), ref: record.id },
  value: legacyToCrmClient(record),
});
const oursOrder = (order: StoredOrder): Positioned<OrderPosition, CrmOrder> => ({
  ref: order.ref,
  position: { orderedAt: order.orderedAt.toISOString(), ref: order.ref },
  value: toCrmOrder(order, null),
});
const legacyOrder = (record: LegacyRecords['orders']): Positioned<OrderPosition, CrmOrder> => ({
  ref: record.id,
  position: { orderedAt: record.orderedAt, ref: record.id },
  value: legacyToCrmOrder(record, null),
});

/** Records made in Kontor were never in the legacy CRM: no need to ask it about them. */
const madeHere = (ref: string) => ref.startsWith('K-');

/** What migrate-on-edit needs of our Clients or Orders service. */
interface EditableService<E extends CrmEntity, S, P> {
  get(ctx: RequestContext, ref: string): Promise<S | undefined>;
  update(ctx: RequestContext, ref: string, patch: P, trx?: Db): Promise<S>;
  importLegacy(trx: Db, records: LegacyRecords[E][], via: 'edit'): Promise<number>;
}

/**
 * The one door to clients and orders (docs/legacy.md): creates go to our services; reads merge our services with the
 * legacy CRM (cached, with a timeout); an edit of a record that lives only in the legacy CRM moves it into ours
 * first. Once the legacy CRM is switched off for an entity, or when none is configured, only ours answers.
 */
export class CrmFacade {
  readonly #reads: LegacyReads;

  constructor(readonly deps: CrmFacadeDeps) {
    this.#reads = new LegacyReads(deps);
  }

  clientsPage(ctx: RequestContext, query: CrmClientQuery): Promise<CrmClientPage> {
    const { clients } = this.deps;
    const q = searchWords(query.q).join(' ') || undefined;
    return mergedPage(
      clientOrder,
      {
        ours: async (after, limit) => (await clients.page(ctx, { q, after, limit })).map(oursClient),
        oursByRefs: async (refs) => (await clients.byRefs(ctx, refs)).map(oursClient),
        migrated: (ids) => clients.migratedLegacyIds(ctx, ids),
        legacy: this.#reads.asked('clients')
          ? async (after, limit) => {
              const { page, partial } = await this.#reads.page('clients', { q, after, limit }, (legacy) =>
                legacy.clients({ q, after: after && { sortName: after.sortName, id: after.ref }, limit }),
              );
              const last = page.last && { sortName: foldName(page.last.name), ref: page.last.id };
              return { items: page.records.map(legacyClient), hasMore: page.hasMore, last, partial };
            }
          : undefined,
      },
      query.cursor,
      query.limit,
    );
  }

  async client(ctx: RequestContext, ref: string): Promise<CrmClient> {
    const ours = await this.deps.clients.get(ctx, ref);
    if (ours) return toCrmClient(ours);
    const record = await this.#legacyRecord('clients', ref, `Client ${ref}`);
    if (!record) throw notFound(`Client ${ref}`);
    return legacyToCrmClient(record);
  }

  async createClient(ctx: RequestContext, input: CrmClientInput): Promise<CrmClient> {
    return toCrmClient(await this.deps.clients.create(ctx, input));
  }

  async editClient(ctx: RequestContext, ref: string, patch: CrmClientPatch): Promise<CrmClient> {
    return toCrmClient(await this.#edit('clients', this.deps.clients, ctx, ref, patch, `Client ${ref}`));
  }

  async ordersPage(ctx: RequestContext, query: CrmOrderQuery): Promise<CrmOrderPage> {
    const { orders } = this.deps;
    const { timeZone } = this.deps.platform.config;
    const filter = {
      client: query.client,
      q: searchWords(query.q).join(' ') || undefined,
      status: query.status,
      from: query.from,
      to: query.to,
    };
    // The legacy CRM has no orders of a client made here.
    const askLegacy = this.#reads.asked('orders') && !(filter.client && madeHere(filter.client));
    const page = await mergedPage(
      orderOrder,
      {
        ours: async (before, limit) => (await orders.page(ctx, { ...filter, before, limit })).map(oursOrder),
        oursByRefs: async (refs) => (await orders.byRefs(ctx, refs)).map(oursOrder),
        migrated: (ids) => orders.migratedLegacyIds(ctx, ids),
        legacy: askLegacy
          ? async (before, limit) => {
              const { page, partial } = await this.#reads.page('orders', { ...filter, before, limit }, (legacy) =>
                legacy.orders({
                  ...filter,
                  fromAt: filter.from && dayStart(filter.from, 0, timeZone),
                  toAt: filter.to && dayStart(filter.to, 1, timeZone),
                  before: before && { orderedAt: before.orderedAt, id: before.ref },
                  limit,
                }),
              );
              const last = page.last && { orderedAt: page.last.orderedAt, ref: page.last.id };
              return { items: page.records.map(legacyOrder), hasMore: page.hasMore, last, partial };
            }
          : undefined,
      },
      query.cursor,
      query.limit,
    );
    return { ...page, items: await this.#withClientNames(ctx, page.items) };
  }

  async order(ctx: RequestContext, ref: string): Promise<CrmOrder> {
    return this.#named(ctx, await this.#orderOf(ctx, ref));
  }

  async #orderOf(ctx: RequestContext, ref: string): Promise<CrmOrder> {
    const ours = await this.deps.orders.get(ctx, ref);
    if (ours) return toCrmOrder(ours, null);
    const record = await this.#legacyRecord('orders', ref, `Order ${ref}`);
    if (!record) throw notFound(`Order ${ref}`);
    return legacyToCrmOrder(record, null);
  }

  /** An order of our own, for a client of either source. */
  async createOrder(ctx: RequestContext, input: CrmOrderInput): Promise<CrmOrder> {
    const clientName = await this.#clientNameOf(ctx, input.clientRef);
    return toCrmOrder(await this.deps.orders.create(ctx, input), clientName);
  }

  async editOrder(ctx: RequestContext, ref: string, patch: CrmOrderPatch): Promise<CrmOrder> {
    const order = await this.#edit('orders', this.deps.orders, ctx, ref, patch, `Order ${ref}`);
    return this.#named(ctx, toCrmOrder(order, null));
  }

  /**
   * An edit. A record only the legacy CRM has moves into our service first, read fresh from the legacy CRM (never
   * from the cache: it may be stale) and imported in the edit's own transaction, keyed by legacy id: of two edits
   * racing, one imports and applies, the other finds the moved record at a newer version and gets a 409. The cache
   * forgets the record once that commits. Legacy down: 503, and nothing is written.
   */
  async #edit<E extends CrmEntity, S, P extends { version: number }>(
    entity: E,
    service: EditableService<E, S, P>,
    ctx: RequestContext,
    ref: string,
    patch: P,
    what: string,
  ): Promise<S> {
    if (madeHere(ref) || !this.#reads.asked(entity) || (await service.get(ctx, ref))) {
      return service.update(ctx, ref, patch);
    }
    let record: LegacyRecords[E] | undefined;
    try {
      record = await this.#reads.fresh(entity, ref);
    } catch (error) {
      if (error instanceof LegacyUnavailable) throw legacyUnavailable(what);
      throw error;
    }
    // Not in the legacy CRM either: our service says so (or finds it, moved there meanwhile).
    if (!record) return service.update(ctx, ref, patch);
    const moved = record;
    const { imported, updated } = await this.deps.platform.transaction(async (trx) => {
      const imported = await service.importLegacy(trx, [moved], 'edit');
      return { imported, updated: await service.update(ctx, ref, patch, trx) };
    });
    await this.#reads.evict(entity, [ref]);
    this.deps.metrics.migrated(entity, 'edit', imported);
    return updated;
  }

  /** A legacy-only record to show; 503 when the legacy CRM fails and the cache has nothing. */
  async #legacyRecord<E extends CrmEntity>(entity: E, ref: string, what: string) {
    if (madeHere(ref) || !this.#reads.asked(entity)) return undefined;
    try {
      return await this.#reads.record(entity, ref);
    } catch (error) {
      if (error instanceof LegacyUnavailable) throw legacyUnavailable(what);
      throw error;
    }
  }

  /** The name of the client an order is for, wherever the client lives; 422 for no such client. */
  async #clientNameOf(ctx: RequestContext, clientRef: string): Promise<string> {
    const client =
      (await this.deps.clients.get(ctx, clientRef)) ??
      (await this.#legacyRecord('clients', clientRef, `Client ${clientRef}`));
    if (!client)
      throw unprocessable('unknown_client', `No client has the ref ${clientRef}`, [
        { path: 'body.clientRef', message: 'is not a known client' },
      ]);
    return client.name;
  }

  async #named(ctx: RequestContext, order: CrmOrder): Promise<CrmOrder> {
    const [named] = await this.#withClientNames(ctx, [order]);
    return named ?? order;
  }

  /** Orders with their clients' names, looked up once per page: ours first, then the legacy CRM through the cache. */
  async #withClientNames(ctx: RequestContext, orders: CrmOrder[]): Promise<CrmOrder[]> {
    const refs = [...new Set(orders.map((order) => order.clientRef))];
    const names = new Map<string, string>();
    if (refs.length === 0) return orders;
    for (const client of await this.deps.clients.byRefs(ctx, refs)) names.set(client.ref, client.name);
    const elsewhere = refs.filter((ref) => !names.has(ref) && !madeHere(ref));
    for (const [id, record] of await this.#reads.records('clients', elsewhere)) names.set(id, record.name);
    return orders.map((order) => ({ ...order, clientName: names.get(order.clientRef) ?? null }));
  }
}

import type { CrmEntity } from '@kontor/contracts';
import type { RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/platform.js';
import type { ClientsService, LegacyClientRecord, StoredClient } from '../clients/clients-service.js';
import type { LegacyCrmClient } from '../facade/legacy-client.js';
import type { LegacyOrderRecord, OrdersService, StoredOrder } from '../orders/orders-service.js';
import type { ConsistencyDifference } from './migration-repository.js';

export interface LegacyRecordBase {
  id: string;
  version: number;
}

/** Our copy of a legacy record: the legacy version it came with, and ours (higher once edited here). */
export interface OurCopyBase {
  legacyId: string | null;
  legacyVersion: number | null;
  version: number;
}

interface ComparedField<R, S> {
  field: string;
  legacy: (record: R) => string | null;
  ours: (stored: S) => string | null;
}

/** A page of the legacy CRM's records by id: the well-formed ones, and the malformed ones with what is wrong. */
export interface WalkPage<R extends LegacyRecordBase> {
  items: R[];
  malformed: Array<{ id: string; error: string }>;
  hasMore: boolean;
  /** The largest id of the page, well-formed or not: the next page starts after it. */
  last: string | null;
}

/** What the backfill and the consistency check need of one entity: its legacy walk and our service. */
export interface EntityPort<R extends LegacyRecordBase, S extends OurCopyBase> {
  entity: CrmEntity;
  walk(afterId: string | null, limit: number): Promise<WalkPage<R>>;
  importLegacy(trx: Db, records: R[]): Promise<number>;
  /** Our copies of these legacy records: a migrated record keeps the legacy id as its ref. */
  ours(ctx: RequestContext, legacyIds: string[]): Promise<S[]>;
  fields: Array<ComparedField<R, S>>;
}

const text = (value: string | number | null) => (value === null ? null : String(value));
const instant = (value: string | Date) => new Date(value).toISOString();

export const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The legacy client's page as a walk needs it. A malformed record without a readable id cannot be named or moved;
 * the log has it (the legacy client logs every malformed record).
 */
async function walkPage<E extends CrmEntity>(
  legacy: LegacyCrmClient,
  entity: E,
  afterId: string | null,
  limit: number,
) {
  const page = await legacy.walkById(entity, afterId, limit);
  const malformed = page.skipped.flatMap(({ id, error }) => (id === null ? [] : [{ id, error }]));
  const ids = [...page.items.map((item) => item.id), ...malformed.map((record) => record.id)];
  if (page.last) ids.push(page.last.id);
  return { items: page.items, malformed, hasMore: page.hasMore, last: ids.sort(byteOrder).at(-1) ?? null };
}

export function entityPorts(legacy: LegacyCrmClient, clients: ClientsService, orders: OrdersService) {
  const clientPort: EntityPort<LegacyClientRecord, StoredClient> = {
    entity: 'clients',
    walk: (afterId, limit) => walkPage(legacy, 'clients', afterId, limit),
    importLegacy: (trx, records) => clients.importLegacy(trx, records, 'backfill'),
    ours: (ctx, legacyIds) => clients.byRefs(ctx, legacyIds),
    fields: [
      { field: 'name', legacy: (r) => r.name, ours: (s) => s.name },
      { field: 'email', legacy: (r) => r.email, ours: (s) => s.email },
      { field: 'phone', legacy: (r) => r.phone, ours: (s) => s.phone },
      { field: 'orgNumber', legacy: (r) => r.orgNumber, ours: (s) => s.orgNumber },
      { field: 'city', legacy: (r) => r.city, ours: (s) => s.city },
    ],
  };
  const orderPort: EntityPort<LegacyOrderRecord, StoredOrder> = {
    entity: 'orders',
    walk: (afterId, limit) => walkPage(legacy, 'orders', afterId, limit),
    importLegacy: (trx, records) => orders.importLegacy(trx, records, 'backfill'),
    ours: (ctx, legacyIds) => orders.byRefs(ctx, legacyIds),
    fields: [
      { field: 'number', legacy: (r) => r.number, ours: (s) => s.number },
      { field: 'clientRef', legacy: (r) => r.clientId, ours: (s) => s.clientRef },
      { field: 'text', legacy: (r) => r.text, ours: (s) => s.text },
      { field: 'status', legacy: (r) => r.status, ours: (s) => s.status },
      { field: 'amountMinor', legacy: (r) => text(r.amountMinor), ours: (s) => text(s.amountMinor) },
      { field: 'currency', legacy: (r) => r.currency, ours: (s) => s.currency },
      { field: 'orderedAt', legacy: (r) => instant(r.orderedAt), ours: (s) => instant(s.orderedAt) },
    ],
  };
  return { clients: clientPort, orders: orderPort };
}

export type EntityPorts = ReturnType<typeof entityPorts>;

/**
 * How our copy of a legacy record differs from the legacy CRM's now, if that matters: the legacy record changed
 * after it moved here (its version went up), or a field differs although nobody edited our copy since (an edit
 * here makes differences expected: from then on ours is the record).
 */
export function differenceOf<R extends LegacyRecordBase, S extends OurCopyBase>(
  port: EntityPort<R, S>,
  record: R,
  ours: S,
): ConsistencyDifference | undefined {
  const changedInLegacy = record.version > (ours.legacyVersion ?? 0);
  const untouchedHere = ours.version === ours.legacyVersion;
  if (!changedInLegacy && !untouchedHere) return undefined;
  const fields = port.fields
    .map(({ field, legacy, ours: own }) => ({ field, ours: own(ours), legacy: legacy(record) }))
    .filter((pair) => pair.ours !== pair.legacy);
  if (changedInLegacy)
    fields.unshift({ field: 'version', ours: text(ours.legacyVersion), legacy: text(record.version) });
  return fields.length > 0 ? { legacyId: record.id, fields } : undefined;
}

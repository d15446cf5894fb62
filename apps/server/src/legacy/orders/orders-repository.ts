import { type Insertable, type QueryCreator, sql, type Updateable } from 'kysely';
import { containing, narrowsByTrigrams } from '../text.js';
import type { OrderPosition, OrderRow, OrdersDb, OrdersTables, StoredOrder } from './orders-tables.js';

const columns = [
  'id',
  'ref',
  'legacy_id as legacyId',
  'legacy_version as legacyVersion',
  'number',
  'client_ref as clientRef',
  'text',
  'status',
  'amount_minor as amountMinor',
  'currency',
  'ordered_at as orderedAt',
  'version',
  'created_at as createdAt',
  'updated_at as updatedAt',
  'migrated_at as migratedAt',
] as const;

export interface OrderQuery {
  clientRef?: string;
  /** Folded words; each must be in the folded number and text. */
  words: string[];
  status?: OrderRow['status'];
  /** Whole days (YYYY-MM-DD) in `timeZone`, both included. */
  from?: string;
  to?: string;
  timeZone: string;
  before?: OrderPosition;
  limit: number;
}

/** The instant `day` (YYYY-MM-DD) plus `days` begins in `zone`, as the database's time zone rules have it. */
const dayStart = (day: string, days: number, zone: string) =>
  sql<Date>`((${day}::date + ${days}::int)::timestamp at time zone ${zone})`;

/** The SQL of `crm_orders.orders`. */
export const ordersRepository = {
  /** Orders in (ordered_at, ref) descending byte order, strictly before `before`. */
  async page(db: OrdersDb, query: OrderQuery): Promise<StoredOrder[]> {
    const select = (from: QueryCreator<OrdersTables>) => {
      let filtered = from.selectFrom('crm_orders.orders').select(columns);
      if (query.clientRef !== undefined) filtered = filtered.where('client_ref', '=', query.clientRef);
      for (const word of query.words) filtered = filtered.where('search_text', 'like', containing(word));
      if (query.status) filtered = filtered.where('status', '=', query.status);
      if (query.from) filtered = filtered.where('ordered_at', '>=', dayStart(query.from, 0, query.timeZone));
      if (query.to) filtered = filtered.where('ordered_at', '<', dayStart(query.to, 1, query.timeZone));
      const { before } = query;
      if (before)
        filtered = filtered.where((eb) =>
          eb(eb.refTuple('ordered_at', 'ref'), '<', eb.tuple(new Date(before.orderedAt), before.ref)),
        );
      return filtered;
    };
    if (!query.words.some(narrowsByTrigrams))
      return select(db).orderBy('ordered_at', 'desc').orderBy('ref', 'desc').limit(query.limit).execute();
    // As for clients: the trigram index finds the matches of a rare word at once, where walking the list's index
    // would test every newer order first.
    return db
      .with((cte) => cte('matches').materialized(), select)
      .selectFrom('matches')
      .selectAll()
      .orderBy('orderedAt', 'desc')
      .orderBy('ref', 'desc')
      .limit(query.limit)
      .execute();
  },

  async byRefs(db: OrdersDb, refs: string[]): Promise<StoredOrder[]> {
    if (refs.length === 0) return [];
    return db.selectFrom('crm_orders.orders').select(columns).where('ref', 'in', refs).execute();
  },

  async get(db: OrdersDb, ref: string): Promise<StoredOrder | undefined> {
    return db.selectFrom('crm_orders.orders').select(columns).where('ref', '=', ref).executeTakeFirst();
  },

  /** The order, locked until the transaction ends: concurrent edits of one order take turns. */
  async lock(db: OrdersDb, ref: string): Promise<StoredOrder | undefined> {
    return db.selectFrom('crm_orders.orders').select(columns).where('ref', '=', ref).forUpdate().executeTakeFirst();
  },

  /** The next of our own order numbers (a sequence: never handed out twice, even to concurrent creations). */
  async nextNumber(db: OrdersDb): Promise<number> {
    const { rows } = await sql<{ n: number }>`select nextval('crm_orders.our_numbers')::int8 as n`.execute(db);
    const next = rows[0]?.n;
    if (next === undefined) throw new Error('crm_orders.our_numbers gave no number');
    return Number(next);
  },

  async insert(db: OrdersDb, row: Insertable<OrderRow>): Promise<StoredOrder> {
    return db.insertInto('crm_orders.orders').values(row).returning(columns).executeTakeFirstOrThrow();
  },

  async update(db: OrdersDb, id: string, changes: Updateable<OrderRow>): Promise<StoredOrder> {
    return db
      .updateTable('crm_orders.orders')
      .set({ ...changes, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirstOrThrow();
  },

  /**
   * Inserts the legacy records not here yet in one statement, migrated now; returns how many went in. Any unique
   * column is an arbiter, as for clients (a concurrent import of one record collides on `ref` and on `legacy_id`).
   */
  async insertNew(db: OrdersDb, rows: Omit<Insertable<OrderRow>, 'migrated_at'>[]): Promise<number> {
    if (rows.length === 0) return 0;
    const result = await db
      .insertInto('crm_orders.orders')
      .values(rows.map((row) => ({ ...row, migrated_at: sql<Date>`now()` })))
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  },

  async counts(db: OrdersDb): Promise<{ migrated: number; createdHere: number }> {
    const row = await db
      .selectFrom('crm_orders.orders')
      .select([
        sql<number>`count(*) filter (where legacy_id is not null)::int`.as('migrated'),
        sql<number>`count(*) filter (where legacy_id is null)::int`.as('createdHere'),
      ])
      .executeTakeFirstOrThrow();
    return { migrated: row.migrated, createdHere: row.createdHere };
  },

  async legacyIdsIn(db: OrdersDb, legacyIds: string[]): Promise<string[]> {
    if (legacyIds.length === 0) return [];
    const rows = await db
      .selectFrom('crm_orders.orders')
      .select('legacy_id')
      .where('legacy_id', 'in', legacyIds)
      .execute();
    return rows.flatMap((row) => (row.legacy_id === null ? [] : [row.legacy_id]));
  },
};

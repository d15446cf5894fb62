import type { OrderStatus } from '@kontor/contracts';
import { type ExpressionBuilder, sql } from 'kysely';
import type { StoredLine, SuppliesDb, SuppliesTables } from './tables.js';

/** An order as stored, with the hub's status when it has one. */
export interface OrderRow {
  id: string;
  number: string;
  unit_id: string;
  owner: string;
  delivery_address: string;
  requested_date: string;
  note: string;
  lines: StoredLine[];
  created_by: string | null;
  created_by_name: string;
  created_at: Date;
  updated_at: Date;
  withdrawn_at: Date | null;
  status: OrderStatus;
  status_reason: string;
  status_changed_at: Date | null;
}

export interface RequestRow {
  id: string;
  order_id: string;
  kind: 'change' | 'withdraw';
  lines: StoredLine[] | null;
  comment: string;
  created_by_name: string;
  created_at: Date;
  decision: 'accepted' | 'refused' | null;
  decision_reason: string | null;
  decided_at: Date | null;
}

export interface OrderFilter {
  /** Orders of these units only; undefined: every unit. */
  unitIds?: string[];
  statuses?: OrderStatus[];
  /** Order ids to keep (the delivery filter is judged by the engine, outside SQL). */
  ids?: string[];
  /** Lower case; matched against the number, note, address, article numbers and names. */
  text?: string;
  openRequests?: boolean;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

type Eb = ExpressionBuilder<SuppliesTables & { o: SuppliesTables['supplies.orders'] }, 'o'>;

/** An order's status as the list shows it: withdrawn by its unit, else the hub's word, else new. */
const statusOf = sql<OrderStatus>`case when o.withdrawn_at is not null then 'withdrawn' else coalesce(s.status, 'new') end`;

const orderColumns = [
  'o.id',
  'o.number',
  'o.unit_id',
  'o.owner',
  'o.delivery_address',
  sql<string>`to_char(o.requested_date, 'YYYY-MM-DD')`.as('requested_date'),
  'o.note',
  'o.lines',
  'o.created_by',
  'o.created_by_name',
  'o.created_at',
  'o.updated_at',
  'o.withdrawn_at',
  statusOf.as('status'),
  sql<string>`coalesce(s.reason, '')`.as('status_reason'),
  's.changed_at as status_changed_at',
] as const;

const requestColumns = [
  'r.id',
  'r.order_id',
  'r.kind',
  'r.lines',
  'r.comment',
  'r.created_by_name',
  'r.created_at',
  'd.decision',
  'd.reason as decision_reason',
  'd.decided_at',
] as const;

const openRequest = (eb: Eb) =>
  eb.exists(
    eb
      .selectFrom('supplies.change_requests as r')
      .leftJoin('supplies.request_decisions as d', 'd.request_id', 'r.id')
      .whereRef('r.order_id', '=', 'o.id')
      .where('d.request_id', 'is', null)
      .select('r.id'),
  );

export const orderRepository = {
  async list(db: SuppliesDb, filter: OrderFilter): Promise<{ rows: OrderRow[]; total: number }> {
    let query = db.selectFrom('supplies.orders as o').leftJoin('supplies.order_status as s', 's.order_id', 'o.id');
    if (filter.unitIds)
      query = query.where('o.unit_id', 'in', filter.unitIds.length ? filter.unitIds : [null as never]);
    if (filter.ids) query = query.where('o.id', 'in', filter.ids.length ? filter.ids : [null as never]);
    if (filter.statuses) query = query.where(statusOf, 'in', filter.statuses);
    if (filter.from) query = query.where(sql`o.created_at::date`, '>=', filter.from);
    if (filter.to) query = query.where(sql`o.created_at::date`, '<=', filter.to);
    if (filter.openRequests) query = query.where((eb) => openRequest(eb as unknown as Eb));
    if (filter.text) {
      const pattern = `%${filter.text.replace(/[\\%_]/g, '\\$&')}%`;
      query = query.where(
        sql<boolean>`lower(o.number || ' ' || o.note || ' ' || o.delivery_address || ' ' || o.created_by_name || ' ' || o.lines::text) like ${pattern}`,
      );
    }
    const [rows, count] = await Promise.all([
      query
        .select(orderColumns)
        .orderBy('o.created_at', 'desc')
        .orderBy('o.id')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows: rows as OrderRow[], total: count.n };
  },

  async find(db: SuppliesDb, id: string): Promise<OrderRow | undefined> {
    return (await db
      .selectFrom('supplies.orders as o')
      .leftJoin('supplies.order_status as s', 's.order_id', 'o.id')
      .select(orderColumns)
      .where('o.id', '=', id)
      .executeTakeFirst()) as OrderRow | undefined;
  },

  /** Ids of orders placed on this node (its own rows), for asking the engine where they stand. */
  async ownIds(db: SuppliesDb, owner: string, unitIds: string[] | undefined): Promise<string[]> {
    let query = db.selectFrom('supplies.orders').select('id').where('owner', '=', owner);
    if (unitIds) query = query.where('unit_id', 'in', unitIds.length ? unitIds : [null as never]);
    return (await query.execute()).map((row) => row.id);
  },

  async requests(db: SuppliesDb, orderIds: string[]): Promise<RequestRow[]> {
    if (orderIds.length === 0) return [];
    return (await db
      .selectFrom('supplies.change_requests as r')
      .leftJoin('supplies.request_decisions as d', 'd.request_id', 'r.id')
      .select(requestColumns)
      .where('r.order_id', 'in', orderIds)
      .orderBy('r.created_at')
      .execute()) as RequestRow[];
  },

  async request(db: SuppliesDb, id: string): Promise<RequestRow | undefined> {
    return (await db
      .selectFrom('supplies.change_requests as r')
      .leftJoin('supplies.request_decisions as d', 'd.request_id', 'r.id')
      .select(requestColumns)
      .where('r.id', '=', id)
      .executeTakeFirst()) as RequestRow | undefined;
  },

  async hubStatus(db: SuppliesDb, orderId: string) {
    return db.selectFrom('supplies.order_status').selectAll().where('order_id', '=', orderId).executeTakeFirst();
  },

  async insert(
    db: SuppliesDb,
    row: Omit<SuppliesTables['supplies.orders'], 'created_at' | 'updated_at' | 'lines'> & { lines: StoredLine[] },
  ) {
    await db
      .insertInto('supplies.orders')
      .values({ ...row, lines: JSON.stringify(row.lines) })
      .execute();
  },

  async update(
    db: SuppliesDb,
    id: string,
    changes: Partial<{ delivery_address: string; requested_date: string; note: string; lines: StoredLine[] }> & {
      withdrawn?: true;
    },
  ) {
    const { lines, withdrawn, ...rest } = changes;
    await db
      .updateTable('supplies.orders')
      .set({
        ...rest,
        ...(lines ? { lines: JSON.stringify(lines) } : {}),
        ...(withdrawn ? { withdrawn_at: sql`now()` } : {}),
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .execute();
  },

  async setStatus(
    db: SuppliesDb,
    row: {
      order_id: string;
      unit_id: string;
      status: SuppliesTables['supplies.order_status']['status'];
      reason: string;
      changed_by_name: string;
    },
  ) {
    await db
      .insertInto('supplies.order_status')
      .values(row)
      .onConflict((oc) =>
        oc.column('order_id').doUpdateSet({
          status: row.status,
          reason: row.reason,
          changed_by_name: row.changed_by_name,
          changed_at: sql`now()`,
        }),
      )
      .execute();
  },

  async insertRequest(
    db: SuppliesDb,
    row: Omit<SuppliesTables['supplies.change_requests'], 'created_at' | 'lines'> & { lines: StoredLine[] | null },
  ) {
    await db
      .insertInto('supplies.change_requests')
      .values({ ...row, lines: row.lines && JSON.stringify(row.lines) })
      .execute();
  },

  async decide(db: SuppliesDb, row: Omit<SuppliesTables['supplies.request_decisions'], 'decided_at'>) {
    await db.insertInto('supplies.request_decisions').values(row).execute();
  },
};

import { type Insertable, type Selectable, sql } from 'kysely';
import type { ReachedAtColumn } from './order-states.js';
import type {
  OrderEventRow,
  OrderLineRow,
  OrderRow,
  OrdersDb,
  ShippingSnapshot,
  ShopOrderStatus,
  VatByRate,
} from './orders-tables.js';
import { containing, foldedSql } from './text-search.js';

export type StoredOrder = Omit<Selectable<OrderRow>, 'vat_by_rate' | 'shipping' | 'billing_address'> & {
  vat_by_rate: VatByRate[];
  shipping: ShippingSnapshot;
  billing_address: ShippingSnapshot['address'];
};
export type StoredLine = Omit<Selectable<OrderLineRow>, 'option_values'> & { option_values: Record<string, string> };
export type StoredEvent = Selectable<OrderEventRow>;

export interface OrderFilter {
  status?: ShopOrderStatus;
  /** Orders created at or after `from` and before `to`. */
  from?: Date;
  to?: Date;
  /** An order number, or words of the e-mail address or the customer's name. */
  number?: number;
  words: string[];
  needsReview?: boolean;
  customerId?: string;
  userId?: string;
  /** Keyset: orders with a number below this. */
  beforeNumber?: number;
  limit: number;
}

/** Orders, their lines and their history: the SQL of `commerce.orders`, `order_lines` and `order_events`. */
export const ordersRepository = {
  async insert(db: OrdersDb, order: Insertable<OrderRow>): Promise<StoredOrder> {
    return (await db
      .insertInto('commerce.orders')
      .values(order)
      .returningAll()
      .executeTakeFirstOrThrow()) as unknown as StoredOrder;
  },

  async insertLines(db: OrdersDb, lines: Insertable<OrderLineRow>[]): Promise<void> {
    if (lines.length > 0) await db.insertInto('commerce.order_lines').values(lines).execute();
  },

  async get(db: OrdersDb, id: string): Promise<StoredOrder | undefined> {
    return (await db.selectFrom('commerce.orders').selectAll().where('id', '=', id).executeTakeFirst()) as
      | StoredOrder
      | undefined;
  },

  /**
   * The order, locked until the transaction ends: concurrent changes of it happen one after the other. NO KEY UPDATE,
   * not UPDATE: rows that merely reference the order (events, payments, refunds) take KEY SHARE locks on it, and an
   * UPDATE lock would wait for those crosswise and deadlock with a webhook's transaction.
   */
  async lock(db: OrdersDb, id: string): Promise<StoredOrder | undefined> {
    return (await db
      .selectFrom('commerce.orders')
      .selectAll()
      .where('id', '=', id)
      .forNoKeyUpdate()
      .executeTakeFirst()) as StoredOrder | undefined;
  },

  async lines(db: OrdersDb, orderId: string): Promise<StoredLine[]> {
    return (await db
      .selectFrom('commerce.order_lines')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('position')
      .execute()) as StoredLine[];
  },

  async events(db: OrdersDb, orderId: string): Promise<StoredEvent[]> {
    return db.selectFrom('commerce.order_events').selectAll().where('order_id', '=', orderId).orderBy('id').execute();
  },

  async addEvent(db: OrdersDb, event: Insertable<OrderEventRow>): Promise<void> {
    await db.insertInto('commerce.order_events').values(event).execute();
  },

  async update(
    db: OrdersDb,
    id: string,
    changes: Partial<Pick<OrderRow, 'status' | 'review_reason' | 'tracking_number'>> & {
      reachedAt?: ReachedAtColumn;
    },
  ): Promise<void> {
    const { reachedAt, ...columns } = changes;
    await db
      .updateTable('commerce.orders')
      .set({
        ...columns,
        ...(reachedAt && { [reachedAt]: sql<Date>`now()` }),
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .execute();
  },

  /** A page of orders, newest (highest number) first. */
  async list(db: OrdersDb, filter: OrderFilter): Promise<StoredOrder[]> {
    let query = db.selectFrom('commerce.orders').selectAll();
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.from) query = query.where('created_at', '>=', filter.from);
    if (filter.to) query = query.where('created_at', '<', filter.to);
    if (filter.needsReview !== undefined)
      query = query.where('review_reason', filter.needsReview ? 'is not' : 'is', null);
    if (filter.customerId) query = query.where('customer_id', '=', filter.customerId);
    if (filter.userId) query = query.where('user_id', '=', filter.userId);
    if (filter.beforeNumber !== undefined) query = query.where('number', '<', filter.beforeNumber);
    if (filter.number !== undefined || filter.words.length > 0) {
      const number = filter.number;
      const words = filter.words;
      query = query.where((eb) =>
        eb.or([
          ...(number !== undefined ? [eb('number', '=', number)] : []),
          ...(words.length > 0
            ? [
                eb.and(
                  words.map((word) =>
                    eb(
                      foldedSql(sql`email || ' ' || customer_name || ' ' || coalesce(company_name, '')`),
                      'like',
                      containing(word),
                    ),
                  ),
                ),
              ]
            : []),
        ]),
      );
    }
    return (await query.orderBy('number', 'desc').limit(filter.limit).execute()) as StoredOrder[];
  },
};

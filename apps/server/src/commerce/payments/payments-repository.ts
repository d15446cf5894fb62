import type { ShopPaymentStatus } from '@kontor/contracts';
import { type ColumnType, type Generated, type Insertable, type Kysely, type Selectable, sql } from 'kysely';

export type PaymentsTables = {
  'commerce.payments': {
    id: string;
    order_id: string;
    provider: string;
    attempt: number;
    reference: string | null;
    intent_id: string | null;
    redirect_url: string | null;
    status: ShopPaymentStatus;
    amount_minor: number;
    currency: string;
    refunded_minor: Generated<number>;
    failure_message: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  'commerce.payment_events': {
    provider: string;
    event_id: string;
    type: string;
    payment_id: string | null;
    received_at: Generated<Date>;
    payload: ColumnType<unknown, string, string>;
  };
  'commerce.refunds': {
    id: string;
    payment_id: string;
    order_id: string;
    request_key: string;
    amount_minor: number;
    currency: string;
    status: 'pending' | 'succeeded' | 'failed';
    provider_refund_id: string | null;
    reason: string | null;
    failure_message: string | null;
    created_by_id: string | null;
    created_by_name: string;
    created_at: Generated<Date>;
    settled_at: Date | null;
  };
};
export type PaymentsDb = Kysely<PaymentsTables>;
export type StoredPayment = Selectable<PaymentsTables['commerce.payments']>;
export type StoredRefund = Selectable<PaymentsTables['commerce.refunds']>;

/** Payments at providers, the provider events handled, refunds: the SQL of their three tables. */
export const paymentsRepository = {
  async forOrder(db: PaymentsDb, orderId: string): Promise<StoredPayment[]> {
    return db
      .selectFrom('commerce.payments')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('created_at')
      .orderBy('attempt')
      .execute();
  },

  async get(db: PaymentsDb, id: string): Promise<StoredPayment | undefined> {
    return db.selectFrom('commerce.payments').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Locked as orders are (NO KEY UPDATE): an event or refund row referencing the payment does not block it. */
  async lock(db: PaymentsDb, id: string): Promise<StoredPayment | undefined> {
    return db.selectFrom('commerce.payments').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
  },

  async byProviderId(
    db: PaymentsDb,
    provider: string,
    ids: { intentId: string | null; reference: string | null },
  ): Promise<StoredPayment | undefined> {
    if (!ids.intentId && !ids.reference) return undefined;
    return db
      .selectFrom('commerce.payments')
      .selectAll()
      .where('provider', '=', provider)
      .where((eb) =>
        eb.or([
          ...(ids.intentId ? [eb('intent_id', '=', ids.intentId)] : []),
          ...(ids.reference ? [eb('reference', '=', ids.reference)] : []),
        ]),
      )
      .executeTakeFirst();
  },

  async insert(db: PaymentsDb, payment: Insertable<PaymentsTables['commerce.payments']>): Promise<StoredPayment> {
    return db.insertInto('commerce.payments').values(payment).returningAll().executeTakeFirstOrThrow();
  },

  async update(
    db: PaymentsDb,
    id: string,
    changes: Partial<
      Pick<StoredPayment, 'reference' | 'intent_id' | 'redirect_url' | 'status' | 'refunded_minor' | 'failure_message'>
    >,
  ): Promise<void> {
    await db
      .updateTable('commerce.payments')
      .set({ ...changes, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  },

  async eventSeen(db: PaymentsDb, provider: string, eventId: string): Promise<boolean> {
    const row = await db
      .selectFrom('commerce.payment_events')
      .select('event_id')
      .where('provider', '=', provider)
      .where('event_id', '=', eventId)
      .executeTakeFirst();
    return Boolean(row);
  },

  /**
   * Records an event as handled; false when it was already. A concurrent delivery of the same event waits on the
   * primary key until the first one's transaction ends, then finds it there.
   */
  async recordEvent(
    db: PaymentsDb,
    event: { provider: string; eventId: string; type: string; paymentId: string | null; payload: unknown },
  ): Promise<boolean> {
    const rows = await db
      .insertInto('commerce.payment_events')
      .values({
        provider: event.provider,
        event_id: event.eventId,
        type: event.type,
        payment_id: event.paymentId,
        payload: JSON.stringify(event.payload),
      })
      .onConflict((oc) => oc.columns(['provider', 'event_id']).doNothing())
      .returning('event_id')
      .execute();
    return rows.length > 0;
  },

  async refundsForOrder(db: PaymentsDb, orderId: string): Promise<StoredRefund[]> {
    return db
      .selectFrom('commerce.refunds')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },

  async refundByKey(db: PaymentsDb, orderId: string, requestKey: string): Promise<StoredRefund | undefined> {
    return db
      .selectFrom('commerce.refunds')
      .selectAll()
      .where('order_id', '=', orderId)
      .where('request_key', '=', requestKey)
      .executeTakeFirst();
  },

  async insertRefund(db: PaymentsDb, refund: Insertable<PaymentsTables['commerce.refunds']>): Promise<StoredRefund> {
    return db.insertInto('commerce.refunds').values(refund).returningAll().executeTakeFirstOrThrow();
  },

  async updateRefund(
    db: PaymentsDb,
    id: string,
    changes: Partial<Pick<StoredRefund, 'status' | 'provider_refund_id' | 'failure_message'>>,
  ): Promise<void> {
    await db
      .updateTable('commerce.refunds')
      .set({ ...changes, ...(changes.status && changes.status !== 'pending' && { settled_at: sql<Date>`now()` }) })
      .where('id', '=', id)
      .execute();
  },

  /** The sum of a payment's refunds in the given states: `pending` are on their way, `succeeded` given back. */
  async refundedSum(db: PaymentsDb, paymentId: string, statuses: Array<'pending' | 'succeeded'>): Promise<number> {
    const row = await db
      .selectFrom('commerce.refunds')
      .select(sql<number>`coalesce(sum(amount_minor), 0)::bigint`.as('amount'))
      .where('payment_id', '=', paymentId)
      .where('status', 'in', statuses)
      .executeTakeFirstOrThrow();
    return Number(row.amount);
  },
};

import type { WebhookDeliveryStatus } from '@kontor/contracts';
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { WebhooksDb, WebhookTables } from './tables.js';

export type WebhookRow = Selectable<WebhookTables['supplies.webhooks']>;
export type DeliveryRow = Selectable<WebhookTables['supplies.webhook_deliveries']>;

export interface DeliveryCounts {
  pending: number;
  delivered: number;
  dead: number;
  lastDeliveredAt: Date | null;
}

/** A delivery taken for one attempt, with what sending it needs. */
export interface ClaimedDelivery extends DeliveryRow {
  url: string;
  secret: string;
}

export interface DeliveryFilter {
  webhookId?: string;
  status?: WebhookDeliveryStatus;
  limit: number;
  offset: number;
}

const after = (ms: number) => sql<Date>`now() + ${ms} * interval '1 millisecond'`;

export const webhookRepository = {
  list: (db: WebhooksDb) =>
    db.selectFrom('supplies.webhooks').selectAll().orderBy('created_at').orderBy('id').execute(),

  find: (db: WebhooksDb, id: string) =>
    db.selectFrom('supplies.webhooks').selectAll().where('id', '=', id).executeTakeFirst(),

  /** Those that may have feed items to turn into deliveries: active, and behind the end of the feed. */
  behind: (db: WebhooksDb, feedEnd: number) =>
    db
      .selectFrom('supplies.webhooks')
      .select(['id', 'kinds', 'cursor'])
      .where('active', '=', true)
      .where('cursor', '<', String(feedEnd))
      .execute(),

  async counts(db: WebhooksDb, webhookId?: string): Promise<Map<string, DeliveryCounts>> {
    let query = db
      .selectFrom('supplies.webhook_deliveries')
      .select(({ fn }) => [
        'webhook_id',
        'status',
        fn.countAll<number | string>().as('count'),
        fn.max('delivered_at').as('last_delivered_at'),
      ])
      .groupBy(['webhook_id', 'status']);
    if (webhookId) query = query.where('webhook_id', '=', webhookId);
    const counts = new Map<string, DeliveryCounts>();
    for (const row of await query.execute()) {
      const entry = counts.get(row.webhook_id) ?? { pending: 0, delivered: 0, dead: 0, lastDeliveredAt: null };
      entry[row.status] = Number(row.count);
      if (row.last_delivered_at) entry.lastDeliveredAt = new Date(row.last_delivered_at);
      counts.set(row.webhook_id, entry);
    }
    return counts;
  },

  insert: (db: WebhooksDb, row: Insertable<WebhookTables['supplies.webhooks']>) =>
    db.insertInto('supplies.webhooks').values(row).execute(),

  update: (db: WebhooksDb, id: string, patch: Updateable<WebhookTables['supplies.webhooks']>) =>
    db
      .updateTable('supplies.webhooks')
      .set({ ...patch, updated_at: sql`now()` })
      .where('id', '=', id)
      .execute(),

  delete: (db: WebhooksDb, id: string) => db.deleteFrom('supplies.webhooks').where('id', '=', id).execute(),

  /** The last seq of the feed (events of transactions still running included: a new webhook starts after them). */
  async feedEnd(db: WebhooksDb): Promise<number> {
    const row = await db
      .selectFrom('supplies.feed_events')
      .select(({ fn }) => fn.max('seq').as('seq'))
      .executeTakeFirst();
    return Number(row?.seq ?? 0);
  },

  /**
   * Moves a webhook's cursor from `from` to `to`; false when it was not at `from` any more (another hub instance
   * got there first) or the webhook was paused or deleted meanwhile. Run it before inserting the deliveries, in
   * their transaction: the row lock it takes makes a concurrent instance wait, then find the cursor moved.
   */
  async advance(db: WebhooksDb, id: string, from: number, to: number): Promise<boolean> {
    const moved = await db
      .updateTable('supplies.webhooks')
      .set({ cursor: String(to) })
      .where('id', '=', id)
      .where('cursor', '=', String(from))
      .where('active', '=', true)
      .returning('id')
      .executeTakeFirst();
    return Boolean(moved);
  },

  insertDeliveries: (db: WebhooksDb, rows: Array<Insertable<WebhookTables['supplies.webhook_deliveries']>>) =>
    rows.length === 0 ? Promise.resolve() : db.insertInto('supplies.webhook_deliveries').values(rows).execute(),

  async listDeliveries(db: WebhooksDb, filter: DeliveryFilter): Promise<{ rows: DeliveryRow[]; total: number }> {
    let query = db.selectFrom('supplies.webhook_deliveries');
    if (filter.webhookId) query = query.where('webhook_id', '=', filter.webhookId);
    if (filter.status) query = query.where('status', '=', filter.status);
    const [rows, total] = await Promise.all([
      query
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('cursor', 'desc')
        .orderBy('id')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      query.select(({ fn }) => fn.countAll<number | string>().as('total')).executeTakeFirst(),
    ]);
    return { rows, total: Number(total?.total ?? 0) };
  },

  findDelivery: (db: WebhooksDb, id: string) =>
    db.selectFrom('supplies.webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst(),

  /** A dead delivery goes back to the queue with a fresh count of attempts; undefined when it was not dead. */
  revive: (db: WebhooksDb, id: string) =>
    db
      .updateTable('supplies.webhook_deliveries')
      .set({ status: 'pending', attempts: 0, next_attempt_at: sql`now()` })
      .where('id', '=', id)
      .where('status', '=', 'dead')
      .returningAll()
      .executeTakeFirst(),

  /**
   * Takes due deliveries for one attempt each: at most one per webhook, and for each webhook its oldest pending
   * feed item only (pings are outside the feed's order), so a webhook's deliveries go out in cursor order. A
   * taken delivery's `next_attempt_at` becomes the end of a lease, longer than an attempt can last: no other
   * hub instance takes it meanwhile, and if this one dies mid-attempt the lease runs out and it is sent again.
   * Run in a transaction of its own; SKIP LOCKED lets concurrent instances claim around each other.
   */
  async claim(trx: WebhooksDb, busy: string[], limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const { rows: due } = await sql<{ id: string; webhook_id: string }>`
      select d.id, d.webhook_id
      from supplies.webhook_deliveries d
      join supplies.webhooks w on w.id = d.webhook_id
      where d.status = 'pending' and d.next_attempt_at <= now() and w.active
        and not (d.webhook_id = any(${busy}::uuid[]))
        and (d.cursor is null or not exists (
          select 1 from supplies.webhook_deliveries earlier
          where earlier.webhook_id = d.webhook_id and earlier.status = 'pending' and earlier.cursor < d.cursor))
      order by d.next_attempt_at, d.cursor nulls first, d.id
      limit ${limit}
      for update of d skip locked`.execute(trx);
    const firstPerWebhook = new Map<string, string>();
    for (const row of due) if (!firstPerWebhook.has(row.webhook_id)) firstPerWebhook.set(row.webhook_id, row.id);
    const ids = [...firstPerWebhook.values()];
    if (ids.length === 0) return [];
    const claimed = await trx
      .updateTable('supplies.webhook_deliveries')
      .set({ next_attempt_at: after(leaseMs) })
      .where('id', 'in', ids)
      .returningAll()
      .execute();
    const hooks = new Map(
      (
        await trx
          .selectFrom('supplies.webhooks')
          .select(['id', 'url', 'secret'])
          .where(
            'id',
            'in',
            claimed.map((row) => row.webhook_id),
          )
          .execute()
      ).map((hook) => [hook.id, hook]),
    );
    return claimed.flatMap((row) => {
      const hook = hooks.get(row.webhook_id);
      return hook ? [{ ...row, url: hook.url, secret: hook.secret }] : [];
    });
  },

  delivered: (db: WebhooksDb, id: string, statusCode: number) =>
    db
      .updateTable('supplies.webhook_deliveries')
      .set({
        status: 'delivered',
        attempts: sql`attempts + 1`,
        delivered_at: sql`now()`,
        last_status_code: statusCode,
        last_error: null,
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .execute(),

  /** Records a failed attempt: tried again after `retryInMs`, or dead when `dead`. */
  failed: (
    db: WebhooksDb,
    id: string,
    outcome: { statusCode: number | null; error: string; dead: boolean; retryInMs: number },
  ) =>
    db
      .updateTable('supplies.webhook_deliveries')
      .set({
        status: outcome.dead ? 'dead' : 'pending',
        attempts: sql`attempts + 1`,
        next_attempt_at: after(outcome.dead ? 0 : outcome.retryInMs),
        last_status_code: outcome.statusCode,
        last_error: outcome.error,
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .execute(),

  /** Gives a taken delivery back untried (the node is stopping). */
  release: (db: WebhooksDb, id: string) =>
    db
      .updateTable('supplies.webhook_deliveries')
      .set({ next_attempt_at: sql`now()` })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .execute(),

  /** Delivered deliveries are kept for a while to be looked at, then removed so the table stays small. */
  prune: (db: WebhooksDb, keepDays: number) =>
    db
      .deleteFrom('supplies.webhook_deliveries')
      .where('status', '=', 'delivered')
      .where('delivered_at', '<', sql<Date>`now() - ${keepDays} * interval '1 day'`)
      .execute(),
};

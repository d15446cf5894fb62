import type { NotificationEvent } from '@kontor/contracts';
import { type Insertable, sql } from 'kysely';
import type { NotificationDb, NotificationTables, StoredNotification } from './tables.js';

/** The SQL of `desk.notifications` and `desk.notification_preferences`. */
export const notificationsRepository = {
  async insert(db: NotificationDb, row: Insertable<NotificationTables['desk.notifications']>) {
    return (await db
      .insertInto('desk.notifications')
      .values(row)
      .returningAll()
      .executeTakeFirstOrThrow()) as StoredNotification;
  },

  /** Newest first, keyset-paged by id: `before` is the smallest id of the previous page. */
  page(db: NotificationDb, userId: string, options: { before?: number; limit: number; unread?: boolean }) {
    let query = db.selectFrom('desk.notifications').selectAll().where('user_id', '=', userId);
    if (options.before !== undefined) query = query.where('id', '<', options.before);
    if (options.unread) query = query.where('read_at', 'is', null);
    return query.orderBy('id', 'desc').limit(options.limit).execute() as Promise<StoredNotification[]>;
  },

  async unread(db: NotificationDb, userId: string): Promise<number> {
    const row = await db
      .selectFrom('desk.notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Marks one (or, without `id`, every) unread notification of the user read; how many it marked. */
  async markRead(db: NotificationDb, userId: string, id?: number): Promise<number> {
    let query = db
      .updateTable('desk.notifications')
      .set({ read_at: sql<Date>`now()` })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null);
    if (id !== undefined) query = query.where('id', '=', id);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  exists: async (db: NotificationDb, userId: string, id: number) =>
    (await db
      .selectFrom('desk.notifications')
      .select('id')
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst()) !== undefined,

  preferences: (db: NotificationDb, userId: string) =>
    db.selectFrom('desk.notification_preferences').selectAll().where('user_id', '=', userId).execute(),

  preference: (db: NotificationDb, userId: string, event: NotificationEvent) =>
    db
      .selectFrom('desk.notification_preferences')
      .selectAll()
      .where('user_id', '=', userId)
      .where('event', '=', event)
      .executeTakeFirst(),

  async setPreference(db: NotificationDb, userId: string, event: NotificationEvent, inApp: boolean, email: boolean) {
    await db
      .insertInto('desk.notification_preferences')
      .values({ user_id: userId, event, in_app: inApp, email })
      .onConflict((oc) => oc.columns(['user_id', 'event']).doUpdateSet({ in_app: inApp, email }))
      .execute();
  },
};

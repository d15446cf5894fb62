import { sql } from 'kysely';
import type { VisitorsDb, VisitorsTables } from './tables.js';

export type KioskRow = VisitorsTables['visitors.kiosks'];
export type InvitationRow = Omit<VisitorsTables['visitors.invitations'], 'created_at' | 'token_hash'> & {
  created_at: Date;
};

const invitationColumns = [
  'id',
  'first_name',
  'last_name',
  'company',
  'purpose',
  'host_id',
  'host_name',
  sql<string>`to_char(expected_on, 'YYYY-MM-DD')`.as('expected_on'),
  'created_by',
  'created_by_name',
  'created_at',
  'used_at',
  'entry_id',
] as const;

/** Kiosk devices and invitations: the SQL of `visitors.kiosks` and `visitors.invitations`. */
export const kioskRepository = {
  async devices(db: VisitorsDb) {
    return db.selectFrom('visitors.kiosks').selectAll().orderBy('created_at').orderBy('id').execute();
  },

  async device(db: VisitorsDb, id: string) {
    return db.selectFrom('visitors.kiosks').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insertDevice(db: VisitorsDb, row: Omit<KioskRow, 'created_at' | 'last_seen_at' | 'revoked_at'>) {
    return db
      .insertInto('visitors.kiosks')
      .values({ ...row, last_seen_at: null, revoked_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async revokeDevice(db: VisitorsDb, id: string) {
    return db
      .updateTable('visitors.kiosks')
      .set({ revoked_at: sql<Date>`coalesce(revoked_at, now())` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  },

  /** The registered, unrevoked device with this key hash, marked as seen now. */
  async seen(db: VisitorsDb, keyHash: string) {
    return db
      .updateTable('visitors.kiosks')
      .set({ last_seen_at: sql<Date>`now()` })
      .where('key_hash', '=', keyHash)
      .where('revoked_at', 'is', null)
      .returning(['id', 'name'])
      .executeTakeFirst();
  },

  async insertInvitation(
    db: VisitorsDb,
    row: Omit<VisitorsTables['visitors.invitations'], 'created_at' | 'used_at' | 'entry_id'>,
  ): Promise<InvitationRow> {
    await db
      .insertInto('visitors.invitations')
      .values({ ...row, used_at: null, entry_id: null })
      .execute();
    return (await kioskRepository.invitation(db, row.id)) as InvitationRow;
  },

  async invitation(db: VisitorsDb, id: string): Promise<InvitationRow | undefined> {
    return db.selectFrom('visitors.invitations').select(invitationColumns).where('id', '=', id).executeTakeFirst();
  },

  /** The unused invitation with this token hash for the day `today`: what a kiosk may read. */
  async usable(db: VisitorsDb, tokenHash: string, today: string): Promise<InvitationRow | undefined> {
    return db
      .selectFrom('visitors.invitations')
      .select(invitationColumns)
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expected_on', '=', sql<string>`${today}::date`)
      .executeTakeFirst();
  },

  /** Marks a usable invitation used by an entry; undefined when it is not (any more) usable. */
  async claim(db: VisitorsDb, tokenHash: string, today: string, entryId: string): Promise<InvitationRow | undefined> {
    const claimed = await db
      .updateTable('visitors.invitations')
      .set({ used_at: sql<Date>`now()`, entry_id: entryId })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expected_on', '=', sql<string>`${today}::date`)
      .returning('id')
      .executeTakeFirst();
    return claimed ? kioskRepository.invitation(db, claimed.id) : undefined;
  },

  /** Invitations by the newest expected day; `createdBy` narrows them to one host's. */
  async invitations(db: VisitorsDb, createdBy?: string): Promise<InvitationRow[]> {
    let query = db
      .selectFrom('visitors.invitations')
      .select(invitationColumns)
      .orderBy(sql`expected_on`, 'desc')
      .orderBy('created_at', 'desc')
      .limit(500);
    if (createdBy) query = query.where('created_by', '=', createdBy);
    return query.execute();
  },

  async deleteInvitation(db: VisitorsDb, id: string) {
    await db.deleteFrom('visitors.invitations').where('id', '=', id).execute();
  },

  /** Retention: invitations whose day is over (used or not) go, with the guest's data they hold. */
  async deleteInvitationsBefore(db: VisitorsDb, today: string): Promise<number> {
    const result = await db
      .deleteFrom('visitors.invitations')
      .where('expected_on', '<', sql<string>`${today}::date`)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};

import { type Insertable, sql, type Updateable } from 'kysely';
import type { BoardRow, BoardsDb, StoredBoard } from './tables.js';

/** The SQL of `desk.boards`. */
export const boardsRepository = {
  async ofOwner(db: BoardsDb, ownerId: string): Promise<StoredBoard[]> {
    return db.selectFrom('desk.boards').selectAll().where('owner_id', '=', ownerId).execute();
  },

  async get(db: BoardsDb, id: string): Promise<StoredBoard | undefined> {
    return db.selectFrom('desk.boards').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insert(db: BoardsDb, row: Insertable<BoardRow>): Promise<void> {
    await db.insertInto('desk.boards').values(row).execute();
  },

  /**
   * Creates the owner's default board unless they have one. The partial unique index settles a race: the second
   * of two concurrent first visits inserts nothing. True when this call created it.
   */
  async insertDefault(db: BoardsDb, row: Insertable<BoardRow>): Promise<boolean> {
    const inserted = await db
      .insertInto('desk.boards')
      .values({ ...row, is_default: true })
      .onConflict((conflict) => conflict.column('owner_id').where('is_default', '=', true).doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted !== undefined;
  },

  async update(db: BoardsDb, id: string, changes: Updateable<BoardRow>): Promise<void> {
    await db
      .updateTable('desk.boards')
      .set({ ...changes, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  },

  async remove(db: BoardsDb, id: string): Promise<void> {
    await db.deleteFrom('desk.boards').where('id', '=', id).execute();
  },
};

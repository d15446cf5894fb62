import { type Insertable, sql, type Updateable } from 'kysely';
import type { FiltersDb, SavedFilterRow, StoredFilter } from './tables.js';

function selectFilters(db: FiltersDb) {
  return db
    .selectFrom('desk.saved_filters as f')
    .leftJoin('desk.groups as g', 'g.id', 'f.group_id')
    .selectAll('f')
    .select('g.name as group_name');
}

/** The SQL of `desk.saved_filters` and of who is in which desk group. */
export const filtersRepository = {
  async get(db: FiltersDb, id: string): Promise<StoredFilter | undefined> {
    return selectFilters(db).where('f.id', '=', id).executeTakeFirst();
  },

  /** The user's own filters and those shared with a group they are a member of. */
  async visibleTo(db: FiltersDb, userId: string): Promise<StoredFilter[]> {
    return selectFilters(db)
      .where((eb) =>
        eb.or([
          eb('f.owner_id', '=', userId),
          eb(
            'f.group_id',
            'in',
            eb.selectFrom('desk.group_members as m').select('m.group_id').where('m.user_id', '=', userId),
          ),
        ]),
      )
      .execute();
  },

  async isMember(db: FiltersDb, groupId: string, userId: string): Promise<boolean> {
    const row = await db
      .selectFrom('desk.group_members')
      .select('group_id')
      .where('group_id', '=', groupId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row !== undefined;
  },

  async insert(db: FiltersDb, row: Insertable<SavedFilterRow>): Promise<void> {
    await db.insertInto('desk.saved_filters').values(row).execute();
  },

  async update(db: FiltersDb, id: string, changes: Updateable<SavedFilterRow>): Promise<void> {
    await db
      .updateTable('desk.saved_filters')
      .set({ ...changes, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  },

  async remove(db: FiltersDb, id: string): Promise<void> {
    await db.deleteFrom('desk.saved_filters').where('id', '=', id).execute();
  },
};

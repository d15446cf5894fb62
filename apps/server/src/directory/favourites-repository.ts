import type { DirectoryEntryKind } from '@kontor/contracts';
import { sql } from 'kysely';
import type { DirectoryDb } from './tables.js';

const column = { unit: 'unit_id', person: 'person_id', function: 'function_id' } as const;

export const favouritesRepository = {
  /** The user's favourites, oldest first; a favourite whose entry was deleted went with it (on delete cascade). */
  async list(db: DirectoryDb, userId: string): Promise<Array<{ kind: DirectoryEntryKind; id: string }>> {
    const rows = await db
      .selectFrom('directory.favourites')
      .select(['unit_id', 'person_id', 'function_id'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();
    return rows.map((row) =>
      row.unit_id
        ? { kind: 'unit', id: row.unit_id }
        : row.person_id
          ? { kind: 'person', id: row.person_id }
          : { kind: 'function', id: row.function_id as string },
    );
  },

  async add(db: DirectoryDb, userId: string, kind: DirectoryEntryKind, id: string): Promise<void> {
    await sql`insert into directory.favourites (user_id, ${sql.ref(column[kind])}) values (${userId}, ${id})
      on conflict do nothing`.execute(db);
  },

  async remove(db: DirectoryDb, userId: string, id: string): Promise<void> {
    await sql`delete from directory.favourites
      where user_id = ${userId} and coalesce(unit_id, person_id, function_id) = ${id}`.execute(db);
  },
};

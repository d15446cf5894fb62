import { sql } from 'kysely';
import type { Db } from '../platform/platform.js';
import type { Editable } from './editable.js';

/** A record as the API and the audit log show it: its id and input fields, dates as ISO text. */
export type EditedRecord = { id: string } & Record<string, unknown>;

/** Generic writes of the records in editable.ts; the tables and columns named there are trusted constants. */
export const editRepository = {
  async read<I>(db: Db, editable: Editable<I>, id: string): Promise<EditedRecord | undefined> {
    const columns = Object.entries<string>(editable.fields).map(
      ([field, column]) => sql`${sql.ref(column)} as ${sql.ref(field)}`,
    );
    const result = await sql<Record<string, unknown>>`select id, ${sql.join(columns)} from ${sql.table(editable.table)}
      where id = ${id}`.execute(db);
    const row = result.rows[0];
    if (!row) return undefined;
    return Object.fromEntries(
      Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
    ) as EditedRecord;
  },

  async exists(db: Db, table: string, id: string): Promise<boolean> {
    const result = await sql`select 1 from ${sql.table(table)} where id = ${id}`.execute(db);
    return result.rows.length > 0;
  },

  async count(db: Db, table: string, column: string, id: string): Promise<number> {
    const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}
      where ${sql.ref(column)} = ${id}`.execute(db);
    return result.rows[0]?.n ?? 0;
  },

  async insert(db: Db, table: string, id: string, columns: Record<string, unknown>): Promise<void> {
    await db
      .insertInto(table)
      .values({ id, ...columns })
      .execute();
  },

  async update(db: Db, table: string, id: string, columns: Record<string, unknown>): Promise<void> {
    await db
      .updateTable(table)
      .set({ ...columns, updated_at: sql`now()` })
      .where('id', '=', id)
      .execute();
  },

  async delete(db: Db, table: string, id: string): Promise<void> {
    await db.deleteFrom(table).where('id', '=', id).execute();
  },
};

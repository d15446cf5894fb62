import { sql } from 'kysely';
import type { StoredLine, SuppliesDb } from './tables.js';

export interface StandardOrderRow {
  id: string;
  unit_id: string;
  name: string;
  lines: StoredLine[];
  updated_at: Date;
}

const parsed = <R extends { lines: unknown }>(row: R) => ({
  ...row,
  lines: (typeof row.lines === 'string' ? JSON.parse(row.lines) : row.lines) as StoredLine[],
});

/** A unit's standard orders ("Veckobeställning"): a name and lines, shared by the unit's workstations. */
export const standardOrdersRepository = {
  async ofUnit(db: SuppliesDb, unitId: string): Promise<StandardOrderRow[]> {
    const rows = await db
      .selectFrom('supplies.standard_orders')
      .selectAll()
      .where('unit_id', '=', unitId)
      .orderBy(sql`lower(name)`)
      .execute();
    return rows.map(parsed);
  },

  async find(db: SuppliesDb, id: string): Promise<StandardOrderRow | undefined> {
    const row = await db.selectFrom('supplies.standard_orders').selectAll().where('id', '=', id).executeTakeFirst();
    return row && parsed(row);
  },

  async insert(db: SuppliesDb, row: { id: string; unit_id: string; name: string; lines: StoredLine[] }) {
    await db
      .insertInto('supplies.standard_orders')
      .values({ ...row, lines: JSON.stringify(row.lines) })
      .execute();
  },

  async update(db: SuppliesDb, row: { id: string; unit_id: string; name: string; lines: StoredLine[] }) {
    await db
      .updateTable('supplies.standard_orders')
      .set({ unit_id: row.unit_id, name: row.name, lines: JSON.stringify(row.lines), updated_at: sql`now()` })
      .where('id', '=', row.id)
      .execute();
  },

  async delete(db: SuppliesDb, id: string) {
    await db.deleteFrom('supplies.standard_orders').where('id', '=', id).execute();
  },
};

import type { ContactKind, ImportCounts } from '@kontor/contracts';
import { sql } from 'kysely';
import type { Db } from '../platform/platform.js';
import type { Columns, ImportTable } from './import-plan.js';

/** The directory as an import matches against it. */
export interface DirectorySnapshot {
  units: Array<{ id: string; parentId: string | null; name: string }>;
  people: Array<{ id: string; unitId: string; fullName: string; title: string }>;
  functions: Array<{ id: string; unitId: string; name: string; holderId: string | null }>;
  contacts: Array<{ id: string; ownerId: string; kind: ContactKind; value: string; label: string; priority: number }>;
}

/** What an import did, kept so that an undo can take exactly that back. */
export interface ChangeSet {
  /** Ids of what it created, per table, in the order they were created. */
  created: Record<ImportTable, string[]>;
  /** Every column of what it changed, as the row was before (timestamps to the microsecond). */
  before: Array<{ table: ImportTable; row: Columns & { id: string } }>;
}

export interface ImportRecord {
  id: string;
  fileName: string;
  at: Date;
  byName: string;
  rowCount: number;
  skippedRows: number;
  created: ImportCounts;
  updated: ImportCounts;
  changes: ChangeSet;
  undoneAt: Date | null;
  undoneBy: string | null;
}

/** Ids per statement: far below PostgreSQL's 65,535 parameters. */
const CHUNK = 1000;
const chunks = <T>(items: T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, index) =>
    items.slice(index * CHUNK, (index + 1) * CHUNK),
  );

const importColumns = [
  'id',
  'file_name as fileName',
  'at',
  'by_name as byName',
  'row_count as rowCount',
  'skipped_rows as skippedRows',
  'created',
  'updated',
  'changes',
  'undone_at as undoneAt',
  'undone_by as undoneBy',
] as const;

/** Records an import touched that point at something else it created, and the table they live in. */
const REFERENCES: Array<{ table: ImportTable | 'directory.notices'; column: string; target: ImportTable }> = [
  { table: 'directory.units', column: 'parent_id', target: 'directory.units' },
  { table: 'directory.people', column: 'unit_id', target: 'directory.units' },
  { table: 'directory.functions', column: 'unit_id', target: 'directory.units' },
  { table: 'directory.functions', column: 'holder_id', target: 'directory.people' },
  { table: 'directory.contact_points', column: 'unit_id', target: 'directory.units' },
  { table: 'directory.contact_points', column: 'person_id', target: 'directory.people' },
  { table: 'directory.contact_points', column: 'function_id', target: 'directory.functions' },
  { table: 'directory.notices', column: 'unit_id', target: 'directory.units' },
];

export const importRepository = {
  /** Imports and undos take turns, so each matches against the directory the previous one left. */
  async lock(db: Db): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtext('directory.import'))`.execute(db);
  },

  async snapshot(db: Db): Promise<DirectorySnapshot> {
    const [units, people, functions, contacts] = await Promise.all([
      db.selectFrom('directory.units').select(['id', 'parent_id as parentId', 'name']).execute(),
      db
        .selectFrom('directory.people')
        .select(['id', 'unit_id as unitId', sql<string>`given_name || ' ' || family_name`.as('fullName'), 'title'])
        .execute(),
      db
        .selectFrom('directory.functions')
        .select(['id', 'unit_id as unitId', 'name', 'holder_id as holderId'])
        .execute(),
      db
        .selectFrom('directory.contact_points')
        .select([
          'id',
          sql<string>`coalesce(unit_id, person_id, function_id)`.as('ownerId'),
          'kind',
          'value',
          'label',
          'priority',
        ])
        .execute(),
    ]);
    return { units, people, functions, contacts } as DirectorySnapshot;
  },

  async insert(db: Db, table: ImportTable, records: Columns[]): Promise<void> {
    for (const chunk of chunks(records)) await db.insertInto(table).values(chunk).execute();
  },

  /** Whole rows as JSON, so that timestamps keep their microseconds when they are written back. */
  async rows(db: Db, table: ImportTable, ids: string[]): Promise<Array<Columns & { id: string }>> {
    const rows: Array<Columns & { id: string }> = [];
    for (const chunk of chunks(ids)) {
      const result = await sql<{ row: Columns & { id: string } }>`select to_jsonb(t) as row from ${sql.table(table)} t
        where t.id in (${sql.join(chunk)})`.execute(db);
      rows.push(...result.rows.map(({ row }) => row));
    }
    return rows;
  },

  /** Writes columns; `updated_at` becomes the transaction's time unless the columns restore an older one. */
  async update(db: Db, table: ImportTable, id: string, columns: Columns): Promise<void> {
    await db
      .updateTable(table)
      .set({ updated_at: sql`now()`, ...columns })
      .where('id', '=', id)
      .execute();
  },

  async delete(db: Db, table: ImportTable, ids: string[]): Promise<void> {
    for (const chunk of chunks(ids)) await db.deleteFrom(table).where('id', 'in', chunk).execute();
  },

  /** How many of these records are gone or were written after the import (their time is not the import's). */
  async changedSince(db: Db, table: ImportTable, ids: string[], importId: string): Promise<number> {
    let changed = 0;
    for (const chunk of chunks(ids)) {
      const result = await sql<{ unchanged: number }>`select count(*)::int as unchanged from ${sql.table(table)} t
        where t.id in (${sql.join(chunk)})
          and t.updated_at = (select at from directory.imports where id = ${importId})`.execute(db);
      changed += chunk.length - (result.rows[0]?.unchanged ?? 0);
    }
    return changed;
  },

  /** How many records the import did not write point at records it created (people added to its units since). */
  async referencesFromOutside(db: Db, changes: ChangeSet): Promise<number> {
    const touched = new Set([...Object.values(changes.created).flat(), ...changes.before.map(({ row }) => row.id)]);
    let count = 0;
    for (const { table, column, target } of REFERENCES) {
      for (const chunk of chunks(changes.created[target])) {
        const result = await sql<{ id: string }>`select id from ${sql.table(table)}
          where ${sql.ref(column)} in (${sql.join(chunk)})`.execute(db);
        count += result.rows.filter(({ id }) => !touched.has(id)).length;
      }
    }
    return count;
  },

  async addImport(
    db: Db,
    record: Omit<ImportRecord, 'at' | 'undoneAt' | 'undoneBy'> & { byUserId: string | null },
  ): Promise<void> {
    await db
      .insertInto('directory.imports')
      .values({
        id: record.id,
        file_name: record.fileName,
        at: sql`now()`,
        by_user_id: record.byUserId,
        by_name: record.byName,
        row_count: record.rowCount,
        skipped_rows: record.skippedRows,
        created: JSON.stringify(record.created),
        updated: JSON.stringify(record.updated),
        changes: JSON.stringify(record.changes),
      })
      .execute();
  },

  async findImport(db: Db, id: string, forUpdate = false): Promise<ImportRecord | undefined> {
    const query = db.selectFrom('directory.imports').select(importColumns).where('id', '=', id);
    return (await (forUpdate ? query.forUpdate() : query).executeTakeFirst()) as ImportRecord | undefined;
  },

  async recentImports(db: Db, limit: number): Promise<Array<Omit<ImportRecord, 'changes'>>> {
    return (await db
      .selectFrom('directory.imports')
      .select(importColumns.filter((column) => column !== 'changes'))
      .orderBy('at', 'desc')
      .limit(limit)
      .execute()) as Array<Omit<ImportRecord, 'changes'>>;
  },

  async markUndone(db: Db, id: string, by: string): Promise<void> {
    await db
      .updateTable('directory.imports')
      .set({ undone_at: sql`now()`, undone_by: by })
      .where('id', '=', id)
      .execute();
  },
};

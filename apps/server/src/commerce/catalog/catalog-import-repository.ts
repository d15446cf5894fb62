import { sql } from 'kysely';
import type { CatalogDb, ImportCounts, ImportRowError } from './tables.js';
import { json } from './tables.js';

/** Bulk imports (commerce.catalog_imports): the SQL. */
export const catalogImportRepository = {
  insert: (
    db: CatalogDb,
    row: {
      id: string;
      fileName: string;
      file: Buffer;
      totalRows: number;
      errorRows: number;
      counts: ImportCounts;
      errors: ImportRowError[];
      byUserId: string | null;
      byName: string;
    },
  ) =>
    db
      .insertInto('commerce.catalog_imports')
      .values({
        id: row.id,
        file_name: row.fileName,
        file: row.file,
        state: 'previewed',
        total_rows: row.totalRows,
        error_rows: row.errorRows,
        counts: json(row.counts),
        errors: json(row.errors),
        by_user_id: row.byUserId,
        by_name: row.byName,
      })
      .execute(),

  /** Without the file: what the admin page shows. */
  get: (db: CatalogDb, id: string) =>
    db
      .selectFrom('commerce.catalog_imports')
      .selectAll()
      .select(sql<null>`null`.as('file'))
      .where('id', '=', id)
      .executeTakeFirst(),

  recent: (db: CatalogDb, limit: number) =>
    db
      .selectFrom('commerce.catalog_imports')
      .selectAll()
      .select(sql<null>`null`.as('file'))
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute(),

  /** The import with its file, locked for the batch that works on it. */
  lockWithFile: (db: CatalogDb, id: string) =>
    db.selectFrom('commerce.catalog_imports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

  start: (db: CatalogDb, id: string, at: Date) =>
    db
      .updateTable('commerce.catalog_imports')
      .set({
        state: 'running',
        started_at: at,
        processed_rows: 0,
        error_rows: 0,
        errors: json([]),
        counts: json({ products: { created: 0, updated: 0 }, variants: { created: 0, updated: 0 } }),
        lease_until: null,
      })
      .where('id', '=', id)
      .where('state', '=', 'previewed')
      .returning('id')
      .executeTakeFirst(),

  /** Claims a running import for this instance until `until`, unless another holds a lease that has not run out. */
  claim: (db: CatalogDb, id: string, now: Date, until: Date) =>
    db
      .updateTable('commerce.catalog_imports')
      .set({ lease_until: until })
      .where('id', '=', id)
      .where('state', '=', 'running')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .returning('id')
      .executeTakeFirst(),

  progress: (
    db: CatalogDb,
    id: string,
    progress: {
      processedRows: number;
      errorRows: number;
      counts: ImportCounts;
      errors: ImportRowError[];
      leaseUntil: Date | null;
    },
  ) =>
    db
      .updateTable('commerce.catalog_imports')
      .set({
        processed_rows: progress.processedRows,
        error_rows: progress.errorRows,
        counts: json(progress.counts),
        errors: json(progress.errors),
        lease_until: progress.leaseUntil,
      })
      .where('id', '=', id)
      .execute(),

  finish: (db: CatalogDb, id: string, state: 'done' | 'failed', at: Date, failure: string | null) =>
    db
      .updateTable('commerce.catalog_imports')
      .set({ state, finished_at: at, failure, file: null, lease_until: null })
      .where('id', '=', id)
      .execute(),

  /** Running imports nobody holds: their instance stopped mid-way. */
  async orphaned(db: CatalogDb, now: Date): Promise<string[]> {
    const rows = await db
      .selectFrom('commerce.catalog_imports')
      .select('id')
      .where('state', '=', 'running')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .execute();
    return rows.map((row) => row.id);
  },
};

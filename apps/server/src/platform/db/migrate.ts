import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';

/** A module's forward-only SQL migrations: `NNNN_name.sql` files applied in name order. */
export interface MigrationSource {
  module: string;
  dir: string;
}

interface MigrationFile {
  module: string;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

// One fixed key so that every Kontor process on one PostgreSQL serialises its migrations.
const MIGRATION_LOCK_KEY = 7_342_001;

function readMigrations(source: MigrationSource): MigrationFile[] {
  return readdirSync(source.dir)
    .filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((name) => {
      const text = readFileSync(join(source.dir, name), 'utf8');
      return { module: source.module, name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}

/**
 * One digest of every migration file of the given modules, names and contents in the order they apply: equal
 * digests mean the same migrated schema (tests key their migrated store templates by it).
 */
export function migrationsDigest(sources: MigrationSource[]): string {
  const hash = createHash('sha256');
  for (const file of sources.flatMap(readMigrations)) hash.update(`${file.module}/${file.name}:${file.checksum}\n`);
  return hash.digest('hex');
}

/**
 * Applies every pending migration of the given modules, each in its own transaction, under a PostgreSQL
 * advisory lock so that hub instances starting together apply each file once. Returns the names applied.
 */
// biome-ignore lint/suspicious/noExplicitAny: the runner works below any module's table types
export async function migrate(db: Kysely<any>, sources: MigrationSource[]): Promise<string[]> {
  const files = sources.flatMap(readMigrations);
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn);
    try {
      await sql`create schema if not exists platform`.execute(conn);
      await sql`create table if not exists platform.schema_migrations (
        module text not null, name text not null, checksum text not null,
        applied_at timestamptz not null default now(), primary key (module, name))`.execute(conn);
      const applied = await sql<{ module: string; name: string; checksum: string }>`
        select module, name, checksum from platform.schema_migrations`.execute(conn);
      const known = new Map(applied.rows.map((row) => [`${row.module}/${row.name}`, row.checksum]));
      const done: string[] = [];
      for (const file of files) {
        const key = `${file.module}/${file.name}`;
        const checksum = known.get(key);
        if (checksum !== undefined) {
          if (checksum !== file.checksum) {
            throw new MigrationError(`Migration ${key} was changed after it was applied; add a new migration instead.`);
          }
          continue;
        }
        await conn.transaction().execute(async (trx) => {
          await sql.raw(file.sql).execute(trx);
          await sql`insert into platform.schema_migrations (module, name, checksum)
            values (${file.module}, ${file.name}, ${file.checksum})`.execute(trx);
        });
        done.push(key);
      }
      return done;
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn);
    }
  });
}

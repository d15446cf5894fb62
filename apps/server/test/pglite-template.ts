import { randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type MigrationSource, migrate, migrationsDigest } from '../src/platform/db/migrate.js';
import type { KontorModule } from '../src/platform/platform.js';

/**
 * Migrated PGlite data directories for in-memory test nodes. An empty PGlite runs initdb (seconds of CPU) and
 * then every migration; loading a tarball of an already migrated one takes about a second. Built once per set of
 * migration files and kept on disk (node_modules/.cache/kontor-test), so both workers of a run and later runs
 * share it.
 *
 * The key is a digest of every migration file (names and contents) plus PGlite's version: a changed, added or
 * removed migration makes a new template, never a stale one. The node still runs its migrations on the template:
 * they find nothing to do.
 */
const CACHE_DIR = fileURLToPath(new URL('../../../node_modules/.cache/kontor-test/', import.meta.url));
/** Templates of migrations long gone are removed when a new one is written. */
const KEEP_MS = 24 * 60 * 60 * 1000;

const pgliteVersion = (): string => {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  return JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')).version;
};

// Loaded when first needed: browser tests reach this file for their data directories, and the node's module
// list brings the whole server with it.
const migrationsOf = async (extraModules: KontorModule[] = []) =>
  (await import('../src/node.js')).migrationSources(extraModules);

const inProcess = new Map<string, Promise<Blob>>();

/** The migrated template for a node with these extra modules (their migrations are part of it and of its key). */
export async function pgliteTemplate(extraModules: KontorModule[] = []): Promise<Blob> {
  const sources = await migrationsOf(extraModules);
  const key = `${pgliteVersion()}-${migrationsDigest(sources).slice(0, 24)}`;
  return remembered(key, () => build(sources));
}

/**
 * An empty store (initdb done, no migration), for tests that create their own tables on a bare store: initdb
 * costs seconds of CPU per store, loading its result about one.
 */
export function emptyPgliteTemplate(): Promise<Blob> {
  return remembered(`${pgliteVersion()}-empty`, () => build([]));
}

function remembered(key: string, make: () => Promise<Blob>): Promise<Blob> {
  let template = inProcess.get(key);
  if (!template) {
    template = loadOrBuild(key, make);
    // A failed build is not remembered: the next node tries again (and reports the error if it fails again).
    template.catch(() => inProcess.delete(key));
    inProcess.set(key, template);
  }
  return template;
}

/**
 * A new data directory for a `kontor` process (`--data`) whose PGlite store is migrated already, as the template
 * above on disk: a process then starts as on an existing directory, minus its identity, users and data. Tests of
 * what a first start on an empty directory does use a plain empty directory instead.
 */
export async function migratedDataDir(prefix: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  await copyMigratedStore(dir);
  return dir;
}

/** Puts the migrated store into the data directory `dataDir` (created if missing), which must not have one yet. */
export async function copyMigratedStore(dataDir: string): Promise<void> {
  const pgdata = await diskTemplate();
  // Where `openDatabase` keeps a directory store's PGlite data.
  cpSync(pgdata, join(dataDir, 'pgdata'), { recursive: true, errorOnExist: true, force: false });
}

let onDisk: Promise<string> | undefined;

function diskTemplate(): Promise<string> {
  onDisk ??= (async () => {
    const sources = await migrationsOf();
    const dir = join(CACHE_DIR, `pgdata-${pgliteVersion()}-${migrationsDigest(sources).slice(0, 24)}`);
    if (existsSync(dir)) return dir;
    const template = await pgliteTemplate();
    mkdirSync(CACHE_DIR, { recursive: true });
    const partial = `${dir}.${randomBytes(4).toString('hex')}.partial`;
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    // PGlite writes the loaded tarball through to the directory and shuts down cleanly on close.
    await (await PGlite.create(partial, { extensions: { pg_trgm }, loadDataDir: template })).close();
    try {
      renameSync(partial, dir);
    } catch {
      // The other worker was first: its copy is as good.
      rmSync(partial, { recursive: true, force: true });
    }
    return dir;
  })();
  onDisk.catch(() => {
    onDisk = undefined;
  });
  return onDisk;
}

async function loadOrBuild(key: string, make: () => Promise<Blob>): Promise<Blob> {
  const file = join(CACHE_DIR, `pglite-${key}.tar.gz`);
  try {
    return new Blob([readFileSync(file)], { type: 'application/gzip' });
  } catch {
    // Not built yet (or removed meanwhile): build it.
  }
  const template = await make();
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    prune();
    // Written beside and renamed: a test file in the other worker reads a whole template or none.
    const partial = `${file}.${randomBytes(4).toString('hex')}.partial`;
    writeFileSync(partial, new Uint8Array(await template.arrayBuffer()));
    renameSync(partial, file);
  } catch {
    // A read-only checkout still works: each process builds its own template.
  }
  return template;
}

/** An empty PGlite with the extensions `openDatabase` gives it (apps/server/src/platform/db/database.ts), migrated. */
async function build(sources: MigrationSource[]): Promise<Blob> {
  const [{ PGlite }, { pg_trgm }, { pglitePoolConfig }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('../src/platform/db/pglite-connection.js'),
  ]);
  const pglite = await PGlite.create('memory://', { extensions: { pg_trgm } });
  try {
    const db = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool(pglitePoolConfig(pglite)) }) });
    try {
      if (sources.length > 0) await migrate(db, sources);
    } finally {
      await db.destroy();
    }
    return await pglite.dumpDataDir('gzip');
  } finally {
    await pglite.close();
  }
}

function prune() {
  for (const name of readdirSync(CACHE_DIR)) {
    const path = join(CACHE_DIR, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by the other worker meanwhile.
    }
  }
}

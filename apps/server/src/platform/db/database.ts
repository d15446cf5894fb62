import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';

export type StoreKind = 'pglite' | 'postgres';

/** Where the data lives: a PostgreSQL URL, a PGlite directory, or PGlite in memory (tests). */
export type StoreLocation =
  | { kind: 'postgres'; url: string }
  | {
      kind: 'pglite';
      dir: string | 'memory';
      /**
       * In memory only: a data directory to start from instead of an empty one, as `PGlite.dumpDataDir()` gives it
       * (a tarball). An empty PGlite runs initdb, seconds per store; tests start hundreds of nodes, so they load one
       * whose migrations are applied. Migrations still run after it: a template built from other migration files
       * than the node's either lacks some (applied then) or fails the checksum check.
       */
      template?: Blob;
    };

export interface Database {
  // biome-ignore lint/suspicious/noExplicitAny: each module narrows the tables it owns with `withTables`
  db: Kysely<any>;
  kind: StoreKind;
  pool: pg.Pool;
  /**
   * Lets each statement of the transaction `trx` run on one plan made once (PGlite keeps every statement
   * prepared), instead of being planned anew with its values at every execution. For a transaction run over and
   * over with the same few statements, none of which needs its values to be planned right (see
   * pglite-connection.ts). Does nothing on PostgreSQL, whose unnamed statements are planned at every execution
   * anyway.
   */
  reusePlans(trx: Database['db']): Promise<void>;
  /** Calls `handler` for each NOTIFY on `channel` (delivered after the notifying transaction commits). */
  listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const CHANNEL = /^[a-z_]+$/;

// PostgreSQL returns bigint as text by default; our counters and ids fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * Opens the store. `onConnectionError` hears an idle PostgreSQL connection that broke (a database restart, a
 * network cut): the pool drops it and opens another when needed, so it is news for the log, not a crash.
 */
export async function openDatabase(
  location: StoreLocation,
  onConnectionError: (error: Error) => void = () => undefined,
): Promise<Database> {
  if (location.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: location.url, max: 10 });
    pool.on('error', onConnectionError);
    const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
    const listen = async (channel: string, handler: (payload: string) => void) => {
      if (!CHANNEL.test(channel)) throw new Error(`bad channel name ${channel}`);
      // LISTEN needs a connection of its own for as long as it listens.
      const client = new pg.Client({ connectionString: location.url });
      // Without it NOTIFYs stop; pollers (outbox, sync rounds) still find the work, only later.
      client.on('error', onConnectionError);
      await client.connect();
      client.on('notification', (message) => message.channel === channel && handler(message.payload ?? ''));
      await client.query(`listen ${channel}`);
      return () => client.end();
    };
    const close = async () => {
      // pool.end() resolves before its idle connections have said goodbye; wait for them, or dropping or
      // restarting the database right after close would hit a live connection.
      let open = pool.totalCount;
      const gone = new Promise<void>((resolve) => {
        if (open === 0) resolve();
        pool.on('remove', () => {
          open -= 1;
          if (open <= 0) resolve();
        });
      });
      await db.destroy();
      // A connection that failed while opening is dropped without a 'remove': do not wait for it forever.
      await Promise.race([gone, delay(2_000, undefined, { ref: false })]);
    };
    return { db, kind: 'postgres', pool, reusePlans: async () => undefined, listen, close };
  }
  // Loaded only here: a node on PostgreSQL never pays for the WebAssembly build.
  const [{ PGlite }, { pg_trgm }, { pglitePoolConfig }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('./pglite-connection.js'),
  ]);
  const inMemory = location.dir === 'memory';
  const dataDir = inMemory ? 'memory://' : join(location.dir, 'pgdata');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  // A directory on disk keeps what it holds: a template there would overwrite or be refused, so it is memory's only.
  const loadDataDir = inMemory ? location.template : undefined;
  const pglite = await PGlite.create(dataDir, { extensions: { pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) });
  const pool = new pg.Pool(pglitePoolConfig(pglite));
  const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    pool,
    reusePlans: async (trx) => {
      await sql`set local plan_cache_mode = force_generic_plan`.execute(trx);
    },
    listen: async (channel, handler) => {
      const unlisten = await pglite.listen(channel, handler);
      return () => unlisten();
    },
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { redact } from './settings.js';

export interface ThrowawayDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database `kontor_bench_<random>` on the server, or says why it could not. */
export async function createThrowawayDatabase(
  serverUrl: string,
): Promise<{ database: ThrowawayDatabase } | { skipped: string }> {
  if (serverUrl === 'off') return { skipped: 'PostgreSQL benchmarks turned off (--pg-url off)' };
  const name = `kontor_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    return { skipped: `PostgreSQL unreachable at ${redact(serverUrl)}: ${(error as Error).message}` };
  } finally {
    await admin.end().catch(() => {});
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    database: {
      url: url.toString(),
      async drop() {
        const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
        await client.connect();
        try {
          await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await client.end();
        }
      },
    },
  };
}

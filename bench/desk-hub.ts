import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, spawnUntilReady, stop } from './child.js';
import { ADMIN_PASSWORD } from './kontor-node.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KONTOR = join(ROOT, 'apps/server/bin/kontor.js');

export interface DeskHub {
  url: string;
  /** The signed-in admin's session cookie and CSRF token, for any request. */
  headers: Record<string, string>;
  /** The admin's user id: whom `assignee:me` means for the benchmark's requests. */
  adminId: string;
  stop(): Promise<void>;
}

/**
 * A real hub for the desk benchmarks: `kontor start` as a child process on the PostgreSQL database at
 * `databaseUrl`, without the demo data, its settings from a config file (the ESB URL is a secret, not a flag).
 */
export async function startDeskHub(databaseUrl: string, settings: Record<string, unknown> = {}): Promise<DeskHub> {
  const dir = mkdtempSync(join(tmpdir(), 'kontor-desk-bench-'));
  const port = await freePort();
  const config = join(dir, 'kontor.json');
  writeFileSync(config, JSON.stringify({ databaseUrl, demo: false, ...settings }));
  const args = [KONTOR, 'start', '--data', join(dir, 'data'), '--port', String(port), '--config', config];
  args.push('--log-level', 'warn', '--admin-password', ADMIN_PASSWORD);
  const url = `http://127.0.0.1:${port}`;
  const started = await spawnUntilReady(args, `${url}/readyz`, ROOT, 300_000);
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`sign-in answered ${login.status}: ${await login.text()}`);
  const session = login.headers.getSetCookie().find((cookie) => cookie.startsWith('kontor_session='));
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie: String(session?.split(';')[0]), 'x-csrf-token': csrfToken };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const admin = await client.query<{ id: string }>(`select id from identity.users where username = 'admin'`);
  await client.end();
  return {
    url,
    headers,
    adminId: admin.rows[0]?.id as string,
    async stop() {
      await stop(started.child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The database `name` on the server at `serverUrl`, created when missing; `fresh` drops it first. */
export async function namedDatabase(serverUrl: string, name: string, fresh: boolean): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    if (fresh) await admin.query(`drop database if exists ${name} with (force)`);
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

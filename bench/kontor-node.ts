import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../apps/server/src/config.js';
import { createNode } from '../apps/server/src/node.js';

export const ADMIN_PASSWORD = 'bench-admin-password-1234';

export interface RunningNode {
  url: string;
  /** `kontor_session=<secret>` of the signed-in admin. */
  cookie: string;
  close(): Promise<void>;
}

/** Starts a real Kontor node in this process on 127.0.0.1:<random>, PGlite in memory or PostgreSQL, and signs in. */
export async function startKontorNode(databaseUrl?: string): Promise<RunningNode> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kontor-bench-'));
  const config = loadConfig({
    flags: { dataDir, adminPassword: ADMIN_PASSWORD, logLevel: 'silent', port: 0, host: '127.0.0.1', databaseUrl },
    env: {},
  });
  const close = async (node?: Awaited<ReturnType<typeof createNode>>) => {
    await node?.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const node = await createNode(config, databaseUrl ? {} : { store: { kind: 'pglite', dir: 'memory' } }).catch(
    async (error: unknown) => {
      await close();
      throw error;
    },
  );
  try {
    const url = await node.app.listen({ host: '127.0.0.1', port: 0 });
    const cookie = await signIn(url);
    return { url, cookie, close: () => close(node) };
  } catch (error) {
    await close(node);
    throw error;
  }
}

/** Signs the admin in on the node at `url`; resolves with `kontor_session=<secret>`. */
export async function signIn(url: string, password = ADMIN_PASSWORD): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith('kontor_session='));
  if (!session) throw new Error('sign-in set no kontor_session cookie');
  return session.split(';')[0] as string;
}

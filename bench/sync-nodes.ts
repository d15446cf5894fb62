import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { type ConfigInput, loadConfig } from '../apps/server/src/config.js';
import { createNode, type KontorNode } from '../apps/server/src/node.js';
import type { SyncService } from '../apps/server/src/sync/service.js';
import { benchSyncModule } from './sync-fixture/module.js';

export const SYNC_ADMIN_PASSWORD = 'bench-sync-admin-password';

export interface SyncNode {
  node: KontorNode;
  nodeId: string;
  /** The node's SyncService (status, vector, signing). */
  sync: SyncService;
  /** Stops the node and removes its data directory. */
  close(): Promise<void>;
}

export interface Hub extends SyncNode {
  /** http://127.0.0.1:<port> the hub listens on. */
  url: string;
  port: number;
  /** A one-time enrollment code, made through POST /api/sync/enrollments with the admin's session. */
  enrollmentCode(): Promise<string>;
}

const syncServiceOf = (node: KontorNode): SyncService => {
  const module = node.modules.find((candidate) => candidate.name === 'sync') as
    | (KontorNode['modules'][number] & { service(): SyncService })
    | undefined;
  if (!module) throw new Error('the node has no sync module');
  return module.service();
};

async function startNode(settings: Partial<ConfigInput>): Promise<SyncNode> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kontor-bench-sync-'));
  const config = loadConfig({
    flags: {
      dataDir,
      adminPassword: SYNC_ADMIN_PASSWORD,
      logLevel: 'silent',
      demo: false,
      loginRateLimitPerMinute: 10_000,
      ...settings,
    },
    env: {},
  });
  const node = await createNode(config, {
    store: { kind: 'pglite', dir: 'memory' },
    extraModules: [benchSyncModule],
  }).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const sync = syncServiceOf(node);
  return {
    node,
    nodeId: sync.identity.nodeId,
    sync,
    async close() {
      await node.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A hub in this process (PGlite in memory) listening on 127.0.0.1:<random>, its admin signed in. */
export async function startHub(): Promise<Hub> {
  const hub = await startNode({ role: 'server', nodeName: 'bench-hub' });
  try {
    const url = await hub.node.app.listen({ host: '127.0.0.1', port: 0 });
    const login = await hub.node.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: SYNC_ADMIN_PASSWORD },
    });
    if (login.statusCode !== 200) throw new Error(`hub sign-in answered ${login.statusCode}: ${login.body}`);
    const session = login.cookies.find((cookie) => cookie.name === 'kontor_session')?.value;
    const headers = { cookie: `kontor_session=${session}`, 'x-csrf-token': login.json().csrfToken as string };
    return {
      ...hub,
      url,
      port: Number(new URL(url).port),
      async enrollmentCode() {
        const response = await hub.node.app.inject({ method: 'POST', url: '/api/sync/enrollments', headers });
        if (response.statusCode !== 201)
          throw new Error(`enrollment answered ${response.statusCode}: ${response.body}`);
        return response.json().code as string;
      },
    };
  } catch (error) {
    await hub.close();
    throw error;
  }
}

/**
 * A client node in this process (its own PGlite in memory) that enrolls with `upstream` using `code`. Resolves
 * as soon as the node runs: its sync loop starts enrolling right after, on a timer of 0 ms.
 */
export function startClient(upstream: string, code: string, name: string): Promise<SyncNode> {
  return startNode({ role: 'client', upstream, enrollCode: code, nodeName: name });
}

/** Resolves once the client has loaded the hub's snapshot; polls `sync.cluster` every `everyMs`. */
export async function waitBootstrapped(client: SyncNode, timeoutMs = 120_000, everyMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const done = await sql`select 1 from sync.cluster where bootstrapped`.execute(client.node.platform.db);
    if (done.rows.length === 1) return;
    if (Date.now() > deadline) {
      throw new Error(`client ${client.nodeId} not bootstrapped after ${timeoutMs} ms: ${client.sync.lastError}`);
    }
    await sleep(everyMs);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The process's resident set size in MiB. */
export const rssMiB = () => process.memoryUsage.rss() / 1024 / 1024;

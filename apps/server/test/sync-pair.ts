import { sql } from 'kysely';
import type { ConfigInput } from '../src/config.js';
import type { StoreLocation } from '../src/platform/db/database.js';
import type { KontorModule } from '../src/platform/platform.js';
import type { SyncService } from '../src/sync/service.js';
import { expectStatus, startTestNode, type TestNode } from './test-node.js';

export interface SyncPair {
  hub: TestNode;
  client: TestNode;
  hubUrl: string;
  close(): Promise<void>;
}

/** Enrolls a new client workstation (embedded PGlite) with a listening hub and waits for its snapshot. */
export async function enrollClient(
  hub: TestNode,
  hubUrl: string,
  clientSettings: Partial<ConfigInput> = {},
  extraModules: KontorModule[] = [],
  store: StoreLocation = { kind: 'pglite', dir: 'memory' },
): Promise<TestNode> {
  const enrollment = await expectStatus(
    hub.app.inject({ method: 'POST', url: '/api/sync/enrollments', headers: hub.admin.headers }),
    201,
  );
  const client = await startTestNode(
    store,
    {
      role: 'client',
      upstream: hubUrl,
      enrollCode: enrollment.json().code,
      syncIntervalMs: 100,
      syncConnectedIntervalMs: 1_000,
      loginRateLimitPerMinute: 10_000,
      ...clientSettings,
    },
    { signIn: false, extraModules },
  );
  for (let tries = 0; tries < 300; tries += 1) {
    const done = await sql`select 1 from sync.cluster where bootstrapped`.execute(client.platform.db);
    if (done.rows.length === 1) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return client;
}

/**
 * A hub listening on loopback and a client workstation (embedded PGlite) enrolled with it over real HTTP;
 * resolves once the client has loaded the hub's snapshot.
 */
export async function startSyncPair(
  hubStore: StoreLocation,
  clientSettings: Partial<ConfigInput> = {},
  extraModules: KontorModule[] = [],
): Promise<SyncPair> {
  const hub = await startTestNode(hubStore, {}, { extraModules });
  const hubUrl = await hub.app.listen({ host: '127.0.0.1', port: 0 });
  const client = await enrollClient(hub, hubUrl, clientSettings, extraModules);
  return {
    hub,
    client,
    hubUrl,
    async close() {
      await client.close();
      await hub.close();
    },
  };
}

/** A node's replication service, as its sync module holds it. */
export const syncOf = (node: TestNode): SyncService =>
  (node.modules.find((module) => module.name === 'sync') as unknown as { service(): SyncService }).service();

/** The bodies of the ward notes a node holds (the scoped table of the notes fixture), in order. */
export const wardNotes = async (node: TestNode) =>
  (await sql<{ body: string }>`select body from notes.ward_notes order by body`.execute(node.platform.db)).rows.map(
    (row) => row.body,
  );

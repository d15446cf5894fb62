import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notesModule } from './fixtures/notes-module.js';
import { enrollClient } from './sync-pair.js';
import { ADMIN_PASSWORD, startTestNode, type TestNode } from './test-node.js';

const nodeIdOf = async (node: TestNode) =>
  (await sql<{ node_id: string }>`select node_id from sync.local_node`.execute(node.platform.db)).rows[0]?.node_id ??
  '';
const notesOn = async (node: TestNode) =>
  (await sql<{ body: string }>`select body from notes.notes order by body`.execute(node.platform.db)).rows.map(
    (row) => row.body,
  );
const write = async (node: TestNode, body: string) =>
  sql`insert into notes.notes (id, owner, body) values (${randomUUID()}, ${await nodeIdOf(node)}, ${body})`.execute(
    node.platform.db,
  );
const POLL = { timeout: 20_000 };

/** Two workstations on one network keep exchanging orders while the hub is away; the hub gets both later. */
const FIND_A = {
  'a fallback list': (aUrl: string) => ({ a: {}, b: { syncPeers: [aUrl] } }),
  'mDNS discovery': () => ({ a: { syncDiscovery: true }, b: { syncDiscovery: true } }),
};

describe.each(Object.keys(FIND_A) as Array<keyof typeof FIND_A>)(
  'LAN peers found through %s while the hub is down',
  (how) => {
    const hubData = mkdtempSync(join(tmpdir(), 'kontor-peers-hub-'));
    const store = { kind: 'pglite', dir: hubData } as const;
    let hub: TestNode;
    let port: number;
    let a: TestNode;
    let b: TestNode;

    beforeAll(async () => {
      hub = await startTestNode(store, {}, { extraModules: [notesModule] });
      const hubUrl = await hub.app.listen({ host: '127.0.0.1', port: 0 });
      port = Number(new URL(hubUrl).port);
      const settings = FIND_A[how];
      a = await enrollClient(hub, hubUrl, settings('').a, [notesModule]);
      const aUrl = await a.app.listen({ host: '127.0.0.1', port: 0 });
      b = await enrollClient(hub, hubUrl, settings(aUrl).b, [notesModule]);
      await b.app.listen({ host: '127.0.0.1', port: 0 });
    });
    afterAll(async () => {
      await Promise.all([a?.close(), b?.close(), hub?.close()]);
      rmSync(hubData, { recursive: true, force: true });
    });

    const vectorOf = async (node: TestNode) =>
      (
        await sql<{ origin: string; seq: number }>`select origin, seq from sync.vector order by origin`.execute(
          node.platform.db,
        )
      ).rows.map((row) => `${row.origin}:${Number(row.seq)}`);

    it('exchanges changes directly between peers, then delivers both to the returning hub exactly once', async () => {
      // Peers trust each other through the registry the hub replicated: A must have heard of B before the outage.
      await expect
        .poll(async () => (await sql`select 1 from sync.nodes`.execute(a.platform.db)).rows.length, POLL)
        .toBe(3);
      await hub.close();
      await write(a, 'from ward A');
      await write(b, 'from ward B');
      await expect.poll(() => notesOn(b), POLL).toEqual(['from ward A', 'from ward B']);
      await expect.poll(() => notesOn(a), POLL).toEqual(['from ward A', 'from ward B']);
      const admin = await b.login('admin', ADMIN_PASSWORD);
      const status = (await b.app.inject({ url: '/api/sync/status', headers: admin.headers })).json();
      expect(status.lastError).toContain('exchanged changes with 1 peer');
      expect(status.pendingChanges).toBe(1);

      hub = await startTestNode(store, {}, { extraModules: [notesModule] });
      await hub.app.listen({ host: '127.0.0.1', port });
      await expect.poll(() => notesOn(hub), POLL).toEqual(['from ward A', 'from ward B']);
      await expect
        .poll(async () => (await b.app.inject({ url: '/api/sync/status', headers: admin.headers })).json(), POLL)
        .toMatchObject({ lastError: null, pendingChanges: 0 });
      await expect
        .poll(async () => [await vectorOf(a), await vectorOf(b)], POLL)
        .toEqual([await vectorOf(hub), await vectorOf(hub)]);
    });
  },
);

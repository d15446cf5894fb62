import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/platform/context.js';
import { changeLog } from '../src/sync/change-log.js';
import { importBundle } from '../src/sync/index.js';
import type { SyncService } from '../src/sync/service.js';
import { signBytes } from '../src/sync/signing.js';
import { notesModule } from './fixtures/notes-module.js';
import { syncOf } from './sync-pair.js';
import { ADMIN_PASSWORD, expectStatus, startTestNode, type TestNode } from './test-node.js';

const memory = { kind: 'pglite', dir: 'memory' } as const;
const moduleOf = (node: TestNode) =>
  node.modules.find((module) => module.name === 'sync') as unknown as { syncOnce(): Promise<void> };
const notesOn = async (node: TestNode) =>
  (await sql<{ body: string }>`select body from notes.notes order by body`.execute(node.platform.db)).rows.map(
    (row) => row.body,
  );
const writeNote = (node: TestNode, body: string) =>
  sql`insert into notes.notes (id, owner, body) values (${randomUUID()}, ${syncOf(node).identity.nodeId}, ${body})`.execute(
    node.platform.db,
  );

/** A loopback port nothing listens on yet. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Enrolls `client` with `hub` as a workstation does, but takes no snapshot: the network went away right after. */
async function enrollOnly(hub: TestNode, hubUrl: string, client: TestNode) {
  const code = (
    await expectStatus(
      hub.app.inject({ method: 'POST', url: '/api/sync/enrollments', headers: hub.admin.headers }),
      201,
    )
  ).json().code;
  const { identity } = syncOf(client);
  const answer = (
    await expectStatus(
      hub.app.inject({
        method: 'POST',
        url: '/api/sync/enroll',
        payload: { code, nodeId: identity.nodeId, name: 'ward-7', publicKey: identity.publicKey },
      }),
      200,
    )
  ).json();
  await client.platform.transaction(async (trx) => {
    await changeLog.setCluster(trx, {
      clusterId: answer.clusterId,
      epoch: answer.epoch,
      hubNodeId: answer.hubNodeId,
      hubUrl,
    });
    await syncOf(client).trustHub(trx, answer.hubNodeId, answer.hubPublicKey);
  });
}

/** Re-signs an altered bundle with `signer`'s key, as a node holding that key could. */
function resign(file: Buffer, signer: SyncService, alter: (envelope: Record<string, unknown>) => void) {
  const envelope = JSON.parse(gunzipSync(file).toString('utf8'));
  alter(envelope);
  envelope.signer = signer.identity.nodeId;
  envelope.signature = signBytes(signer.identity.privateKey, Buffer.from(envelope.payload, 'utf8'));
  return gzipSync(JSON.stringify(envelope));
}

/** A hub's full snapshot on removable media sets up a workstation that enrolled but never loaded the hub's data. */
describe('snapshot bundles', () => {
  let hub: TestNode;
  let client: TestNode;
  let first: Buffer;
  let hubPort: number;
  const ctx = systemContext('test');
  const snapshotOf = async (node: TestNode) => {
    const response = await expectStatus(
      node.app.inject({ url: '/api/sync/bundle?full=1', headers: node.admin.headers }),
      200,
    );
    expect(response.headers['content-disposition']).toMatch(/filename="kontor-snapshot-.*\.kbundle"/);
    return response.rawPayload;
  };
  const upload = (node: TestNode, headers: Record<string, string>, file: Buffer) =>
    node.app.inject({
      method: 'POST',
      url: '/api/sync/bundle',
      headers: { ...headers, 'content-type': 'application/gzip' },
      payload: file,
    });

  beforeAll(async () => {
    hub = await startTestNode(memory, {}, { extraModules: [notesModule] });
    // The workstation knows where its hub is, but the hub is not reachable until the second test.
    hubPort = await freePort();
    const hubUrl = `http://127.0.0.1:${hubPort}`;
    client = await startTestNode(
      memory,
      { role: 'client', upstream: hubUrl },
      { signIn: false, extraModules: [notesModule] },
    );
    await enrollOnly(hub, hubUrl, client);
    for (const body of ['gauze', 'gloves']) await writeNote(hub, body);
    first = await snapshotOf(hub);
  });
  afterAll(async () => {
    await client?.close();
    await hub?.close();
  });

  it('loads into an enrolled node that holds nothing yet, once however often it is imported', async () => {
    const loaded = await importBundle(syncOf(client), ctx, first);
    expect(loaded).toMatchObject({ content: 'snapshot', changes: 0, duplicates: 0 });
    expect(loaded.applied).toBe(loaded.rows);
    expect(await notesOn(client)).toEqual(['gauze', 'gloves']);
    expect((await changeLog.cluster(client.platform.db))?.bootstrapped).toBe(true);
    // The hub's users came with it: its administrator can sign in on the workstation.
    const admin = await client.login('admin', ADMIN_PASSWORD);
    const again = await expectStatus(upload(client, admin.headers, first), 200);
    expect(again.json()).toMatchObject({ content: 'snapshot', applied: 0, duplicates: loaded.rows });
  });

  it('is refused on a node that is behind it, which then catches up by ordinary change sync', async () => {
    await writeNote(hub, 'syringes');
    const newer = await snapshotOf(hub);
    const admin = await client.login('admin', ADMIN_PASSWORD);
    const refused = await upload(client, admin.headers, newer);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'sync.bundle_node_has_data' });
    expect(refused.json().detail).toContain('already holds data');
    expect(await notesOn(client)).toEqual(['gauze', 'gloves']);

    await hub.app.listen({ host: '127.0.0.1', port: hubPort });
    await moduleOf(client).syncOnce();
    expect(await notesOn(client)).toEqual(['gauze', 'gloves', 'syringes']);
    expect(await importBundle(syncOf(client), ctx, newer)).toMatchObject({
      applied: 0,
      duplicates: expect.any(Number),
    });
  });

  it('refuses a tampered, truncated, newer-format, foreign-cluster or non-hub file whole, saying why', async () => {
    const target = syncOf(client);
    const refusal = (file: Buffer) =>
      importBundle(target, ctx, file).catch((error: { reason: string }) => error.reason);
    const envelope = JSON.parse(gunzipSync(first).toString('utf8'));
    const tampered = gzipSync(JSON.stringify({ ...envelope, payload: envelope.payload.replace('gauze', 'scalpels') }));
    expect(await refusal(tampered)).toBe('tampered');
    expect(await refusal(first.subarray(0, first.length - 30))).toBe('damaged');
    expect(await refusal(gzipSync(JSON.stringify({ ...envelope, version: 3 })))).toBe('newer_format');

    const foreign = resign(first, syncOf(hub), (outer) => {
      outer.payload = (outer.payload as string).replace(/"clusterId":"[^"]+"/, `"clusterId":"${randomUUID()}"`);
    });
    expect(await refusal(foreign)).toBe('foreign_cluster');
    // The workstation's own key is known to the hub, but only the hub's snapshot is trusted there.
    expect(
      await importBundle(
        syncOf(hub),
        ctx,
        resign(first, target, () => undefined),
      ).catch((error) => error.reason),
    ).toBe('not_from_hub');
    expect(await notesOn(client)).toEqual(['gauze', 'gloves', 'syringes']);
  });

  it('is written by the hub only, and never together with a vector', async () => {
    const admin = await client.login('admin', ADMIN_PASSWORD);
    const onClient = await client.app.inject({ url: '/api/sync/bundle?full=1', headers: admin.headers });
    expect(onClient.statusCode).toBe(409);
    expect(onClient.json()).toMatchObject({ code: 'sync.bundle_snapshot_needs_hub' });
    const both = await hub.app.inject({ url: '/api/sync/bundle?full=1&since=%7B%7D', headers: hub.admin.headers });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors[0]).toMatchObject({ path: 'querystring.since' });
    const notBoolean = await hub.app.inject({ url: '/api/sync/bundle?full=maybe', headers: hub.admin.headers });
    expect(notBoolean.statusCode).toBe(400);
  });

  it('tells an administrator this node’s vector, to export only what it lacks elsewhere', async () => {
    const admin = await client.login('admin', ADMIN_PASSWORD);
    const answer = (
      await expectStatus(client.app.inject({ url: '/api/sync/vector', headers: admin.headers }), 200)
    ).json();
    expect(answer.nodeId).toBe(syncOf(client).identity.nodeId);
    expect(answer.vector[syncOf(hub).identity.nodeId]).toBeGreaterThan(0);
    const changes = await expectStatus(
      hub.app.inject({
        url: `/api/sync/bundle?since=${encodeURIComponent(JSON.stringify(answer.vector))}`,
        headers: hub.admin.headers,
      }),
      200,
    );
    expect(await importBundle(syncOf(client), ctx, changes.rawPayload)).toMatchObject({
      content: 'changes',
      changes: 0,
    });
  });
});

/** A snapshot is loaded in statements of a few thousand rows: a table larger than one of them arrives whole. */
describe('snapshot loading', () => {
  let node: TestNode;

  beforeAll(async () => {
    node = await startTestNode(memory, {}, { extraModules: [notesModule] });
  });
  afterAll(async () => {
    await node?.close();
  });

  it('loads every row of a table larger than one statement’s batch', async () => {
    const sync = syncOf(node);
    const cluster = await changeLog.cluster(node.platform.db);
    const owner = sync.identity.nodeId;
    const rows = Array.from({ length: 12_345 }, (_, index) => ({
      id: randomUUID(),
      owner,
      body: `note ${index}`,
      created_at: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
    }));
    await sync.snapshots.load({
      clusterId: cluster?.cluster_id as string,
      epoch: cluster?.epoch as number,
      vector: {},
      tables: [{ table: 'notes.notes', rows }],
    });
    const stored = await sql<{ n: number; last: string }>`
      select count(*)::int as n, max(body) filter (where created_at = (select max(created_at) from notes.notes)) as last
      from notes.notes`.execute(node.platform.db);
    expect(stored.rows[0]).toEqual({ n: 12_345, last: 'note 12344' });
  });
});

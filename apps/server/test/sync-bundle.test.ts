import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/platform/context.js';
import { importBundle } from '../src/sync/index.js';
import { notesModule } from './fixtures/notes-module.js';
import { type SyncPair, startSyncPair, syncOf } from './sync-pair.js';
import { ADMIN_PASSWORD, startTestNode, type TestNode } from './test-node.js';

const memory = { kind: 'pglite', dir: 'memory' } as const;
const notesOn = async (node: TestNode) =>
  (await sql<{ body: string }>`select body from notes.notes order by body`.execute(node.platform.db)).rows.map(
    (row) => row.body,
  );

/** Changes carried on removable media between a client and a hub that cannot reach each other. */
describe('bundles', () => {
  let pair: SyncPair;
  let file: Buffer;
  const ctx = systemContext('test');

  beforeAll(async () => {
    pair = await startSyncPair(memory, {}, [notesModule]);
    await pair.hub.app.close(); // the network is gone; the hub's database is not
    const clientId = (
      await sql<{ node_id: string }>`select node_id from sync.local_node`.execute(pair.client.platform.db)
    ).rows[0]?.node_id;
    for (const body of ['gloves', 'gauze', 'syringes']) {
      await sql`insert into notes.notes (id, owner, body) values (${randomUUID()}, ${clientId}, ${body})`.execute(
        pair.client.platform.db,
      );
    }
    const admin = await pair.client.login('admin', ADMIN_PASSWORD);
    const download = await pair.client.app.inject({ url: '/api/sync/bundle', headers: admin.headers });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/attachment; filename="kontor-.*\.kbundle"/);
    file = download.rawPayload;
  });
  afterAll(() => pair?.close());

  it('carries the client’s offline writes into the hub, once however often it is imported', async () => {
    const first = await importBundle(syncOf(pair.hub), ctx, file);
    expect(first.applied).toBe(3);
    expect(await notesOn(pair.hub)).toEqual(['gauze', 'gloves', 'syringes']);
    const again = await importBundle(syncOf(pair.hub), ctx, file);
    expect(again).toMatchObject({ applied: 0, duplicates: first.changes });
  });

  it('refuses a truncated, altered or foreign file whole, saying why', async () => {
    const hub = syncOf(pair.hub);
    await expect(importBundle(hub, ctx, file.subarray(0, file.length - 20))).rejects.toThrow(
      'truncated, damaged or not a Kontor bundle',
    );

    const envelope = JSON.parse(gunzipSync(file).toString('utf8'));
    envelope.payload = envelope.payload.replace('syringes', 'scalpels');
    await expect(importBundle(hub, ctx, gzipSync(JSON.stringify(envelope)))).rejects.toThrow(
      'changed after it was written',
    );

    const stranger = await startTestNode(memory);
    try {
      const foreign = (await stranger.app.inject({ url: '/api/sync/bundle', headers: stranger.admin.headers }))
        .rawPayload;
      await expect(importBundle(hub, ctx, foreign)).rejects.toThrow('which this node does not know');
    } finally {
      await stranger.close();
    }
    expect(await notesOn(pair.hub)).toEqual(['gauze', 'gloves', 'syringes']);
  });

  it('answers an upload that is not a bundle with 422 and imports nothing', async () => {
    const admin = await pair.client.login('admin', ADMIN_PASSWORD);
    const response = await pair.client.app.inject({
      method: 'POST',
      url: '/api/sync/bundle',
      headers: { ...admin.headers, 'content-type': 'application/gzip' },
      payload: Buffer.from('not a bundle'),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'sync.bundle_damaged' });
  });

  it('refuses a file signed by a node revoked since, and records the refusal in the audit log', async () => {
    const hub = syncOf(pair.hub);
    await hub.nodes.revoke(ctx, syncOf(pair.client).identity.nodeId);
    await expect(importBundle(hub, ctx, file)).rejects.toMatchObject({ reason: 'revoked_signer' });
    const audited = await sql<{ after: { reason: string } }>`
      select after from audit.entries where action = 'bundle.refuse' order by id desc limit 1`.execute(
      pair.hub.platform.db,
    );
    expect(audited.rows[0]?.after.reason).toBe('revoked_signer');
  });
});

import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeRequestHeaders } from '../src/sync/node-auth.js';
import { notesModule } from './fixtures/notes-module.js';
import { startSyncPair, syncOf } from './sync-pair.js';
import { expectStatus, type TestNode } from './test-node.js';

const memory = { kind: 'pglite', dir: 'memory' } as const;

/** Rows a client creates and owns travel to the hub; what breaks the rules is refused there. */
describe('owned rows from a client to the hub', () => {
  let hub: TestNode;
  let client: TestNode;
  let clientId: string;
  let hubId: string;
  let hubUrl: string;

  const nodeIdOf = async (node: TestNode) =>
    (await sql<{ node_id: string }>`select node_id from sync.local_node`.execute(node.platform.db)).rows[0]?.node_id ??
    '';
  const notesOn = async (node: TestNode) =>
    (await sql<{ id: string; body: string }>`select id, body from notes.notes order by body`.execute(node.platform.db))
      .rows;
  const write = async (node: TestNode, owner: string, body: string) => {
    const id = randomUUID();
    await sql`insert into notes.notes (id, owner, body) values (${id}, ${owner}, ${body})`.execute(node.platform.db);
    return { id };
  };
  const deliveryOn = async (node: TestNode, key: { id: string }) =>
    (await syncOf(node).delivery('notes.notes', [key]))[0];

  beforeAll(async () => {
    ({ hub, client, hubUrl } = await startSyncPair(memory, {}, [notesModule]));
    [clientId, hubId] = [await nodeIdOf(client), await nodeIdOf(hub)];
  });
  afterAll(async () => {
    await client?.close();
    await hub?.close();
  });

  it('delivers rows the client wrote locally, in order, exactly once', async () => {
    for (let i = 0; i < 25; i += 1) await write(client, clientId, `note ${String(i).padStart(2, '0')}`);
    await expect.poll(async () => (await notesOn(hub)).length, { timeout: 10_000 }).toBe(25);
    expect((await notesOn(hub)).map((note) => note.body)).toEqual((await notesOn(client)).map((note) => note.body));
    const admin = await client.login('admin', 'correct horse battery staple');
    await expect
      .poll(
        async () =>
          (await client.app.inject({ url: '/api/sync/status', headers: admin.headers })).json().pendingChanges,
      )
      .toBe(0);
  });

  it('refuses a row the client claims for another node, and keeps accepting the client’s later rows', async () => {
    const claimed = await write(client, hubId, 'claimed for the hub');
    const later = await write(client, clientId, 'after the refused one');
    await expect
      .poll(async () => (await notesOn(hub)).map((note) => note.body), { timeout: 10_000 })
      .toContain('after the refused one');
    expect((await notesOn(hub)).map((note) => note.body)).not.toContain('claimed for the hub');
    const refused = await sql<{
      reason: string;
    }>`select reason from sync.changes where status = 'rejected' and origin = ${clientId}`.execute(hub.platform.db);
    expect(refused.rows.map((row) => row.reason)).toEqual(['a node may only create rows it owns (owner)']);
    // The client hears why, and shows it beside the record; the accepted one shows as sent.
    await expect
      .poll(async () => await deliveryOn(client, claimed), { timeout: 10_000 })
      .toMatchObject({ state: 'rejected', reason: 'a node may only create rows it owns (owner)' });
    await expect.poll(async () => (await deliveryOn(client, later))?.state, { timeout: 10_000 }).toBe('sent');
  });

  it('refuses a forged change whole and applies nothing of its batch', async () => {
    const before = await notesOn(hub);
    const held = await sql<{
      seq: number;
    }>`select max(seq)::int as seq from sync.changes where origin = ${clientId}`.execute(client.platform.db);
    const id = randomUUID();
    const forged = {
      origin: clientId,
      seq: (held.rows[0]?.seq ?? 0) + 1,
      hlc: `${String(Date.now()).padStart(15, '0')}-00000-${clientId}`,
      tx: 1,
      table: 'notes.notes',
      key: { id },
      op: 'upsert',
      data: { id, owner: clientId, body: 'forged', created_at: new Date().toISOString() },
      schemaVersion: 1,
      signature: Buffer.alloc(64, 7).toString('base64'),
    };
    const body = JSON.stringify({ changes: [forged] });
    // Signed as a request by the genuine client: only the change itself is forged.
    const identity = syncOf(client).identity;
    const headers = nodeRequestHeaders(identity, 'POST', '/api/sync/push', body);
    const response = await fetch(`${hubUrl}/api/sync/push`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string; detail: string }).detail).toContain('valid signature');
    expect(await notesOn(hub)).toEqual(before);
  });

  it('refuses every request of a revoked node', async () => {
    await expectStatus(
      hub.app.inject({ method: 'POST', url: `/api/sync/nodes/${clientId}/revoke`, headers: hub.admin.headers }),
      204,
    );
    const refused = await write(client, clientId, 'written after revocation');
    const admin = await client.login('admin', 'correct horse battery staple');
    await expect
      .poll(
        async () => (await client.app.inject({ url: '/api/sync/status', headers: admin.headers })).json().lastError,
        { timeout: 10_000 },
      )
      .toContain('was revoked');
    expect((await notesOn(hub)).map((note) => note.body)).not.toContain('written after revocation');
    expect(await deliveryOn(client, refused)).toMatchObject({ state: 'local', reason: null });
  });
});

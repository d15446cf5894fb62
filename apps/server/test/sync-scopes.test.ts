import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireChange } from '../src/sync/signing.js';
import { notesModule } from './fixtures/notes-module.js';
import { enrollClient, syncOf, wardNotes } from './sync-pair.js';
import { expectStatus, startTestNode, type TestNode } from './test-node.js';

const memory = { kind: 'pglite', dir: 'memory' } as const;
const POLL = { timeout: 20_000 };
const vectorEntry = async (node: TestNode, origin: string) => (await syncOf(node).vector())[origin] ?? 0;

/** A workstation limited to its wards gets only their rows, yet stays gap-free against the hub's log. */
describe('scopes', () => {
  let hub: TestNode;
  let hubUrl: string;
  let ward7: TestNode;
  let everything: TestNode;
  const write = (ward: string, body: string) =>
    sql`insert into notes.ward_notes (id, ward, body) values (${randomUUID()}, ${ward}, ${body})`.execute(
      hub.platform.db,
    );

  beforeAll(async () => {
    hub = await startTestNode(memory, {}, { extraModules: [notesModule] });
    hubUrl = await hub.app.listen({ host: '127.0.0.1', port: 0 });
    for (const [ward, body] of [
      ['w7', 'a: ward 7 before'],
      ['w9', 'b: ward 9 before'],
    ]) {
      await write(ward as string, body as string);
    }
    const scoped = await expectStatus(
      hub.app.inject({
        method: 'POST',
        url: '/api/sync/enrollments',
        headers: hub.admin.headers,
        payload: { scope: { wards: ['w7'] } },
      }),
      201,
    );
    ward7 = await enrollClient(hub, hubUrl, { enrollCode: scoped.json().code }, [notesModule]);
    everything = await enrollClient(hub, hubUrl, {}, [notesModule]);
  });
  afterAll(async () => {
    await Promise.all([ward7?.close(), everything?.close(), hub?.close()]);
  });

  it('loads and syncs only the rows within a node’s scope, and every row to a node without one', async () => {
    expect(await wardNotes(ward7)).toEqual(['a: ward 7 before']);
    await write('w7', 'c: ward 7 later');
    await write('w9', 'd: ward 9 later');
    await expect.poll(() => wardNotes(ward7), POLL).toEqual(['a: ward 7 before', 'c: ward 7 later']);
    await expect
      .poll(() => wardNotes(everything), POLL)
      .toEqual(['a: ward 7 before', 'b: ward 9 before', 'c: ward 7 later', 'd: ward 9 later']);
    const hubId = syncOf(hub).identity.nodeId;
    await expect.poll(() => vectorEntry(ward7, hubId), POLL).toBe(await vectorEntry(hub, hubId));
    const filtered = await sql<{ n: number }>`select count(*)::int as n from sync.changes
      where status = 'filtered'`.execute(ward7.platform.db);
    expect(filtered.rows[0]?.n).toBe(1);
  });

  it('does not take a stub for a row the node should hold, and refuses stubs for tables without scopes', async () => {
    const hubId = syncOf(hub).identity.nodeId;
    const next = (await vectorEntry(everything, hubId)) + 1;
    const stub = (table: string): WireChange => ({
      origin: hubId,
      seq: next,
      hlc: `${String(Date.now()).padStart(15, '0')}-00000-${hubId}`,
      tx: 1,
      table,
      key: { id: randomUUID() },
      op: 'upsert',
      data: { ward: 'w9' },
      schemaVersion: 1,
      signature: '',
      filtered: true,
    });
    const outcome = await syncOf(everything).receive(null, [stub('notes.ward_notes')]);
    expect(outcome).toMatchObject({ applied: 0, rejected: 0, waiting: 0 });
    expect(await vectorEntry(everything, hubId)).toBe(next - 1);
    await expect(syncOf(everything).receive(null, [stub('notes.notes')])).rejects.toThrow('has no scopes');
  });

  it('widens a node’s scope from the hub, for the changes made from then on', async () => {
    const ward7Id = syncOf(ward7).identity.nodeId;
    await expectStatus(
      hub.app.inject({
        method: 'PUT',
        url: `/api/sync/nodes/${ward7Id}/scope`,
        headers: hub.admin.headers,
        payload: { scope: { wards: ['w7', 'w9'] } },
      }),
      204,
    );
    const bad = await hub.app.inject({
      method: 'PUT',
      url: `/api/sync/nodes/${ward7Id}/scope`,
      headers: hub.admin.headers,
      payload: { scope: { Wards: 'w7' } },
    });
    expect(bad.statusCode).toBe(400);
    await write('w9', 'e: ward 9 after widening');
    await expect.poll(() => wardNotes(ward7), POLL).toContain('e: ward 9 after widening');
    expect(await wardNotes(ward7)).not.toContain('d: ward 9 later');
  });
});

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notesModule } from './fixtures/notes-module.js';
import { enrollClient, syncOf, wardNotes } from './sync-pair.js';
import { startTestNode, type TestNode } from './test-node.js';

const memory = { kind: 'pglite', dir: 'memory' } as const;
const POLL = { timeout: 20_000 };

/** The log keeps what some peer may still need; a peer away longer than that is reset from a snapshot. */
describe('compaction of the change log', () => {
  const awayData = mkdtempSync(join(tmpdir(), 'kontor-compaction-'));
  const awayStore = { kind: 'pglite', dir: awayData } as const;
  let hub: TestNode;
  let hubUrl: string;
  let present: TestNode;
  let away: TestNode;
  const hubId = () => syncOf(hub).identity.nodeId;
  const caughtUp = async (node: TestNode) =>
    expect.poll(async () => (await syncOf(node).vector())[hubId()], POLL).toBe((await syncOf(hub).vector())[hubId()]);
  const exec = (query: ReturnType<typeof sql>) => query.execute(hub.platform.db);

  beforeAll(async () => {
    hub = await startTestNode(memory, {}, { extraModules: [notesModule] });
    hubUrl = await hub.app.listen({ host: '127.0.0.1', port: 0 });
    present = await enrollClient(hub, hubUrl, {}, [notesModule]);
    away = await enrollClient(hub, hubUrl, {}, [notesModule], awayStore);
  });
  afterAll(async () => {
    await Promise.all([present?.close(), away?.close(), hub?.close()]);
    rmSync(awayData, { recursive: true, force: true });
  });

  it('drops superseded changes and old tombstones once every peer holds them, keeping every row', async () => {
    const kept = randomUUID();
    const gone = randomUUID();
    await exec(sql`insert into notes.ward_notes (id, ward, body) values (${kept}, 'w7', 'v1'), (${gone}, 'w7', 'x')`);
    for (const body of ['v2', 'v3', 'v4'])
      await exec(sql`update notes.ward_notes set body = ${body} where id = ${kept}`);
    await exec(sql`delete from notes.ward_notes where id = ${gone}`);
    await Promise.all([caughtUp(present), caughtUp(away)]);
    await expect.poll(async () => (await syncOf(hub).compact()).removed, POLL).toBeGreaterThan(0);
    const left = await sql<{ body: string | null }>`select data->>'body' as body from sync.changes
      where tbl = 'notes.ward_notes' order by seq`.execute(hub.platform.db);
    expect(left.rows.map((row) => row.body)).toEqual(['v4']);

    const newcomer = await enrollClient(hub, hubUrl, {}, [notesModule]);
    expect(await wardNotes(newcomer)).toEqual(['v4']);
    // Gone for good: a revoked node holds compaction back no longer.
    const newcomerId = syncOf(newcomer).identity.nodeId;
    await hub.app.inject({ method: 'POST', url: `/api/sync/nodes/${newcomerId}/revoke`, headers: hub.admin.headers });
    await newcomer.close();
  });

  it('resets a peer that was away longer than the stale limit from the hub’s snapshot', async () => {
    const awayHad = (await syncOf(away).vector())[hubId()] ?? 0;
    await away.close();
    await exec(sql`update notes.ward_notes set body = 'v5'`);
    await exec(sql`insert into notes.ward_notes (id, ward, body) values (${randomUUID()}, 'w9', 'while away')`);
    await exec(sql`update notes.ward_notes set body = 'v6' where body = 'v5'`);
    await caughtUp(present);
    const awayId = syncOf(away).identity.nodeId;
    await exec(sql`update sync.peers set last_seen_at = now() - interval '40 days' where node_id = ${awayId}`);
    expect(await syncOf(hub).compact()).toMatchObject({ stalePeers: 1 });
    // Once the present peer reports holding the latest, the hub drops changes the absent one never got.
    const horizon = async () => {
      await syncOf(hub).compact();
      const row = await sql<{ seq: number }>`select seq from sync.horizon where origin = ${hubId()}`.execute(
        hub.platform.db,
      );
      return Number(row.rows[0]?.seq ?? 0);
    };
    await expect.poll(horizon, { timeout: 40_000 }).toBeGreaterThan(awayHad);

    away = await startTestNode(
      awayStore,
      { role: 'client', syncIntervalMs: 100 },
      { signIn: false, extraModules: [notesModule] },
    );
    await expect.poll(() => wardNotes(away), POLL).toEqual(['v6', 'while away']);
    await caughtUp(away);
    // Loaded from a snapshot, not replayed: none of the hub's changes is in its log.
    const replayed = await sql<{ n: number }>`select count(*)::int as n from sync.changes
      where origin = ${hubId()}`.execute(away.platform.db);
    expect(replayed.rows[0]?.n).toBe(0);
  });
});

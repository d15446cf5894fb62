import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notesModule } from './fixtures/notes-module.js';
import { enrollClient, syncOf, wardNotes } from './sync-pair.js';
import { expectStatus, startTestNode, type TestNode } from './test-node.js';

const memory = { kind: 'pglite', dir: 'memory' } as const;
const POLL = { timeout: 30_000, interval: 20 };
// Clients that would otherwise wait ten minutes between rounds, connected or not: only the hub's socket can bring
// changes sooner, and only a push as a local write commits can take one to the hub sooner. (How fast they are is
// measured in bench/, not asserted here.)
const QUIET = { syncIntervalMs: 600_000, syncConnectedIntervalMs: 600_000 };

describe('the hub streams its changes to connected clients', () => {
  let hub: TestNode;
  let everything: TestNode;
  let ward7: TestNode;
  /** Pulls the hub has answered, from its request metrics. */
  const pulls = async () =>
    (await hub.platform.metrics.requestDuration.get()).values
      .filter((v) => v.metricName?.endsWith('_count') && v.labels.route === '/api/sync/pull')
      .reduce((sum, v) => sum + v.value, 0);
  const write = (ward: string, body: string) =>
    sql`insert into notes.ward_notes (id, ward, body) values (${randomUUID()}, ${ward}, ${body})`.execute(
      hub.platform.db,
    );

  beforeAll(async () => {
    hub = await startTestNode(memory, {}, { extraModules: [notesModule] });
    const hubUrl = await hub.app.listen({ host: '127.0.0.1', port: 0 });
    const scoped = await expectStatus(
      hub.app.inject({
        method: 'POST',
        url: '/api/sync/enrollments',
        headers: hub.admin.headers,
        payload: { scope: { wards: ['w7'] } },
      }),
      201,
    );
    everything = await enrollClient(hub, hubUrl, QUIET, [notesModule]);
    ward7 = await enrollClient(hub, hubUrl, { ...QUIET, enrollCode: scoped.json().code }, [notesModule]);
    // A client opens the hub's socket after its first round with the hub; until then it pulls.
    const synced = async (node: TestNode) =>
      (await sql`select 1 from sync.cluster where last_sync_at is not null`.execute(node.platform.db)).rows.length;
    for (const node of [everything, ward7]) {
      for (let tries = 0; tries < 300 && (await synced(node)) === 0; tries += 1) await sleep(100);
    }
  });
  afterAll(async () => {
    await Promise.all([everything?.close(), ward7?.close()]);
    await hub?.close();
  });

  it('bring each hub change to a client without it pulling', async () => {
    const createRole = (name: string) =>
      expectStatus(
        hub.app.inject({
          method: 'POST',
          url: '/api/admin/roles',
          headers: hub.admin.headers,
          payload: { name, permissions: [] },
        }),
        201,
      );
    const everywhere = async (name: string) => {
      for (const client of [everything, ward7]) {
        const held = async () =>
          (await sql`select 1 from identity.roles where name = ${name}`.execute(client.platform.db)).rows.length;
        await expect.poll(held, POLL).toBe(1);
      }
    };
    // A client opens the hub's socket after its first round, and pulls once when it opens: a change both
    // clients hold proves both sockets open; the pulls then settle.
    await createRole('Streamed first');
    await everywhere('Streamed first');
    let settled = -1;
    await expect
      .poll(
        async () => {
          const now = await pulls();
          const still = now === settled;
          settled = now;
          return still;
        },
        { ...POLL, interval: 500 },
      )
      .toBe(true);
    const streamedFrom = Date.now();
    for (const name of ['Streamed once', 'Streamed twice']) {
      await createRole(name);
      await everywhere(name);
    }
    expect(await pulls()).toBe(settled);
    // No round since the socket opened, yet the client shows itself in sync: the hub is heard on the socket.
    const { lastSyncAt } = await syncOf(everything).status();
    expect(Date.parse(lastSyncAt ?? '')).toBeGreaterThanOrEqual(streamedFrom);
  });

  it('push a client’s own write to the hub as it commits, without waiting for a round', async () => {
    const id = randomUUID();
    const owner = (await sql<{ id: string }>`select node_id as id from sync.local_node`.execute(everything.platform.db))
      .rows[0]?.id;
    await sql`insert into notes.notes (id, owner, body) values (${id}, ${owner}, 'gloves, size M')`.execute(
      everything.platform.db,
    );
    const atHub = async () =>
      (await sql<{ body: string }>`select body from notes.notes where id = ${id}`.execute(hub.platform.db)).rows[0]
        ?.body;
    await expect.poll(atHub, POLL).toBe('gloves, size M');
  });

  it('stream to a scoped client only the rows within its scope', async () => {
    await write('w7', 'a: ward 7');
    await write('w9', 'b: ward 9');
    await expect.poll(() => wardNotes(everything), POLL).toEqual(['a: ward 7', 'b: ward 9']);
    await expect.poll(() => wardNotes(ward7), POLL).toEqual(['a: ward 7']);
    const filtered = await sql<{ n: number }>`select count(*)::int as n from sync.changes
      where status = 'filtered'`.execute(ward7.platform.db);
    expect(filtered.rows[0]?.n).toBe(1);
  });
});

import type { DirectoryEntry, UnitSummary } from '@kontor/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncPair } from './sync-pair.js';
import { ADMIN_PASSWORD, expectStatus, type Session, type TestNode } from './test-node.js';

/** The directory is reference data: a workstation holds the hub's copy, searches it, and cannot change it. */
describe('directory on a client node', () => {
  let hub: TestNode;
  let client: TestNode;
  let admin: Session;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ hub, client, close } = await startSyncPair({ kind: 'pglite', dir: 'memory' }));
    // The hub's users arrive with its snapshot, which startSyncPair waits for.
    admin = await client.login('admin', ADMIN_PASSWORD);
  });
  afterAll(() => close?.());

  const units = async (node: TestNode, session: Session): Promise<UnitSummary[]> =>
    (await expectStatus(node.app.inject({ url: '/api/directory/units', headers: session.headers }), 200)).json();
  const search = async (q: string): Promise<DirectoryEntry[]> =>
    (await client.app.inject({ url: '/api/directory/search', query: { q }, headers: admin.headers })).json().results;

  it('receives the whole directory from its hub and searches it locally', async () => {
    expect(await units(client, admin)).toEqual(await units(hub, hub.admin));
    expect((await search('goran akeson'))[0]?.title).toBe('Göran Åkesson');
    const count = async (node: TestNode, table: string) =>
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(node.platform.db)).rows[0]
        ?.n;
    for (const table of ['directory.people', 'directory.functions', 'directory.contact_points', 'directory.notices']) {
      expect(await count(client, table), table).toBe(await count(hub, table));
    }
  });

  it('refuses edits on the client with 409 sync.read_only and keeps nothing of them', async () => {
    const [region] = await units(client, admin);
    const response = await client.app.inject({
      method: 'POST',
      url: '/api/directory/units',
      headers: admin.headers,
      payload: { parentId: region?.id, kind: 'unit', name: 'Lokal enhet' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('sync.read_only');
    expect((await units(client, admin)).map((unit) => unit.name)).not.toContain('Lokal enhet');
    const audit = (
      await client.app.inject({ url: '/api/admin/audit?action=directory.unit.create', headers: admin.headers })
    ).json();
    expect(audit.entries).toEqual([]);
  });

  it('lets a user keep favourites on the client, where the directory itself is read-only', async () => {
    const [first] = await search('iva');
    await expectStatus(
      client.app.inject({
        method: 'POST',
        url: '/api/directory/favourites',
        headers: admin.headers,
        payload: { kind: first?.kind, id: first?.id },
      }),
      204,
    );
    const favourites = (await client.app.inject({ url: '/api/directory/favourites', headers: admin.headers })).json();
    expect(favourites.map((entry: DirectoryEntry) => entry.id)).toEqual([first?.id]);
  });

  it('shows a change made on the hub within a sync round', async () => {
    const [region] = await units(hub, hub.admin);
    await expectStatus(
      hub.app.inject({
        method: 'POST',
        url: '/api/directory/units',
        headers: hub.admin.headers,
        payload: { parentId: region?.id, kind: 'unit', name: 'Reservledningsplats Ödeshög' },
      }),
      201,
    );
    await expect.poll(async () => (await search('odeshog'))[0]?.title).toBe('Reservledningsplats Ödeshög');
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from './stores.js';
import { startSyncPair } from './sync-pair.js';
import { ADMIN_PASSWORD, expectStatus, type TestNode } from './test-node.js';

/** A hub (on each store) and a client workstation (embedded PGlite) talking over real HTTP. */
describeEachStore('sync between a hub and a client', (store) => {
  let hub: TestNode;
  let client: TestNode;
  let hubUrl: string;
  let release: () => Promise<void>;

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    ({ hub, client, hubUrl } = await startSyncPair(created.location));
  });
  afterAll(async () => {
    await client?.close();
    await hub?.close();
    await release();
  });

  const signInOnClient = (username: string, password: string) =>
    client.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  it('enrolls, loads the hub’s users and lets the hub’s admin sign in on the client', async () => {
    await expect
      .poll(async () => (await signInOnClient('admin', ADMIN_PASSWORD)).statusCode, { timeout: 20_000 })
      .toBe(200);
    const nodes = (await hub.app.inject({ url: '/api/sync/nodes', headers: hub.admin.headers })).json();
    expect(nodes.map((node: { role: string }) => node.role).sort()).toEqual(['client', 'hub']);
    const admin = await client.login('admin', ADMIN_PASSWORD);
    const status = async () => (await client.app.inject({ url: '/api/sync/status', headers: admin.headers })).json();
    // Users arrive with the snapshot; the round that loaded it ends with the first exchange of changes.
    await expect.poll(async () => (await status()).lastSyncAt, { timeout: 20_000 }).not.toBeNull();
    expect(await status()).toMatchObject({ role: 'client', enrolled: true, hub: hubUrl, epoch: 1 });
    expect((await client.app.inject({ url: '/api/node' })).json()).toMatchObject({
      organisation: 'Region Örebro län (demo)',
      role: 'client',
    });
  });

  it('brings a user created on the hub to the client within a sync round', async () => {
    const roles = (await hub.app.inject({ url: '/api/admin/roles', headers: hub.admin.headers })).json();
    const auditor = roles.find((role: { name: string }) => role.name === 'Auditor');
    await expectStatus(
      hub.app.inject({
        method: 'POST',
        url: '/api/admin/users',
        headers: hub.admin.headers,
        payload: { username: 'nurse', displayName: 'Nina Nurse', password: 'gloves and gauze', roleIds: [auditor.id] },
      }),
      201,
    );
    await expect
      .poll(async () => (await signInOnClient('nurse', 'gloves and gauze')).statusCode, { timeout: 10_000 })
      .toBe(200);
    const nurse = await client.login('nurse', 'gloves and gauze');
    expect((await client.app.inject({ url: '/api/admin/audit', headers: nurse.headers })).statusCode).toBe(200);
    expect((await client.app.inject({ url: '/api/admin/users', headers: nurse.headers })).statusCode).toBe(403);
  });

  it('keeps the client read-only for what the hub maintains', async () => {
    const admin = await client.login('admin', ADMIN_PASSWORD);
    const response = await client.app.inject({
      method: 'POST',
      url: '/api/admin/roles',
      headers: admin.headers,
      payload: { name: 'Made on a client', permissions: [] },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('sync.read_only');
    expect(
      (await client.app.inject({ url: '/api/admin/roles', headers: admin.headers }))
        .json()
        .map((r: { name: string }) => r.name),
    ).not.toContain('Made on a client');
  });

  it('disables a user on the client at the next sync after the hub disabled them', async () => {
    const users = (await hub.app.inject({ url: '/api/admin/users', headers: hub.admin.headers })).json();
    const nurse = users.find((user: { username: string }) => user.username === 'nurse');
    await expectStatus(
      hub.app.inject({
        method: 'PATCH',
        url: `/api/admin/users/${nurse.id}`,
        headers: hub.admin.headers,
        payload: { disabled: true },
      }),
      200,
    );
    await expect
      .poll(async () => (await signInOnClient('nurse', 'gloves and gauze')).json().code, { timeout: 10_000 })
      .toBe('identity.account_disabled');
  });

  it('refuses unsigned and forged sync requests', async () => {
    const unsigned = await fetch(`${hubUrl}/api/sync/pull`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kontor-protocol': '1' },
      body: JSON.stringify({ vector: {} }),
    });
    expect(unsigned.status).toBe(401);
    const oldProtocol = await fetch(`${hubUrl}/api/sync/pull`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(oldProtocol.status).toBe(409);
  });

  it('lets users sign in on the client while the hub is gone', async () => {
    await hub.app.close();
    const response = await signInOnClient('admin', ADMIN_PASSWORD);
    expect(response.statusCode).toBe(200);
  });
});

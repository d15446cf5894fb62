import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CrmEntity, CrmEntityMigration, CrmMigrationStatus } from '@kontor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LegacyCrm, startLegacyCrm } from '../../../examples/legacy-crm/server.js';
import type { StoreLocation } from '../src/platform/db/database.js';
import { describeEachStore, type TestStore } from './stores.js';
import { expectStatus, type Session, startTestNode, type TestNode } from './test-node.js';

const CLIENTS = 2000;
const FAST = { legacyBackfillRatePerSecond: 100_000, legacyBackfillBatchSize: 100 };
const UNTIL_DONE = { timeout: 60_000, interval: 100 };

type LegacyRecord = Record<string, unknown> & { id: string };

/**
 * Sits between the node and the stand-in, passing everything through, and lets a test spoil records of the walks by
 * id: the legacy CRM's data as it is in real life, now and then not what its API promises.
 */
async function startSpoilingProxy(target: string) {
  const spoil: Partial<Record<CrmEntity, (record: LegacyRecord) => LegacyRecord>> = {};
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', target);
      const upstream = await fetch(new URL(url.pathname + url.search, target), { headers: { accept: '*/*' } });
      let body = await upstream.text();
      const entity = url.pathname.slice(1) as CrmEntity;
      const change = spoil[entity];
      if (change && upstream.ok && url.searchParams.get('order') === 'id') {
        const page = JSON.parse(body) as { items: LegacyRecord[] };
        body = JSON.stringify({ ...page, items: page.items.map(change) });
      }
      response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? '' }).end(body);
    })().catch(() => response.writeHead(502).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spoil,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function legacyCall(legacy: LegacyCrm, method: string, path: string, body?: unknown) {
  const response = await fetch(`${legacy.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`legacy ${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as LegacyRecord;
}

function crm(node: TestNode) {
  const call = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    node.app.inject({ method, url, headers: session.headers, payload: payload as object });
  const status = async () =>
    (await expectStatus(call(node.admin, 'GET', '/api/crm/migration'), 200)).json() as CrmMigrationStatus;
  const entity = async (name: CrmEntity) =>
    (await status()).entities.find((e) => e.entity === name) as CrmEntityMigration;
  const backfill = (name: CrmEntity, action: 'start' | 'pause') =>
    call(node.admin, 'POST', `/api/crm/migration/${name}/backfill`, { action });
  const switchLegacy = (name: CrmEntity, legacyOff: boolean) =>
    call(node.admin, 'PUT', `/api/crm/migration/${name}/legacy`, { legacyOff });
  const done = async (name: CrmEntity) => {
    await expect.poll(async () => (await entity(name)).backfill.state, UNTIL_DONE).toBe('done');
    return entity(name);
  };
  return { call, status, entity, backfill, switchLegacy, done };
}

async function legacyWithRecords() {
  const legacy = await startLegacyCrm({ port: 0 });
  await legacy.seed({ clients: CLIENTS, ordersPerClient: 1, seed: 7 });
  return legacy;
}

describeEachStore('CRM migration: backfill, switches, consistency checks', (store) => {
  let legacy: LegacyCrm;
  let proxy: Awaited<ReturnType<typeof startSpoilingProxy>>;
  let node: TestNode;
  let release: () => Promise<void>;
  let api: ReturnType<typeof crm>;

  beforeAll(async () => {
    legacy = await legacyWithRecords();
    proxy = await startSpoilingProxy(legacy.url);
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location, { legacyCrmUrl: proxy.url, ...FAST });
    api = crm(node);
  });
  afterAll(async () => {
    await node?.close();
    await release?.();
    await proxy?.close();
    await legacy?.close();
  });

  it('shows the migration to crm.read and lets only crm.admin change it', async () => {
    const anonymous = await node.app.inject({ method: 'GET', url: '/api/crm/migration' });
    expect(anonymous.statusCode).toBe(401);
    const reader = await node.userWith(['crm.read']);
    const status = (await expectStatus(api.call(reader, 'GET', '/api/crm/migration'), 200)).json();
    expect(status).toMatchObject({ legacyConfigured: true, lastConsistencyReports: [] });
    expect(status.entities.map((e: CrmEntityMigration) => [e.entity, e.legacyTotal, e.pending, e.migrated])).toEqual([
      ['clients', CLIENTS, CLIENTS, 0],
      ['orders', CLIENTS, CLIENTS, 0],
    ]);
    for (const [method, url, payload] of [
      ['POST', '/api/crm/migration/clients/backfill', { action: 'start' }],
      ['PUT', '/api/crm/migration/clients/legacy', { legacyOff: true }],
      ['POST', '/api/crm/migration/clients/check', undefined],
    ] as const) {
      expect((await api.call(reader, method, url, payload)).json()).toMatchObject({ status: 403, code: 'forbidden' });
    }
    expect((await api.entity('clients')).backfill.state).toBe('idle');
  });

  it('backfills clients through legacy faults, sets a malformed one aside, and switches legacy off once done', async () => {
    expect((await api.switchLegacy('clients', true)).json()).toMatchObject({
      status: 409,
      code: 'crm.backfill_incomplete',
    });
    proxy.spoil.clients = (record) => (record.id === 'C000005' ? { ...record, name: ' ' } : record);
    legacy.setFaults({ down: true });
    expect((await expectStatus(api.backfill('clients', 'start'), 200)).json().backfill.state).toBe('running');
    await expect.poll(async () => (await api.entity('clients')).backfill.lastError, UNTIL_DONE).toMatch(/legacy CRM/);
    legacy.setFaults({ errorRate: 0.2 });
    const done = await api.done('clients');
    legacy.setFaults({});
    expect(done).toMatchObject({
      legacyTotal: CLIENTS,
      migrated: CLIENTS - 1,
      pending: 1,
      failed: 1,
      legacyOff: false,
    });
    expect(done.backfill).toMatchObject({ processed: CLIENTS, lastError: null });
    expect(done.failures).toEqual([
      { legacyId: 'C000005', error: expect.stringMatching(/^Malformed/), at: expect.any(String) },
    ]);
    expect((await api.switchLegacy('clients', true)).statusCode).toBe(409);

    // The legacy CRM's record is mended: a new run retries it, and nothing is left.
    delete proxy.spoil.clients;
    expect((await expectStatus(api.backfill('clients', 'start'), 200)).json().backfill.processed).toBe(0);
    expect(await api.done('clients')).toMatchObject({ migrated: CLIENTS, pending: 0, failed: 0, failures: [] });
    expect((await expectStatus(api.switchLegacy('clients', true), 200)).json()).toMatchObject({ legacyOff: true });
    expect((await api.backfill('clients', 'start')).json()).toMatchObject({ status: 409, code: 'crm.legacy_off' });
    expect((await expectStatus(api.switchLegacy('clients', false), 200)).json()).toMatchObject({ legacyOff: false });

    const audit = await expectStatus(
      node.app.inject({ url: '/api/admin/audit?entity=crm.migration&entityId=clients', headers: node.admin.headers }),
      200,
    );
    expect(audit.json().entries.map((entry: { action: string }) => entry.action)).toEqual([
      'crm.legacy.switch_on',
      'crm.legacy.switch_off',
      'crm.backfill.start',
      'crm.backfill.start',
    ]);
  });

  it('pauses and resumes the orders where they stood, setting aside one our service refuses', async () => {
    const first = await legacyCall(legacy, 'GET', '/orders/O0000001');
    proxy.spoil.orders = (record) => (record.id === 'O0000002' ? { ...record, number: first.number } : record);
    legacy.setFaults({ latencyMs: 100 });
    await expectStatus(api.backfill('orders', 'start'), 200);
    await expect.poll(async () => (await api.entity('orders')).backfill.processed, UNTIL_DONE).toBeGreaterThan(0);
    const paused = (await expectStatus(api.backfill('orders', 'pause'), 200)).json() as CrmEntityMigration;
    expect(paused.backfill.state).toBe('paused');
    expect(paused.backfill.processed).toBeLessThan(CLIENTS);
    expect((await api.entity('orders')).backfill.processed).toBe(paused.backfill.processed);
    expect((await api.backfill('orders', 'pause')).statusCode).toBe(200);

    legacy.setFaults({});
    await expectStatus(api.backfill('orders', 'start'), 200);
    const done = await api.done('orders');
    expect(done).toMatchObject({ migrated: CLIENTS - 1, pending: 1, failed: 1 });
    expect(done.backfill.processed).toBe(CLIENTS);
    expect(done.failures).toEqual([
      { legacyId: 'O0000002', error: expect.stringMatching(/^Our service refused it/), at: expect.any(String) },
    ]);
    expect((await api.backfill('orders', 'pause')).json()).toMatchObject({ code: 'crm.backfill_not_running' });
    delete proxy.spoil.orders;
  });

  it('finds what changed in the legacy CRM after migration and what is missing', async () => {
    const before = await legacyCall(legacy, 'GET', '/clients/C000010');
    const changed = await legacyCall(legacy, 'PATCH', '/clients/C000010', { phone: '+46 70 000 00 10' });
    const added = await legacyCall(legacy, 'POST', '/clients', { name: 'Ylva Ödmark' });
    const started = await expectStatus(api.call(node.admin, 'POST', '/api/crm/migration/clients/check'), 202);
    const { id } = started.json() as { id: string };
    const report = async () =>
      (await expectStatus(api.call(node.admin, 'GET', `/api/crm/migration/checks/${id}`), 200)).json();
    await expect.poll(async () => (await report()).finishedAt, UNTIL_DONE).not.toBeNull();
    const found = await report();
    expect(found).toMatchObject({ entity: 'clients', checked: CLIENTS + 1, missing: 1 });
    expect(found.differences).toEqual([
      {
        legacyId: 'C000010',
        fields: [
          { field: 'version', ours: String(before.version), legacy: String(changed.version) },
          { field: 'phone', ours: before.phone, legacy: '+46 70 000 00 10' },
        ],
      },
    ]);
    expect(added.id).toMatch(/^C/);
    expect((await api.status()).lastConsistencyReports[0]).toMatchObject({ id, missing: 1 });
    expect((await api.entity('clients')).pending).toBe(1);
  });
});

/** A store that outlives its node: PGlite on disk, or a PostgreSQL database. */
async function durableStore(
  store: TestStore,
  dir: string,
): Promise<{ location: StoreLocation; release: () => Promise<void> }> {
  if (store.name === 'postgres') return store.create();
  return { location: { kind: 'pglite', dir: join(dir, 'store') }, release: async () => undefined };
}

describeEachStore('CRM migration: a backfill outlives its node', (store) => {
  let legacy: LegacyCrm;
  let dir: string;

  beforeAll(async () => {
    legacy = await legacyWithRecords();
    dir = mkdtempSync(join(tmpdir(), 'kontor-crm-migration-'));
  });
  afterAll(async () => {
    await legacy?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('resumes after a restart on the same store exactly where it stopped', async () => {
    const { location, release } = await durableStore(store, dir);
    const settings = { legacyCrmUrl: legacy.url, dataDir: join(dir, 'node'), ...FAST, legacyBackfillBatchSize: 50 };
    try {
      legacy.setFaults({ latencyMs: 100 });
      const first = await startTestNode(location, settings);
      await expectStatus(crm(first).backfill('clients', 'start'), 200);
      await expect
        .poll(async () => (await crm(first).entity('clients')).backfill.processed, UNTIL_DONE)
        .toBeGreaterThan(0);
      await first.close();
      legacy.setFaults({});

      const second = await startTestNode(location, settings);
      try {
        const done = await crm(second).done('clients');
        // Each record went through once: a batch walked twice would count twice.
        expect(done).toMatchObject({ migrated: CLIENTS, pending: 0, failed: 0 });
        expect(done.backfill.processed).toBe(CLIENTS);
      } finally {
        await second.close();
      }
    } finally {
      await release();
    }
    // PGlite on disk runs initdb and every migration for the first node: far slower than the in-memory template.
  }, 240_000);
});

describe('CRM migration without a legacy CRM', () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode({ kind: 'pglite', dir: 'memory' });
  });
  afterAll(async () => node?.close());

  it('says so, and refuses to backfill or check', async () => {
    const api = crm(node);
    const status = await api.status();
    expect(status.legacyConfigured).toBe(false);
    expect(status.entities.map((e) => [e.entity, e.legacyTotal, e.pending])).toEqual([
      ['clients', null, null],
      ['orders', null, null],
    ]);
    expect((await api.backfill('clients', 'start')).json()).toMatchObject({
      status: 409,
      code: 'crm.legacy_not_configured',
    });
    const check = await api.call(node.admin, 'POST', '/api/crm/migration/orders/check');
    expect(check.json()).toMatchObject({ status: 409, code: 'crm.legacy_not_configured' });
  });
});

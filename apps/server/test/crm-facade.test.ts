import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CrmClient, CrmOrder } from '@kontor/contracts';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CrmFacade } from '../src/legacy/facade/crm-facade.js';
import { FacadeMetrics } from '../src/legacy/facade/facade-metrics.js';
import { createLegacyCache } from '../src/legacy/facade/legacy-cache.js';
import { LegacyCrmClient } from '../src/legacy/facade/legacy-client.js';
import { systemContext } from '../src/platform/context.js';
import { type CrmRig, startCrmRig } from './crm-facade-rig.js';
import { describeEachStore, REDIS_URL, redisAvailable } from './stores.js';
import type { Session } from './test-node.js';

interface LegacyClient {
  id: string;
  version: number;
  name: string;
}
interface LegacyOrder {
  id: string;
  version: number;
  clientId: string;
  orderedAt: string;
}

const ctx = systemContext('crm-facade-test');
/** Long enough for a loaded machine to read a page twice within it, short enough to wait out in a test. */
const TTL_SECONDS = 2;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const refsOf = (items: Array<{ ref: string }>) => items.map((item) => item.ref);

describeEachStore('crm facade', (store) => {
  let rig: CrmRig;
  let reader: Session;
  beforeAll(async () => {
    rig = await startCrmRig(store, { legacyCacheTtlSeconds: TTL_SECONDS, legacyCrmTimeoutMs: 1000 });
    reader = await rig.node.userWith(['crm.read']);
  });
  afterAll(async () => {
    await rig?.close();
  });
  afterEach(() => {
    rig.crm.setFaults({});
  });

  const legacyClient = (name: string, fields: Record<string, unknown> = {}) =>
    rig.legacyWrite<LegacyClient>('POST', '/clients', { name, ...fields });
  const ourClient = async (name: string): Promise<CrmClient> => {
    const response = await rig.post('/api/crm/clients', { name });
    expect(response.statusCode).toBe(201);
    return response.json();
  };
  const search = async (q: string, limit = 50) => {
    const response = await rig.get(`/api/crm/clients?q=${encodeURIComponent(q)}&limit=${limit}`);
    expect(response.statusCode).toBe(200);
    return response.json() as { items: CrmClient[]; nextCursor: string | null; partial: boolean };
  };

  it('searches both sources as one list by folded name, ours winning over the legacy copy', async () => {
    const asa = await legacyClient('Åsa Öberg Tallkrogen', { phone: '+46 8 100 200' });
    const jorgen = await legacyClient('Jörgen Ångström Tallkrogen');
    const lind = await ourClient('Asa Lind Tallkrogen');
    const moved = await rig.patch(`/api/crm/clients/${jorgen.id}`, { city: 'Luleå', version: jorgen.version });
    expect(moved.statusCode).toBe(200);

    const page = await search('tallkrogen');
    expect(page.partial).toBe(false);
    expect(page.items.map((item) => [item.ref, item.source])).toEqual([
      [lind.ref, 'ours'],
      [asa.id, 'legacy'],
      [jorgen.id, 'ours'],
    ]);
    expect(page.items[2]).toMatchObject({ city: 'Luleå', legacyId: jorgen.id, version: jorgen.version + 1 });
    // Case and diacritics do not matter, on either side.
    expect(refsOf((await search('ÅSA tallkrögen')).items)).toEqual([lind.ref, asa.id]);
  });

  it('walks both sources page by page, each record once, while a backfill moves records mid-walk', async () => {
    const legacy: LegacyClient[] = [];
    for (const letter of 'acegikmoqsuw') legacy.push(await legacyClient(`${letter}${letter} Sandviken`));
    const ours: CrmClient[] = [];
    for (const letter of 'bdfhjl') ours.push(await ourClient(`${letter}${letter} Sandviken`));
    const expected = [...refsOf(ours), ...legacy.map((record) => record.id)];
    const backfill = async (ids: string[]) => {
      const records = (await rig.legacyClients(null, 1000)).filter((record) => ids.includes(record.id));
      await rig.node.platform.transaction((trx) => rig.clients.importLegacy(trx, records, 'backfill'));
    };
    // Some moved before the walk begins, the rest after its second page.
    await backfill([legacy[0], legacy[5]].map((record) => (record as LegacyClient).id));

    const seen: CrmClient[] = [];
    let cursor: string | null = null;
    for (let page = 0; page === 0 || cursor; page++) {
      if (page === 2) await backfill(legacy.map((record) => record.id));
      const response = await rig.get(
        `/api/crm/clients?q=sandviken&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      const body = response.json();
      expect(body.partial).toBe(false);
      seen.push(...body.items);
      cursor = body.nextCursor;
    }
    expect(refsOf(seen).sort()).toEqual([...expected].sort());
    expect(seen.map((item) => item.name)).toEqual(seen.map((item) => item.name).sort());
    expect(seen.at(-1)?.source).toBe('ours');
  });

  it('moves a legacy-only client into our service when it is edited, and reads it from there on', async () => {
    const record = await legacyClient('Łukasz Nowak Gävle', { phone: '+46 26 10 00 00' });
    expect((await rig.get(`/api/crm/clients/${record.id}`)).json()).toMatchObject({ source: 'legacy', id: null });
    const migratedBefore = await rig.metric('kontor_crm_migrated_total', { entity: 'clients', via: 'edit' });

    const edited = await rig.patch(`/api/crm/clients/${record.id}`, { phone: '+46 26 99 99 99', version: 1 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      ref: record.id,
      legacyId: record.id,
      source: 'ours',
      phone: '+46 26 99 99 99',
      version: 2,
    });
    expect(edited.json().id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await rig.metric('kontor_crm_migrated_total', { entity: 'clients', via: 'edit' })).toBe(migratedBefore + 1);
    if (redisAvailable) {
      const namespace = createHash('sha1').update(rig.crm.url).digest('hex').slice(0, 8);
      const redis = new Redis(REDIS_URL);
      try {
        expect(await redis.exists(`kontor:crm:${namespace}:clients:rec:${record.id}`)).toBe(0);
      } finally {
        redis.disconnect();
      }
    }

    // An outside change in the legacy CRM no longer shows: reads route to our copy.
    await rig.legacyWrite('PATCH', `/clients/${record.id}`, { phone: '+46 26 11 11 11' });
    expect((await rig.get(`/api/crm/clients/${record.id}`)).json()).toMatchObject({
      source: 'ours',
      phone: '+46 26 99 99 99',
    });
    const found = await search('lukasz gavle');
    expect(found.items.map((item) => [item.ref, item.source, item.phone])).toEqual([
      [record.id, 'ours', '+46 26 99 99 99'],
    ]);
    // A second edit is an ordinary one of ours.
    const again = await rig.patch(`/api/crm/clients/${record.id}`, { city: 'Gävle', version: 2 });
    expect(again.json()).toMatchObject({ version: 3, city: 'Gävle', phone: '+46 26 99 99 99' });
  });

  it('migrates a record once when two edits race, refusing the stale one with 409', async () => {
    const record = await legacyClient('Ingrid Bergström Kiruna');
    const migratedBefore = await rig.metric('kontor_crm_migrated_total', { entity: 'clients', via: 'edit' });
    const answers = await Promise.all(
      ['+46 980 1', '+46 980 2'].map((phone) =>
        rig.patch(`/api/crm/clients/${record.id}`, { phone, version: record.version }),
      ),
    );
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    const winner = answers.find((answer) => answer.statusCode === 200)?.json();
    expect(answers.find((answer) => answer.statusCode === 409)?.json()).toMatchObject({ code: 'crm.stale_version' });
    expect(await rig.clients.byRefs(ctx, [record.id])).toEqual([expect.objectContaining({ version: 2 })]);
    expect((await rig.get(`/api/crm/clients/${record.id}`)).json()).toMatchObject({ phone: winner.phone });
    expect(await rig.metric('kontor_crm_migrated_total', { entity: 'clients', via: 'edit' })).toBe(migratedBefore + 1);
  });

  it('answers from ours and the cache, flagged partial, while the legacy CRM is down; edits of legacy records 503', async () => {
    const seenBefore = await legacyClient('Astrid Holm Nedsläckt');
    const alsoSeen = await legacyClient('Birger Holm Nedsläckt');
    const ours = await ourClient('Cecilia Holm Nedsläckt');
    const hidden = await legacyClient('Dora Vik Nedsläckt');
    const first = await search('holm nedslackt', 2);
    expect(refsOf(first.items)).toEqual([seenBefore.id, alsoSeen.id]);
    expect((await rig.get(`/api/crm/clients/${seenBefore.id}`)).statusCode).toBe(200);

    rig.crm.setFaults({ down: true });
    // Once the cached page is past its TTL it is only good as a stand-in while the legacy CRM fails.
    await sleep(TTL_SECONDS * 1000 + 100);
    const stale = await search('holm nedslackt', 2);
    expect(stale).toMatchObject({ partial: true });
    expect(refsOf(stale.items)).toEqual([seenBefore.id, alsoSeen.id]);
    // Never asked before: only ours answers.
    const uncached = await search('nedslackt');
    expect(uncached).toMatchObject({ partial: true });
    expect(refsOf(uncached.items)).toEqual([ours.ref]);
    const listed = await rig.walk<CrmClient>('/api/crm/clients', 200);
    expect(listed.partialPages).toBeGreaterThan(0);
    expect(refsOf(listed.items)).toContain(ours.ref);

    // A cached record still shows; one never seen cannot.
    expect((await rig.get(`/api/crm/clients/${seenBefore.id}`)).json()).toMatchObject({ source: 'legacy' });
    const unknown = await rig.get(`/api/crm/clients/${hidden.id}`);
    expect(unknown.statusCode).toBe(503);

    // Editing what lives only in the legacy CRM needs it: 503, and nothing is written.
    const edit = await rig.patch(`/api/crm/clients/${seenBefore.id}`, { city: 'Umeå', version: 1 });
    expect(edit.statusCode).toBe(503);
    expect(edit.json()).toMatchObject({ code: 'crm.legacy_unavailable' });
    expect(await rig.clients.get(ctx, seenBefore.id)).toBeUndefined();
    // An order for a client no source can vouch for now.
    const order = await rig.post('/api/crm/orders', { clientRef: hidden.id, text: 'Service', amountMinor: 100 });
    expect(order.statusCode).toBe(503);

    // Our own records are ours to edit whatever the legacy CRM does.
    expect((await rig.patch(`/api/crm/clients/${ours.ref}`, { city: 'Umeå', version: 1 })).statusCode).toBe(200);

    rig.crm.setFaults({});
    const healed = await search('holm nedslackt');
    expect(healed.partial).toBe(false);
    expect(refsOf(healed.items)).toEqual([seenBefore.id, alsoSeen.id, ours.ref]);
  });

  it('answers partial when the legacy CRM is too slow or fails, never an error', async () => {
    await legacyClient('Dagny Holm Timeout');
    rig.crm.setFaults({ timeoutRate: 1 });
    expect(await search('dagny timeout')).toMatchObject({ partial: true, items: [] });
    rig.crm.setFaults({ errorRate: 1, errorStatus: 500 });
    expect(await search('dagny timeout')).toMatchObject({ partial: true, items: [] });
    expect(await rig.metric('kontor_crm_legacy_requests_total', { outcome: 'timeout' })).toBeGreaterThan(0);
    expect(await rig.metric('kontor_crm_legacy_requests_total', { outcome: 'error' })).toBeGreaterThan(0);
  });

  it('counts cache hits and misses, and shows its metrics at /metrics', async () => {
    const record = await legacyClient('Eskil Holm Cachetest');
    const hits = await rig.metric('kontor_crm_cache_requests_total', { entity: 'clients', result: 'hit' });
    const misses = await rig.metric('kontor_crm_cache_requests_total', { entity: 'clients', result: 'miss' });
    await rig.get(`/api/crm/clients/${record.id}`);
    await rig.get(`/api/crm/clients/${record.id}`);
    expect(await rig.metric('kontor_crm_cache_requests_total', { entity: 'clients', result: 'miss' })).toBe(misses + 1);
    expect(await rig.metric('kontor_crm_cache_requests_total', { entity: 'clients', result: 'hit' })).toBe(hits + 1);

    const metrics = (await rig.get('/metrics')).body;
    for (const name of [
      'kontor_crm_cache_requests_total',
      'kontor_crm_legacy_requests_total',
      'kontor_crm_legacy_request_seconds_bucket',
      'kontor_crm_migrated_total',
    ])
      expect(metrics).toContain(name);
  });

  it('keeps orders of both sources in one newest-first list, with client names and migrate-on-edit', async () => {
    const client = await legacyClient('Frida Holm Ordrar');
    const legacyOrders: LegacyOrder[] = [];
    for (const [day, text] of [
      ['2024-03-01', 'Filterbyte'],
      ['2024-03-03', 'Årlig service'],
      ['2024-03-05', 'Reparation'],
    ] as const)
      legacyOrders.push(
        await rig.legacyWrite('POST', '/orders', {
          clientId: client.id,
          text,
          status: 'done',
          amountMinor: 50_000,
          orderedAt: `${day}T10:00:00.000Z`,
        }),
      );
    const created = await rig.post('/api/crm/orders', {
      clientRef: client.id,
      text: 'Ny värmepump',
      amountMinor: 9_900_000,
      orderedAt: '2024-03-04T09:00:00.000Z',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      source: 'ours',
      clientName: client.name,
      number: expect.stringMatching(/^K-/),
    });

    const walked = await rig.walk<CrmOrder>(`/api/crm/orders?client=${client.id}`, 2);
    expect(walked.items.map((order) => order.text)).toEqual([
      'Reparation',
      'Ny värmepump',
      'Årlig service',
      'Filterbyte',
    ]);
    expect(new Set(walked.items.map((order) => order.clientName))).toEqual(new Set([client.name]));

    // Days of the organisation (Stockholm), on both sources.
    const days = (await rig.get(`/api/crm/orders?client=${client.id}&from=2024-03-03&to=2024-03-04`)).json();
    expect(days.items.map((order: CrmOrder) => order.text)).toEqual(['Ny värmepump', 'Årlig service']);
    const words = (await rig.get(`/api/crm/orders?client=${client.id}&q=arlig`)).json();
    expect(words.items.map((order: CrmOrder) => order.ref)).toEqual([legacyOrders[1]?.id]);

    const target = legacyOrders[0] as LegacyOrder;
    const edited = await rig.patch(`/api/crm/orders/${target.id}`, { status: 'cancelled', version: target.version });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      ref: target.id,
      source: 'ours',
      status: 'cancelled',
      clientName: client.name,
    });
    expect((await rig.get(`/api/crm/orders/${target.id}`)).json()).toMatchObject({
      source: 'ours',
      status: 'cancelled',
    });
    const after = await rig.walk<CrmOrder>(`/api/crm/orders?client=${client.id}`, 3);
    expect(after.items.map((order) => [order.ref, order.source])).toEqual(
      walked.items.map((order) => [order.ref, order.ref === target.id ? 'ours' : order.source]),
    );

    const unknown = await rig.post('/api/crm/orders', { clientRef: 'C999999', text: 'Nothing', amountMinor: 1 });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ path: 'body.clientRef' })]);
  });

  it('asks only our services once the legacy CRM is switched off for an entity, or when none is configured', async () => {
    const legacyOnly = await legacyClient('Greta Holm Avstängd');
    const ours = await ourClient('Hugo Holm Avstängd');
    rig.crm.setFaults({ down: true });
    const { platform } = rig.node;
    const metrics = new FacadeMetrics(new Registry(), 'memory');
    const base = {
      platform,
      clients: rig.clients,
      orders: rig.orders,
      cache: createLegacyCache(platform.config),
      metrics,
    };
    const legacy = new LegacyCrmClient({ baseUrl: rig.crm.url, timeoutMs: 1000 }, metrics);
    for (const facade of [
      new CrmFacade({ ...base, legacy, legacyOff: (entity) => entity === 'clients' }),
      new CrmFacade({ ...base, legacy: undefined, legacyOff: () => false }),
    ]) {
      const page = await facade.clientsPage(ctx, { q: 'avstangd', limit: 50 });
      expect(page).toMatchObject({ partial: false, nextCursor: null });
      expect(refsOf(page.items)).toEqual([ours.ref]);
      await expect(facade.client(ctx, legacyOnly.id)).rejects.toMatchObject({ status: 404 });
    }
    expect(metrics.snapshot().legacy.requests).toBe(0);
    await base.cache.close();
  });

  it('refuses a cursor it did not give out', async () => {
    for (const cursor of ['not-base64-json', Buffer.from('{"x":1}').toString('base64url')]) {
      const response = await rig.get(`/api/crm/clients?cursor=${cursor}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([expect.objectContaining({ path: 'querystring.cursor' })]);
    }
  });

  it('lets readers read and only writers write', async () => {
    const anonymous = { cookie: '', csrf: '', headers: {} };
    expect((await rig.get('/api/crm/clients', anonymous)).statusCode).toBe(401);
    expect((await rig.get('/api/crm/orders', anonymous)).statusCode).toBe(401);
    expect((await rig.get('/api/crm/clients', reader)).statusCode).toBe(200);
    expect((await rig.post('/api/crm/clients', { name: 'Gustav Holm' }, reader)).statusCode).toBe(403);
    expect((await rig.patch('/api/crm/clients/C000001', { version: 1 }, reader)).statusCode).toBe(403);
    expect(
      (await rig.post('/api/crm/orders', { clientRef: 'C000001', text: 'x', amountMinor: 1 }, reader)).statusCode,
    ).toBe(403);
  });
});

describe('legacy CRM client', () => {
  it('leaves malformed legacy records out of a page, logging each once, and still walks past them', async () => {
    const good = (id: string, name: string) => ({
      id,
      version: 1,
      name,
      email: null,
      phone: null,
      orgNumber: null,
      city: null,
      createdAt: '2020-01-01T00:00:00.000Z',
      updatedAt: '2020-01-01T00:00:00.000Z',
    });
    const items = [good('C000001', 'Anna'), { id: 'C000002', name: 'Bo', version: 'two' }, good('C000003', 'Cia')];
    const server = createServer((request, response) => {
      const body = request.url?.startsWith('/clients/') ? items[1] : { items, hasMore: true };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const warn = vi.fn();
      const legacy = new LegacyCrmClient(
        { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, timeoutMs: 1000 },
        new FacadeMetrics(new Registry(), 'memory'),
        { warn } as unknown as Logger,
      );
      const page = await legacy.walkById('clients', null, 3);
      expect(page.items.map((record) => record.id)).toEqual(['C000001', 'C000003']);
      expect(page.skipped).toEqual([{ id: 'C000002', error: expect.stringContaining('version') }]);
      expect(page.last).toEqual({ id: 'C000003', name: 'Cia' });
      expect(await legacy.get('clients', 'C000002')).toBeUndefined();
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      server.close();
    }
  });
});

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { foldName } from '../../../examples/legacy-crm/fold.js';
import {
  type Client,
  type LegacyCrm,
  type Order,
  type Page,
  startLegacyCrm,
} from '../../../examples/legacy-crm/server.js';

const TOKEN = 'legacy-test-token';
const EXAMPLE = fileURLToPath(new URL('../../../examples/legacy-crm', import.meta.url));

/** The documented client order: folded name, then id, both by code unit (= byte order for these names). */
const byPosition = (a: Client, b: Client) => {
  const [x, y] = [foldName(a.name), foldName(b.name)];
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

describe('the legacy CRM stand-in', () => {
  let crm: LegacyCrm;

  const call = (path: string, init: RequestInit = {}, token: string | null = TOKEN) =>
    fetch(`${crm.url}${path}`, {
      ...init,
      headers: {
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    });
  const json = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const response = await call(path, init);
    expect(response.status, `${init?.method ?? 'GET'} ${path}`).toBeLessThan(300);
    return (await response.json()) as T;
  };
  const send = (method: string, path: string, body: unknown) => call(path, { method, body: JSON.stringify(body) });
  const createClient = async (body: Record<string, unknown>) =>
    (await (await send('POST', '/clients', body)).json()) as Client;

  /** Walks a listing page by page from the position each page ends at. */
  async function walkClients(q: string, limit: number): Promise<Client[]> {
    const seen: Client[] = [];
    for (;;) {
      const last = seen.at(-1);
      const params = new URLSearchParams({
        q,
        limit: String(limit),
        ...(last && { afterName: last.name, afterId: last.id }),
      });
      const page = await json<Page<Client>>(`/clients?${params}`);
      seen.push(...page.items);
      if (!page.hasMore) return seen;
      expect(page.items).toHaveLength(limit);
    }
  }

  async function walkById<T extends { id: string }>(entity: 'clients' | 'orders', limit: number): Promise<T[]> {
    const seen: T[] = [];
    for (;;) {
      const last = seen.at(-1);
      const page = await json<Page<T>>(`/${entity}?order=id&limit=${limit}${last ? `&afterId=${last.id}` : ''}`);
      seen.push(...page.items);
      if (!page.hasMore) return seen;
    }
  }

  beforeAll(async () => {
    crm = await startLegacyCrm({ port: 0, token: TOKEN });
  });
  afterAll(async () => {
    await crm?.close();
  });
  beforeEach(async () => {
    crm.setFaults({});
    await crm.reset();
  });

  it('lists clients by folded name and id, page by page, each exactly once', async () => {
    await crm.seed({ clients: 1500, ordersPerClient: 0, seed: 7 });
    const tricky = [
      'Åsa Öberg',
      'asa oberg',
      'ÅSA  ÖBERG',
      'Björn Ødegaard',
      'Bjorn Odegaard',
      'Łukasz Wróbel',
      'Zoë Ærenlund',
    ];
    for (const name of tricky) await createClient({ name });

    const all = await walkById<Client>('clients', 1000);
    expect(all).toHaveLength(1500 + tricky.length);
    const expected = [...all].sort(byPosition).map((client) => client.id);
    for (const limit of [7, 97, 1000]) {
      const walked = await walkClients('', limit);
      expect(walked.map((client) => client.id)).toEqual(expected);
    }

    const [first] = (await json<Page<Client>>('/clients?limit=5&afterName=Åsa%20Öberg&afterId=C000000')).items;
    expect(foldName(first?.name ?? '')).toBe('asa oberg');
    const folded = await json<Page<Client>>(`/clients?q=odegaard%20bjorn&limit=1000`);
    expect(folded.items.map((client) => client.name)).toEqual(
      expect.arrayContaining(['Björn Ødegaard', 'Bjorn Odegaard']),
    );
  });

  it('finds names whatever their diacritics and case', async () => {
    await crm.seed({ clients: 800, ordersPerClient: 0, seed: 3 });
    const asa = await createClient({ name: 'Åsa Öberg', city: 'Örebro' });
    await createClient({ name: 'Ása Öberg' });
    const lukasz = await createClient({ name: 'Łukasz Wróbel' });

    const found = await walkClients('asa', 50);
    expect(found.map((client) => client.id)).toContain(asa.id);
    expect(found.every((client) => foldName(client.name).includes('asa'))).toBe(true);
    expect(found.map((client) => client.name)).toEqual(expect.arrayContaining(['Ása Öberg', 'Åsa Öberg']));
    expect([...found].sort(byPosition)).toEqual(found);

    const both = await json<Page<Client>>(`/clients?q=${encodeURIComponent('ÖBERG  åsa')}&limit=1000`);
    expect(both.items.map((client) => client.id)).toContain(asa.id);
    expect(both.items.every((client) => /^[ÅÁ]sa Öberg$/.test(client.name))).toBe(true);
    expect((await json<Page<Client>>('/clients?q=lukasz%20wrobel')).items.map((client) => client.id)).toContain(
      lukasz.id,
    );
    expect((await json<Page<Client>>('/clients?q=qxzv')).items).toEqual([]);
    expect((await json<Page<Client>>('/clients?q=%25%20_')).items).toEqual([]);
  });

  it('walks clients and orders by id, answers one by id, and 404 for none', async () => {
    await crm.seed({ clients: 300, ordersPerClient: 2, seed: 1 });
    const clients = await walkById<Client>('clients', 64);
    expect(clients.map((client) => client.id)).toEqual(
      Array.from({ length: 300 }, (_, index) => `C${String(index + 1).padStart(6, '0')}`),
    );
    const orders = await walkById<Order>('orders', 250);
    expect(orders).toHaveLength(600);
    expect(new Set(orders.map((order) => order.id)).size).toBe(600);
    expect(await json('/stats')).toEqual({ clients: 300, orders: 600 });

    const one = clients[41] as Client;
    expect(await json(`/clients/${one.id}`)).toEqual(one);
    const company = clients.find((client) => client.orgNumber);
    expect(company?.orgNumber).toMatch(/^\d{6}-\d{4}$/);
    expect(await json(`/orders/${orders[7]?.id}`)).toEqual(orders[7]);
    const missing = await call('/clients/C999999');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    expect(await missing.json()).toMatchObject({ status: 404, code: 'not_found' });
    expect((await call('/orders/O9999999')).status).toBe(404);
  });

  it('seeds the same records from the same seed, quickly enough for 10k clients', async () => {
    expect(await crm.seed({ clients: 10_000, ordersPerClient: 1, seed: 42 })).toEqual({
      clients: 10_000,
      orders: 10_000,
    });
    expect(await crm.stats()).toEqual({ clients: 10_000, orders: 10_000 });
    const first = await json<Page<Client>>('/clients?limit=200');
    const orders = await json<Page<Order>>('/orders?limit=50');
    expect(new Set(first.items.map((client) => client.city)).size).toBeGreaterThan(5);
    expect(orders.items.every((order) => /^A-\d+$/.test(order.number) && /^C\d{6}$/.test(order.clientId))).toBe(true);

    await crm.reset();
    await crm.seed({ clients: 10_000, ordersPerClient: 1, seed: 42 });
    expect(await json('/clients?limit=200')).toEqual(first);
    expect(await json('/orders?limit=50')).toEqual(orders);
  });

  it('bumps the version on every change and refuses a stale one', async () => {
    const created = await createClient({ name: 'Jörgen Ångström', email: 'jorgen@example.se' });
    expect(created).toMatchObject({ version: 1, phone: null, orgNumber: null });
    expect(created.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const edited = (await (
      await send('PATCH', `/clients/${created.id}`, { phone: '+46 70 123 45 67' })
    ).json()) as Client;
    expect(edited).toMatchObject({ version: 2, phone: '+46 70 123 45 67', email: 'jorgen@example.se' });
    expect(edited.updatedAt >= created.updatedAt).toBe(true);
    const renamed = await send('PATCH', `/clients/${created.id}`, { name: 'Jörgen Åström', version: 2 });
    expect(await renamed.json()).toMatchObject({ version: 3, name: 'Jörgen Åström' });
    const stale = await send('PATCH', `/clients/${created.id}`, { city: 'Luleå', version: 2 });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ code: 'version_conflict' });
    expect((await send('PATCH', '/clients/C999999', { city: 'Luleå' })).status).toBe(404);

    const order = (await (
      await send('POST', '/orders', { clientId: created.id, text: 'Årlig service', amountMinor: 129900 })
    ).json()) as Order;
    expect(order).toMatchObject({ version: 1, status: 'new', currency: 'SEK', clientId: created.id });
    const done = await send('PATCH', `/orders/${order.id}`, { status: 'done', version: 1 });
    expect(await done.json()).toMatchObject({ version: 2, status: 'done', text: 'Årlig service' });
  });

  it('lists orders newest first across equal times, and filters them', async () => {
    const client = await createClient({ name: 'Märta Söderberg' });
    const other = await createClient({ name: 'Per Öhman' });
    const at = (day: number) => `2024-03-${String(day).padStart(2, '0')}T10:00:00.000Z`;
    const made: Order[] = [];
    for (let index = 0; index < 9; index++) {
      const body = {
        clientId: index % 3 === 0 ? other.id : client.id,
        text: index === 4 ? 'Målning av fasad' : `Byte av däck ${index}`,
        amountMinor: 1000 * index,
        orderedAt: at(1 + Math.floor(index / 3)),
        status: index === 5 ? 'cancelled' : 'new',
      };
      made.push((await (await send('POST', '/orders', body)).json()) as Order);
    }
    const expected = [...made]
      .sort((a, b) => (a.orderedAt === b.orderedAt ? (a.id < b.id ? 1 : -1) : a.orderedAt < b.orderedAt ? 1 : -1))
      .map((order) => order.id);
    const walked: string[] = [];
    let page = await json<Page<Order>>('/orders?limit=2');
    for (;;) {
      walked.push(...page.items.map((order) => order.id));
      const last = page.items.at(-1);
      if (!page.hasMore || !last) break;
      page = await json<Page<Order>>(`/orders?limit=2&beforeAt=${last.orderedAt}&beforeId=${last.id}`);
    }
    expect(walked).toEqual(expected);

    const ids = async (query: string) => (await json<Page<Order>>(`/orders?${query}`)).items.map((order) => order.id);
    expect(await ids(`client=${other.id}`)).toEqual(
      expected.filter((id) => made.find((o) => o.id === id)?.clientId === other.id),
    );
    expect(await ids('q=malning%20FASAD')).toEqual([made[4]?.id]);
    expect(await ids(`q=${made[7]?.number.toLowerCase()}`)).toEqual([made[7]?.id]);
    expect(await ids('status=cancelled')).toEqual([made[5]?.id]);
    expect(await ids('from=2024-03-02&to=2024-03-02')).toEqual(expected.filter((_, index) => index >= 3 && index < 6));
    expect(await ids(`from=${at(3)}`)).toHaveLength(3);
    expect(await ids(`to=${at(2)}`)).toHaveLength(3);
  });

  it('answers 400 with what is wrong, and 401 without the token', async () => {
    const problemOf = async (response: Promise<Response>) => {
      const answer = await response;
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      return (await answer.json()) as {
        status: number;
        code: string;
        errors: Array<{ path: string; message: string }>;
      };
    };
    const paths = (problem: { errors: Array<{ path: string }> }) => problem.errors.map((error) => error.path).sort();

    const query = await problemOf(call('/clients?limit=5000&afterId=C000001&colour=blue'));
    expect(query).toMatchObject({ status: 400, code: 'invalid_input' });
    expect(paths(query)).toEqual(expect.arrayContaining(['query', 'query.limit']));
    expect((await problemOf(call('/clients?afterId=C000001'))).errors).toEqual([
      { path: 'query.afterId', message: 'afterName and afterId go together' },
    ]);
    const body = await problemOf(send('POST', '/clients', { name: ' ', email: 'not-an-email' }));
    expect(paths(body)).toEqual(['body.email', 'body.name']);
    const order = await problemOf(send('POST', '/orders', { clientId: 'C000404', text: 'x', amountMinor: 1 }));
    expect(order.errors).toEqual([{ path: 'body.clientId', message: 'no such client' }]);
    expect((await send('PATCH', '/clients/C000001', {})).status).toBe(400);
    expect((await call('/clients', { method: 'POST', body: '{"name":' })).status).toBe(400);
    expect((await call('/orders?status=lost&from=yesterday')).status).toBe(400);

    expect((await call('/stats', {}, null)).status).toBe(401);
    const wrong = await call('/stats', {}, 'guess');
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: 'unauthorized' });
    expect((await call('/_faults', {}, null)).status).toBe(401);
  });

  it('injects latency, errors, outages and hanging requests, never into its control endpoints', async () => {
    await createClient({ name: 'Ebba Lindqvist' });
    crm.setFaults({ latencyMs: 300, jitterMs: 50 });
    const started = performance.now();
    expect((await call('/stats')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);

    const put = await send('PUT', '/_faults', { errorRate: 1 });
    expect(await put.json()).toEqual({
      latencyMs: 0,
      jitterMs: 0,
      errorRate: 1,
      errorStatus: 503,
      timeoutRate: 0,
      down: false,
    });
    const failed = await call('/clients');
    expect(failed.status).toBe(503);
    expect(await failed.json()).toMatchObject({ code: 'injected_error' });
    crm.setFaults({ errorRate: 1, errorStatus: 500 });
    expect((await call('/clients')).status).toBe(500);
    expect((await send('PUT', '/_faults', { errorRate: 2 })).status).toBe(400);

    crm.setFaults({ down: true, latencyMs: 5000 });
    const down = await call('/clients/C000001');
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ code: 'down' });
    expect(await json('/_faults')).toMatchObject({ down: true });

    crm.setFaults({ timeoutRate: 1 });
    await expect(
      fetch(`${crm.url}/clients`, { headers: { authorization: `Bearer ${TOKEN}` }, signal: AbortSignal.timeout(300) }),
    ).rejects.toHaveProperty('name', 'TimeoutError');
    expect((await call('/_seed', { method: 'POST', body: JSON.stringify({ clients: 5 }) })).status).toBe(200);

    expect(await (await call('/_faults', { method: 'DELETE' })).json()).toMatchObject({ timeoutRate: 0, down: false });
    expect(await json('/stats')).toEqual({ clients: 6, orders: 15 });
    expect((await call('/_reset', { method: 'POST' })).status).toBe(204);
    expect(await json('/stats')).toEqual({ clients: 0, orders: 0 });
  });
});

/** Starts the CLI and waits for the line that says where it listens. */
function startCli(args: string[]) {
  const child = spawn(process.execPath, [EXAMPLE, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const found = /legacy-crm listening on (http:\/\/\S+)/.exec(output);
      if (found) resolve(found[1] as string);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    void exited.then((code) => reject(new Error(`legacy-crm exited (${code}) before listening:\n${output}`)));
  });
  return {
    url,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

describe('node examples/legacy-crm', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'legacy-crm-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('listens on the port it prints, seeds once, and keeps its data directory', async () => {
    const args = [
      '--port',
      '0',
      '--token',
      'cli-token',
      '--data',
      dir,
      '--seed-clients',
      '40',
      '--seed-orders-per-client',
      '2',
    ];
    const headers = { authorization: 'Bearer cli-token' };
    const first = startCli(args);
    const url = await first.url;
    expect(first.output()).toContain('seeded 40 clients and 80 orders');
    expect((await fetch(`${url}/stats`)).status).toBe(401);
    const created = await fetch(`${url}/clients`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Åke Fjällström' }),
    });
    expect(created.status).toBe(201);
    expect(await first.stop()).toBe(0);

    const second = startCli(args);
    const again = await second.url;
    expect(second.output()).toContain('not seeding: the database already has 41 clients');
    expect(await (await fetch(`${again}/stats`, { headers })).json()).toEqual({ clients: 41, orders: 80 });
    expect(await (await fetch(`${again}/clients/C000041`, { headers })).json()).toMatchObject({
      name: 'Åke Fjällström',
    });
    expect(await second.stop()).toBe(0);
  });
});

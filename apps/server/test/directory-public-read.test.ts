import type { UnitSummary } from '@kontor/contracts';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { enforceRouteAccess } from '../src/platform/http/access.js';
import { kontor, PROCESS_TEST_TIMEOUT } from './processes.js';
import { enrollClient } from './sync-pair.js';
import { ADMIN_PASSWORD, expectStatus, type Session, startTestNode, type TestNode } from './test-node.js';

/** The directory's reading routes, the ones `directoryPublicRead` opens; nothing else may open with them. */
const READ_ROUTES = [
  'GET /api/directory/units',
  'GET /api/directory/units/:id',
  'GET /api/directory/people/:id',
  'GET /api/directory/search',
  'GET /api/directory/book',
  'GET /api/directory/export',
];

/**
 * `directoryPublicRead` (docs/directory.md): on a client node anyone may read the directory without signing in,
 * because it is where people look when other systems are down. Never on a hub, never writes, never favourites.
 */
describe('reading the directory without signing in', () => {
  let hub: TestNode;
  let open: TestNode;
  let closed: TestNode;
  let openAdmin: Session;

  beforeAll(async () => {
    // The hub has the setting too: a hub ignores it.
    hub = await startTestNode({ kind: 'pglite', dir: 'memory' }, { directoryPublicRead: true });
    const hubUrl = await hub.app.listen({ host: '127.0.0.1', port: 0 });
    open = await enrollClient(hub, hubUrl, { directoryPublicRead: true });
    closed = await enrollClient(hub, hubUrl);
    openAdmin = await open.login('admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await open?.close();
    await closed?.close();
    await hub?.close();
  });

  const anonymous = (node: TestNode, url: string, method: 'GET' | 'POST' | 'DELETE' = 'GET', payload?: object) =>
    node.app.inject({ method, url, payload });
  const concrete = (url: string, ids: { unit: string; person: string }) =>
    url.replace('/units/:id', `/units/${ids.unit}`).replace('/people/:id', `/people/${ids.person}`);
  const someIds = async () => {
    const units: UnitSummary[] = (
      await expectStatus(open.app.inject({ url: '/api/directory/units', headers: openAdmin.headers }), 200)
    ).json();
    const unit = units.find((candidate) => candidate.name === 'Akutmottagningen');
    const detail = (
      await expectStatus(open.app.inject({ url: `/api/directory/units/${unit?.id}`, headers: openAdmin.headers }), 200)
    ).json();
    return { unit: unit?.id ?? '', person: detail.people[0]?.id ?? '' };
  };
  const requestOf = (route: string, ids: { unit: string; person: string }) => {
    const [method, url] = route.split(' ') as ['GET', string];
    const query = url.endsWith('/search') ? '?q=akut' : url.endsWith('/export') ? '?format=csv' : '';
    return { method, url: `${concrete(url, ids)}${query}` };
  };

  it('declares exactly the reading routes as readable without sign-in, with a reason, on every node', () => {
    for (const node of [hub, open, closed]) {
      const conditional = node.routes.filter((route) => 'publicWhen' in route.access);
      expect(conditional.map((route) => `${route.method} ${route.url}`).sort()).toEqual([...READ_ROUTES].sort());
      for (const route of conditional) {
        if ('publicWhen' in route.access) expect(route.access.publicWhen?.reason.length).toBeGreaterThan(10);
      }
    }
  });

  it('serves every reading route to an anonymous caller on a client node with the setting', async () => {
    const ids = await someIds();
    for (const route of READ_ROUTES) {
      const response = await open.app.inject(requestOf(route, ids));
      expect(response.statusCode, route).toBe(200);
    }
    const search = (await anonymous(open, '/api/directory/search?q=goran%20akeson')).json();
    expect(search.results[0]?.title).toBe('Göran Åkesson');
    expect((await anonymous(open, '/api/node')).json()).toMatchObject({ role: 'client', publicDirectory: true });
  });

  it('still refuses anonymous callers everywhere else on that node: favourites, writes, imports, the rest', async () => {
    const ids = await someIds();
    expect((await anonymous(open, '/api/directory/favourites')).statusCode).toBe(401);
    const favourite = await anonymous(open, '/api/directory/favourites', 'POST', { kind: 'unit', id: ids.unit });
    expect(favourite.statusCode).toBe(401);
    expect((await anonymous(open, `/api/directory/favourites/${ids.unit}`, 'DELETE')).statusCode).toBe(401);
    const write = await anonymous(open, '/api/directory/units', 'POST', { kind: 'unit', name: 'Anonym' });
    expect(write.statusCode).toBe(401);
    expect((await anonymous(open, '/api/directory/imports')).statusCode).toBe(401);
    // Table-driven, as the access test: every route neither public nor one of the reading routes refuses.
    const guarded = open.routes.filter((route) => !('public' in route.access) && !('publicWhen' in route.access));
    expect(guarded.length).toBeGreaterThan(10);
    for (const route of guarded) {
      const url = concrete(route.url, ids).replace(':id', '00000000-0000-4000-8000-000000000000');
      const response = await open.app.inject({ method: route.method as 'GET', url });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('lets a signed-in user without directory.read read there too, but keeps favourites to readers', async () => {
    const ids = await someIds();
    // Users are the hub's on a client node: make one there and let it arrive.
    const nobody = await hub.userWith([]);
    let session: Session | null = null;
    await expect
      .poll(
        async () => {
          session = await open.login(nobody.username, 'a long enough password').catch(() => null);
          return session !== null;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    if (!session) throw new Error('the user never arrived');
    const { headers } = session as Session;
    const search = await open.app.inject({ url: '/api/directory/search?q=akut', headers });
    expect(search.statusCode).toBe(200);
    const favourites = await open.app.inject({ url: '/api/directory/favourites', headers });
    expect(favourites.statusCode).toBe(403);
    const unit = await open.app.inject({ url: `/api/directory/units/${ids.unit}`, headers });
    expect(unit.statusCode).toBe(200);
  });

  it('keeps the directory behind sign-in on a client node without the setting, and on a hub with it', async () => {
    const ids = await someIds();
    for (const node of [closed, hub]) {
      for (const route of READ_ROUTES) {
        const response = await node.app.inject(requestOf(route, ids));
        expect(response.statusCode, `${node.platform.node.role} ${route}`).toBe(401);
        expect(response.json().code).toBe('unauthenticated');
      }
      expect((await anonymous(node, '/api/node')).json().publicDirectory).toBe(false);
    }
  });

  it('closes as soon as the node stops being a client (promotion)', async () => {
    open.platform.node.role = 'server';
    try {
      expect((await anonymous(open, '/api/directory/units')).statusCode).toBe(401);
      expect((await anonymous(open, '/api/node')).json().publicDirectory).toBe(false);
    } finally {
      open.platform.node.role = 'client';
    }
    expect((await anonymous(open, '/api/directory/units')).statusCode).toBe(200);
  });

  it(
    'reads the setting from --directory-public-read, KONTOR_DIRECTORY_PUBLIC_READ or the file, off by default',
    async () => {
      expect(loadConfig({ env: {} }).directoryPublicRead).toBe(false);
      expect(loadConfig({ env: { KONTOR_DIRECTORY_PUBLIC_READ: 'true' } }).directoryPublicRead).toBe(true);
      expect(loadConfig({ flags: { directoryPublicRead: true }, env: {} }).directoryPublicRead).toBe(true);
      expect(() => loadConfig({ env: { KONTOR_DIRECTORY_PUBLIC_READ: 'maybe' } })).toThrow(
        /KONTOR_DIRECTORY_PUBLIC_READ/,
      );
      expect((await kontor(['start', '--help'])).stdout).toContain('--directory-public-read');
    },
    PROCESS_TEST_TIMEOUT,
  );

  it('refuses to open a route that changes state', async () => {
    const app = Fastify();
    enforceRouteAccess(app, { authenticate: async () => null }, []);
    const publicWhen = { reason: 'a test of the registration check', holds: () => true };
    expect(() =>
      app.post('/api/anything', { config: { access: { permission: 'directory.read', publicWhen } } }, async () => ({})),
    ).toThrow(/only reading routes/);
    await app.close();
  });
});

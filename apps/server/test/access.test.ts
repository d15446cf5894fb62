import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestNode } from './test-node.js';
import { startTestNode } from './test-node.js';

/** ARCHITECTURE.md rule 6: every route refuses anonymous and unprivileged callers unless declared public. */
describe('route access', () => {
  let node: TestNode;
  let nobody: Session;

  beforeAll(async () => {
    node = await startTestNode({ kind: 'pglite', dir: 'memory' });
    nobody = await node.userWith([]);
  });
  afterAll(() => node.close());

  const concrete = (url: string) =>
    url.replace(':id', '00000000-0000-4000-8000-000000000000').replace('*', 'some/page');

  it('declares who may call every route, with a reason for each public one', () => {
    expect(node.routes.length).toBeGreaterThan(15);
    for (const route of node.routes) {
      if ('public' in route.access)
        expect(route.access.public.length, `${route.method} ${route.url}`).toBeGreaterThan(10);
    }
    const publicRoutes = node.routes
      .filter((route) => 'public' in route.access)
      .map((route) => `${route.method} ${route.url}`);
    expect(publicRoutes).toEqual(
      expect.arrayContaining(['POST /api/auth/login', 'GET /healthz', 'GET /readyz', 'GET /api/node']),
    );
    expect(publicRoutes).not.toContain('GET /api/admin/users');
  });

  it('refuses anonymous callers on every non-public route with 401 problem+json', async () => {
    const guarded = node.routes.filter((route) => !('public' in route.access));
    expect(guarded.length).toBeGreaterThan(10);
    for (const route of guarded) {
      const response = await node.app.inject({ method: route.method as 'GET', url: concrete(route.url) });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('refuses a signed-in user without the permission on every permission route with 403', async () => {
    const guarded = node.routes.filter((route) => 'permission' in route.access);
    for (const route of guarded) {
      const response = await node.app.inject({
        method: route.method as 'GET',
        url: concrete(route.url),
        headers: nobody.headers,
        payload: ['GET', 'DELETE'].includes(route.method) ? undefined : {},
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(response.json().code).toBe('forbidden');
    }
  });

  it('lets the pages that pick from a list read it with their own permission', async () => {
    const tokenManager = await node.userWith(['admin.tokens']);
    expect((await node.app.inject({ url: '/api/admin/users', headers: tokenManager.headers })).statusCode).toBe(200);
    expect((await node.app.inject({ url: '/api/admin/permissions', headers: tokenManager.headers })).statusCode).toBe(
      200,
    );
    expect((await node.app.inject({ url: '/api/admin/roles', headers: tokenManager.headers })).statusCode).toBe(403);
    const userManager = await node.userWith(['admin.users']);
    expect((await node.app.inject({ url: '/api/admin/roles', headers: userManager.headers })).statusCode).toBe(200);
  });

  it('refuses a forged bearer token', async () => {
    const response = await node.app.inject({ url: '/api/me', headers: { authorization: 'Bearer kontor_nope' } });
    expect(response.statusCode).toBe(401);
  });
});

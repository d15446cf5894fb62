import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from './test-node.js';

describe('HTTP behaviour', () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode({ kind: 'pglite', dir: 'memory' }, { bodyLimitBytes: 2048 });
  });
  afterAll(() => node.close());

  const post = (payload: string, contentType = 'application/json') =>
    node.app.inject({
      method: 'POST',
      url: '/api/admin/roles',
      headers: { ...node.admin.headers, 'content-type': contentType },
      payload,
    });

  it('answers malformed JSON with 400 problem+json', async () => {
    const response = await post('{"name": ');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'invalid_json', status: 400, instance: '/api/admin/roles' });
  });

  it('names each wrong, missing and unknown field', async () => {
    const response = await post(JSON.stringify({ name: 42, colour: 'red' }));
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.permissions', 'body.colour']));
    expect(response.json().errors).toContainEqual(
      expect.objectContaining({ path: 'body.colour', code: 'unrecognized_keys' }),
    );
    expect(response.json().errors).toContainEqual(expect.objectContaining({ path: 'body.name', code: 'invalid_type' }));
  });

  it('refuses oversize bodies with 413 and unknown media types with 415', async () => {
    const big = await post(JSON.stringify({ name: 'x'.repeat(5000), permissions: [] }));
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('body_too_large');
    const form = await post('name=x', 'application/x-www-form-urlencoded');
    expect(form.statusCode).toBe(415);
  });

  it('writes nothing when a request is refused', async () => {
    const before = (await node.app.inject({ url: '/api/admin/roles', headers: node.admin.headers })).json().length;
    await post(JSON.stringify({ name: 'Half', permissions: ['admin.users', 'no.such'] }));
    const after = (await node.app.inject({ url: '/api/admin/roles', headers: node.admin.headers })).json().length;
    expect(after).toBe(before);
  });

  it('answers unknown API paths with 404 problem+json and other paths with the web app', async () => {
    const api = await node.app.inject({ url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json().code).toBe('route_not_found');
  });

  it('echoes or creates a request id', async () => {
    const given = await node.app.inject({ url: '/healthz', headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers['x-request-id']).toBe('trace-123');
    const made = await node.app.inject({ url: '/healthz' });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const problem = await node.app.inject({ url: '/api/me', headers: { 'x-request-id': 'trace-456' } });
    expect(problem.json().requestId).toBe('trace-456');
  });

  it('sends a Content-Security-Policy with documents and no-store, nosniff and no framing with API data', async () => {
    const page = await node.app.inject({ url: '/healthz' });
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['strict-transport-security']).toBeDefined();
    const data = await node.app.inject({ url: '/api/me', headers: node.admin.headers });
    expect(data.headers).toMatchObject({
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'strict-transport-security': expect.stringContaining('max-age='),
    });
  });

  it('reports health and readiness', async () => {
    expect((await node.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await node.app.inject({ url: '/readyz' })).json()).toMatchObject({
      status: 'ready',
      checks: { database: 'ok' },
    });
  });

  it('publishes an OpenAPI 3.1 document and its UI', async () => {
    const document = (await node.app.inject({ url: '/api/docs/json' })).json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/admin/users', '/api/admin/audit']),
    );
    expect(document.paths['/api/admin/users'].post.requestBody).toBeDefined();
    const ui = await node.app.inject({ url: '/api/docs' });
    expect([200, 302]).toContain(ui.statusCode);
  });

  it('exposes Prometheus metrics with latency by route, event-loop lag and the database pool', async () => {
    const me = (await node.app.inject({ url: '/api/me', headers: node.admin.headers })).json();
    const token = await node.app.inject({
      method: 'POST',
      url: '/api/admin/tokens',
      headers: node.admin.headers,
      payload: { name: 'prometheus', userId: me.id, permissions: ['platform.metrics'] },
    });
    const text = (
      await node.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${token.json().secret}` } })
    ).body;
    expect(text).toMatch(/kontor_http_request_duration_seconds_bucket\{.*route="\/api\/me"/);
    expect(text).toContain('kontor_nodejs_eventloop_lag_seconds');
    expect(text).toContain('kontor_db_pool_connections');
  });
});

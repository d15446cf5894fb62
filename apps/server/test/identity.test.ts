import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from './stores.js';
import { ADMIN_PASSWORD, expectStatus, startTestNode, type TestNode } from './test-node.js';

describeEachStore('identity', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location, { loginMaxFailures: 3, loginRateLimitPerMinute: 1000 });
  });
  afterAll(async () => {
    await node.close();
    await release();
  });

  const inject = (options: InjectOptions) => node.app.inject(options);

  it('signs the admin in with an httpOnly SameSite cookie and tells who they are', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'kontor_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const me = await inject({ url: '/api/me', cookies: { kontor_session: cookie?.value ?? '' } });
    expect(me.json()).toMatchObject({ username: 'admin', permissions: ['*'] });
  });

  it('answers a wrong password with 401 and the same answer for an unknown user', async () => {
    const wrong = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'nope' },
    });
    const unknown = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ghost', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    await node.login('admin', ADMIN_PASSWORD); // a success resets the failure count
  });

  it('locks an account after repeated failures, then an admin unlocks it', async () => {
    const user = await node.userWith([]);
    const attempt = () =>
      inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'wrong' } });
    expect((await attempt()).statusCode).toBe(401);
    expect((await attempt()).statusCode).toBe(401);
    const locked = await attempt();
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('identity.account_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(60);
    const correct = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: 'a long enough password' },
    });
    expect(correct.statusCode).toBe(423);

    const listed = await inject({ url: `/api/admin/users/${user.id}`, headers: node.admin.headers });
    expect(listed.json().locked).toBe(true);
    await expectStatus(
      inject({
        method: 'PATCH',
        url: `/api/admin/users/${user.id}`,
        headers: node.admin.headers,
        payload: { unlock: true },
      }),
      200,
    );
    await node.login(user.username, 'a long enough password');
  });

  it('requires the CSRF token on state-changing requests made with a session', async () => {
    const without = await inject({
      method: 'POST',
      url: '/api/admin/roles',
      headers: { cookie: node.admin.cookie },
      payload: { name: 'x', permissions: [] },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf_token_invalid');
  });

  it('creates a user with a role; the user gets exactly that role’s permissions', async () => {
    const role = await expectStatus(
      inject({
        method: 'POST',
        url: '/api/admin/roles',
        headers: node.admin.headers,
        payload: { name: 'Auditors 2', permissions: ['admin.audit'] },
      }),
      201,
    );
    const user = await expectStatus(
      inject({
        method: 'POST',
        url: '/api/admin/users',
        headers: node.admin.headers,
        payload: {
          username: 'karin',
          displayName: 'Karin Ek',
          password: 'karins long password',
          roleIds: [role.json().id],
        },
      }),
      201,
    );
    expect(user.json().roles).toEqual([{ id: role.json().id, name: 'Auditors 2' }]);
    const karin = await node.login('karin', 'karins long password');
    expect((await inject({ url: '/api/admin/audit', headers: karin.headers })).statusCode).toBe(200);
    expect((await inject({ url: '/api/admin/users', headers: karin.headers })).statusCode).toBe(403);

    const taken = await inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: node.admin.headers,
      payload: { username: 'KARIN', displayName: 'Other', password: 'karins long password' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('identity.username_taken');

    const inUse = await inject({
      method: 'DELETE',
      url: `/api/admin/roles/${role.json().id}`,
      headers: node.admin.headers,
    });
    expect(inUse.statusCode).toBe(409);

    // Changing only the roles touches no column of the user: it still answers, and the new roles hold at once.
    const rolesOnly = await expectStatus(
      inject({
        method: 'PATCH',
        url: `/api/admin/users/${user.json().id}`,
        headers: node.admin.headers,
        payload: { roleIds: [] },
      }),
      200,
    );
    expect(rolesOnly.json().roles).toEqual([]);
    expect((await inject({ url: '/api/admin/audit', headers: karin.headers })).statusCode).toBe(403);
  });

  it('ends the sessions of a disabled user at once', async () => {
    const user = await node.userWith(['admin.audit']);
    expect((await inject({ url: '/api/me', headers: user.headers })).statusCode).toBe(200);
    await expectStatus(
      inject({
        method: 'PATCH',
        url: `/api/admin/users/${user.id}`,
        headers: node.admin.headers,
        payload: { disabled: true },
      }),
      200,
    );
    expect((await inject({ url: '/api/me', headers: user.headers })).statusCode).toBe(401);
    const again = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: 'a long enough password' },
    });
    expect(again.json().code).toBe('identity.account_disabled');
  });

  it('issues scoped API tokens whose secret works once revealed and stops when revoked', async () => {
    const me = (await inject({ url: '/api/me', headers: node.admin.headers })).json();
    const created = await expectStatus(
      inject({
        method: 'POST',
        url: '/api/admin/tokens',
        headers: node.admin.headers,
        payload: { name: 'monitoring', userId: me.id, permissions: ['platform.metrics'] },
      }),
      201,
    );
    const { secret, id } = created.json();
    expect(secret).toMatch(/^kontor_[0-9a-f]{32}_/);
    const bearer = { authorization: `Bearer ${secret}` };
    const metrics = await inject({ url: '/metrics', headers: bearer });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('kontor_http_request_duration_seconds');
    expect((await inject({ url: '/api/admin/users', headers: bearer })).statusCode).toBe(403);
    // Token callers need no CSRF token: no browser sends them on its own.
    expect((await inject({ url: '/api/admin/tokens', headers: node.admin.headers })).json()[0]).not.toHaveProperty(
      'secret',
    );
    await expectStatus(inject({ method: 'DELETE', url: `/api/admin/tokens/${id}`, headers: node.admin.headers }), 204);
    expect((await inject({ url: '/metrics', headers: bearer })).statusCode).toBe(401);
  });

  it('refuses a token granting more than its creator holds', async () => {
    const manager = await node.userWith(['admin.tokens']);
    const response = await inject({
      method: 'POST',
      url: '/api/admin/tokens',
      headers: manager.headers,
      payload: { name: 'escalate', userId: manager.id, permissions: ['admin.users'] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toMatchObject([
      { path: 'body.permissions', message: 'not held by you: admin.users', code: 'identity.permission_not_held' },
    ]);
  });

  it('audits every admin change with who, what, before and after', async () => {
    const user = await node.userWith([]);
    await expectStatus(
      inject({
        method: 'PATCH',
        url: `/api/admin/users/${user.id}`,
        headers: node.admin.headers,
        payload: { displayName: 'Renamed' },
      }),
      200,
    );
    const page = await inject({ url: `/api/admin/audit?entity=user&entityId=${user.id}`, headers: node.admin.headers });
    const [update, create] = page.json().entries;
    expect(update).toMatchObject({
      actorName: 'admin',
      action: 'user.update',
      before: { displayName: expect.stringMatching(/^Tester/) },
      after: { displayName: 'Renamed' },
    });
    expect(create.action).toBe('user.create');
    const actions = (await inject({ url: '/api/admin/audit/actions', headers: node.admin.headers })).json();
    expect(actions).toEqual(expect.arrayContaining(['user.create', 'user.update', 'role.create']));
  });

  it('keeps the audit log append-only in the database itself', async () => {
    await expect(node.platform.db.updateTable('audit.entries').set({ action: 'x' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(node.platform.db.deleteFrom('audit.entries').execute()).rejects.toThrow(/append-only/);
  });

  it('protects built-in roles and names unknown permissions', async () => {
    const roles = (await inject({ url: '/api/admin/roles', headers: node.admin.headers })).json();
    const administrator = roles.find((role: { system: boolean }) => role.system);
    const change = await inject({
      method: 'PUT',
      url: `/api/admin/roles/${administrator.id}`,
      headers: node.admin.headers,
      payload: { name: 'Admins', permissions: [] },
    });
    expect(change.statusCode).toBe(409);
    const unknown = await inject({
      method: 'POST',
      url: '/api/admin/roles',
      headers: node.admin.headers,
      payload: { name: 'Bogus', permissions: ['made.up'] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toEqual({
      path: 'body.permissions',
      message: 'unknown: made.up',
      code: 'identity.unknown_permission',
    });
  });
});

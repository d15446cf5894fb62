import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import type { Logger } from 'pino';
import { type ConfigInput, loadConfig } from '../src/config.js';
import { createNode, type KontorNode } from '../src/node.js';
import type { StoreLocation } from '../src/platform/db/database.js';
import type { KontorModule } from '../src/platform/platform.js';
import { pgliteTemplate } from './pglite-template.js';

export const ADMIN_PASSWORD = 'correct horse battery staple';

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

export interface TestNode extends KontorNode {
  dataDir: string;
  /** The first admin, signed in. */
  admin: Session;
  login(username: string, password: string): Promise<Session>;
  /** A signed-in user holding exactly these permissions (via a fresh role). */
  userWith(permissions: string[]): Promise<Session & { id: string; username: string }>;
}

let counter = 0;

export async function startTestNode(
  store: StoreLocation,
  settings: Partial<ConfigInput> = {},
  options: { signIn?: boolean; extraModules?: KontorModule[]; logger?: Logger } = {},
): Promise<TestNode> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kontor-test-'));
  const config = loadConfig({
    flags: {
      dataDir,
      adminPassword: ADMIN_PASSWORD,
      logLevel: 'silent',
      outboxPollMs: 100,
      // Nodes of unrelated tests must not find each other on the network.
      syncDiscovery: false,
      ...settings,
    },
    env: {},
  });
  // An in-memory store (empty, or the empty template) starts from the migrated template: initdb and every
  // migration once per run, not per node.
  const location: StoreLocation =
    store.kind === 'pglite' && store.dir === 'memory'
      ? { ...store, template: await pgliteTemplate(options.extraModules) }
      : store;
  const node = await createNode(config, {
    store: location,
    extraModules: options.extraModules,
    logger: options.logger,
  });
  const login = async (username: string, password: string): Promise<Session> => {
    const response = await node.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
    const cookie = `kontor_session=${response.cookies.find((c) => c.name === 'kontor_session')?.value}`;
    const csrf = response.json().csrfToken as string;
    return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
  };
  // A client node has no users of its own until its hub's arrive.
  const admin = options.signIn === false ? { cookie: '', csrf: '', headers: {} } : await login('admin', ADMIN_PASSWORD);
  return {
    ...node,
    dataDir,
    admin,
    login,
    async userWith(permissions) {
      counter += 1;
      const username = `tester${counter}`;
      const roleIds: string[] = [];
      if (permissions.length > 0) {
        const role = await expectStatus(
          node.app.inject({
            method: 'POST',
            url: '/api/admin/roles',
            headers: admin.headers,
            payload: { name: `role ${counter}`, permissions },
          }),
          201,
        );
        roleIds.push(role.json().id);
      }
      const created = await expectStatus(
        node.app.inject({
          method: 'POST',
          url: '/api/admin/users',
          headers: admin.headers,
          payload: { username, displayName: `Tester ${counter}`, password: 'a long enough password', roleIds },
        }),
        201,
      );
      return { ...(await login(username, 'a long enough password')), id: created.json().id, username };
    },
    async close() {
      await node.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function expectStatus(
  response: Promise<LightMyRequestResponse>,
  status: number,
): Promise<LightMyRequestResponse> {
  const resolved = await response;
  if (resolved.statusCode !== status) {
    throw new Error(`expected ${status}, got ${resolved.statusCode}: ${resolved.body}`);
  }
  return resolved;
}

import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { migratedDataDir } from './pglite-template.js';
import {
  kontor,
  type NodeStatus,
  PROCESS_TEST_TIMEOUT,
  type RunningServer,
  shellStatus,
  startServer,
  waitForStatus,
} from './processes.js';

const PASSWORD = 'hub admin password';
const USER_PASSWORD = 'a long enough password';

async function signIn(url: string, username = 'admin', password = PASSWORD) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = ((await response.json()) as { csrfToken?: string }).csrfToken ?? '';
  return { status: response.status, headers: { cookie, 'x-csrf-token': csrf } };
}

/** One admin session per node: sign-ins are rate-limited, and polling must not trip the limit. */
const sessions = new Map<string, Record<string, string>>();
async function asAdmin(url: string) {
  const known = sessions.get(url);
  if (known) return known;
  const { headers } = await signIn(url);
  sessions.set(url, headers);
  return headers;
}

async function createUser(url: string, username: string) {
  return fetch(`${url}/api/admin/users`, {
    method: 'POST',
    headers: { ...(await asAdmin(url)), 'content-type': 'application/json' },
    body: JSON.stringify({ username, displayName: username, password: USER_PASSWORD, roleIds: [] }),
  });
}

async function usernames(url: string): Promise<string[]> {
  const response = await fetch(`${url}/api/admin/users`, { headers: await asAdmin(url) });
  const users = (await response.json()) as Array<{ username: string }>;
  return users.map((user) => user.username).sort();
}

/**
 * Waits until `kontor status` for `dataDir` passes `check`; asks the running node over HTTP in the meantime, with
 * a session of its own (the polls' sessions do not stand in for the ones the test signs in with).
 */
const statusOf = async (dataDir: string, node: RunningServer, check: (status: NodeStatus) => void) =>
  waitForStatus(dataDir, check, { url: node.url, headers: (await signIn(node.url)).headers }, POLL.timeout);
const port = (server: RunningServer) => new URL(server.url).port;
const POLL = { timeout: 60_000, interval: 250 };

/**
 * Real `kontor` processes over HTTP: the hub goes down holding a change nobody else has, a client is promoted
 * from the shell, the other client finds the new hub through its fallback list, and the old hub comes back,
 * becomes a client and merges what it held.
 */
describe('promotion of a client while the hub is down', () => {
  const dirs: string[] = [];
  const running: RunningServer[] = [];
  // Fresh data directories with the store migrated already: what a first start does is cli.test.ts's subject.
  const dir = async () => {
    const path = await migratedDataDir('kontor-promote-');
    dirs.push(path);
    return path;
  };
  const start = async (args: string[]) => {
    const server = await startServer(args);
    running.push(server);
    return server;
  };
  afterAll(async () => {
    await Promise.all(running.map((server) => server.stop('SIGKILL')));
    for (const path of dirs) rmSync(path, { recursive: true, force: true });
  });

  it(
    'makes a client the hub at runtime; the others follow and the old hub merges back without loss',
    async () => {
      const [hubDir, aDir, bDir] = [await dir(), await dir(), await dir()];
      const hub = await start(['--data', hubDir, '--port', '0', '--admin-password', PASSWORD]);
      const code = async () => {
        const admin = await signIn(hub.url);
        const response = await fetch(`${hub.url}/api/sync/enrollments`, { method: 'POST', headers: admin.headers });
        return ((await response.json()) as { code: string }).code;
      };
      const clientArgs = (data: string, name: string) => ['--role', 'client', '--data', data, '--node-name', name];
      let a = await start([
        ...clientArgs(aDir, 'ward-a'),
        '--upstream',
        hub.url,
        '--enroll',
        await code(),
        '--port',
        '0',
      ]);
      const bArgs = [...clientArgs(bDir, 'ward-b'), '--upstream', hub.url, '--port', '0', '--peers', a.url];
      let b = await start([...bArgs, '--enroll', await code()]);
      await expect.poll(async () => (await signIn(b.url)).status, POLL).toBe(200);

      // The hub alone gets a user, then crashes before anyone pulled it.
      await Promise.all([a.stop(), b.stop()]);
      expect((await createUser(hub.url, 'while-alone')).status).toBe(201);
      await hub.stop('SIGKILL');

      a = await start([...clientArgs(aDir, 'ward-a'), '--upstream', hub.url, '--port', port(a)]);
      b = await start(bArgs);
      const promoted = await kontor(['promote', '--data', aDir]);
      expect(promoted.stderr).toBe('');
      expect(promoted.stdout).toContain('now the hub');
      expect(await shellStatus(aDir)).toMatchObject({ role: 'server', epoch: 2 });

      // B cannot reach the old hub, finds A on its fallback list and follows the new epoch.
      await statusOf(bDir, b, (status) => expect(status.epoch).toBe(2));
      await statusOf(bDir, b, (status) => expect(status.hub).toBe(a.url));
      expect((await createUser(a.url, 'after-promotion')).status).toBe(201);
      await expect.poll(async () => await usernames(b.url), POLL).toContain('after-promotion');

      // The old hub returns, learns of epoch 2 from its fallback list, becomes a client and merges.
      const old = await start(['--data', hubDir, '--port', port(hub), '--peers', a.url]);
      await statusOf(hubDir, old, (status) => expect(status.role).toBe('client'));
      expect(await shellStatus(hubDir)).toMatchObject({ epoch: 2, hub: a.url });
      for (const node of [a, b, old]) {
        await expect
          .poll(async () => await usernames(node.url), POLL)
          .toEqual(expect.arrayContaining(['while-alone', 'after-promotion']));
        expect((await signIn(node.url, 'while-alone', USER_PASSWORD)).status).toBe(200);
      }
      const everywhere = await Promise.all([a, b, old].map((node) => usernames(node.url)));
      expect(everywhere[1]).toEqual(everywhere[0]);
      expect(everywhere[2]).toEqual(everywhere[0]);
      expect(new Set(everywhere[0]).size).toBe(everywhere[0]?.length);
      // Only the hub maintains users now.
      expect((await createUser(old.url, 'on-the-old-hub')).status).toBe(409);
    },
    PROCESS_TEST_TIMEOUT,
  );
});

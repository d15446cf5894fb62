import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PROCESS_TEST_TIMEOUT, type RunningServer, startServer } from './processes.js';
import { createTestDatabase, postgresAvailable, REDIS_URL, redisAvailable } from './stores.js';

async function signIn(url: string, password: string) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  expect(response.status).toBe(200);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

/** Two separate `kontor start` processes on one PostgreSQL and one Redis, as a scaled-out hub runs. */
describe.skipIf(!postgresAvailable || !redisAvailable)('two hub processes behind one database', () => {
  let first: RunningServer;
  let second: RunningServer;
  let drop: () => Promise<void>;
  const dirs: string[] = [];

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    const start = () => {
      const dir = mkdtempSync(join(tmpdir(), 'kontor-scale-'));
      dirs.push(dir);
      const args = ['--data', dir, '--port', '0', '--database-url', database.url, '--redis-url', REDIS_URL];
      return startServer(args);
    };
    // Started together: both race to migrate and to create the first admin.
    [first, second] = await Promise.all([start(), start()]);
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'created the first admin once, and a change on one reaches a browser on the other',
    async () => {
      expect([first.output, second.output].filter((output) => output.includes('First admin'))).toHaveLength(1);
      const password = /First admin: admin \/ (\S+)/.exec(first.output + second.output)?.[1] ?? '';
      const onSecond = await signIn(second.url, password);
      const socket = new WebSocket(`${second.url.replace('http', 'ws')}/api/events`, {
        headers: { cookie: onSecond.cookie, origin: second.url },
      });
      const received: Array<{ type: string; payload?: { action?: string; entityId?: string } }> = [];
      socket.on('message', (data) => received.push(JSON.parse(String(data))));
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
      socket.send(JSON.stringify({ type: 'subscribe', topics: ['admin.audit'] }));
      await expect.poll(() => received.some((m) => m.type === 'subscribed')).toBe(true);

      const onFirst = await signIn(first.url, password);
      const created = await fetch(`${first.url}/api/admin/roles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: onFirst.cookie, 'x-csrf-token': onFirst.csrf },
        body: JSON.stringify({ name: 'Across processes', permissions: ['admin.audit'] }),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      await expect
        .poll(() => received.find((m) => m.type === 'event' && m.payload?.entityId === id)?.payload?.action)
        .toBe('role.create');
      socket.close();
    },
    PROCESS_TEST_TIMEOUT,
  );
});

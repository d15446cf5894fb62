import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PROCESS_TEST_TIMEOUT, type ScaledOutHub, signInOverHttp, startScaledOutHub } from './processes.js';
import { createTestDatabase, postgresAvailable, REDIS_URL, redisAvailable } from './stores.js';

/** Two separate `kontor start` processes on one PostgreSQL and one Redis, as a scaled-out hub runs. */
describe.skipIf(!postgresAvailable || !redisAvailable)('two hub processes behind one database', () => {
  let hub: ScaledOutHub;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    hub = await startScaledOutHub(database.url, REDIS_URL);
  });
  afterAll(async () => {
    await hub?.stop();
    await drop?.();
  });

  it(
    'created the first admin once, and a change on one reaches a browser on the other',
    async () => {
      const { first, second, password } = hub;
      expect([first.output, second.output].filter((output) => output.includes('First admin'))).toHaveLength(1);
      const onSecond = await signInOverHttp(second.url, password);
      const socket = new WebSocket(`${second.url.replace('http', 'ws')}/api/events`, {
        headers: { cookie: onSecond.cookie, origin: second.url },
      });
      const received: Array<{ type: string; payload?: { action?: string; entityId?: string } }> = [];
      socket.on('message', (data) => received.push(JSON.parse(String(data))));
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
      socket.send(JSON.stringify({ type: 'subscribe', topics: ['admin.audit'] }));
      await expect.poll(() => received.some((m) => m.type === 'subscribed')).toBe(true);

      const onFirst = await signInOverHttp(first.url, password);
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

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESS_TEST_TIMEOUT, type RunningServer, startServer } from './processes.js';
import { createTestDatabase, postgresAvailable, REDIS_URL, redisAvailable } from './stores.js';
import { guest, openLiveSocket } from './visitors-fixtures.js';

/** A kiosk on one hub instance, a reception panel on another: the event crosses through Redis. */
describe.skipIf(!postgresAvailable || !redisAvailable)('visitors on two hub processes behind one database', () => {
  let first: RunningServer;
  let second: RunningServer;
  let drop: () => Promise<void>;
  const dirs: string[] = [];

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    const start = () => {
      const dir = mkdtempSync(join(tmpdir(), 'kontor-visitors-scale-'));
      dirs.push(dir);
      return startServer(['--data', dir, '--port', '0', '--database-url', database.url, '--redis-url', REDIS_URL]);
    };
    [first, second] = await Promise.all([start(), start()]);
  }, PROCESS_TEST_TIMEOUT);
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await drop?.();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'shows a guest who registered at the kiosk on instance A to reception on instance B',
    async () => {
      const password = /First admin: admin \/ (\S+)/.exec(first.output + second.output)?.[1] ?? '';
      const signedIn = await fetch(`${second.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
      expect(signedIn.status).toBe(200);
      const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const reception = await openLiveSocket(second.url, cookie, ['visitors']);

      const submitted = await fetch(`${first.url}/api/visitors/kiosk/entries`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(guest({ firstName: 'Across', lastName: 'Instances' })),
      });
      expect(submitted.status).toBe(201);
      const { id } = (await submitted.json()) as { id: string };
      const event = await reception.next((m) => m.type === 'event' && m.payload?.entryId === id);
      expect(event).toMatchObject({ topic: 'visitors', payload: { entryId: id, state: 'waiting' } });

      // And the panel on B, re-reading as it does on an event, finds the guest there.
      const waiting = await fetch(`${second.url}/api/visitors/entries?state=waiting`, { headers: { cookie } });
      const entries = ((await waiting.json()) as { entries: Array<{ id: string; firstName: string }> }).entries;
      expect(entries.find((entry) => entry.id === id)?.firstName).toBe('Across');
      reception.socket.close();
    },
    PROCESS_TEST_TIMEOUT,
  );
});

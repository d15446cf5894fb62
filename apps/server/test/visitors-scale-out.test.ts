import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESS_TEST_TIMEOUT, type ScaledOutHub, signInOverHttp, startScaledOutHub } from './processes.js';
import { createTestDatabase, postgresAvailable, REDIS_URL, redisAvailable } from './stores.js';
import { guest, openLiveSocket } from './visitors-fixtures.js';

/** A kiosk on one hub instance, a reception panel on another: the event crosses through Redis. */
describe.skipIf(!postgresAvailable || !redisAvailable)('visitors on two hub processes behind one database', () => {
  let hub: ScaledOutHub;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    hub = await startScaledOutHub(database.url, REDIS_URL);
  }, PROCESS_TEST_TIMEOUT);
  afterAll(async () => {
    await hub?.stop();
    await drop?.();
  });

  it(
    'shows a guest who registered at the kiosk on instance A to reception on instance B',
    async () => {
      const { first, second } = hub;
      const { cookie } = await signInOverHttp(second.url, hub.password);
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

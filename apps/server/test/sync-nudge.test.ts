import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SyncPair, startSyncPair } from './sync-pair.js';
import { expectStatus } from './test-node.js';

describe('hub nudges', () => {
  let pair: SyncPair;
  // A client that would otherwise wait ten minutes between rounds: only a nudge can bring changes sooner.
  // (How fast a nudge is, is measured in bench/, not asserted here.)
  beforeAll(async () => {
    pair = await startSyncPair({ kind: 'pglite', dir: 'memory' }, { syncIntervalMs: 600_000 });
  });
  afterAll(() => pair?.close());

  it('bring each hub change to a connected client without waiting for its interval', async () => {
    const { hub, client } = pair;
    const roleOnClient = async (name: string) =>
      (await sql`select 1 from identity.roles where name = ${name}`.execute(client.platform.db)).rows.length;
    for (const name of ['Nudged once', 'Nudged twice']) {
      await expectStatus(
        hub.app.inject({
          method: 'POST',
          url: '/api/admin/roles',
          headers: hub.admin.headers,
          payload: { name, permissions: [] },
        }),
        201,
      );
      await expect.poll(() => roleOnClient(name), { timeout: 30_000, interval: 20 }).toBe(1);
    }
  });
});

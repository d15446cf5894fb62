import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncPair } from './sync-pair.js';
import { expectStatus, type Session, type TestNode } from './test-node.js';
import { freshAddress, guest } from './visitors-fixtures.js';

const memory = { kind: 'pglite', dir: 'memory' } as const;

interface Person {
  entryId: string;
  name: string;
  card: number;
  cardType: string | null;
}

/** The evacuation list travels to every workstation; the visits themselves stay on the hub. */
describe('visitors between the hub and a workstation', () => {
  let hub: TestNode;
  let client: TestNode;
  let hubOpen = true;
  let onHub: Session;
  let onClient: Session;

  const admit = async (card: number, firstName: string) => {
    const submitted = await expectStatus(
      hub.app.inject({
        method: 'POST',
        url: '/api/visitors/kiosk/entries',
        payload: guest({ firstName, lastName: 'Evakuerad' }),
        remoteAddress: freshAddress(),
      }),
      201,
    );
    const id = submitted.json().id as string;
    await expectStatus(
      hub.app.inject({
        method: 'POST',
        url: `/api/visitors/entries/${id}/card`,
        payload: { card },
        headers: onHub.headers,
      }),
      200,
    );
    return id;
  };
  const evacuation = async () => {
    const answer = await expectStatus(
      client.app.inject({ url: '/api/visitors/evacuation', headers: onClient.headers }),
      200,
    );
    return answer.json() as { people: Person[]; asOf: string; nodeRole: string };
  };
  const until = async (check: () => Promise<boolean>, what: string) => {
    for (let tries = 0; tries < 150; tries += 1) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`gave up waiting: ${what}`);
  };

  beforeAll(async () => {
    ({ hub, client } = await startSyncPair(memory));
    const receptionist = await hub.userWith(['visitors.reception']);
    onHub = receptionist;
    await until(
      async () => (await client.login(receptionist.username, 'a long enough password').catch(() => null)) !== null,
      'the receptionist reaches the workstation',
    );
    onClient = await client.login(receptionist.username, 'a long enough password');
  });
  afterAll(async () => {
    await client?.close();
    if (hubOpen) await hub?.close();
  });

  it('serves who is in the building on the workstation, and only that', async () => {
    const relayed: unknown[] = [];
    const stop = client.platform.bus.subscribe((event) => event.topic === 'visitors' && relayed.push(event.payload));
    const left = await admit(102, 'Lämnat');
    await expectStatus(
      hub.app.inject({
        method: 'POST',
        url: `/api/visitors/entries/${left}/release`,
        payload: {},
        headers: onHub.headers,
      }),
      200,
    );
    // Changes apply in order: once this one is on the workstation, so is the departure above.
    const inside = await admit(101, 'Ingela');
    // A guest still waiting never leaves the hub.
    await expectStatus(
      hub.app.inject({
        method: 'POST',
        url: '/api/visitors/kiosk/entries',
        payload: guest({ firstName: 'Väntande' }),
        remoteAddress: freshAddress(),
      }),
      201,
    );
    await until(async () => (await evacuation()).people.some((p) => p.entryId === inside), 'the presence row arrives');
    const list = await evacuation();
    expect(list.nodeRole).toBe('client');
    expect(list.people.find((p) => p.entryId === inside)).toMatchObject({
      name: 'Ingela Evakuerad',
      card: 101,
      cardType: 'regular',
    });
    expect(list.people.map((p) => p.entryId)).not.toContain(left);
    expect(JSON.stringify(list)).not.toContain('Väntande');
    // The workstation's evacuation page hears that the list changed (and nothing about whom).
    expect(relayed).toContainEqual({ entryId: null, state: 'presence' });
    stop();
    const stored = await sql<{ n: number }>`select count(*)::int as n from visitors.entries`.execute(
      client.platform.db,
    );
    expect(stored.rows[0]?.n).toBe(0);
    const card = await sql<{ n: number }>`select count(*)::int as n from visitors.card_types`.execute(
      client.platform.db,
    );
    expect(card.rows[0]?.n).toBe(3);
    // …and serves them, so the workstation's evacuation list says "Regular guest 1" for card 101.
    const types = await client.app.inject({ url: '/api/visitors/card-types', headers: onClient.headers });
    expect(types.statusCode).toBe(200);
    expect(types.json().types.map((type: { key: string }) => type.key)).toContain('regular');
    // The rest of the module works on the hub's records only.
    const refused = await client.app.inject({ url: '/api/visitors/entries', headers: onClient.headers });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('visitors.hub_only');
    const kiosk = await client.app.inject({
      method: 'POST',
      url: '/api/visitors/kiosk/entries',
      payload: guest(),
      remoteAddress: freshAddress(),
    });
    expect(kiosk.json().code).toBe('visitors.hub_only');
  });

  it('still serves the list with the hub down, saying how fresh it is', async () => {
    const before = await evacuation();
    const people = before.people.map((p) => p.entryId).sort();
    expect(people.length).toBeGreaterThan(0);
    await hub.close();
    hubOpen = false;
    const after = await evacuation();
    expect(after.people.map((p) => p.entryId).sort()).toEqual(people);
    expect(after.nodeRole).toBe('client');
    const age = Date.now() - new Date(after.asOf).getTime();
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(120_000);
  });
});

import type { Article, Order, OrderingUnit } from '@kontor/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncPair } from './sync-pair.js';
import { expectStatus, type Session, type TestNode } from './test-node.js';

const memory = { kind: 'pglite', dir: 'memory' } as const;
async function until(check: () => Promise<boolean>, what: string) {
  for (let tries = 0; tries < 150; tries += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting: ${what}`);
}
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** An order placed on a workstation reaches the hub, is checked there again, and the hub's answers come back. */
describe('supplies between a workstation and the hub', () => {
  let hub: TestNode;
  let client: TestNode;
  let staff: Session;
  let nurseOnClient: Session;
  let ward: OrderingUnit;
  let gloves: Article;
  let masks: Article;

  const onClient = (url: string, method: 'GET' | 'POST' = 'GET', payload?: object) =>
    client.app.inject({ method, url, payload, headers: nurseOnClient.headers });
  const orderOnClient = async (id: string): Promise<Order> => (await onClient(`/api/supplies/orders/${id}`)).json();
  const article = async (q: string): Promise<Article> =>
    (await hub.app.inject({ url: '/api/supplies/articles', query: { q }, headers: staff.headers })).json().articles[0];

  beforeAll(async () => {
    ({ hub, client } = await startSyncPair(memory));
    staff = await hub.userWith(['supplies.order', 'supplies.manage']);
    const nurse = await hub.userWith(['supplies.order']);
    const units: OrderingUnit[] = (await hub.app.inject({ url: '/api/supplies/units', headers: staff.headers })).json();
    ward = units.find((unit) => unit.name === 'Ortopedavdelning 71') as OrderingUnit;
    await expectStatus(
      hub.app.inject({
        method: 'PUT',
        url: `/api/supplies/units/${ward.id}/members`,
        payload: { userIds: [nurse.id] },
        headers: staff.headers,
      }),
      200,
    );
    [gloves, masks] = [await article('nitril M 100'), await article('munskydd IIR öronsnoddar')];
    // The nurse, her membership and the catalog reach the workstation; she signs in there.
    await until(
      async () => (await client.login(nurse.username, 'a long enough password').catch(() => null)) !== null,
      'the nurse reaches the workstation',
    );
    nurseOnClient = await client.login(nurse.username, 'a long enough password');
    await until(async () => (await onClient('/api/supplies/units')).json().length === 1, 'her unit reaches it');
  });
  afterAll(async () => {
    await client?.close();
    await hub?.close();
  });

  it('lets a user choose their language on the workstation, which keeps it there', async () => {
    const chosen = await client.app.inject({
      method: 'PUT',
      url: '/api/me/preferences',
      payload: { locale: 'pl' },
      headers: nurseOnClient.headers,
    });
    expect(chosen.statusCode).toBe(204);
    expect((await onClient('/api/me')).json().locale).toBe('pl');
  });

  it('sends an order placed on the workstation; the hub confirms it and the workstation shows it', async () => {
    const placed: Order = (
      await expectStatus(
        onClient('/api/supplies/orders', 'POST', {
          unitId: ward.id,
          deliveryAddress: 'Ortopedavdelning 71',
          requestedDate: tomorrow(),
          lines: [
            { articleId: gloves.id, quantity: 4 },
            { articleId: masks.id, quantity: 2 },
          ],
        }),
        201,
      )
    ).json();
    expect(placed.originNodeName).not.toBeNull();
    await expect.poll(async () => (await orderOnClient(placed.id)).delivery, { timeout: 15_000 }).toBe('sent');
    const onHub = await expectStatus(
      hub.app.inject({ url: `/api/supplies/orders/${placed.id}`, headers: staff.headers }),
      200,
    );
    expect(onHub.json()).toMatchObject({ number: placed.number, status: 'new', editable: false, delivery: null });
    await expectStatus(
      hub.app.inject({
        method: 'POST',
        url: `/api/supplies/orders/${placed.id}/status`,
        payload: { status: 'confirmed' },
        headers: staff.headers,
      }),
      200,
    );
    await expect.poll(async () => (await orderOnClient(placed.id)).status, { timeout: 15_000 }).toBe('confirmed');
    expect((await orderOnClient(placed.id)).editable).toBe(false);
  });

  it('withdraws a received order only through a request the hub accepts', async () => {
    const placed: Order = (
      await onClient('/api/supplies/orders', 'POST', {
        unitId: ward.id,
        deliveryAddress: 'Ortopedavdelning 71',
        requestedDate: tomorrow(),
        lines: [{ articleId: gloves.id, quantity: 1 }],
      })
    ).json();
    await expect
      .poll(
        async () =>
          (await hub.app.inject({ url: `/api/supplies/orders/${placed.id}`, headers: staff.headers })).statusCode,
        {
          timeout: 15_000,
        },
      )
      .toBe(200);
    await hub.app.inject({
      method: 'POST',
      url: `/api/supplies/orders/${placed.id}/status`,
      payload: { status: 'received' },
      headers: staff.headers,
    });
    await expect.poll(async () => (await orderOnClient(placed.id)).status, { timeout: 15_000 }).toBe('received');
    expect((await onClient(`/api/supplies/orders/${placed.id}/withdraw`, 'POST')).statusCode).toBe(409);
    const asked: Order = (
      await expectStatus(
        onClient(`/api/supplies/orders/${placed.id}/requests`, 'POST', { kind: 'withdraw', comment: 'Fel avdelning' }),
        201,
      )
    ).json();
    const requestId = asked.requests[0]?.id as string;
    await expect
      .poll(
        async () =>
          (await hub.app.inject({ url: `/api/supplies/orders/${placed.id}`, headers: staff.headers })).json().requests
            .length,
        {
          timeout: 15_000,
        },
      )
      .toBe(1);
    await expectStatus(
      hub.app.inject({
        method: 'POST',
        url: `/api/supplies/requests/${requestId}/decision`,
        payload: { decision: 'accepted' },
        headers: staff.headers,
      }),
      200,
    );
    await expect.poll(async () => (await orderOnClient(placed.id)).status, { timeout: 15_000 }).toBe('cancelled');
    expect((await orderOnClient(placed.id)).requests[0]).toMatchObject({
      decision: 'accepted',
      delivery: 'sent',
    });
  });

  it('has the hub refuse an order the workstation should not have let through, and says why there', async () => {
    // A workstation whose catalog is old (or that was tampered with) writes an order for an article the hub has
    // since phased out: the hub's own rules refuse it and the workstation shows the reason.
    const vinyl = (
      await hub.app.inject({
        url: '/api/supplies/articles',
        query: { q: 'handskar vinyl M', includeInactive: 'true' },
        headers: staff.headers,
      })
    ).json().articles[0] as Article;
    const id = crypto.randomUUID();
    const owner = (await sql<{ node_id: string }>`select node_id from sync.local_node`.execute(client.platform.db))
      .rows[0]?.node_id;
    const lines = JSON.stringify([
      {
        articleId: vinyl.id,
        quantity: 3,
        articleNumber: vinyl.articleNumber,
        name: vinyl.name,
        unit: 'förp',
        packSize: 100,
      },
    ]);
    await sql`insert into supplies.orders (id, number, unit_id, owner, delivery_address, requested_date, lines, created_by_name)
      values (${id}, 'KO-OLD001', ${ward.id}, ${owner}, 'Avd 71', ${tomorrow()}, ${lines}::jsonb, 'Maria')`.execute(
      client.platform.db,
    );
    await expect.poll(async () => (await orderOnClient(id)).delivery, { timeout: 15_000 }).toBe('rejected');
    expect((await orderOnClient(id)).deliveryReason).toMatch(/can no longer be ordered/);
    // Garbage where an article id belongs is an unknown article, refused like any other, not a failed batch.
    const garbled = crypto.randomUUID();
    const garbage = JSON.stringify([
      { articleId: 'not-a-uuid', quantity: 1, articleNumber: '?', name: '?', unit: 'st', packSize: 1 },
    ]);
    await sql`insert into supplies.orders (id, number, unit_id, owner, delivery_address, requested_date, lines, created_by_name)
      values (${garbled}, 'KO-BAD001', ${ward.id}, ${owner}, 'Avd 71', ${tomorrow()}, ${garbage}::jsonb, 'Maria')`.execute(
      client.platform.db,
    );
    await expect.poll(async () => (await orderOnClient(garbled)).delivery, { timeout: 15_000 }).toBe('rejected');
    expect((await orderOnClient(garbled)).deliveryReason).toMatch(/no such article/);
    expect((await hub.app.inject({ url: `/api/supplies/orders/${id}`, headers: staff.headers })).statusCode).toBe(404);
  });
});

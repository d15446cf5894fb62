import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  Article,
  FeedItem,
  Order,
  OrderingUnit,
  Webhook,
  WebhookCreated,
  WebhookDelivery,
} from '@kontor/contracts';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SuppliesModule } from '../src/supplies/index.js';
import { createTestDatabase, describeEachStore, postgresAvailable } from './stores.js';
import { findArticle, orderingStaff, placeOrder } from './supplies-fixtures.js';
import { expectStatus, type Session, startTestNode, type TestNode } from './test-node.js';

interface Received {
  path: string;
  /** What the receiver answered. */
  status: number;
  headers: IncomingHttpHeaders;
  raw: string;
  body: { id: string; cursor: number | null; kind: string; at: string; order: Order | null };
}

/** A webhook receiver on 127.0.0.1: answers each path as told (by the number of the request to it, from 1). */
async function startReceiver() {
  const received: Received[] = [];
  const answers = new Map<string, (nth: number) => number>();
  const receiver = {
    received,
    answers,
    /** How long each answer takes. */
    delayMs: 0,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    at: (path: string) => received.filter((entry) => entry.path === path),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const raw = Buffer.concat(chunks).toString('utf8');
      const nth = received.filter((entry) => entry.path === path).length + 1;
      const status = answers.get(path)?.(nth) ?? 200;
      received.push({ path, status, headers: request.headers, raw, body: JSON.parse(raw) });
      setTimeout(() => {
        response.statusCode = status;
        response.end(status < 300 ? 'ok' : 'not now');
      }, receiver.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return receiver;
}

const hmac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('hex');

describeEachStore('supplier feed webhooks', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let nurse: Session & { id: string };
  let staff: Session & { id: string };
  let ward: OrderingUnit;
  let gloves: Article;
  const secrets: string[] = [];

  const inject = (options: InjectOptions) => node.app.inject(options);
  const order = (quantity = 2) => placeOrder(node, nurse, ward.id, [{ articleId: gloves.id, quantity }]);
  const subscribe = async (path: string, extra: object = {}): Promise<WebhookCreated> => {
    const created: WebhookCreated = (
      await expectStatus(
        inject({
          method: 'POST',
          url: '/api/supplies/webhooks',
          payload: { url: receiver.url(path), description: `receiver ${path}`, ...extra },
          headers: staff.headers,
        }),
        201,
      )
    ).json();
    secrets.push(created.secret);
    return created;
  };
  const deliveries = async (query: Record<string, string>): Promise<{ deliveries: WebhookDelivery[]; total: number }> =>
    (
      await expectStatus(inject({ url: '/api/supplies/webhooks/deliveries', query, headers: staff.headers }), 200)
    ).json();
  const deliveryOf = async (webhookId: string, orderId: string) =>
    (await deliveries({ webhookId, limit: '500' })).deliveries.find((delivery) => delivery.orderId === orderId);

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location);
    ({ nurse, staff, ward } = await orderingStaff(node));
    gloves = await findArticle(node, nurse, 'engångshandskar nitril M');
    receiver = await startReceiver();
    // Retries within milliseconds rather than seconds; the number of attempts stays the real one.
    const supplies = node.modules.find((module) => module.name === 'supplies') as SuppliesModule;
    await supplies.webhookDispatcher().reconfigure({ pollMs: 100, backoffBaseMs: 5, backoffCapMs: 40 });
  });
  afterAll(async () => {
    await node.close();
    await receiver.close();
    await release();
  });

  it('sends an order placed on the hub as the feed item, signed with the webhook secret', async () => {
    const hook = await subscribe('/all');
    expect(hook).toMatchObject({ active: true, kinds: [], deliveries: { pending: 0, delivered: 0, dead: 0 } });
    expect(hook.secret).toMatch(/^whsec_[\w-]{40,}$/);
    const placed = await order();

    await expect.poll(() => receiver.at('/all').find((entry) => entry.body.order?.id === placed.id)).toBeDefined();
    const [entry] = receiver.at('/all').filter((candidate) => candidate.body.order?.id === placed.id);
    if (!entry) throw new Error('unreachable');
    expect(entry.headers['content-type']).toBe('application/json');
    expect(entry.headers['x-kontor-event']).toBe('order.placed');
    expect(entry.headers['x-kontor-delivery']).toBe(entry.body.id);
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(entry.headers['x-kontor-signature'])) ?? [];
    expect(v1).toBe(hmac(hook.secret, `${t}.${entry.raw}`));
    expect(Math.abs(Date.now() / 1000 - Number(t))).toBeLessThan(300);
    expect(v1).not.toBe(hmac('whsec_another', `${t}.${entry.raw}`));

    // The body is the REST feed's item, plus the delivery's id.
    const feed: FeedItem[] = (
      await inject({
        url: '/api/supplies/feed',
        query: { after: String((entry.body.cursor ?? 1) - 1), limit: '1' },
        headers: node.admin.headers,
      })
    ).json().items;
    expect(entry.body).toEqual({ id: entry.body.id, ...feed[0] });
    expect(entry.body).toMatchObject({ kind: 'order.placed', order: { number: placed.number, unitId: ward.id } });

    await expect.poll(async () => (await deliveryOf(hook.id, placed.id))?.status).toBe('delivered');
    expect(await deliveryOf(hook.id, placed.id)).toMatchObject({
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
      nextAttemptAt: null,
      orderNumber: placed.number,
      body: entry.body,
    });
  });

  it('retries a failed delivery with backoff until the receiver takes it', async () => {
    receiver.answers.set('/flaky', (nth) => (nth <= 2 ? 500 : 200));
    const hook = await subscribe('/flaky', { kinds: ['order.placed'] });
    const placed = await order(3);

    await expect.poll(async () => (await deliveryOf(hook.id, placed.id))?.status).toBe('delivered');
    expect(await deliveryOf(hook.id, placed.id)).toMatchObject({ attempts: 3, lastStatusCode: 200 });
    const attempts = receiver.at('/flaky');
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((entry) => entry.headers['x-kontor-delivery'])).size).toBe(1);
  });

  it('dead-letters a delivery after the last attempt, and sends it again when retried by hand', async () => {
    receiver.answers.set('/down', () => 503);
    const hook = await subscribe('/down', { kinds: ['order.placed'] });
    const placed = await order(4);

    await expect.poll(async () => (await deliveryOf(hook.id, placed.id))?.status).toBe('dead');
    const dead = (await deliveries({ webhookId: hook.id, status: 'dead' })).deliveries;
    expect(dead).toEqual([
      expect.objectContaining({ orderId: placed.id, attempts: 8, lastStatusCode: 503, lastError: 'HTTP 503: not now' }),
    ]);
    expect(receiver.at('/down')).toHaveLength(8);
    const listed: Webhook[] = (await inject({ url: '/api/supplies/webhooks', headers: staff.headers })).json();
    expect(listed.find((candidate) => candidate.id === hook.id)?.deliveries).toEqual({
      pending: 0,
      delivered: 0,
      dead: 1,
    });

    receiver.answers.set('/down', () => 200);
    const retried = (
      await expectStatus(
        inject({
          method: 'POST',
          url: `/api/supplies/webhooks/deliveries/${dead[0]?.id}/retry`,
          headers: staff.headers,
        }),
        200,
      )
    ).json();
    expect(retried).toMatchObject({ status: 'pending', attempts: 0 });
    await expect.poll(async () => (await deliveryOf(hook.id, placed.id))?.status).toBe('delivered');
    expect(receiver.at('/down')).toHaveLength(9);
    expect(receiver.at('/down').at(-1)?.body.id).toBe(dead[0]?.id);

    const again = await inject({
      method: 'POST',
      url: `/api/supplies/webhooks/deliveries/${dead[0]?.id}/retry`,
      headers: staff.headers,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('supplies.webhook_delivery_not_dead');
  });

  it('sends only the kinds a webhook asks for, and what it missed once reactivated', async () => {
    const hook = await subscribe('/status', { kinds: ['order.status'] });
    const placed = await order();
    await expectStatus(
      inject({
        method: 'POST',
        url: `/api/supplies/orders/${placed.id}/status`,
        payload: { status: 'received' },
        headers: staff.headers,
      }),
      200,
    );
    await expect.poll(() => receiver.at('/status').length).toBe(1);
    expect(receiver.at('/status')[0]?.body).toMatchObject({ kind: 'order.status', order: { status: 'received' } });
    expect((await deliveries({ webhookId: hook.id })).deliveries.map((delivery) => delivery.kind)).toEqual([
      'order.status',
    ]);

    const paused: Webhook = (
      await expectStatus(
        inject({
          method: 'PATCH',
          url: `/api/supplies/webhooks/${hook.id}`,
          payload: { active: false },
          headers: staff.headers,
        }),
        200,
      )
    ).json();
    expect(paused).toMatchObject({ active: false, kinds: ['order.status'], url: receiver.url('/status') });
    await expectStatus(
      inject({
        method: 'POST',
        url: `/api/supplies/orders/${placed.id}/status`,
        payload: { status: 'confirmed' },
        headers: staff.headers,
      }),
      200,
    );
    // Other webhooks got the change; this one holds it back while paused.
    await expect.poll(() => receiver.at('/all').some((entry) => entry.body.order?.status === 'confirmed')).toBe(true);
    expect(receiver.at('/status')).toHaveLength(1);
    await inject({
      method: 'PATCH',
      url: `/api/supplies/webhooks/${hook.id}`,
      payload: { active: true },
      headers: staff.headers,
    });
    await expect.poll(() => receiver.at('/status').length).toBe(2);
    expect(receiver.at('/status')[1]?.body.order?.status).toBe('confirmed');
  });

  it('pings a webhook from the test button', async () => {
    const hook = await subscribe('/ping');
    const ping: WebhookDelivery = (
      await expectStatus(
        inject({ method: 'POST', url: `/api/supplies/webhooks/${hook.id}/test`, headers: staff.headers }),
        202,
      )
    ).json();
    expect(ping).toMatchObject({ kind: 'ping', cursor: null, status: 'pending', orderId: null });
    await expect.poll(() => receiver.at('/ping').length).toBe(1);
    const [entry] = receiver.at('/ping');
    expect(entry?.body).toEqual({ id: ping.id, cursor: null, kind: 'ping', at: expect.any(String), order: null });
    expect(entry?.headers['x-kontor-event']).toBe('ping');
  });

  it('never answers a secret again, and audits every change', async () => {
    expect(secrets.length).toBeGreaterThan(3);
    const list = await inject({ url: '/api/supplies/webhooks', headers: staff.headers });
    const hooks: Webhook[] = list.json();
    for (const hook of hooks) expect(Object.keys(hook)).not.toContain('secret');
    const audit = await inject({
      url: '/api/admin/audit',
      query: { entity: 'supplies.webhook' },
      headers: node.admin.headers,
    });
    const answers = [
      list,
      audit,
      await inject({ url: '/api/supplies/webhooks/deliveries', query: { limit: '500' }, headers: staff.headers }),
      ...(await Promise.all(
        hooks.map((hook) => inject({ url: `/api/supplies/webhooks/${hook.id}`, headers: staff.headers })),
      )),
    ];
    for (const answer of answers) {
      expect(answer.statusCode).toBe(200);
      for (const secret of secrets) expect(answer.body).not.toContain(secret);
    }
    const actions = (audit.json().entries as Array<{ action: string }>).map((entry) => entry.action);
    expect(new Set(actions)).toEqual(
      new Set([
        'supplies.webhook.create',
        'supplies.webhook.update',
        'supplies.webhook.retry',
        'supplies.webhook.test',
      ]),
    );
  });

  it('removes a webhook with its deliveries', async () => {
    const hook = await subscribe('/gone');
    await expectStatus(
      inject({ method: 'DELETE', url: `/api/supplies/webhooks/${hook.id}`, headers: staff.headers }),
      204,
    );
    expect((await inject({ url: `/api/supplies/webhooks/${hook.id}`, headers: staff.headers })).statusCode).toBe(404);
    expect((await deliveries({ webhookId: hook.id })).total).toBe(0);
  });

  it('refuses callers without supplies.manage, and URLs that are not http or https', async () => {
    for (const request of [
      { url: '/api/supplies/webhooks' },
      { url: '/api/supplies/webhooks/deliveries' },
      { method: 'POST' as const, url: '/api/supplies/webhooks', payload: { url: 'https://supplier.example.org' } },
    ]) {
      expect((await inject({ ...request, headers: nurse.headers })).statusCode).toBe(403);
    }
    for (const url of [
      'ftp://supplier.example.org/in',
      'javascript:alert(1)',
      'not a url',
      'https://user:pw@example.org/',
    ]) {
      const refused = await inject({
        method: 'POST',
        url: '/api/supplies/webhooks',
        payload: { url },
        headers: staff.headers,
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json().errors).toEqual([expect.objectContaining({ path: 'body.url' })]);
    }
    const hooks: Webhook[] = (await inject({ url: '/api/supplies/webhooks', headers: staff.headers })).json();
    const patched = await inject({
      method: 'PATCH',
      url: `/api/supplies/webhooks/${hooks[0]?.id}`,
      payload: { url: 'file:///etc/passwd', kinds: ['order.shipped'] },
      headers: staff.headers,
    });
    expect(patched.statusCode).toBe(400);
    expect(
      patched
        .json()
        .errors.map((error: { path: string }) => error.path)
        .sort(),
    ).toEqual(['body.kinds.0', 'body.url']);
  });
});

/** Two hub instances on one PostgreSQL, as a scaled-out hub runs: each delivery goes out once, in order. */
describe.skipIf(!postgresAvailable)('supplier feed webhooks from two hub instances [postgres]', () => {
  const nodes: TestNode[] = [];
  let drop: () => Promise<void>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    nodes.push(await startTestNode({ kind: 'postgres', url: database.url }));
    nodes.push(await startTestNode({ kind: 'postgres', url: database.url }));
    receiver = await startReceiver();
    // Every answer takes a while and both instances look for work often: the window for sending twice is wide.
    receiver.delayMs = 20;
    for (const node of nodes) {
      const supplies = node.modules.find((module) => module.name === 'supplies') as SuppliesModule;
      await supplies.webhookDispatcher().reconfigure({ pollMs: 10, backoffBaseMs: 5, backoffCapMs: 20 });
    }
  });
  afterAll(async () => {
    for (const node of nodes) await node.close();
    await receiver?.close();
    await drop?.();
  });

  it('sends each delivery once, in cursor order, though both instances dispatch', async () => {
    const [first, second] = nodes as [TestNode, TestNode];
    const { nurse, staff, ward } = await orderingStaff(first);
    const gloves = await findArticle(first, nurse, 'engångshandskar nitril M');
    receiver.answers.set('/shared', (nth) => (nth % 5 === 0 ? 500 : 200));
    await expectStatus(
      first.app.inject({
        method: 'POST',
        url: '/api/supplies/webhooks',
        payload: { url: receiver.url('/shared'), kinds: ['order.placed'] },
        headers: staff.headers,
      }),
      201,
    );
    const placed: Order[] = [];
    for (let index = 0; index < 12; index += 1) {
      const on = index % 2 === 0 ? first : second;
      const session = on === first ? nurse : await on.login(nurse.username, 'a long enough password');
      placed.push(await placeOrder(on, session, ward.id, [{ articleId: gloves.id, quantity: index + 1 }]));
    }
    const delivered = () => [
      ...new Map(
        receiver
          .at('/shared')
          .filter((entry) => entry.status < 300)
          .map((entry) => [entry.body.id, entry]),
      ).values(),
    ];
    await expect.poll(() => delivered().length, { timeout: 30_000 }).toBe(placed.length);
    const successes = receiver.at('/shared').filter((entry) => entry.status < 300);
    expect(successes).toHaveLength(placed.length);
    expect(successes.map((entry) => entry.body.order?.id)).toEqual(placed.map((order) => order.id));
    const cursors = receiver.at('/shared').map((entry) => entry.body.cursor ?? 0);
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
  });
});

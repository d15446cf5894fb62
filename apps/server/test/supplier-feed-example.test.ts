import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, FeedItem, OrderingUnit, WebhookCreated, WebhookDelivery } from '@kontor/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from './stores.js';
import { findArticle, orderingStaff, placeOrder } from './supplies-fixtures.js';
import { expectStatus, type Session, startTestNode, type TestNode } from './test-node.js';

const EXAMPLE = fileURLToPath(new URL('../../../examples/supplier-feed/supplier-feed.mjs', import.meta.url));
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('KONTOR_')));

/** Runs the example to its end, as a supplier would from a shell. */
function runExample(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [EXAMPLE, ...args], { env: { ...cleanEnv, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describeEachStore('the supplier feed example against a live hub', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;
  let hubUrl: string;
  let dir: string;
  let token: string;
  let nurse: Session;
  let staff: Session;
  let ward: OrderingUnit;
  let gloves: Article;
  let receiver: ChildProcessWithoutNullStreams | undefined;

  /**
   * An order, once the feed shows it: the feed holds an event back while any transaction older than it still runs,
   * anywhere on the PostgreSQL server (feed.ts), and `poll --once` reads only what is there now.
   */
  const order = async (quantity: number) => {
    const placed = await placeOrder(node, nurse, ward.id, [{ articleId: gloves.id, quantity }]);
    await expect
      .poll(async () => {
        const feed = await node.app.inject({
          url: '/api/supplies/feed',
          query: { limit: '1000' },
          headers: node.admin.headers,
        });
        return feed.json().items.some((item: FeedItem) => item.order.id === placed.id);
      })
      .toBe(true);
    return placed;
  };

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location);
    hubUrl = await node.app.listen({ host: '127.0.0.1', port: 0 });
    ({ nurse, staff, ward } = await orderingStaff(node));
    gloves = await findArticle(node, nurse, 'engångshandskar nitril M');
    const supplier = await node.userWith(['supplies.feed']);
    const created201 = await expectStatus(
      node.app.inject({
        method: 'POST',
        url: '/api/admin/tokens',
        payload: { name: 'supplier integration', userId: supplier.id, permissions: ['supplies.feed'] },
        headers: node.admin.headers,
      }),
      201,
    );
    token = created201.json().secret;
    dir = mkdtempSync(join(tmpdir(), 'kontor-supplier-feed-'));
  });
  afterAll(async () => {
    receiver?.kill();
    await node.close();
    await release();
    rmSync(dir, { recursive: true, force: true });
  });

  it('polls the feed with an API token, prints each order, and resumes from its cursor', async () => {
    const env = {
      KONTOR_URL: hubUrl,
      KONTOR_TOKEN: token,
      KONTOR_CURSOR_FILE: join(dir, 'cursor'),
      KONTOR_FEED_LIMIT: '2',
    };
    const first = await order(4);
    const second = await order(7);

    const run = await runExample(['poll', '--once'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`order.placed #`);
    expect(run.stdout).toMatch(new RegExp(`order\\.placed #\\d+ ${first.number} Ortopedavdelning 71 status=new`));
    expect(run.stdout).toContain(`4 × ${gloves.unit}  ${gloves.articleNumber}  ${gloves.name}`);
    expect(run.stdout).toContain(`7 × ${gloves.unit}  ${gloves.articleNumber}  ${gloves.name}`);
    expect(run.stdout).toContain(`"action":"create","purchaseOrder":"${second.number}"`);
    const cursor = Number(readFileSync(join(dir, 'cursor'), 'utf8'));
    expect(cursor).toBeGreaterThan(0);

    const third = await order(2);
    const resumed = await runExample(['poll', '--once'], env);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`from cursor ${cursor}`);
    expect(resumed.stdout).toContain(third.number);
    expect(resumed.stdout).not.toContain(first.number);
    expect(resumed.stdout).not.toContain(second.number);

    const refused = await runExample(['poll', '--once'], { ...env, KONTOR_TOKEN: 'kontor_not-a-token' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('HTTP 401');
  });

  it('receives signed webhooks, refusing forged or old signatures and handling each delivery once', async () => {
    // The receiver needs the secret, the webhook the receiver's port: created paused, pointed at it once it listens.
    const hook: WebhookCreated = (
      await expectStatus(
        node.app.inject({
          method: 'POST',
          url: '/api/supplies/webhooks',
          payload: { url: 'http://127.0.0.1:9/', active: false, kinds: ['order.placed'] },
          headers: staff.headers,
        }),
        201,
      )
    ).json();
    const child = spawn(process.execPath, [EXAMPLE, 'serve'], {
      env: { ...cleanEnv, KONTOR_WEBHOOK_SECRET: hook.secret, PORT: '0' },
    });
    receiver = child;
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    await expect.poll(() => /listening on (http:\S+)/.exec(output)?.[1]).toBeDefined();
    const url = /listening on (http:\S+)/.exec(output)?.[1] as string;
    await expectStatus(
      node.app.inject({
        method: 'PATCH',
        url: `/api/supplies/webhooks/${hook.id}`,
        payload: { url, active: true },
        headers: staff.headers,
      }),
      200,
    );

    const placed = await order(5);
    // The receiver prints the event and the order it would create as separate writes: wait for the last.
    await expect.poll(() => output).toContain(`"action":"create","purchaseOrder":"${placed.number}"`);
    expect(output).toMatch(new RegExp(`order\\.placed #\\d+ ${placed.number} Ortopedavdelning 71`));
    await expect
      .poll(async () => {
        const page = (
          await node.app.inject({
            url: '/api/supplies/webhooks/deliveries',
            query: { webhookId: hook.id },
            headers: staff.headers,
          })
        ).json();
        return page.deliveries.map((delivery: WebhookDelivery) => delivery.status);
      })
      .toEqual(['delivered']);

    const send = (body: string, secret: string, timestamp = Math.floor(Date.now() / 1000), id = randomUUID()) =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-kontor-delivery': id,
          'x-kontor-event': 'ping',
          'x-kontor-signature': `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`,
        },
        body,
      });
    const id = randomUUID();
    const ping = JSON.stringify({ id, cursor: null, kind: 'ping', at: new Date().toISOString(), order: null });
    expect((await send(ping, 'whsec_forged', undefined, id)).status).toBe(401);
    expect((await send(ping, hook.secret, Math.floor(Date.now() / 1000) - 600, id)).status).toBe(401);
    expect(await (await send(ping, hook.secret, undefined, id)).json()).toEqual({ ok: true });
    expect(await (await send(ping, hook.secret, undefined, id)).json()).toEqual({ duplicate: true });
    expect(output).toContain('refused a delivery: wrong signature');
    expect(output).toContain('refused a delivery: signature too old');
    expect(output).toContain(`ping from Kontor (delivery ${id})`);
    expect(output).toContain(`delivery ${id} again: already handled`);
  });
});

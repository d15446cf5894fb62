import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Webhook } from '@kontor/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SuppliesModule } from '../apps/server/src/supplies/index.js';
import { findArticle, orderingStaff, placeOrder } from '../apps/server/test/supplies-fixtures.js';
import { ADMIN_PASSWORD, startTestNode, type TestNode } from '../apps/server/test/test-node.js';
import {
  chromiumAvailable,
  horizontalOverflow,
  launchBrowser,
  screenshot,
  signIn,
  watchPage,
} from './support/browser.js';

const JOURNEY = 'supplies';

interface Received {
  status: number;
  headers: IncomingHttpHeaders;
  raw: string;
}

/** A supplier's webhook receiver on 127.0.0.1 that answers whatever `status` is at the moment. */
async function startReceiver() {
  const receiver = {
    status: 500,
    received: [] as Received[],
    url: '',
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { status } = receiver;
      receiver.received.push({ status, headers: request.headers, raw: Buffer.concat(chunks).toString('utf8') });
      response.statusCode = status;
      response.end(status < 300 ? 'ok' : 'the order intake is down');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kontor`;
  return receiver;
}

/**
 * The hub's administrator connects a supplier's order intake: adds the webhook (copying its secret, shown once),
 * sees an order's delivery fail for good while the intake is down, retries it once the intake is back, tests,
 * edits, pauses and removes the webhook.
 *
 * The hub runs in this process rather than as `kontor start`: only so can its dispatcher be given a backoff of
 * milliseconds (`reconfigure`, as the server's own webhook tests do), so the eight real attempts end in the
 * dead-letter queue within a second instead of the five minutes or so they take with the production timings.
 */
describe.skipIf(!chromiumAvailable)('supplier webhooks in the admin UI', () => {
  let hub: TestNode;
  let hubUrl: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let secret = '';
  let orderNumber = '';

  const webhooksOnHub = async (): Promise<Webhook[]> =>
    (await hub.app.inject({ url: '/api/supplies/webhooks', headers: hub.admin.headers })).json();
  const deliveryRow = (number: string) => page.locator(`[data-testid="delivery-row"][data-order-number="${number}"]`);
  const view = (label: string) => page.getByTestId('delivery-view').getByText(label, { exact: true }).click();

  beforeAll(async () => {
    hub = await startTestNode({ kind: 'pglite', dir: 'memory' });
    await hub.app.listen({ host: '127.0.0.1', port: 0 });
    hubUrl = `http://127.0.0.1:${(hub.app.server.address() as AddressInfo).port}`;
    const supplies = hub.modules.find((module) => module.name === 'supplies') as SuppliesModule;
    await supplies.webhookDispatcher().reconfigure({ pollMs: 200, backoffBaseMs: 20, backoffCapMs: 100 });
    receiver = await startReceiver();
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'sv-SE',
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    page = await context.newPage();
    problems = watchPage(page);
  });
  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    await hub?.close();
  });

  it('refuses an address that is not http or https, under the field', async () => {
    await signIn(page, hubUrl, ADMIN_PASSWORD);
    await page.getByTestId('language-select').selectOption('sv');
    await page.getByTestId('nav-supplies-webhooks').click();
    await page.getByTestId('webhooks-table').waitFor();
    expect(await page.getByTestId('deliveries-empty').textContent()).toContain('Inga misslyckade utskick');
    await page.getByTestId('webhook-new').click();
    await page.getByTestId('webhook-form-url').fill('ftp://leverantor.example.se/kontor');
    await page.getByTestId('webhook-form-submit').click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('Ange en adress som börjar med http:// eller https://');
    expect(await page.getByTestId('webhook-form-url').getAttribute('aria-invalid')).toBe('true');
    // The browser logs the refused request; that 400 is the answer this step asked for.
    expect(problems).toEqual([expect.stringContaining('status of 400')]);
    problems.length = 0;
  });

  it('adds a webhook and shows its secret once, with a button that copies it', async () => {
    await page.getByTestId('webhook-form-url').fill(receiver.url);
    await page.getByTestId('webhook-form-description').fill('Leverantörens orderintag');
    await page.getByTestId('webhook-form-submit').click();
    const modal = page.getByTestId('webhook-secret-modal');
    await modal.waitFor();
    expect(await modal.textContent()).toContain('visas aldrig igen');
    secret = (await page.getByTestId('webhook-secret').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_[\w-]{40,}$/);
    await page.getByTestId('webhook-secret-copy').click();
    await expect.poll(() => page.getByTestId('webhook-secret-copy').textContent()).toBe('Kopierad');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await screenshot(page, JOURNEY, '13a-webhook-secret');
    await page.getByTestId('webhook-secret-close').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    const row = page.locator(`[data-testid="webhook-row"][data-url="${receiver.url}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Alla händelser');
    expect(await row.getAttribute('data-active')).toBe('true');
    // The secret is never in what the API lists.
    expect(JSON.stringify(await webhooksOnHub())).not.toContain(secret);
  });

  it('shows an order whose receiver keeps failing among the failed deliveries, live', async () => {
    const { nurse, ward } = await orderingStaff(hub);
    const gloves = await findArticle(hub, nurse, 'engångshandskar nitril M');
    orderNumber = (await placeOrder(hub, nurse, ward.id, [{ articleId: gloves.id, quantity: 3 }])).number;

    // No reload: the delivery turns up in the dead-letter view when the eighth attempt failed.
    const row = deliveryRow(orderNumber);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.getAttribute('data-status')).toBe('dead');
    expect(await row.getByTestId('delivery-kind').textContent()).toBe('Ny beställning');
    expect(await row.getByTestId('delivery-attempts').textContent()).toBe('8 av 8');
    expect(await row.getByTestId('delivery-answer').getAttribute('data-status-code')).toBe('500');
    expect(await row.getByTestId('delivery-answer').textContent()).toContain('HTTP 500: the order intake is down');
    const counts = page.getByTestId('webhook-row').getByTestId('webhook-counts');
    await expect.poll(() => counts.getAttribute('data-dead')).toBe('1');
    expect(receiver.received.filter((entry) => entry.headers['x-kontor-event'] === 'order.placed')).toHaveLength(8);
    await screenshot(page, JOURNEY, '13-webhooks');
  });

  it('retries the failed delivery once the receiver is back, signed with the secret', async () => {
    receiver.status = 200;
    await deliveryRow(orderNumber).getByTestId('delivery-retry').click();
    await expect.poll(() => deliveryRow(orderNumber).count()).toBe(0);
    expect(await page.getByTestId('deliveries-empty').isVisible()).toBe(true);

    await view('Levererade');
    await expect.poll(() => deliveryRow(orderNumber).getAttribute('data-status')).toBe('delivered');
    expect(await deliveryRow(orderNumber).getByTestId('delivery-answer').textContent()).toBe('HTTP 200');
    const counts = page.getByTestId('webhook-row').getByTestId('webhook-counts');
    await expect.poll(() => counts.getAttribute('data-dead')).toBe('0');
    expect(await counts.getAttribute('data-delivered')).toBe('1');

    const accepted = receiver.received.filter((entry) => entry.status === 200);
    expect(accepted).toHaveLength(1);
    const [entry] = accepted;
    if (!entry) throw new Error('unreachable');
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(entry.headers['x-kontor-signature'])) ?? [];
    expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${entry.raw}`).digest('hex'));
    expect(JSON.parse(entry.raw).order.number).toBe(orderNumber);
  });

  it('sends a test message and shows how it went', async () => {
    await page.getByTestId('webhook-test').click();
    expect(await page.getByTestId('webhook-test-sent').textContent()).toContain(receiver.url);
    const ping = page.locator('[data-testid="delivery-row"][data-kind="ping"]');
    await expect.poll(() => ping.getAttribute('data-status')).toBe('delivered');
    expect(await ping.textContent()).toContain('Testmeddelande (ping)');
    expect(receiver.received.at(-1)?.headers['x-kontor-event']).toBe('ping');
  });

  it('edits and pauses the webhook', async () => {
    const row = page.getByTestId('webhook-row');
    await row.getByTestId('webhook-edit').click();
    await page.getByTestId('webhook-form-description').fill('Orderintag, bara statusar');
    await page.getByTestId('webhook-form-kinds').click();
    await page.getByRole('option', { name: 'Ny status' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('webhook-form-submit').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => row.textContent()).toContain('Orderintag, bara statusar');
    expect(await row.textContent()).toContain('Ny status');
    // The switch's input lies under its track, which is what a person clicks; it turns once the hub answered.
    await row.getByRole('switch').click({ force: true });
    await expect.poll(() => row.getAttribute('data-active')).toBe('false');
    const [saved] = await webhooksOnHub();
    expect(saved).toMatchObject({ description: 'Orderintag, bara statusar', kinds: ['order.status'], active: false });
  });

  it('fits a phone without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await view('Alla');
    await page.getByTestId('delivery-row').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // The test button scrolled down to the deliveries; the picture starts at the top under the header.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, JOURNEY, '13b-webhooks-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('removes the webhook with its deliveries after asking', async () => {
    await page.getByTestId('webhook-row').getByTestId('webhook-delete').click();
    expect(await page.getByRole('dialog').textContent()).toContain(receiver.url);
    await page.getByTestId('confirm-submit').click();
    await expect.poll(() => page.getByTestId('webhook-row').count()).toBe(0);
    expect(await webhooksOnHub()).toEqual([]);
    await expect.poll(() => page.getByTestId('delivery-row').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESS_TEST_TIMEOUT, type RunningServer, startServer } from '../apps/server/test/processes.js';
import {
  chromiumAvailable,
  enrollmentCode,
  horizontalOverflow,
  launchBrowser,
  screenshot,
  signIn,
  watchPage,
} from './support/browser.js';

const JOURNEY = 'supplies';
const PASSWORD = 'journey admin password';
const UNIT = 'Ortopedavdelning 71';
/** A workstation retries a lost hub with backoff up to 30 s; sending and the hub's answer may take that long. */
const SYNC_TIMEOUT = 90_000;

/** The hub on a data directory and port of its own, so it can be stopped and started again as the same hub. */
function startHub(dataDir: string, port = '0') {
  return startServer(['--data', dataDir, '--port', port, '--admin-password', PASSWORD]);
}

/** The number of catalog articles a node holds, asked as the admin (a workstation has them once it synced). */
async function catalogSize(url: string): Promise<number> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  if (!login.ok) return 0;
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const response = await fetch(`${url}/api/supplies/articles?limit=1`, { headers: { cookie } });
  return response.ok ? ((await response.json()) as { total: number }).total : 0;
}

const badge = (page: Page) => page.getByTestId('order-page').getByTestId('order-status').first();

/**
 * A nurse on a ward's workstation looks up the on-call number and orders gloves and compresses while the hub is
 * down; the order waits on the workstation ("Saved locally"), reaches the hub when it is back ("Sent"), and the
 * supply room's confirmation comes back to the open page, all without a reload.
 */
describe.skipIf(!chromiumAvailable)('ordering supplies on a workstation while the hub is away', () => {
  const hubDir = mkdtempSync(join(tmpdir(), 'kontor-e2e-supplies-hub-'));
  const clientDir = mkdtempSync(join(tmpdir(), 'kontor-e2e-supplies-ward-'));
  let hub: RunningServer | undefined;
  let hubPort: string;
  let hubUrl: string;
  let client: RunningServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let orderNumber = '';

  beforeAll(async () => {
    hub = await startHub(hubDir);
    hubUrl = hub.url;
    hubPort = new URL(hub.url).port;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await client?.stop();
    await hub?.stop();
    rmSync(hubDir, { recursive: true, force: true });
    rmSync(clientDir, { recursive: true, force: true });
  });

  it('enrolls a ward workstation, which gets the catalog, then loses the hub', {
    timeout: PROCESS_TEST_TIMEOUT,
  }, async () => {
    const code = await enrollmentCode(hubUrl, PASSWORD);
    client = await startServer([
      ...['--role', 'client', '--upstream', hubUrl, '--enroll', code],
      ...['--data', clientDir, '--port', '0', '--node-name', 'ward-71'],
    ]);
    await expect.poll(() => catalogSize(client.url), { timeout: SYNC_TIMEOUT }).toBeGreaterThan(100);
    await hub?.stop();
    hub = undefined;
  });

  it('finds the on-call number in the directory with the hub down', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    problems = watchPage(page);
    // Swedish from the browser's language: a workstation cannot save the user's choice (users live on the hub).
    await signIn(page, client.url, PASSWORD);
    await page.getByTestId('nav-directory').click();
    await page.getByTestId('directory-search').fill('jour ortopedavdelning 71');
    const first = page.getByTestId('directory-results').getByTestId('directory-entry').first();
    await expect.poll(() => first.textContent()).toContain('Jourhavande läkare');
    expect(await first.textContent()).toContain(UNIT);
    expect(await first.getByTestId('contact-mobile').first().textContent()).toMatch(/\d{3}/);
    await screenshot(page, JOURNEY, '01-directory-on-call');
  });

  it('orders two articles, kept on the workstation as "Saved locally"', async () => {
    await page.getByTestId('nav-supplies').click();
    await page.getByTestId('unit-select').click();
    await page.getByTestId('unit-select').fill(UNIT);
    // An option reads as the unit's name, then its path in the organisation.
    await page.getByRole('option', { name: new RegExp(`^${UNIT}`) }).click();
    const results = page.getByTestId('catalog-results');

    await page.getByTestId('catalog-search').fill('nitril M');
    await expect.poll(() => results.getByTestId('article-row').first().textContent()).toContain('nitril M');
    await results.getByTestId('article-quantity').first().fill('3');
    await results.getByTestId('article-add').first().click();
    await page.getByTestId('catalog-search').fill('kompress');
    await expect.poll(() => results.getByTestId('article-row').first().textContent()).toContain('Kompress');
    await results.getByTestId('article-add').first().click();

    const lines = page.getByTestId('cart').getByTestId('draft-line');
    await expect.poll(() => lines.count()).toBe(2);
    expect(await lines.first().getByTestId('draft-line-quantity').inputValue()).toBe('3');
    expect(await page.getByTestId('order-form-address').inputValue()).toBe(UNIT);
    await screenshot(page, JOURNEY, '02-cart');

    await page.getByTestId('cart-place').click();
    await page.getByTestId('order-page').waitFor();
    orderNumber = (await page.getByTestId('order-number').textContent()) ?? '';
    expect(orderNumber).toMatch(/^KO-[0-9A-Z]{6}$/);
    expect(await badge(page).getAttribute('data-kind')).toBe('local');
    expect(await badge(page).textContent()).toBe('Sparad lokalt');
    expect(await page.getByTestId('order-line').count()).toBe(2);
    await screenshot(page, JOURNEY, '03-order-saved-locally');
  });

  it('turns "Sent" without a reload once the hub is back', { timeout: PROCESS_TEST_TIMEOUT }, async () => {
    hub = await startHub(hubDir, hubPort);
    expect(hub.url).toBe(hubUrl);
    await expect.poll(() => badge(page).getAttribute('data-kind'), { timeout: SYNC_TIMEOUT }).toBe('sent');
    expect(await badge(page).textContent()).toBe('Skickad');
    await screenshot(page, JOURNEY, '04-order-sent');
  });

  it('is confirmed on the hub by the supply room', async () => {
    const hubPage = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    problems.push(...watchPage(hubPage));
    await signIn(hubPage, hubUrl, PASSWORD);
    await hubPage.getByTestId('language-select').selectOption('sv');
    await hubPage.getByTestId('nav-supplies-queue').click();
    const row = hubPage.locator(`[data-testid="order-row"][data-number="${orderNumber}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(UNIT);
    await screenshot(hubPage, JOURNEY, '05-hub-queue');
    await row.getByRole('link', { name: orderNumber }).click();
    await hubPage.getByTestId('hub-status-confirmed').click();
    await expect.poll(() => badge(hubPage).getAttribute('data-kind')).toBe('confirmed');
    await screenshot(hubPage, JOURNEY, '06-hub-confirmed');
    await hubPage.close();
  });

  it('shows "Confirmed" on the workstation without a reload, and prints with barcodes', {
    timeout: PROCESS_TEST_TIMEOUT,
  }, async () => {
    await expect.poll(() => badge(page).getAttribute('data-kind'), { timeout: SYNC_TIMEOUT }).toBe('confirmed');
    expect(await badge(page).textContent()).toBe('Bekräftad');
    await screenshot(page, JOURNEY, '07-order-confirmed');

    await page.getByTestId('nav-supplies-orders').click();
    const row = page.locator(`[data-testid="order-row"][data-number="${orderNumber}"]`);
    await expect.poll(() => row.getByTestId('order-status').textContent()).toBe('Bekräftad');
    await screenshot(page, JOURNEY, '08-orders');

    await row.getByRole('link', { name: orderNumber }).click();
    await page.getByTestId('order-print').click();
    await page.getByTestId('order-print-view').waitFor();
    expect(await page.getByTestId('article-barcode').count()).toBe(2);
    expect(await page.getByTestId('order-print-pdf-hint').textContent()).toContain('Spara som PDF');
    expect(await page.getByTestId('print-footer').textContent()).toContain('Klient');
    await screenshot(page, JOURNEY, '09-print');
  });

  it('fits a phone without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('nav-supplies-orders').evaluate((link: HTMLAnchorElement) => link.click());
    await page.getByTestId('order-row').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, JOURNEY, '10-orders-phone');
    await page.getByTestId('nav-supplies').evaluate((link: HTMLAnchorElement) => link.click());
    await page.getByTestId('catalog-results').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, JOURNEY, '11-catalog-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('says clearly why a quantity of 0 or a withdrawn article cannot be ordered', async () => {
    await page.goto(`${client.url}/supplies/new`);
    const results = page.getByTestId('catalog-results');
    await page.getByTestId('catalog-search').fill('munskydd');
    await expect.poll(() => results.getByTestId('article-row').first().textContent()).toContain('Munskydd');

    // In the catalog: 0 cannot be added at all.
    await results.getByTestId('article-quantity').first().fill('0');
    expect(await results.getByTestId('article-add').first().isDisabled()).toBe(true);
    expect(await results.getByTestId('article-quantity-error').first().textContent()).toBe('Måste vara minst 1');
    await results.getByTestId('article-quantity').first().fill('1');
    await results.getByTestId('article-add').first().click();

    // In the cart: set to 0, the line says why and the order is not sent.
    const line = page.getByTestId('cart').getByTestId('draft-line').first();
    await line.getByTestId('draft-line-quantity').fill('0');
    expect(await line.getByTestId('draft-line-error').textContent()).toBe('Måste vara minst 1');
    await page.getByTestId('cart-place').click();
    expect(await page.getByTestId('order-page').count()).toBe(0);
    // The cart is kept in the browser: a reload keeps what was typed.
    await page.reload();
    await expect.poll(() => page.getByTestId('cart').getByTestId('draft-line').count()).toBe(1);

    // Vinyl gloves were phased out: found, marked, and impossible to add.
    await page.getByTestId('catalog-search').fill('vinyl');
    const withdrawn = results.getByTestId('article-row').first();
    await expect.poll(() => withdrawn.textContent()).toContain('vinyl');
    expect(await withdrawn.getByTestId('article-inactive').textContent()).toBe('Utgått');
    expect(await withdrawn.getByTestId('article-add').isDisabled()).toBe(true);
    expect(await withdrawn.getByTestId('article-inactive-hint').textContent()).toBe('Går inte längre att beställa');
    await screenshot(page, JOURNEY, '12-refused-input');
    expect(problems).toEqual([]);
  });
});

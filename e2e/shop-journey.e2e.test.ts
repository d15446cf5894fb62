import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ShopOrderDetail } from '@kontor/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpTestServer, startSmtpTestServer } from '../apps/server/test/smtp-test-server.js';
import { freePort } from '../bench/child.js';
import { type StripeStandin, startStripeStandin } from '../examples/stripe-standin/standin.js';
import {
  chromiumAvailable,
  horizontalOverflow,
  launchBrowser,
  screenshot,
  startJourneyNode,
  watchPage,
} from './support/browser.js';
import { type ApiSession, apiSession } from './support/visitors.js';

const JOURNEY = 'shop';
const WEBHOOK_SECRET = 'whsec_shop_journey_0123456789';
const SECRET_KEY = 'sk_test_shop_journey';
const EMAIL = `erik.lind.${Date.now()}@example.se`;

/**
 * Issue 7's journey on a phone: a guest searches "propeller", narrows to what fits a 2015 Yamaha F40, opens the product,
 * puts it in the cart, checks out as a guest, pays on the card provider's page (the local server speaking Stripe's
 * protocol), and comes back to an order that the signed webhook marked paid; the confirmation e-mail is captured by
 * a real SMTP server. The provider then delivers the same webhook ten more times at once: still one payment, one
 * change to paid, one e-mail.
 */
describe.skipIf(!chromiumAvailable)('shop: from a search to a paid order', () => {
  let node: Awaited<ReturnType<typeof startJourneyNode>>;
  let outbox: SmtpTestServer;
  let stripe: StripeStandin;
  let configDir: string;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let admin: ApiSession;
  let orderId: string;

  beforeAll(async () => {
    outbox = await startSmtpTestServer();
    stripe = await startStripeStandin({ webhookSecret: WEBHOOK_SECRET, secretKey: SECRET_KEY });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    configDir = mkdtempSync(join(tmpdir(), 'kontor-e2e-shop-'));
    const configFile = join(configDir, 'kontor.config.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        publicUrl: url,
        smtpUrl: outbox.url,
        mailRetryBaseMs: 100,
        commerceStripeApiUrl: stripe.url,
        commerceStripeSecretKey: SECRET_KEY,
        commerceStripeWebhookSecret: WEBHOOK_SECRET,
      }),
    );
    node = await startJourneyNode(['--config', configFile, '--port', String(port)]);
    stripe.setWebhookUrl(`${node.url}/api/shop/payments/webhook/stripe`);
    admin = await apiSession(node.url, 'admin', node.adminPassword);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'sv-SE' });
    problems = watchPage(page);
    // A first start migrates and seeds the whole demo shop: on a busy 2-core machine that takes minutes.
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await node?.cleanup();
    await stripe?.close();
    await outbox?.close();
    if (configDir) rmSync(configDir, { recursive: true, force: true });
  });

  const noSidewaysScroll = async () => expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  it('finds propellers and narrows them to what fits a 2015 Yamaha F40', async () => {
    await page.goto(`${node.url}/shop/search?q=propeller`);
    const products = page.locator('main a[href^="/shop/p/"]');
    await products.first().waitFor();
    const all = await products.count();
    await screenshot(page, JOURNEY, '01-search');

    await page.locator('details.facets > summary').click();
    // On a phone each facet is folded until something in it is chosen.
    await page.locator('details.facet > summary', { hasText: 'Passar till' }).click();
    await page
      .getByRole('link', { name: /Yamaha F40/ })
      .first()
      .click();
    await page.getByRole('link', { name: /2015/ }).first().click();
    await page.waitForURL(/facet\.fitment=/);
    await products.first().waitFor();
    expect(await products.count()).toBeLessThanOrEqual(all);
    await noSidewaysScroll();
    await screenshot(page, JOURNEY, '02-fits-yamaha-f40-2015');
  });

  it('shows the product with its price, fitment and crawlable structured data', async () => {
    await page.locator('main a[href^="/shop/p/"]').first().click();
    await page.waitForURL(/\/shop\/p\//);
    const structured = await page.locator('script[type="application/ld+json"]').allTextContents();
    const product = structured.map((text) => JSON.parse(text)).find((data) => data['@type'] === 'Product');
    expect(product?.offers).toBeTruthy();
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(/\/shop\/p\//);
    expect(await page.locator('#fitment-title + .scroll').textContent()).toMatch(/F40/);
    await noSidewaysScroll();
    await screenshot(page, JOURNEY, '03-product');
  });

  it('puts the propeller in the cart', async () => {
    const added = page.waitForResponse((response) => response.url().endsWith('/api/shop/cart/lines'));
    await page.locator('[data-buy]').click();
    expect((await added).ok()).toBe(true);
    // The header counts it without a reload, in words too.
    await expect.poll(() => page.locator('[data-cart-count]').textContent()).toBe('1');
    expect(await page.locator('a.cart').getAttribute('aria-label')).toBe('Varukorg, 1 vara');
    await screenshot(page, JOURNEY, '03-product-in-cart');
    await page.goto(`${node.url}/shop/cart`);
    await page.getByTestId('cart-lines').waitFor();
    await noSidewaysScroll();
    await screenshot(page, JOURNEY, '04-cart');
  });

  it('checks out as a guest and is sent to the card page', async () => {
    await page.getByTestId('cart-checkout').click();
    await page.getByTestId('checkout-form').waitFor();
    await page.getByTestId('checkout-name').fill('Erik Lind');
    await page.getByTestId('checkout-email').fill(EMAIL);
    await page.getByTestId('checkout-phone').fill('070-123 45 67');
    await page.getByTestId('checkout-shipping-line1').fill('Hamngatan 4');
    await page.getByTestId('checkout-shipping-postal-code').fill('452 30');
    await page.getByTestId('checkout-shipping-city').fill('Strömstad');
    await page.getByTestId('shipping-options').waitFor();
    await page.getByTestId('checkout-accept-terms').check();
    await screenshot(page, JOURNEY, '05-checkout');
    await page.getByTestId('place-order').click();
    await page.waitForURL(`${stripe.url}/pay/**`);
    await screenshot(page, JOURNEY, '06-card-page');
  });

  it('pays; the webhook marks the order paid and the confirmation is mailed', async () => {
    await page.locator('#card_number').fill('4242 4242 4242 4242');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/shop\/orders?\//);
    orderId = new URL(page.url()).pathname.split('/').pop() as string;
    await expect.poll(() => page.getByTestId('order-progress').getAttribute('data-progress')).toBe('paid');
    await noSidewaysScroll();
    await screenshot(page, JOURNEY, '07-paid');

    const order = await admin.request<ShopOrderDetail>(`/api/commerce/orders/${orderId}`);
    const mail = await outbox.waitFor((m) => m.envelope.to.includes(EMAIL), 30_000);
    expect(mail.parsed.subject).toContain(order.displayNumber);
    expect(mail.parsed.text).toContain('Erik Lind');
  });

  it('takes the same webhook delivered ten more times as one payment', async () => {
    await stripe.settle();
    const succeeded = stripe.events().find((event) => event.type === 'payment_intent.succeeded');
    expect(succeeded).toBeTruthy();
    const statuses = await stripe.redeliver(succeeded?.id as string, 10, { concurrent: true });
    expect(statuses.every((status) => status >= 200 && status < 300)).toBe(true);

    const order = await admin.request<ShopOrderDetail>(`/api/commerce/orders/${orderId}`);
    expect(order.status).toBe('paid');
    expect(order.payments).toHaveLength(1);
    const paid = order.events.filter((event) => event.toStatus === 'paid');
    expect(paid).toHaveLength(1);
    expect(outbox.messages.filter((m) => m.envelope.to.includes(EMAIL))).toHaveLength(1);
    expect(problems).toEqual([]);
  });
});

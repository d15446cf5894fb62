import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  horizontalOverflow,
  type JourneyNode,
  launchBrowser,
  screenshot,
  startJourneyNode,
  watchPage,
} from './support/browser.js';

const JOURNEY = 'shop-account';
const PASSWORD = 'a long customer password';
/** Mixed case on purpose: the shop keeps the sign-in name in lower case, and signing in must still work. */
const EMAIL = `Karin.Berg.${Date.now()}@Example.se`;

/**
 * A SKU the demo shop sells: the first propeller the search finds, read from its server-rendered product page (so the
 * test does not depend on the demo's article numbers).
 */
async function demoSku(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const search = (await (await fetch('/api/shop/search?q=propeller')).json()) as { hits: Array<{ url: string }> };
    const url = search.hits[0]?.url;
    if (!url) throw new Error('the demo shop has no propeller');
    const html = await (await fetch(url)).text();
    const input = new DOMParser()
      .parseFromString(html, 'text/html')
      .querySelector<HTMLInputElement>('[data-sku-input]');
    const sku = input?.value ?? /"sku":"([^"]+)"/.exec(html)?.[1];
    if (!sku) throw new Error(`no SKU on ${url}`);
    return sku;
  });
}

/**
 * The shop's account pages on a phone, without a payment provider configured: a guest's cart follows them into a new
 * account, addresses are saved and prefill the checkout, the order (payment not started) shows in the order history,
 * and signing out and in again keeps everything.
 */
describe.skipIf(!chromiumAvailable)('a shop customer’s account on a phone', () => {
  let node: JourneyNode & { cleanup(): Promise<void> };
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let sku: string;

  beforeAll(async () => {
    node = await startJourneyNode();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'sv-SE' });
    problems = watchPage(page);
    // A first start migrates and seeds the whole demo shop: on a busy 2-core machine that takes minutes.
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await node?.cleanup();
  });

  const noSidewaysScroll = async () => expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  it('shows an empty cart, then the line a guest adds', async () => {
    await page.goto(`${node.url}/shop/cart`);
    await page.getByTestId('cart-empty').waitFor();
    sku = await demoSku(page);
    const status = await page.evaluate(
      async (body) =>
        (
          await fetch('/api/shop/cart/lines', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          })
        ).status,
      { sku, quantity: 1 },
    );
    expect(status).toBe(200);
    await page.reload();
    await page.getByTestId(`cart-line-${sku}`).waitFor();
    expect(await page.getByTestId('shop-cart-count').textContent()).toBe('1');
    await noSidewaysScroll();
    await screenshot(page, JOURNEY, '01-guest-cart');
  });

  it('creates an account; the guest cart comes along', async () => {
    await page.getByTestId('shop-account-link').click();
    await page.getByTestId('account-tab-sign-up').click();
    // The checks speak before anything is sent.
    await page.getByTestId('account-sign-up-submit').click();
    await page.getByText('Minst 12 tecken').last().waitFor();
    await page.getByTestId('account-sign-up-name').fill('Karin Berg');
    await page.getByTestId('account-sign-up-email').fill(EMAIL);
    await page.getByTestId('account-sign-up-password').fill(PASSWORD);
    await page.getByTestId('account-sign-up-submit').click();
    await page.getByTestId('account-home').waitFor();
    expect(await page.getByTestId('account-who').textContent()).toContain('Karin Berg');
    await page.getByTestId('account-orders-empty').waitFor();
    await expect.poll(() => page.getByTestId('shop-cart-count').textContent()).toBe('1');
    await noSidewaysScroll();
    await screenshot(page, JOURNEY, '02-account');
  });

  it('saves an address after showing what is missing', async () => {
    await page.getByTestId('account-tab-addresses').click();
    await page.getByTestId('addresses-empty').waitFor();
    await page.getByTestId('address-add').click();
    await page.getByTestId('address-save').click();
    expect(await page.getByTestId('address-line1').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('address-name').fill('Karin Berg');
    await page.getByTestId('address-line1').fill('Strandvägen 7');
    await page.getByTestId('address-postal-code').fill('452 30');
    await page.getByTestId('address-city').fill('Strömstad');
    await page.getByTestId('address-save').click();
    await page.getByTestId('addresses').waitFor();
    expect(await page.getByTestId('addresses').textContent()).toContain('Strandvägen 7');
    await screenshot(page, JOURNEY, '03-addresses');
  });

  it('changes the quantity in the cart', async () => {
    await page.getByTestId('shop-cart-link').click();
    await page.getByTestId(`cart-line-${sku}`).waitFor();
    const before = await page.getByTestId('cart-totals-total').textContent();
    await page.getByTestId(`cart-qty-${sku}-inc`).click();
    await expect.poll(() => page.getByTestId(`cart-qty-${sku}`).inputValue()).toBe('2');
    await expect.poll(() => page.getByTestId('cart-totals-total').textContent()).not.toBe(before);
    expect(await page.getByTestId('shop-cart-count').textContent()).toBe('2');
    await noSidewaysScroll();
    await screenshot(page, JOURNEY, '04-cart');
  });

  it('checks out with the account’s details filled in', async () => {
    await page.getByTestId('cart-checkout').click();
    await page.getByTestId('checkout-form').waitFor();
    await expect.poll(() => page.getByTestId('checkout-shipping-line1').inputValue()).toBe('Strandvägen 7');
    expect(await page.getByTestId('checkout-email').inputValue()).toBe(EMAIL.toLowerCase());
    expect(await page.getByTestId('checkout-name').inputValue()).toBe('Karin Berg');
    // The terms are not accepted yet: nothing is sent, the checkbox says why.
    await page.getByTestId('place-order').click();
    await expect.poll(() => page.getByTestId('checkout-accept-terms').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('checkout-accept-terms').check();
    await page.locator('[data-testid^="shipping-option-"]').first().waitFor();
    await noSidewaysScroll();
    await screenshot(page, JOURNEY, '05-checkout');
    await page.getByTestId('place-order').click();
    // No payment provider on this node: the order is placed, and its page offers to pay.
    await page.getByTestId('order-page').waitFor();
    expect(await page.getByTestId('order-status').getAttribute('data-status')).toBe('created');
    expect(await page.getByTestId('order-progress').getAttribute('data-progress')).toBe('failed');
    await page.getByTestId('order-retry-payment').waitFor();
    expect(await page.getByTestId('shop-cart-count').textContent()).toBe('0');
    await screenshot(page, JOURNEY, '06-order');
  });

  it('lists the order in the account and opens it', async () => {
    const number = /WG-\d+/.exec((await page.getByTestId('order-number').textContent()) ?? '')?.[0] ?? '';
    expect(number).toMatch(/^WG-\d+$/);
    await page.getByTestId('shop-account-link').click();
    await page.getByTestId(`account-order-link-${number}`).click();
    await page.getByTestId('account-order').waitFor();
    expect(await page.getByTestId('account-order').getAttribute('data-order-status')).toBe('created');
    expect(await page.getByTestId('order-lines').textContent()).toContain(sku);
    await page.getByTestId('account-order-pay').waitFor();
    await noSidewaysScroll();
    await screenshot(page, JOURNEY, '07-account-order');
  });

  it('signs out and back in, in English, with everything kept', async () => {
    await page.getByTestId('account-order-back').click();
    await page.getByTestId('account-sign-out').click();
    await page.getByTestId('account-sign-in-form').waitFor();
    await page.getByTestId('shop-lang-en').click();
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    await page.getByTestId('account-sign-in-email').fill(EMAIL);
    await page.getByTestId('account-sign-in-password').fill(PASSWORD);
    await page.getByTestId('account-sign-in-submit').click();
    await page.getByTestId('account-home').waitFor();
    await page.locator('[data-testid^="account-order-WG-"]').first().waitFor();
    await page.getByTestId('account-tab-addresses').click();
    expect(await page.getByTestId('addresses').textContent()).toContain('Strandvägen 7');
    await screenshot(page, JOURNEY, '08-signed-in-again');
  });

  it('logged no error', () => {
    expect(problems).toEqual([]);
  });
});

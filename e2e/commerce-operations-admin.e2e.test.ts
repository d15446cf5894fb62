import type { ShippingOption, ShopCart } from '@kontor/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  type JourneyNode,
  launchBrowser,
  screenshot,
  signIn,
  startJourneyNode,
  watchPage,
} from './support/browser.js';

const JOURNEY = 'commerce-operations';
const VOLUME_NAME = 'Three anchors or more';
const BUNDLE_NAME = 'Fender and anchor together';

/**
 * A marketer sets up a volume discount (three Lewmar Delta anchors or more) and a bundle (a fender with a claw
 * anchor) on the campaigns page; an order handler adds a shipping zone for the United Kingdom with a parcel method
 * and its weight brackets. The shop's cart then carries both discounts, and its shipping options for GB the new rate.
 */
describe.skipIf(!chromiumAvailable)('commerce operations admin journey', () => {
  let node: JourneyNode & { cleanup(): Promise<void> };
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    node = await startJourneyNode();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'sv-SE' });
    problems = watchPage(page);
    await signIn(page, node.url, node.adminPassword);
    await page.getByTestId('language-select').selectOption('en');
    // A demo node seeds the whole shop before it answers: minutes on a busy 2-core machine.
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await node?.cleanup();
  });

  const ruleRow = (name: string) => page.locator(`[data-testid="rule-row"][data-name="${name}"]`);
  const pick = (name: string) => page.getByRole('option', { name, exact: true }).click();
  /** Text as read, with the no-break spaces Intl puts in amounts ("SEK\u00a0100.00") as plain ones. */
  const text = async (testId: string, within = page.locator('body')) =>
    (await within.getByTestId(testId).textContent())?.replace(/\s/g, ' ');

  it('creates a volume discount on a product', async () => {
    await page.getByTestId('nav-commerce-campaigns').click();
    await page.getByTestId('rules-table').waitFor();
    await page.getByTestId('rule-new').click();
    await page.getByTestId('rule-kind').getByText('Volume', { exact: true }).click();
    await page.getByTestId('rule-name-sv').fill('Tre ankare eller fler');
    await page.getByTestId('rule-name-en').fill(VOLUME_NAME);
    await page.getByTestId('rule-percent').fill('10');
    // Nothing is sent before the form is whole: the missing pieces are named where they go.
    await page.getByTestId('rule-submit').click();
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('Enter a whole number from 2 to 999.');
    await page.getByTestId('rule-min-quantity').fill('3');
    await page.getByTestId('rule-target').fill('Lewmar Delta');
    await pick('Lewmar Delta anchor');
    await screenshot(page, JOURNEY, 'volume-form');
    await page.getByTestId('rule-submit').click();
    await ruleRow(VOLUME_NAME).waitFor();
    expect(await text('rule-condition', ruleRow(VOLUME_NAME))).toBe('3 or more of Lewmar Delta anchor');
    expect(await text('rule-value', ruleRow(VOLUME_NAME))).toBe('10%');
  });

  it('edits the volume discount', async () => {
    await ruleRow(VOLUME_NAME).getByTestId('rule-edit').click();
    await expect.poll(() => page.getByTestId('rule-percent').inputValue()).toBe('10');
    await page.getByTestId('rule-percent').fill('12');
    await page.getByTestId('rule-submit').click();
    await expect.poll(() => text('rule-value', ruleRow(VOLUME_NAME))).toBe('12%');
  });

  it('creates a bundle discount of two products', async () => {
    await page.getByTestId('rule-new').click();
    await page.getByTestId('rule-kind').getByText('Bundle', { exact: true }).click();
    await page.getByTestId('rule-name-sv').fill('Fender och ankare tillsammans');
    await page.getByTestId('rule-name-en').fill(BUNDLE_NAME);
    await page.getByTestId('rule-products').fill('Majoni');
    await pick('Majoni fender');
    await page.getByTestId('rule-products').fill('claw');
    await pick('Galvanised claw anchor');
    await page.getByTestId('rule-amount-SEK').fill('100');
    await screenshot(page, JOURNEY, 'bundle-form');
    await page.getByTestId('rule-submit').click();
    await ruleRow(BUNDLE_NAME).waitFor();
    expect(await text('rule-condition', ruleRow(BUNDLE_NAME))).toBe('Majoni fender + Galvanised claw anchor together');
    expect(await text('rule-value', ruleRow(BUNDLE_NAME))).toBe('SEK 100.00 per set');
    await screenshot(page, JOURNEY, 'campaigns');
  });

  it('adds a shipping zone; a country of another zone is refused next to the countries', async () => {
    await page.getByTestId('nav-commerce-shipping').click();
    await page.locator('[data-testid="zone-card"][data-code="se"]').waitFor();
    await screenshot(page, JOURNEY, 'shipping');
    await page.getByTestId('zone-new').click();
    await page.getByTestId('zone-name-sv').fill('Storbritannien');
    await page.getByTestId('zone-name-en').fill('United Kingdom');
    await page.getByTestId('zone-code').fill('uk');
    await page.getByTestId('zone-countries').fill('United Kingdom');
    await pick('United Kingdom (GB)');
    await page.getByTestId('zone-countries').fill('Sweden');
    await pick('Sweden (SE)');
    // The list stays open for more countries until the user goes on to another field.
    await page.getByTestId('zone-code').click();
    await page.getByTestId('zone-submit').click();
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('SE is already in another zone.');
    await screenshot(page, JOURNEY, 'zone-refused');
    // Backspace in the empty search takes the last country off again.
    await page.getByTestId('zone-countries').press('Backspace');
    await page.getByTestId('zone-code').click();
    await page.getByTestId('zone-submit').click();
    const zone = page.locator('[data-testid="zone-card"][data-code="uk"]');
    await zone.waitFor();
    expect(await text('zone-countries-text', zone)).toBe('United Kingdom');
  });

  it('adds a parcel method with weight brackets in two currencies', async () => {
    const zone = page.locator('[data-testid="zone-card"][data-code="uk"]');
    await zone.getByTestId('method-new').click();
    await page.getByTestId('method-name-sv').fill('Royal Mail Tracked');
    await page.getByTestId('method-name-en').fill('Royal Mail Tracked');
    await page.getByTestId('method-carrier').fill('Royal Mail');
    await page.getByTestId('method-code').fill('royal-mail');
    await page.getByTestId('method-submit').click();
    const method = zone.locator('[data-testid="method-row"][data-code="royal-mail"]');
    await method.waitFor();

    await method.getByTestId('method-rates-edit').click();
    const rows = page.getByTestId('rate-row');
    for (const [index, [currency, weight, amount]] of [
      ['SEK', '10', '199'],
      ['SEK', '', '399'],
      ['EUR', '10', '19,50'],
    ].entries()) {
      await page.getByTestId('rate-add').click();
      const row = rows.nth(index);
      await row.getByTestId('rate-currency').click();
      await pick(currency as string);
      await row.getByTestId('rate-max-weight').fill(weight as string);
      await row.getByTestId('rate-amount').fill(amount as string);
    }
    await screenshot(page, JOURNEY, 'rates-form');
    await page.getByTestId('rates-submit').click();
    await expect
      .poll(() => text('method-rates', method))
      .toBe('SEK: up to 10 kg: SEK 199.00 · heavier: SEK 399.00EUR: up to 10 kg: €19.50');
    await screenshot(page, JOURNEY, 'shipping-saved');
  });

  it('prices the shop: both discounts in the cart, the new rate for GB', async () => {
    const shop: BrowserContext = await browser.newContext({ viewport: { width: 412, height: 900 }, locale: 'en-GB' });
    const add = async (sku: string, quantity: number) => {
      const response = await shop.request.post(`${node.url}/api/shop/cart/lines`, { data: { sku, quantity } });
      expect(response.ok()).toBe(true);
      return (await response.json()) as ShopCart;
    };
    await add('LEW-DELTA-4', 3);
    await add('MAJ-FEN-VIT-15X58', 1);
    const cart = await add('LEW-CLAW-5', 1);
    const volume = cart.discounts.find((discount) => discount.kind === 'volume');
    const delta = cart.lines.find((line) => line.sku === 'LEW-DELTA-4');
    expect(volume?.lines).toEqual([
      { sku: 'LEW-DELTA-4', amountMinor: Math.round((delta?.lineTotalMinor ?? 0) * 0.12) },
    ]);
    expect(cart.discounts.find((discount) => discount.kind === 'bundle')?.amountMinor).toBe(10_000);

    // 3 × 4 kg + 0.9 kg + 5 kg: above the 10 kg bracket, so the open one.
    const answer = await shop.request.get(`${node.url}/api/shop/shipping-options?country=GB`);
    const options = (await answer.json()) as { zone: string; options: ShippingOption[] };
    expect(options.zone).toBe('uk');
    expect(options.options.map(({ code, amountMinor }) => ({ code, amountMinor }))).toEqual([
      { code: 'royal-mail', amountMinor: 39_900 },
    ]);

    const cartPage = await shop.newPage();
    await cartPage.goto(`${node.url}/shop/cart`);
    await cartPage.getByTestId('cart-lines').waitFor();
    await expect.poll(() => cartPage.locator('[data-testid$="-discount"]').count()).toBe(cart.discounts.length);
    await screenshot(cartPage, JOURNEY, 'shop-cart');
    await shop.close();
    // The refused zone answered 422, which the browser logs: that was the point of that step.
    expect(problems.filter((problem) => !problem.includes('status of 422'))).toEqual([]);
  });
});

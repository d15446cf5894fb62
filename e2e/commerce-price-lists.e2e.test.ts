import type { Browser, Page } from 'playwright-core';
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
import { apiSession, signInAs } from './support/visitors.js';

const JOURNEY = 'commerce-price-lists';
/** A demo anchor that no demo campaign lowers: 1 170 kr at retail. */
const SLUG = 'lewmar-delta-ankare';
const SKU = 'LEW-DELTA-4';
const OTHER_SKU = 'LEW-DELTA-6';
const CAMPAIGN = 'Ankarveckan';
const MARKETER = { username: 'lina.hav', password: 'kampanj-2026-hav' };

/**
 * The catalog's keeper edits brands and attributes. A marketer (commerce.marketing only) reaches the price lists from
 * the campaigns page and sees no other catalog section, starts a campaign from now, finds a demo anchor by its SKU and gives it a reduced price, corrects the
 * price, tries and removes a second one; the shop's product page then shows the reduced price with the regular one
 * and the lowest price of the last 30 days (Swedish price information law).
 */
describe.skipIf(!chromiumAvailable)('commerce price lists journey', () => {
  let node: JourneyNode & { cleanup(): Promise<void> };
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let marketerPage: Page;
  let marketerProblems: string[];

  beforeAll(async () => {
    node = await startJourneyNode();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'sv-SE' });
    problems = watchPage(page);
    await signIn(page, node.url, node.adminPassword);
    await page.getByTestId('language-select').selectOption('en');
    const admin = await apiSession(node.url, 'admin', node.adminPassword);
    const role = await admin.request<{ id: string }>('/api/admin/roles', {
      method: 'POST',
      body: { name: 'Shop marketing', permissions: ['commerce.marketing'] },
    });
    await admin.request('/api/admin/users', {
      method: 'POST',
      body: { ...MARKETER, displayName: 'Lina Hav', roleIds: [role.id] },
    });
    marketerPage = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'sv-SE' });
    marketerProblems = watchPage(marketerPage);
    // A demo node seeds the whole shop before it answers: minutes on a busy 2-core machine.
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await node?.cleanup();
  });

  const row = (sku: string) => page.locator(`[data-testid="list-price-row"][data-sku="${sku}"]`);

  it('keeps brands and attributes on the one list page they share', async () => {
    await page.getByTestId('nav-commerce-catalog').click();
    await page.getByTestId('catalog-nav-brands').click();
    await page.getByTestId('brand-row').first().waitFor();
    await page.getByTestId('brand-edit').first().click();
    await expect.poll(() => page.getByRole('dialog').getByTestId('brand-form-name').inputValue()).not.toBe('');
    expect(await page.getByRole('dialog').textContent()).toContain('Edit brand');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('catalog-nav-attributes').click();
    await page.getByTestId('attribute-row').first().waitFor();
    await page.getByTestId('attribute-delete').first().click();
    expect(await page.getByRole('dialog').textContent()).toMatch(/Delete the attribute .+\?/);
    await screenshot(page, JOURNEY, 'attribute-delete');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  });

  it('takes a marketer from the campaigns page to the price lists, the only catalog section they see', async () => {
    page = marketerPage;
    await signInAs(page, node.url, MARKETER.username, MARKETER.password);
    await page.getByTestId('language-select').selectOption('en');
    expect(await page.getByTestId('nav-commerce-catalog').count()).toBe(0);
    await page.getByTestId('nav-commerce-campaigns').click();
    await page.getByTestId('campaigns-price-lists').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/commerce/catalog/price-lists');
    await page.getByTestId('catalog-nav-price-lists').waitFor();
    expect(await page.getByTestId('catalog-nav-products').count()).toBe(0);
    await page.goto(`${node.url}/commerce/catalog/products`);
    await page.getByText('commerce.catalog').first().waitFor();
    await page.goBack();
  });

  it('lists retail and the running demo campaign', async () => {
    await page.getByTestId('catalog-nav-price-lists').click();
    await page.getByTestId('price-list-list').waitFor();
    const retail = page.locator('[data-testid="price-list-row"][data-kind="retail"]');
    expect(await retail.getByTestId('price-list-state').getAttribute('data-state')).toBe('running');
    // Retail is edited on each product: it has no Edit or Delete here.
    expect(await retail.getByTestId('price-list-edit').count()).toBe(0);
    const winter = page.locator('[data-testid="price-list-row"][data-kind="sale"]').first();
    expect(Number(await winter.getByTestId('price-list-count').textContent())).toBeGreaterThan(0);
    await screenshot(page, JOURNEY, 'lists');
  });

  it('refuses a campaign that ends before it starts, next to the field', async () => {
    await page.getByTestId('price-list-new').click();
    await page.getByTestId('sale-list-form-name').fill(CAMPAIGN);
    await page.getByTestId('sale-list-form-priority').fill('20');
    await page.getByTestId('sale-list-form-now').click();
    expect(await page.getByTestId('sale-list-form-from').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await page.getByTestId('sale-list-form-to').fill('2020-01-01T00:00');
    await page.getByTestId('sale-list-form-submit').click();
    const to = page
      .getByRole('dialog')
      .locator('.mantine-InputWrapper-root', { has: page.getByTestId('sale-list-form-to') });
    await expect.poll(() => to.textContent()).toContain('Must end after it starts');
    await screenshot(page, JOURNEY, 'campaign-refused');
  });

  it('creates the campaign valid from now and opens it', async () => {
    await page.getByTestId('sale-list-form-to').fill('');
    await page.getByTestId('sale-list-form-submit').click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/commerce\/catalog\/price-lists\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe(CAMPAIGN);
    expect(await page.getByTestId('price-list-state').getAttribute('data-state')).toBe('running');
    expect(await page.getByTestId('price-list-window').textContent()).toMatch(/^From /);
    await page.getByText('This campaign has no prices yet').waitFor();
  });

  it('adds a reduced price for a SKU found by searching products', async () => {
    await page.getByTestId('list-price-new').click();
    await page.getByTestId('variant-picker-search').fill(SKU);
    await page.getByTestId('variant-picker-result').first().click();
    const sku = page.getByTestId('variant-picker-sku');
    await expect.poll(async () => sku.locator('option:checked').textContent()).toContain(SKU);
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('Retail price now');
    // Three decimals are no amount in kronor: said at the field, nothing sent.
    await page.getByTestId('list-price-form-amount').fill('899.995');
    await page.getByTestId('list-price-form-submit').click();
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('Not an amount in this currency');
    await page.getByTestId('list-price-form-amount').fill('899.00');
    await screenshot(page, JOURNEY, 'price-form');
    await page.getByTestId('list-price-form-submit').click();
    await row(SKU).waitFor();
    expect(await row(SKU).getByTestId('list-price-amount').textContent()).toMatch(/899\.00/);
  });

  it('changes the price, and removes a second one', async () => {
    await row(SKU).getByTestId('list-price-edit').click();
    await page.getByTestId('list-price-form-amount').fill('879.00');
    await screenshot(page, JOURNEY, 'price-edit');
    await page.getByTestId('list-price-form-submit').click();
    await expect.poll(() => row(SKU).getByTestId('list-price-amount').textContent()).toMatch(/879\.00/);

    await page.getByTestId('list-price-new').click();
    await page.getByTestId('variant-picker-search').fill(OTHER_SKU);
    await page.getByTestId('variant-picker-result').first().click();
    await expect
      .poll(async () => page.getByTestId('variant-picker-sku').locator('option:checked').textContent())
      .toContain(OTHER_SKU);
    await page.getByTestId('list-price-form-amount').fill('999');
    await page.getByTestId('list-price-form-submit').click();
    await row(OTHER_SKU).waitFor();
    await screenshot(page, JOURNEY, 'campaign-prices');

    await row(OTHER_SKU).getByTestId('list-price-delete').click();
    await page.getByTestId('confirm-submit').click();
    await expect.poll(() => row(OTHER_SKU).count()).toBe(0);
    expect(await row(SKU).count()).toBe(1);
  });

  it('shows the reduced price in the shop with the lowest price of the last 30 days', async () => {
    const shop = await browser.newPage({ viewport: { width: 412, height: 900 } });
    const response = await shop.goto(`${node.url}/shop/p/${SLUG}?sku=${SKU}&lang=en`);
    expect(response?.status()).toBe(200);
    const price = shop.locator('[data-price]');
    expect(await price.locator('[data-now]').textContent()).toMatch(/879/);
    expect(await price.locator('[data-was]').textContent()).toMatch(/1[\s\u00a0\u202f,]?170/);
    const lowest = price.locator('[data-lowest-row]');
    expect(await lowest.isVisible()).toBe(true);
    expect(await lowest.textContent()).toMatch(/Lowest price in the last 30 days: .*1[\s\u00a0\u202f,]?170/);
    await screenshot(shop, JOURNEY, 'shop-product');
    await shop.close();
    // The refused campaign and the unreadable amount were the point of their steps (422), as was the marketer's try
    // at the product list (403).
    expect([...problems, ...marketerProblems].filter((problem) => !/status of (403|422)/.test(problem))).toEqual([]);
  });
});

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

const JOURNEY = 'admin';

describe.skipIf(!chromiumAvailable)('administrator journey', () => {
  let node: JourneyNode & { cleanup(): Promise<void> };
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    node = await startJourneyNode();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    problems = watchPage(page);
  });
  afterAll(async () => {
    await browser?.close();
    await node?.cleanup();
  });

  it('signs in as the demo admin', async () => {
    await page.goto(node.url);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('wrong password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/username or password|Wrong/i);
    await screenshot(page, JOURNEY, '01-sign-in-refused');
    await page.getByTestId('login-password').fill(node.adminPassword);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-users').waitFor();
    await screenshot(page, JOURNEY, '02-home');
  });

  it('creates a user with a role', async () => {
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-table').waitFor();
    await page.getByTestId('user-new').click();
    await page.getByTestId('user-form-username').fill('maria.svensson');
    await page.getByTestId('user-form-display-name').fill('Maria Svensson');
    await page.getByTestId('user-form-password').fill('marias long password');
    await page.getByTestId('user-form-roles').click();
    await page.getByRole('option', { name: 'Auditor' }).click();
    await page.keyboard.press('Escape');
    await screenshot(page, JOURNEY, '03-new-user-form');
    await page.getByTestId('user-form-submit').click();
    const row = page.getByTestId('users-table').getByRole('row').filter({ hasText: 'maria.svensson' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Auditor');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await screenshot(page, JOURNEY, '04-user-created');
  });

  it('switches the interface to Swedish', async () => {
    await page.getByTestId('language-select').selectOption('sv');
    await expect.poll(() => page.getByTestId('nav-users').textContent()).toBe('Användare');
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await screenshot(page, JOURNEY, '05-swedish');
  });

  it('shows the new user in the audit log, in Swedish', async () => {
    await page.getByTestId('nav-audit').click();
    const table = page.getByTestId('audit-table');
    await table.waitFor();
    const row = table.getByRole('row').filter({ hasText: 'user.create' }).filter({ hasText: 'admin' }).first();
    await row.waitFor();
    await row.click();
    await expect.poll(() => table.textContent()).toContain('maria.svensson');
    await screenshot(page, JOURNEY, '06-audit-log');
  });

  it('keeps the language after signing in again, and works on a phone-sized screen', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('signout').click();
    await page.getByTestId('login-username').waitFor();
    await page.evaluate(() => localStorage.clear());
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(node.adminPassword);
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('nav-users').textContent()).toBe('Användare');

    await page.setViewportSize({ width: 375, height: 740 });
    await page.getByRole('button', { name: 'Öppna menyn' }).click();
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').waitFor();
    // The menu closes after navigating; wait for its slide-out to end before the picture.
    await page.getByRole('button', { name: 'Öppna menyn' }).waitFor();
    await page.waitForTimeout(400);
    await screenshot(page, JOURNEY, '07-phone');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../apps/server/test/processes.js';
import {
  chromiumAvailable,
  enrollmentCode,
  horizontalOverflow,
  launchBrowser,
  screenshot,
  startJourneyNode,
  watchPage,
} from './support/browser.js';

const JOURNEY = 'first-run';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };

async function fitsPhone(page: Page, step: string) {
  await page.setViewportSize(PHONE);
  await screenshot(page, JOURNEY, step);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.setViewportSize(DESKTOP);
}

/** A workstation started without a hub is set up by someone sitting at it, with a code from an administrator. */
describe.skipIf(!chromiumAvailable)('setting up a workstation from its first-run page', () => {
  let hub: Awaited<ReturnType<typeof startJourneyNode>>;
  let workstation: RunningServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const workstationDir = mkdtempSync(join(tmpdir(), 'kontor-e2e-first-run-'));

  beforeAll(async () => {
    hub = await startJourneyNode();
    workstation = await startServer([
      '--role',
      'client',
      '--data',
      workstationDir,
      '--port',
      '0',
      '--node-name',
      'ward-7',
    ]);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: DESKTOP, locale: 'en-GB' });
    problems = watchPage(page);
  });
  afterAll(async () => {
    await browser?.close();
    await workstation?.stop();
    await hub?.cleanup();
    rmSync(workstationDir, { recursive: true, force: true });
  });

  it('leads every route of a workstation without a hub to its setup, which says where the code comes from', async () => {
    await page.goto(`${workstation.url}/admin/users`);
    await page.getByTestId('first-run-page').waitFor();
    expect(await page.getByTestId('first-run-page').textContent()).toContain('Nodes → New enrollment code');
    await page.goto(`${workstation.url}/sign-in`);
    await page.getByTestId('first-run-hub-url').waitFor();
    expect(await page.getByTestId('login-username').count()).toBe(0);
    await screenshot(page, JOURNEY, '01-setup');
    await fitsPhone(page, '02-setup-phone');
  });

  it('checks the hub address, then shows why the hub refused a wrong code', async () => {
    await page.getByTestId('first-run-hub-url').fill('hub.example.org');
    await page.getByTestId('first-run-code').fill('WRONGCODE1');
    await page.getByTestId('first-run-submit').click();
    await page.getByText('Enter an address such as https://hub.example.org').waitFor();

    await page.getByTestId('first-run-hub-url').fill(hub.url);
    await page.getByTestId('first-run-submit').click();
    const error = page.getByTestId('first-run-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('The hub refused the enrollment');
    // The hub's own words, for whoever asks the administrator for a new code.
    expect(await error.textContent()).toContain('unknown, used or expired');
    await screenshot(page, JOURNEY, '03-refused');
    await fitsPhone(page, '04-refused-phone');
  });

  it('enrolls with a code from the hub, loads the organisation’s data and then asks to sign in', async () => {
    const code = await enrollmentCode(hub.url, hub.adminPassword);
    await page.getByTestId('first-run-code').fill(code);
    await page.getByTestId('first-run-submit').click();
    await page.getByTestId('first-run-loading').waitFor();
    expect(await page.getByTestId('first-run-loading').textContent()).toContain("Loading the organisation's data");

    const notice = page.getByTestId('first-run-enrolled');
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.textContent()).toContain('Sign in with your usual account');
    await page.getByTestId('login-username').waitFor();
    await screenshot(page, JOURNEY, '05-enrolled-sign-in');
    await fitsPhone(page, '06-enrolled-sign-in-phone');
  });

  it('lets the hub’s administrator sign in on the workstation', async () => {
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(hub.adminPassword);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('sync-indicator').waitFor();
    expect(await page.getByTestId('first-run-enrolled').count()).toBe(0);
    // The hub's refusal of the wrong code is an answer the page showed, not a fault of the page.
    expect(problems.filter((problem) => !problem.includes('status of 422'))).toEqual([]);
  });
});

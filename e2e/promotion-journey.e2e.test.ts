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
  signIn,
  startJourneyNode,
  watchPage,
} from './support/browser.js';

const JOURNEY = 'promotion';

/** The hub is lost; the administrator makes a workstation the hub from its Nodes page and carries on there. */
describe.skipIf(!chromiumAvailable)('promoting a workstation when the hub is lost', () => {
  let hub: Awaited<ReturnType<typeof startJourneyNode>>;
  let workstation: RunningServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const workstationDir = mkdtempSync(join(tmpdir(), 'kontor-e2e-promote-'));

  beforeAll(async () => {
    hub = await startJourneyNode();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await workstation?.stop();
    await hub?.cleanup();
    rmSync(workstationDir, { recursive: true, force: true });
  });

  it('enrolls a workstation, which gets the hub’s users', async () => {
    const code = await enrollmentCode(hub.url, hub.adminPassword);
    workstation = await startServer([
      ...['--role', 'client', '--upstream', hub.url, '--enroll', code],
      ...['--data', workstationDir, '--port', '0', '--node-name', 'ward-7'],
    ]);
    // Only after the first sync can the hub's admin sign in there.
    await expect
      .poll(async () => {
        const response = await fetch(`${workstation.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password: hub.adminPassword }),
        });
        return response.status;
      })
      .toBe(200);
  });

  it('shows on the workstation’s Nodes page that it cannot reach the lost hub', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    problems = watchPage(page);
    await signIn(page, workstation.url, hub.adminPassword);
    await expect.poll(() => page.getByTestId('sync-indicator').getAttribute('data-state')).toBe('synced');
    await hub.stop('SIGKILL');
    await page.getByTestId('nav-nodes').click();
    const panel = page.getByTestId('node-status');
    expect(await panel.getAttribute('data-role')).toBe('client');
    const problem = page.getByTestId('node-status-problem');
    await expect.poll(() => problem.getAttribute('data-problem'), { timeout: 60_000 }).toBe('hub-unreachable');
    expect(await problem.textContent()).toContain('This workstation cannot reach the hub');
    expect(await page.getByTestId('node-status-hub').textContent()).toBe(hub.url);
    expect(await page.getByTestId('node-status-epoch').textContent()).toBe('1');
    expect(await page.getByTestId('node-status-last-sync').textContent()).toMatch(/ago|now/);
    await screenshot(page, JOURNEY, '01-status-panel');

    await page.setViewportSize({ width: 375, height: 740 });
    await screenshot(page, JOURNEY, '02-status-panel-phone');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('checks a new hub address before it is saved', async () => {
    await page.getByTestId('node-upstream').click();
    const address = page.getByTestId('node-upstream-url');
    await address.fill('hub.example.org');
    await page.getByTestId('node-upstream-submit').click();
    await page.getByText('Enter an address such as https://hub.example.org').waitFor();
    // The same hub under the form a person might type it in: saved as the shell would save it.
    await address.fill(`${hub.url}/`);
    await page.getByTestId('node-upstream-submit').click();
    await address.waitFor({ state: 'detached' });
    expect(await page.getByTestId('node-status-hub').textContent()).toBe(hub.url);
  });

  it('explains the consequences, then makes the workstation the hub without a reload', async () => {
    await page.getByTestId('node-promote').click();
    const consequences = page.getByTestId('node-promote-consequences');
    await consequences.waitFor();
    expect(await consequences.textContent()).toContain('becomes a workstation');
    await screenshot(page, JOURNEY, '03-promote-confirm');

    await page.setViewportSize({ width: 375, height: 740 });
    await screenshot(page, JOURNEY, '04-promote-confirm-phone');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByTestId('confirm-submit').click();
    const panel = page.getByTestId('node-status');
    await expect.poll(() => panel.getAttribute('data-role')).toBe('server');
    expect(await page.getByTestId('node-status-epoch').textContent()).toBe('2');
    expect(await page.getByTestId('node-status-role').textContent()).toBe('Hub');
    expect(await page.getByTestId('node-promoted').textContent()).toContain('now the hub (epoch 2)');
    expect(await page.getByTestId('node-promote').count()).toBe(0);
    expect(await page.getByTestId('sync-indicator').getAttribute('data-state')).toBe('hub');
    // The hub enrolls nodes: the page offers it now, and the registry names this node the hub.
    await page.getByTestId('enrollment-new').waitFor();
    await expect.poll(() => page.getByTestId('node-row-ward-7').textContent()).toContain('Hub');
    await screenshot(page, JOURNEY, '05-promoted');
  });

  it('maintains users now that it is the hub', async () => {
    await page.getByTestId('nav-users').click();
    await page.getByTestId('user-new').click();
    await page.getByTestId('user-form-username').fill('ward7.nurse');
    await page.getByTestId('user-form-display-name').fill('Ward 7 Nurse');
    await page.getByTestId('user-form-password').fill('a nurse’s long password');
    await page.getByTestId('user-form-submit').click();
    await page.getByTestId('user-row-ward7.nurse').waitFor();
  });

  it('fits a phone without sideways scrolling on the new hub either', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${workstation.url}/admin/nodes`);
    await page.getByTestId('node-status').waitFor();
    await screenshot(page, JOURNEY, '06-hub-phone');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  });
});

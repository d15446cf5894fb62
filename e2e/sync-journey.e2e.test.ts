import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../apps/server/test/processes.js';
import {
  chromiumAvailable,
  launchBrowser,
  screenshot,
  signIn,
  startJourneyNode,
  watchPage,
} from './support/browser.js';

const JOURNEY = 'sync';

/** An administrator enrolls a workstation from the hub's Nodes page; the nurse on it sees when it is offline. */
describe.skipIf(!chromiumAvailable)('enrolling a workstation and losing the hub', () => {
  let hub: Awaited<ReturnType<typeof startJourneyNode>>;
  let client: RunningServer | undefined;
  let browser: Browser;
  let problems: string[];
  const clientDir = mkdtempSync(join(tmpdir(), 'kontor-e2e-client-'));

  beforeAll(async () => {
    hub = await startJourneyNode();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await client?.stop();
    await hub?.cleanup();
    rmSync(clientDir, { recursive: true, force: true });
  });

  it('creates an enrollment code on the hub and enrolls a workstation with it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    problems = watchPage(page);
    await signIn(page, hub.url, hub.adminPassword);
    expect(await page.getByTestId('sync-indicator').getAttribute('data-state')).toBe('hub');
    await page.getByTestId('nav-nodes').click();
    await page.getByTestId('enrollment-new').click();
    const code = (await page.getByTestId('enrollment-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[0-9A-F]{12}$/);
    expect(await page.getByTestId('enrollment-command').textContent()).toContain(`--enroll ${code}`);
    await screenshot(page, JOURNEY, '01-enrollment-code');
    await page.getByTestId('enrollment-done').click();

    client = await startServer([
      '--role',
      'client',
      '--upstream',
      hub.url,
      '--enroll',
      code,
      '--data',
      clientDir,
      '--port',
      '0',
      '--node-name',
      'ward-7',
    ]);
    await page.reload();
    await page.getByTestId('node-row-ward-7').waitFor();
    await screenshot(page, JOURNEY, '02-nodes');
    await page.close();
  });

  it('lets the hub’s admin sign in on the workstation, which shows it is synced, then offline', async () => {
    if (!client) throw new Error('no client');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'sv-SE' });
    problems.push(...watchPage(page));
    await expect.poll(async () => (await fetch(`${client?.url}/api/node`)).ok).toBe(true);
    // Until the first sync the workstation has no users; the hub's arrive within seconds.
    await expect
      .poll(async () => {
        const response = await fetch(`${client?.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password: hub.adminPassword }),
        });
        return response.status;
      })
      .toBe(200);
    await signIn(page, client.url, hub.adminPassword);
    await expect.poll(() => page.getByTestId('sync-indicator').getAttribute('data-state')).toBe('synced');
    await screenshot(page, JOURNEY, '03-workstation-synced');

    await hub.stop('SIGKILL');
    await page.reload();
    await expect
      .poll(() => page.getByTestId('sync-indicator').getAttribute('data-state'), { timeout: 90_000 })
      .toBe('offline');
    await page.getByTestId('sync-indicator').click();
    await page.getByTestId('sync-details').waitFor();
    await screenshot(page, JOURNEY, '04-workstation-offline');
    expect(problems).toEqual([]);
  });
});

import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { migratedDataDir } from '../../apps/server/test/pglite-template.js';
import { type RunningServer, startServer } from '../../apps/server/test/processes.js';

export const CHROMIUM = process.env.KONTOR_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = resolve('test-results/screenshots');

export const chromiumAvailable = existsSync(CHROMIUM);
if (!chromiumAvailable) {
  if (process.env.CI) throw new Error(`CI needs Chromium at ${CHROMIUM}; .ci/run installs Debian's chromium`);
  console.warn(`Chromium is not at ${CHROMIUM}: browser tests are skipped (apt-get install chromium).`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface JourneyNode extends RunningServer {
  adminPassword: string;
}

/** A real `kontor start` on a fresh data directory with the demo organisation; `extraArgs` such as `--config`. */
export async function startJourneyNode(extraArgs: string[] = []): Promise<JourneyNode & { cleanup(): Promise<void> }> {
  // Migrated already, as on a node's second start: journeys are about pages, and a first start's migrations are
  // cli.test.ts's subject; each one here would cost seconds of a run that has one node at a time.
  const dataDir = await migratedDataDir('kontor-e2e-');
  const adminPassword = 'journey admin password';
  const server = await startServer(['--data', dataDir, '--port', '0', '--admin-password', adminPassword, ...extraArgs]);
  return {
    ...server,
    adminPassword,
    async cleanup() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot as test-results/screenshots/<journey>-<step>.png. */
export async function screenshot(page: Page, journey: string, step: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Let Mantine's open/close transitions (≤ 250 ms) finish, so the picture shows what a person sees.
  await page.waitForTimeout(350);
  await page.screenshot({ path: join(SCREENSHOTS, `${journey}-${step}.png`), fullPage: true });
}

/** Collects console errors and failed requests so a journey can assert the page stayed clean. */
export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    // A 401 before sign-in, or for a wrong password, is the API answering as it should.
    const expected = message.text().includes('status of 401');
    if (message.type() === 'error' && !expected) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/** How much wider than its viewport a page is: 0 or less means no horizontal scrolling. */
export const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** A one-time enrollment code from a hub's API, as its administrator. */
export async function enrollmentCode(hubUrl: string, password: string): Promise<string> {
  const login = await fetch(`${hubUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const response = await fetch(`${hubUrl}/api/sync/enrollments`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken },
  });
  return ((await response.json()) as { code: string }).code;
}

/** Signs in as the admin on the node at `url` and waits for the signed-in shell (its sync indicator). */
export async function signIn(page: Page, url: string, password: string) {
  await page.goto(url);
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('sync-indicator').waitFor();
}

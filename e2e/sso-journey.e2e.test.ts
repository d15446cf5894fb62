import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OidcStandIn, startOidcStandIn } from '../apps/server/test/oidc-provider-server.js';
import { type RunningServer, startServer } from '../apps/server/test/processes.js';
import { chromiumAvailable, launchBrowser, screenshot, watchPage } from './support/browser.js';

const JOURNEY = 'sso';
const ADMIN_PASSWORD = 'sso journey admin password';

/**
 * On a node where only Keycloak lets people in, a service desk agent signs in with "Sign in with Keycloak" (the
 * stand-in realm) and lands on Kontor with the desk in the menu, then signs out of Keycloak: the back-channel logout
 * ends the Kontor session too. The built-in admin still gets in with a password, the break-glass way.
 */
describe.skipIf(!chromiumAvailable)('single sign-on with Keycloak', () => {
  let provider: OidcStandIn;
  let server: RunningServer;
  let dataDir: string;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    provider = await startOidcStandIn([
      {
        username: 'kim.agent',
        password: 'kim at keycloak',
        name: 'Kim Agentsson',
        email: 'kim@example.org',
        realmRoles: ['desk-agent'],
        clientRoles: [],
      },
    ]);
    dataDir = mkdtempSync(join(tmpdir(), 'kontor-e2e-sso-'));
    const configFile = join(dataDir, 'kontor.config.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        oidcIssuer: provider.issuer,
        oidcClientSecret: provider.clientSecret,
        // The demo organisation's agent role.
        oidcRoleMap: { 'realm:desk-agent': 'Service desk agent' },
        // Only Keycloak lets people in; the built-in admin keeps the break-glass way.
        localLoginDisabled: true,
      }),
    );
    server = await startServer([
      '--data',
      join(dataDir, 'data'),
      '--port',
      '0',
      '--admin-password',
      ADMIN_PASSWORD,
      '--config',
      configFile,
    ]);
    await provider.registerKontor(server.url);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await provider?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs the agent in through Keycloak and lands on Kontor with the desk menu', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
    page = await context.newPage();
    problems.push(...watchPage(page));
    await page.goto(server.url);
    const button = page.getByTestId('sso-sign-in');
    await button.waitFor();
    expect(await button.textContent()).toBe('Sign in with Keycloak');
    // Password sign-in is turned off: no password form, only the administrator's emergency link.
    await page.getByTestId('break-glass').waitFor();
    expect(await page.getByTestId('login-password').count()).toBe(0);
    await screenshot(page, JOURNEY, '01-sign-in-page');

    await button.click();
    await page.locator('#username').fill('kim.agent');
    await page.locator('#password').fill('kim at keycloak');
    await screenshot(page, JOURNEY, '02-keycloak-login');
    await page.locator('#kc-login').click();

    await page.getByTestId('nav-desk').waitFor();
    expect(new URL(page.url()).origin).toBe(server.url);
    expect(await page.getByText('Kim Agentsson').count()).toBeGreaterThan(0);
    await screenshot(page, JOURNEY, '03-signed-in');
  });

  it('ends the Kontor session when the agent signs out of Keycloak', async () => {
    await page.goto(`${provider.issuer}/session/end`);
    await page.getByRole('button', { name: /yes, sign me out/i }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/session/end'));

    await page.goto(`${server.url}/desk`);
    await page.getByTestId('sso-sign-in').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await screenshot(page, JOURNEY, '04-signed-out');
  });

  it('still lets the built-in admin in with a password, behind the emergency link', async () => {
    await page.getByTestId('break-glass').click();
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await screenshot(page, JOURNEY, '05-break-glass');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('sync-indicator').waitFor();
    expect(problems).toEqual([]);
  });
});

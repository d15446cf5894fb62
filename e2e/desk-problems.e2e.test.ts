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
import { type ApiSession, apiSession, setDemoPassword, signInAs } from './support/visitors.js';

const JOURNEY = 'desk-problems';
const PASSWORD = 'service desk problems password';
const RESOLUTION = 'Växeln i hus C är utbytt; nätet fungerar igen.';

/**
 * An agent ticks two incidents in the list, makes a problem of them, closes it with a resolution, and finds both
 * incidents resolved with the resolution in their timelines.
 */
describe.skipIf(!chromiumAvailable)('service desk: a problem made from two incidents, closed', () => {
  let node: JourneyNode & { cleanup(): Promise<void> };
  let browser: Browser;
  let agent: Page;
  let api: ApiSession;
  const incidents: Array<{ id: string; reference: string }> = [];
  const problems: string[] = [];

  beforeAll(async () => {
    node = await startJourneyNode();
    const admin = await apiSession(node.url, 'admin', node.adminPassword);
    await setDemoPassword(admin, 'olga.ivanova', PASSWORD);
    await setDemoPassword(admin, 'sergej.petrov', PASSWORD);
    api = await apiSession(node.url, 'olga.ivanova', PASSWORD);
    for (const title of ['Inget nätverk i hus C, plan 1', 'Inget nätverk i hus C, plan 2'])
      incidents.push(await api.request('/api/desk/incidents', { method: 'POST', body: { title, priority: 'high' } }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await node?.cleanup();
  });

  it('creates a problem from the two selected incidents', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
    agent = await context.newPage();
    problems.push(...watchPage(agent));
    await signInAs(agent, node.url, 'olga.ivanova', PASSWORD);
    await agent.getByTestId('nav-desk').click();
    for (const incident of incidents)
      await agent
        .locator(`[data-testid="incident-row"][data-id="${incident.id}"] [data-testid="incident-select"]`)
        .check();
    await agent.getByTestId('problem-from-selected').click();
    await agent.getByTestId('problem-title-input').fill('Nätverket nere i hus C');
    await screenshot(agent, JOURNEY, '01-create-from-selected');
    await agent.getByTestId('problem-create-submit').click();
    await agent.getByTestId('problem-reference').waitFor();
    expect(await agent.getByTestId('problem-reference').textContent()).toMatch(/^PRB-\d{6}$/);
    expect(await agent.getByTestId('problem-incident-row').count()).toBe(2);
    expect(await horizontalOverflow(agent)).toBeLessThanOrEqual(0);
    await screenshot(agent, JOURNEY, '02-problem-open');
  });

  it('closes the problem, which resolves both incidents', async () => {
    await agent.getByTestId('problem-close').click();
    await agent.getByTestId('problem-resolution-input').fill(RESOLUTION);
    await screenshot(agent, JOURNEY, '03-close-dialog');
    await agent.getByTestId('problem-close-submit').click();
    await expect.poll(() => agent.getByTestId('problem-status').getAttribute('data-status')).toBe('closed');
    const statuses = () =>
      agent
        .getByTestId('problem-incidents')
        .getByTestId('incident-status')
        .evaluateAll((badges) => badges.map((badge) => badge.getAttribute('data-status')));
    await expect.poll(statuses).toEqual(['resolved', 'resolved']);
    await agent.getByTestId('problem-resolution').waitFor();
    await screenshot(agent, JOURNEY, '04-problem-closed');

    await agent.getByRole('link', { name: incidents[1]?.reference }).click();
    await expect.poll(() => agent.getByTestId('incident-status').first().getAttribute('data-status')).toBe('resolved');
    await agent.getByText(RESOLUTION).first().waitFor();
    await screenshot(agent, JOURNEY, '05-incident-resolved');
    await agent.getByTestId('nav-desk-problems').click();
    await agent.getByTestId('problems-empty').waitFor();
    expect(problems).toEqual([]);
  });

  it('shows the desk administrator the rules, with the demo rule', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'sv-SE' });
    const admin = await context.newPage();
    problems.push(...watchPage(admin));
    await signInAs(admin, node.url, 'sergej.petrov', PASSWORD);
    await admin.getByTestId('nav-desk-problem-rules').click();
    await admin.getByTestId('problem-rule-row').first().waitFor();
    expect(await admin.getByTestId('problem-rule-row').first().textContent()).toContain('Nätverksstörning');
    await screenshot(admin, JOURNEY, '06-rules');
    expect(problems).toEqual([]);
  });
});

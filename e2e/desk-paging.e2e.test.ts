import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  type JourneyNode,
  launchBrowser,
  screenshot,
  startJourneyNode,
  watchPage,
} from './support/browser.js';
import { apiSession, setDemoPassword, signInAs } from './support/visitors.js';

const JOURNEY = 'desk-paging';
const PASSWORD = 'service desk paging password';
const REPORTED = 60;

/** An agent's list shows 50 incidents, and *Load more* the rest, each once, until there are no more. */
describe.skipIf(!chromiumAvailable)('service desk: paging through the incident list', () => {
  let node: JourneyNode & { cleanup(): Promise<void> };
  let browser: Browser;
  let agent: Page;
  let total = 0;
  const problems: string[] = [];

  beforeAll(async () => {
    node = await startJourneyNode();
    const admin = await apiSession(node.url, 'admin', node.adminPassword);
    await setDemoPassword(admin, 'olga.ivanova', PASSWORD);
    for (let n = 1; n <= REPORTED; n++)
      await admin.request('/api/desk/incidents', {
        method: 'POST',
        body: { title: `Paging check ${n}`, requesterName: 'Anna Berg', priority: 'low' },
      });
    total = (await admin.request<{ total: number }>('/api/desk/incidents?limit=1')).total;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await node?.cleanup();
  });

  it('shows the first 50 and loads the rest on request, each incident once', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
    agent = await context.newPage();
    problems.push(...watchPage(agent));
    await signInAs(agent, node.url, 'olga.ivanova', PASSWORD);
    await agent.getByTestId('nav-desk').click();
    await expect.poll(() => agent.getByTestId('incident-row').count()).toBe(50);
    expect(await agent.getByTestId('incident-total').textContent()).toContain(String(total));

    const more = agent.getByTestId('incidents-load-more');
    await more.scrollIntoViewIfNeeded();
    await screenshot(agent, JOURNEY, '01-first-page');
    while (await more.isVisible()) {
      const shown = await agent.getByTestId('incident-row').count();
      await more.click();
      await expect.poll(() => agent.getByTestId('incident-row').count()).toBeGreaterThan(shown);
    }
    const ids = await agent.getByTestId('incident-row').evaluateAll((rows) => rows.map((row) => row.dataset.id));
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    await screenshot(agent, JOURNEY, '02-all-loaded');
    expect(problems).toEqual([]);
  });
});

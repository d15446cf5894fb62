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
import { apiSession, setDemoPassword, signInAs } from './support/visitors.js';

const JOURNEY = 'desk';
const PASSWORD = 'service desk journey password';
const TITLE = 'Skrivaren i korridor B skriver inte ut';
const NOTE = 'Intern: drivrutinen på utskriftsservern är gammal';
const REPLY = 'Vi har startat om skrivaren, prova igen.';

/**
 * A requester reports a problem; the agent sees it arrive in the list without a reload, opens it, writes an internal
 * note and a public reply and resolves it; the requester sees the reply and the new status, never the note.
 */
describe.skipIf(!chromiumAvailable)('service desk: a reported problem, worked and resolved', () => {
  let node: JourneyNode & { cleanup(): Promise<void> };
  let browser: Browser;
  let agent: Page;
  let requester: Page;
  let incidentUrl = '';
  const problems: string[] = [];

  beforeAll(async () => {
    node = await startJourneyNode();
    const admin = await apiSession(node.url, 'admin', node.adminPassword);
    await setDemoPassword(admin, 'olga.ivanova', PASSWORD);
    await setDemoPassword(admin, 'maria.ek', PASSWORD);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await node?.cleanup();
  });

  it('shows the agent the desk, live, with the demo incidents', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
    agent = await context.newPage();
    problems.push(...watchPage(agent));
    await signInAs(agent, node.url, 'olga.ivanova', PASSWORD);
    await agent.getByTestId('nav-desk').click();
    await agent.getByTestId('incident-row').first().waitFor();
    await expect.poll(() => agent.getByTestId('live-status').getAttribute('data-status')).toBe('open');
    expect(await agent.getByTestId('incident-row').count()).toBeGreaterThanOrEqual(25);
    expect(await horizontalOverflow(agent)).toBeLessThanOrEqual(0);
    await screenshot(agent, JOURNEY, '01-agent-list');
  });

  it('suggests in the filter box and points at what it cannot read', async () => {
    const box = agent.getByTestId('desk-filter');
    await box.click();
    await box.fill('status:o');
    await agent.getByRole('option', { name: /open/ }).first().waitFor();
    await screenshot(agent, JOURNEY, '02-agent-filter-suggestions');
    await agent.getByRole('option', { name: /open/ }).first().click();
    expect(await box.inputValue()).toBe('status:open ');
    await box.fill('status:open priority:>=');
    await box.press('Escape');
    await box.press('Enter');
    await agent.getByTestId('filter-error').waitFor();
    expect(await agent.getByTestId('filter-error-mark').count()).toBe(1);
    await screenshot(agent, JOURNEY, '03-agent-filter-error');
    await agent.getByTestId('desk-filter').fill('status:open priority:>=high');
    await agent.getByTestId('desk-filter').press('Escape');
    await agent.getByTestId('desk-filter').press('Enter');
    await expect.poll(() => agent.getByTestId('filter-error').count()).toBe(0);
    // The previous page stays on screen while the filtered one loads: wait until only open incidents show.
    const statuses = () =>
      agent
        .getByTestId('incident-status')
        .evaluateAll((badges) => badges.map((badge) => badge.getAttribute('data-status') ?? ''));
    await expect
      .poll(async () => {
        const shown = await statuses();
        return shown.length > 0 && shown.every((status) => ['new', 'in_progress', 'waiting'].includes(status));
      })
      .toBe(true);
    // Back to every incident, ready for the new one.
    await agent.getByTestId('desk-filter').fill('');
    await agent.getByTestId('desk-filter').press('Escape');
    await agent.getByTestId('desk-filter').press('Enter');
    await expect.poll(() => agent.getByTestId('incident-row').count()).toBeGreaterThanOrEqual(25);
    await agent.evaluate(() => {
      (window as unknown as { journeyMarker: string }).journeyMarker = 'no reload';
    });
  });

  it('takes a requester’s report and shows it to the agent without a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    requester = await context.newPage();
    problems.push(...watchPage(requester));
    await signInAs(requester, node.url, 'maria.ek', PASSWORD);
    await requester.getByTestId('nav-desk-my').click();
    await requester.getByTestId('report-title').fill(TITLE);
    await requester.getByTestId('report-description').fill('Den blinkar orange och ingenting kommer ut.');
    await requester.getByTestId('report-category').click();
    await requester.getByRole('option', { name: 'Skrivare' }).click();
    await screenshot(requester, JOURNEY, '04-requester-report');
    await requester.getByTestId('report-submit').click();
    await requester.getByTestId('report-done').waitFor();
    await expect.poll(() => requester.getByTestId('incident-row').filter({ hasText: TITLE }).count()).toBe(1);
    await screenshot(requester, JOURNEY, '05-requester-reported');

    const row = agent.getByTestId('incident-row').filter({ hasText: TITLE });
    await expect.poll(() => row.count(), { timeout: 5_000, interval: 50 }).toBe(1);
    expect(await agent.evaluate(() => (window as unknown as { journeyMarker?: string }).journeyMarker)).toBe(
      'no reload',
    );
    expect(await row.textContent()).toContain('Maria Ek');
    await screenshot(agent, JOURNEY, '06-agent-sees-it-live');
  });

  it('lets the agent add an internal note and a public reply, and resolve it', async () => {
    await agent.getByTestId('incident-row').filter({ hasText: TITLE }).getByRole('link').first().click();
    await agent.getByTestId('incident-timeline').waitFor();
    incidentUrl = new URL(agent.url()).pathname;
    expect(await agent.getByTestId('incident-title').textContent()).toBe(TITLE);

    await agent.getByTestId('comment-internal').check();
    await agent.getByTestId('comment-body').fill(NOTE);
    await agent.getByTestId('comment-submit').click();
    await agent.getByTestId('timeline-comment').filter({ hasText: NOTE }).waitFor();
    expect(await agent.getByTestId('timeline-comment').filter({ hasText: NOTE }).getAttribute('data-internal')).toBe(
      'true',
    );

    await agent.getByTestId('comment-internal').uncheck();
    await agent.getByTestId('comment-body').fill(REPLY);
    await agent.getByTestId('comment-submit').click();
    await agent.getByTestId('timeline-comment').filter({ hasText: REPLY }).waitFor();
    expect(
      await agent.getByTestId('timeline-comment').filter({ hasText: REPLY }).getAttribute('data-internal'),
    ).toBeNull();

    await agent.getByTestId('status-resolved').click();
    await expect.poll(() => agent.getByTestId('incident-status').first().getAttribute('data-status')).toBe('resolved');
    // Resolved incidents can be closed or reopened, nothing else.
    await agent.getByTestId('status-closed').waitFor();
    expect(await agent.getByTestId('status-buttons').getByRole('button').count()).toBe(2);
    await screenshot(agent, JOURNEY, '07-agent-resolved');
  });

  it('shows the requester the reply and the new status, but not the internal note', async () => {
    await requester.goto(`${node.url}${incidentUrl}`);
    await requester.getByTestId('incident-timeline').waitFor();
    await requester.getByTestId('timeline-comment').filter({ hasText: REPLY }).waitFor();
    expect(await requester.getByTestId('incident-status').first().getAttribute('data-status')).toBe('resolved');
    expect(await requester.getByTestId('incident-status').first().textContent()).toBe('Löst');
    expect(await requester.getByText(NOTE).count()).toBe(0);
    expect(await requester.locator('[data-internal]').count()).toBe(0);
    // No agent tools for a requester.
    expect(await requester.getByTestId('status-buttons').count()).toBe(0);
    expect(await requester.getByTestId('comment-internal').count()).toBe(0);
    await screenshot(requester, JOURNEY, '08-requester-sees-reply');
    expect(problems).toEqual([]);
  });
});

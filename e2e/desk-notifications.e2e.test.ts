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

const JOURNEY = 'desk-notifications';
const PASSWORD = 'service desk notifications password';
const TITLE = 'Projektorn i rum 4 startar inte';

/**
 * An agent works in the desk; another agent assigns her a new incident: her bell's count rises without a reload,
 * the notification leads to the incident with its SLA clocks, and she chooses what reaches her by e-mail.
 * The desk administrator sees the demo calendar and the targets per priority.
 */
describe.skipIf(!chromiumAvailable)('service desk: notifications and SLA', () => {
  let node: JourneyNode & { cleanup(): Promise<void> };
  let browser: Browser;
  let olga: Page;
  let sergej: ApiSession;
  let olgaId = '';
  const problems: string[] = [];

  beforeAll(async () => {
    node = await startJourneyNode();
    const admin = await apiSession(node.url, 'admin', node.adminPassword);
    await setDemoPassword(admin, 'olga.ivanova', PASSWORD);
    await setDemoPassword(admin, 'sergej.petrov', PASSWORD);
    sergej = await apiSession(node.url, 'sergej.petrov', PASSWORD);
    const users = await admin.request<Array<{ id: string; username: string }>>('/api/admin/users');
    olgaId = users.find((user) => user.username === 'olga.ivanova')?.id ?? '';
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await node?.cleanup();
  });

  it('raises the bell’s count live when another agent assigns an incident to me', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
    olga = await context.newPage();
    problems.push(...watchPage(olga));
    await signInAs(olga, node.url, 'olga.ivanova', PASSWORD);
    await olga.getByTestId('nav-desk').click();
    await olga.getByTestId('incident-row').first().waitFor();
    await expect.poll(() => olga.getByTestId('live-status').getAttribute('data-status')).toBe('open');
    const count = () => olga.getByTestId('notification-count').getAttribute('data-count');
    expect(await count()).toBe('0');
    expect(await olga.getByTestId('sla-response').count()).toBeGreaterThan(0);
    await screenshot(olga, JOURNEY, '01-list-with-sla');

    await sergej.request('/api/desk/incidents', {
      method: 'POST',
      body: { title: TITLE, description: 'Lampan blinkar rött.', priority: 'critical', assigneeId: olgaId },
    });
    await expect.poll(count, { timeout: 15_000 }).toBe('1');
    await screenshot(olga, JOURNEY, '02-bell-count');
  });

  it('lists the notification and leads to the incident with its SLA clocks', async () => {
    await olga.getByTestId('notification-bell').click();
    const item = olga.getByTestId('notification-item').first();
    await item.waitFor();
    expect(await item.textContent()).toContain(TITLE);
    expect(await item.getAttribute('data-unread')).toBe('true');
    await screenshot(olga, JOURNEY, '03-bell-open');
    await item.click();
    await expect.poll(() => olga.getByTestId('incident-title').textContent()).toBe(TITLE);
    expect(await olga.getByTestId('sla-response').getAttribute('data-state')).toBe('running');
    expect(await olga.getByTestId('sla-resolution').getAttribute('data-state')).toBe('running');
    await expect.poll(() => olga.getByTestId('notification-count').getAttribute('data-count')).toBe('0');
    expect(await horizontalOverflow(olga)).toBeLessThanOrEqual(0);
    await screenshot(olga, JOURNEY, '04-incident-sla');
  });

  it('saves which events reach me by e-mail', async () => {
    await olga.goto(`${node.url}/desk/notifications`);
    await olga.getByTestId('notification-preferences').waitFor();
    const groupEmail = olga.getByTestId('pref-group_incident-email');
    expect(await groupEmail.isChecked()).toBe(false);
    await groupEmail.check();
    await olga.getByTestId('pref-save').click();
    await olga.getByTestId('pref-saved').waitFor();
    await screenshot(olga, JOURNEY, '05-preferences');
    await olga.reload();
    await olga.getByTestId('notification-preferences').waitFor();
    expect(await olga.getByTestId('pref-group_incident-email').isChecked()).toBe(true);
  });

  it('shows the desk administrator the Stockholm calendar and the targets', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'sv-SE' });
    const page = await context.newPage();
    problems.push(...watchPage(page));
    await signInAs(page, node.url, 'sergej.petrov', PASSWORD);
    await page.getByTestId('nav-desk-sla').click();
    await page.getByTestId('sla-policies').waitFor();
    expect(await page.getByTestId('calendar-form').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByLabel('Namn').first().inputValue()).toBe('Stockholm office');
    await screenshot(page, JOURNEY, '06-sla-admin');
    expect(problems).toEqual([]);
  });
});

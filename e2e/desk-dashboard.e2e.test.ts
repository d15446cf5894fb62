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

const JOURNEY = 'desk-dashboard';
const PASSWORD = 'desk dashboard journey password';
const CATEGORY = 'Telefoni';

/**
 * The desk administrator (also an agent) reads the dashboard of the demo desk, narrows it with the filter box, sees
 * it follow a new incident live, then adds a category and puts an agent into a group on the settings page.
 */
describe.skipIf(!chromiumAvailable)('service desk: dashboard and settings', () => {
  let node: JourneyNode & { cleanup(): Promise<void> };
  let browser: Browser;
  let page: Page;
  let sergej: ApiSession;
  const problems: string[] = [];
  const stat = async (key: string) =>
    Number(await page.getByTestId(`dashboard-stat-${key}`).locator('[data-value]').getAttribute('data-value'));

  beforeAll(async () => {
    node = await startJourneyNode();
    const admin = await apiSession(node.url, 'admin', node.adminPassword);
    await setDemoPassword(admin, 'sergej.petrov', PASSWORD);
    sergej = await apiSession(node.url, 'sergej.petrov', PASSWORD);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
    page = await context.newPage();
    problems.push(...watchPage(page));
    await signInAs(page, node.url, 'sergej.petrov', PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await node?.cleanup();
  });

  it('draws the demo desk’s charts, with their figures as tables', async () => {
    await page.getByTestId('nav-desk-dashboard').click();
    await page.getByTestId('dashboard').waitFor();
    await expect.poll(() => page.getByTestId('live-status').getAttribute('data-status')).toBe('open');
    // Four charts, each an SVG with bars or lines drawn from data.
    await expect.poll(() => page.locator('.recharts-surface').count()).toBeGreaterThanOrEqual(4);
    expect(await page.getByTestId('chart-open').locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('chart-created-resolved').locator('.recharts-line').count()).toBe(2);
    expect(await stat('open')).toBeGreaterThan(0);
    expect(await stat('created')).toBeGreaterThanOrEqual(25);
    await page.getByTestId('chart-open').getByText('Figures as a table').click();
    const rows = page.getByTestId('chart-open-table').locator('tbody tr');
    expect(await rows.count()).toBe(4);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, JOURNEY, '01-dashboard');
  });

  it('narrows every figure by the filter box and follows the desk live', async () => {
    const allOpen = await stat('open');
    const filter = page.getByTestId('desk-filter');
    await filter.fill('priority:critical');
    await filter.press('Escape');
    await filter.press('Enter');
    await expect.poll(() => page.url()).toContain('q=priority%3Acritical');
    await expect.poll(() => stat('open')).toBeLessThan(allOpen);
    const criticalOpen = await stat('open');
    const created = await stat('created');
    await screenshot(page, JOURNEY, '02-dashboard-filtered');

    // A new critical incident appears without a reload; a low one does not count under this filter.
    await sergej.request('/api/desk/incidents', {
      method: 'POST',
      body: { title: 'Hela växeln är nere', priority: 'critical' },
    });
    await sergej.request('/api/desk/incidents', { method: 'POST', body: { title: 'Ny mus', priority: 'low' } });
    await expect.poll(() => stat('created')).toBe(created + 1);
    expect(await stat('open')).toBe(criticalOpen + 1);
  });

  it('adds a category and puts an agent into a group on the settings page', async () => {
    await page.getByTestId('nav-desk-settings').click();
    await page.getByTestId('settings-new-categories').fill(CATEGORY);
    await page.getByTestId('settings-add-categories').click();
    await page.locator(`[data-testid="settings-categories-row"][data-name="${CATEGORY}"]`).waitFor();
    await screenshot(page, JOURNEY, '03-settings-categories');

    await page.getByTestId('settings-tab-groups').click();
    const group = page.getByTestId('settings-groups-row').first();
    const groupName = await group.getAttribute('data-name');
    await group.getByTestId('settings-group-members').click();
    const select = page.getByTestId('settings-members-select');
    await select.click();
    await page.getByRole('option', { name: 'Olga Ivanova' }).click();
    await page.keyboard.press('Escape');
    await screenshot(page, JOURNEY, '04-settings-members');
    await page.getByTestId('settings-members-save').click();
    await page.getByTestId('settings-members-save').waitFor({ state: 'detached' });

    const groups = await sergej.request<{ entries: Array<{ id: string; name: string }> }>('/api/desk/groups');
    const chosen = groups.entries.find((entry) => entry.name === groupName);
    const members = await sergej.request<{ members: Array<{ name: string }> }>(
      `/api/desk/groups/${chosen?.id}/members`,
    );
    expect(members.members.map((member) => member.name)).toContain('Olga Ivanova');
    const categories = await sergej.request<{ entries: Array<{ name: string }> }>('/api/desk/categories');
    expect(categories.entries.map((entry) => entry.name)).toContain(CATEGORY);
    expect(problems).toEqual([]);
  });
});

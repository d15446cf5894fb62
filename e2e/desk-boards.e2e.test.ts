import type { BoardView, IncidentDetail } from '@kontor/contracts';
import type { Browser, Locator, Page } from 'playwright-core';
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

const JOURNEY = 'desk-boards';
const PASSWORD = 'kanban board journey password';
const TITLES = ['Tavla: VPN-klienten startar inte', 'Tavla: ny skärm till Per', 'Tavla: lösenord går ut'];

/** Drags like a hand does: press, a small first move (dnd-kit waits for 6 px), then small steps to the target. */
async function drag(page: Page, card: Locator, column: Locator) {
  const from = await card.boundingBox();
  const to = await column.boundingBox();
  if (!from || !to) throw new Error('the card or the column is not on screen');
  const start = { x: from.x + from.width / 2, y: from.y + from.height - 12 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 8, start.y + 4, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 90, { steps: 25 });
  await page.mouse.up();
}

/**
 * An agent opens their boards, finds the default board "My work", drags a new incident to In progress, moves two
 * more (the last into a full column, which asks first), and tries a move the transition table forbids.
 */
describe.skipIf(!chromiumAvailable)('service desk: the default board, drag and drop, WIP limits', () => {
  let node: JourneyNode & { cleanup(): Promise<void> };
  let browser: Browser;
  let page: Page;
  let olga: ApiSession;
  const incidents: IncidentDetail[] = [];
  const problems: string[] = [];

  const column = (status: string) => page.locator(`[data-testid="board-column"][data-status="${status}"]`);
  const count = (status: string) => column(status).getByTestId('column-count').textContent();
  const card = (title: string) => page.getByTestId('board-card').filter({ hasText: title });
  const statusOf = async (incident: IncidentDetail) =>
    (await olga.request<IncidentDetail>(`/api/desk/incidents/${incident.id}`)).status;

  beforeAll(async () => {
    node = await startJourneyNode();
    const admin = await apiSession(node.url, 'admin', node.adminPassword);
    await setDemoPassword(admin, 'olga.ivanova', PASSWORD);
    olga = await apiSession(node.url, 'olga.ivanova', PASSWORD);
    const agents = await olga.request<{ agents: Array<{ id: string; name: string }> }>('/api/desk/agents');
    const me = agents.agents.find((agent) => agent.name.startsWith('Olga'));
    for (const title of TITLES)
      incidents.push(
        await olga.request<IncidentDetail>('/api/desk/incidents', {
          method: 'POST',
          body: { title, requesterName: 'Per Lind', priority: 'high', assigneeId: me?.id },
        }),
      );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await node?.cleanup();
  });

  it('opens the default board with the agent’s own work by status', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    page = await context.newPage();
    problems.push(...watchPage(page));
    await signInAs(page, node.url, 'olga.ivanova', PASSWORD);
    await page.getByTestId('nav-desk-boards').click();
    await page.waitForURL(/\/desk\/boards\/[0-9a-f-]{36}$/);
    await column('new').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('My work');
    await expect.poll(() => card(TITLES[0] ?? '').count()).toBe(1);
    // The demo desk gives Olga three incidents in progress; the three new ones are ours.
    expect(await count('new')).toBe('3');
    expect(await count('in_progress')).toBe('3 / 5');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, JOURNEY, '01-default-board');
    // Its columns are the board's to change: the same form as a new board's.
    await page.getByRole('button', { name: 'Edit board' }).click();
    await page.getByTestId('board-name').waitFor();
    expect(await page.getByTestId('board-name').inputValue()).toBe('My work');
    await screenshot(page, JOURNEY, '01b-edit-board');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('drags a card from New to In progress: the incident changes and the counts follow', async () => {
    const [first] = incidents;
    if (!first) throw new Error('no incident');
    await drag(page, card(first.title), column('in_progress'));
    await expect
      .poll(() => column('in_progress').getByTestId('board-card').filter({ hasText: first.title }).count())
      .toBe(1);
    await expect.poll(() => statusOf(first)).toBe('in_progress');
    await expect.poll(() => count('new')).toBe('2');
    await expect.poll(() => count('in_progress')).toBe('4 / 5');
    await screenshot(page, JOURNEY, '02-dragged-to-in-progress');
  });

  it('asks before a card goes into a full column, then shows the column over its limit in red', async () => {
    const [, second, third] = incidents;
    if (!second || !third) throw new Error('no incidents');
    await drag(page, card(second.title), column('in_progress'));
    await expect.poll(() => count('in_progress')).toBe('5 / 5');
    await expect.poll(() => statusOf(second)).toBe('in_progress');
    // The third goes by the card's menu, the way without dragging; the column is full now.
    await card(third.title).getByTestId('card-menu').click();
    await page.getByTestId('card-move-target').filter({ hasText: 'In progress' }).click();
    await page.getByTestId('confirm-submit').waitFor();
    await screenshot(page, JOURNEY, '03-full-column-asks');
    await page.getByTestId('confirm-submit').click();
    await expect.poll(() => count('in_progress')).toBe('6 / 5');
    expect(await column('in_progress').getByTestId('column-count').getAttribute('data-over-limit')).toBe('true');
    await expect.poll(() => statusOf(third)).toBe('in_progress');
    await screenshot(page, JOURNEY, '04-over-limit');
  });

  it('snaps a forbidden move back with the reason', async () => {
    const [first] = incidents;
    if (!first) throw new Error('no incident');
    // In progress → New is not in the transition table.
    await drag(page, card(first.title), column('new'));
    await page.getByTestId('board-move-error').waitFor();
    expect(await page.getByTestId('board-move-error').textContent()).toContain('cannot go from In progress to New');
    await expect
      .poll(() => column('in_progress').getByTestId('board-card').filter({ hasText: first.title }).count())
      .toBe(1);
    expect(await column('new').getByTestId('board-card').filter({ hasText: first.title }).count()).toBe(0);
    expect(await statusOf(first)).toBe('in_progress');
    expect(await count('new')).toBe('0');
    await screenshot(page, JOURNEY, '05-forbidden-move');
    // The API agrees with what the board shows.
    const boards = await olga.request<{ boards: Array<{ id: string }> }>('/api/desk/boards');
    const board = await olga.request<BoardView>(`/api/desk/boards/${boards.boards[0]?.id}`);
    expect(board.columns.map((c) => [c.status, c.count])).toEqual(
      expect.arrayContaining([
        ['new', 0],
        ['in_progress', 6],
      ]),
    );
  });

  it('saves the filter on screen on the desk list and applies it again from the menu', async () => {
    await page.getByTestId('nav-desk').click();
    const box = page.getByTestId('desk-filter');
    await box.fill('status:open priority:>=high assignee:me');
    await box.press('Escape');
    await box.press('Enter');
    await page.getByTestId('save-filter').click();
    await page.getByTestId('save-filter-name').fill('Mina brådskande');
    await screenshot(page, JOURNEY, '06-save-filter');
    await page.getByTestId('save-filter-submit').click();
    await box.fill('');
    await box.press('Escape');
    await box.press('Enter');
    await page.getByTestId('saved-filters').click();
    await page.getByTestId('saved-filter').filter({ hasText: 'Mina brådskande' }).waitFor();
    await screenshot(page, JOURNEY, '07-saved-filters-menu');
    await page.getByTestId('saved-filter').filter({ hasText: 'Mina brådskande' }).click();
    await expect.poll(() => box.inputValue()).toBe('status:open priority:>=high assignee:me');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('status:open priority:>=high assignee:me');
    // The forbidden move's 409 is the API answering as it should; nothing else went wrong on the pages.
    expect(problems.filter((problem) => !problem.includes('409'))).toEqual([]);
  });
});

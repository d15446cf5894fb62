import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  type JourneyNode,
  launchBrowser,
  screenshot,
  startJourneyNode,
  watchPage,
} from './support/browser.js';
import { apiSession, setDemoPassword, signInAs, submitAtKiosk } from './support/visitors.js';

const STAFF_PASSWORD = 'reception desk password';
const GUEST = { firstName: 'Wiktoria', lastName: 'Przerwa', company: 'Offline Sp. z o.o.' };
/** Long enough for a pushed event to have arrived, had the socket been open (the journey asks for a second). */
const EVENT_WOULD_HAVE_ARRIVED_MS = 2_000;

/**
 * The reception panel trusts its live socket only while it is open: events sent while it was down are not
 * replayed, so after every reconnect the panel re-reads. Here the socket drops (the test cuts it in Chromium and
 * refuses new ones), a guest registers meanwhile, and the panel shows them once the socket is back, without a
 * reload.
 */
describe.skipIf(!chromiumAvailable)('reception after its live connection dropped', () => {
  let node: JourneyNode & { cleanup(): Promise<void> };
  let browser: Browser;
  let context: BrowserContext;
  let reception: Page;
  const problems: string[] = [];
  let socketsAllowed = true;
  const open: Array<{ page: WebSocketRoute; server: WebSocketRoute }> = [];
  const liveStatus = () => reception.getByTestId('live-status').getAttribute('data-status');
  const guestRow = () =>
    reception.getByTestId('waiting-entry').filter({ hasText: `${GUEST.firstName} ${GUEST.lastName}` });

  beforeAll(async () => {
    node = await startJourneyNode();
    const admin = await apiSession(node.url, 'admin', node.adminPassword);
    await setDemoPassword(admin, 'ewa.nowak', STAFF_PASSWORD);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
    // Every live socket of the page goes through here: passed on to the server, or refused while "down".
    await context.routeWebSocket(/\/api\/events$/, (socket) => {
      if (!socketsAllowed) {
        void socket.close({ code: 1012, reason: 'the test cut the network' });
        return;
      }
      open.push({ page: socket, server: socket.connectToServer() });
    });
  });
  afterAll(async () => {
    await browser?.close();
    await node?.cleanup();
  });

  it('re-reads on reconnect, so a guest who registered while it was down shows without a reload', async () => {
    reception = await context.newPage();
    problems.push(...watchPage(reception));
    await signInAs(reception, node.url, 'ewa.nowak', STAFF_PASSWORD);
    await reception.goto(`${node.url}/visitors/reception`);
    await expect.poll(liveStatus, { timeout: 15_000 }).toBe('open');
    await reception.evaluate(() => {
      (window as unknown as { journeyMarker: string }).journeyMarker = 'no reload';
    });

    socketsAllowed = false;
    for (const { page, server } of open.splice(0)) {
      await server.close();
      await page.close({ code: 1012, reason: 'the test cut the network' });
    }
    await expect.poll(liveStatus, { timeout: 15_000 }).toBe('reconnecting');

    await submitAtKiosk(node.url, GUEST);
    await reception.waitForTimeout(EVENT_WOULD_HAVE_ARRIVED_MS);
    expect(await guestRow().count()).toBe(0);
    await screenshot(reception, 'visitors-reconnect', '01-socket-down');

    socketsAllowed = true;
    await expect.poll(liveStatus, { timeout: 45_000 }).toBe('open');
    await guestRow().waitFor({ timeout: 10_000 });
    expect(await reception.evaluate(() => (window as unknown as { journeyMarker?: string }).journeyMarker)).toBe(
      'no reload',
    );
    await screenshot(reception, 'visitors-reconnect', '02-reconnected');
    expect(problems).toEqual([]);
  });
});

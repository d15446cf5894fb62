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
import { type ApiSession, apiSession, setDemoPassword, signInAs, submitAtKiosk } from './support/visitors.js';

const JOURNEY = 'visitors-xss';
const STAFF_PASSWORD = 'reception desk password';

/**
 * What a hostile guest might type at the kiosk. Each one, if it ran, would set `window.pwned` or open a dialog;
 * shown as text, it is harmless. Names are at most 100 characters, so each payload fits one field.
 */
const PAYLOADS = [
  '<script>window.pwned="script"</script>',
  '<img src=x onerror="window.pwned=\'img\'">',
  '"><svg onload=window.pwned="svg">',
  "javascript:window.pwned='url'",
  // Template syntaxes of other front ends: text here, never evaluated.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is the payload
  '{{7*7}} ${7*7} #{7*7}',
  '\u202Egnp.exe\u202C Ahmed \u200F\u0623\u062D\u0645\u062F',
  '<iframe src="javascript:alert(1)"></iframe>',
  "';alert(String.fromCharCode(88,83,83))//",
  '<a href="javascript:alert(1)">klick</a>',
  '&lt;b&gt;entity&lt;/b&gt; &amp; <b>bold</b>',
] as const;

/** Puts a payload into every field a guest types, and a readable marker to find the entry by. */
const guestWith = (payload: string, index: number) => ({
  firstName: `X${index} ${payload}`.slice(0, 100),
  lastName: payload.slice(0, 100),
  company: `${payload} GmbH`.slice(0, 100),
  purpose: `Purpose ${payload}`,
});

/** Whether anything injected ran or landed in the DOM as markup. */
async function injected(page: Page) {
  return page.evaluate(() => ({
    flag: (window as unknown as { pwned?: unknown }).pwned ?? null,
    elements: document.querySelectorAll(
      'img[src="x"], svg[onload], iframe, script:not([type="module"]):not([src]), a[href^="javascript:"], b',
    ).length,
  }));
}

describe.skipIf(!chromiumAvailable)('what a guest types is shown, never run', () => {
  let node: JourneyNode & { cleanup(): Promise<void> };
  let browser: Browser;
  let page: Page;
  let reception: ApiSession;
  const dialogs: string[] = [];
  let problems: string[];

  beforeAll(async () => {
    node = await startJourneyNode();
    const admin = await apiSession(node.url, 'admin', node.adminPassword);
    await setDemoPassword(admin, 'ewa.nowak', STAFF_PASSWORD);
    reception = await apiSession(node.url, 'ewa.nowak', STAFF_PASSWORD);
    // A hostile privacy notice too: the admin's text is shown as text as well.
    const settings = await admin.request<Record<string, unknown>>('/api/visitors/settings');
    await admin.request('/api/visitors/settings', {
      method: 'PUT',
      body: { ...settings, privacyNotice: { en: `Notice ${PAYLOADS[1]} ${PAYLOADS[0]}` } },
    });

    const ids: string[] = [];
    for (const [index, payload] of PAYLOADS.entries())
      ids.push((await submitAtKiosk(node.url, guestWith(payload, index))).id);
    // The first half get cards, so they show among the active guests and on the evacuation list as well.
    const { cards } = await reception.request<{ cards: Array<{ number: number }> }>('/api/visitors/cards?free=true');
    for (const [index, id] of ids.slice(0, 5).entries()) {
      await reception.request(`/api/visitors/entries/${id}/card`, {
        method: 'POST',
        body: { card: cards[index]?.number },
      });
    }
    await reception.request(`/api/visitors/entries/${ids[0]}`, { method: 'PATCH', body: { notes: PAYLOADS[2] } });

    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
    problems = watchPage(page);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signInAs(page, node.url, 'ewa.nowak', STAFF_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await node?.cleanup();
  });

  it('shows every payload literally in the reception panel', async () => {
    await page.goto(`${node.url}/visitors/reception`);
    await page.getByTestId('active-entry').first().waitFor();
    await expect.poll(() => page.getByTestId('waiting-entry').count()).toBeGreaterThanOrEqual(5);
    const text = (await page.locator('main').textContent()) ?? '';
    for (const payload of PAYLOADS) expect(text, payload).toContain(payload);
    const first = page.getByTestId('active-entry').filter({ hasText: 'X0 ' });
    expect(await first.getByTestId('active-notes').inputValue()).toBe(PAYLOADS[2]);
    expect(await injected(page)).toEqual({ flag: null, elements: 0 });
    await screenshot(page, JOURNEY, '01-reception');
  });

  it('shows them literally in past visits too', async () => {
    // The guest whose notes hold a payload leaves: the notes go into the closed visit.
    const active = page.getByTestId('active-entry').filter({ hasText: 'X0 ' });
    await active.getByTestId('release-entry').click();
    await active.waitFor({ state: 'detached' });
    await page.getByTestId('reception-tab-past').click();
    await page.getByTestId('past-visit').filter({ hasText: 'X0 ' }).waitFor();
    const text = (await page.getByTestId('past-visits').textContent()) ?? '';
    for (const payload of [PAYLOADS[0], PAYLOADS[2]]) expect(text, payload).toContain(payload);
    expect(await injected(page)).toEqual({ flag: null, elements: 0 });
    await screenshot(page, JOURNEY, '02-past-visits');
  });

  it('shows them literally on the main panel and the evacuation list', async () => {
    await page.goto(`${node.url}/visitors`);
    await page.getByTestId('in-building-count').waitFor();
    expect(await injected(page)).toEqual({ flag: null, elements: 0 });
    await screenshot(page, JOURNEY, '03-main-panel');

    await page.getByTestId('panel-evacuation').click();
    await page.getByTestId('evacuation-person').first().waitFor();
    const text = (await page.getByTestId('evacuation-list').textContent()) ?? '';
    for (const payload of PAYLOADS.slice(1, 5)) expect(text, payload).toContain(payload);
    expect(await injected(page)).toEqual({ flag: null, elements: 0 });
    await screenshot(page, JOURNEY, '04-evacuation');
  });

  it('shows a hostile privacy notice literally on the kiosk', async () => {
    const kiosk = await browser.newPage({ viewport: { width: 820, height: 1180 }, locale: 'en-GB' });
    kiosk.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await kiosk.goto(`${node.url}/kiosk`);
    const notice = kiosk.getByTestId('kiosk-privacy-notice');
    await expect.poll(() => notice.textContent()).toContain(PAYLOADS[1]);
    expect(await notice.textContent()).toContain(PAYLOADS[0]);
    expect(await injected(kiosk)).toEqual({ flag: null, elements: 0 });
    await screenshot(kiosk, JOURNEY, '05-kiosk-notice');
    await kiosk.close();
  });

  it('opened no dialog and logged no error', () => {
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });
});

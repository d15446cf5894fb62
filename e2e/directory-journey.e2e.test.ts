import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  type JourneyNode,
  launchBrowser,
  screenshot,
  signIn,
  startJourneyNode,
  watchPage,
} from './support/browser.js';

const JOURNEY = 'directory';

/** Someone looks up how to reach the intensive care unit: a typo, no diacritics, then its contact sheet. */
describe.skipIf(!chromiumAvailable)('directory journey', () => {
  let node: JourneyNode & { cleanup(): Promise<void> };
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    node = await startJourneyNode();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    problems = watchPage(page);
    await signIn(page, node.url, node.adminPassword);
    await page.getByTestId('nav-directory').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await node?.cleanup();
  });

  it('opens the directory from the navigation, with the organisation to browse', async () => {
    await page.getByTestId('language-select').selectOption('sv');
    await page.getByTestId('nav-directory').click();
    await page.getByTestId('directory-search').waitFor();
    await expect.poll(() => page.getByTestId('unit-tree-branch').first().textContent()).toContain('Region Örebro län');
    await screenshot(page, JOURNEY, '01-start');
  });

  it('exports the directory for Excel', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('directory-export-xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^directory-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = await download.path();
    expect((await readFile(file)).subarray(0, 2).toString()).toBe('PK');
  });

  it('finds a person typed with a typo and without diacritics', async () => {
    await page.getByTestId('directory-search').fill('goran akeson');
    const first = page.getByTestId('directory-results').getByTestId('directory-entry').first();
    await expect.poll(() => first.textContent()).toContain('Göran Åkesson');
    expect(await first.textContent()).toContain('Intensivvårdsavdelningen (IVA)');
    await screenshot(page, JOURNEY, '02-search');
    await first.getByRole('link', { name: 'Göran Åkesson' }).click();
    await expect.poll(() => page.getByTestId('person-name').textContent()).toBe('Göran Åkesson');
    await page.getByTestId('favourite-toggle').click();
    await expect.poll(() => page.getByTestId('favourite-toggle').getAttribute('aria-pressed')).toBe('true');
    // Back returns to the same search, typed in the box and answered; Forward to the person again.
    await page.goBack();
    await expect.poll(() => page.getByTestId('directory-search').inputValue()).toBe('goran akeson');
    await expect.poll(() => first.textContent()).toContain('Göran Åkesson');
    await page.goForward();
    await expect.poll(() => page.getByTestId('person-name').textContent()).toBe('Göran Åkesson');
  });

  it('opens the unit with its contacts by priority, functions and crisis instructions', async () => {
    await page.getByRole('link', { name: 'Intensivvårdsavdelningen (IVA)' }).first().click();
    await expect.poll(() => page.getByTestId('unit-name').textContent()).toBe('Intensivvårdsavdelningen (IVA)');
    const kinds = await page
      .getByTestId('unit-page')
      .locator('.directory-contacts')
      .first()
      .locator('li')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-testid')));
    expect(kinds).toEqual(['contact-phone', 'contact-radio']);
    expect(await page.getByTestId('directory-notice').first().textContent()).toContain('Vid avbrott i IT och telefoni');
    expect(await page.getByTestId('unit-function').count()).toBe(3);
    await screenshot(page, JOURNEY, '03-unit');
  });

  it('prints the unit as a contact sheet that says when and where it was printed', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.mantine-AppShell-navbar').isVisible()).toBe(false);
    expect(await page.getByTestId('unit-print').isVisible()).toBe(false);
    const footer = await page.getByTestId('print-footer').textContent();
    expect(footer).toMatch(
      /Utskriven .+ från nod Region Örebro län \(demo\) [0-9a-f]{8} \(Server\) · uppgifter per .+/,
    );
    await screenshot(page, JOURNEY, '04-unit-print');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  });

  it('prints the whole directory', async () => {
    await page.goto(`${node.url}/directory/print`);
    await expect.poll(() => page.getByTestId('print-unit').count()).toBeGreaterThan(25);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 800, height: 1100 });
    await page.screenshot({ path: 'test-results/screenshots/directory-05-print-all.png' });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('lets the hub admin publish a bulletin on the unit', async () => {
    await page.goto(`${node.url}/directory?q=iva`);
    await page.getByTestId('directory-results').getByRole('link', { name: 'Intensivvårdsavdelningen (IVA)' }).click();
    await page.getByRole('switch', { name: 'Redigeringsläge' }).check();
    await page.getByTestId('unit-new-notice').click();
    await page.getByTestId('notice-form-title').fill('Reservkraft testas <torsdag>');
    await page.getByTestId('notice-form-body').fill('Räkna med korta avbrott 10–11.');
    await page.getByTestId('notice-form-submit').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect
      .poll(() => page.getByTestId('directory-notice').first().textContent())
      .toContain('Reservkraft testas <torsdag>');
    // Typed markup shows as text; the full-page picture starts from the top, under the fixed header.
    expect(await page.locator('torsdag').count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, JOURNEY, '06-bulletin');
  });

  it('works on a phone, favourites first', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${node.url}/directory`);
    await expect.poll(() => page.getByTestId('directory-favourites').textContent()).toContain('Göran Åkesson');
    await page.getByTestId('directory-search').fill('0840');
    await page.getByTestId('directory-search').fill('jour akut');
    // Should this ever time out, say what the page showed and what went wrong in it (a flake seen once in CI).
    await expect
      .poll(() => page.getByTestId('directory-results').getByTestId('directory-entry').first().textContent())
      .toContain('Jourhavande läkare')
      .catch(async (error: unknown) => {
        const shown = await page
          .getByRole('search')
          .innerText()
          .catch(() => '(no search region)');
        throw new Error(`${String(error)}\nsearch region: ${shown}\nproblems: ${problems.join(' | ')}`);
      });
    await screenshot(page, JOURNEY, '07-phone');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  });
});

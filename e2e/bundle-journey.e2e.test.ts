import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../apps/server/test/processes.js';
import {
  chromiumAvailable,
  horizontalOverflow,
  launchBrowser,
  screenshot,
  signIn,
  startJourneyNode,
  watchPage,
} from './support/browser.js';

const JOURNEY = 'bundle';

/** Slows this page's uploads to `bytesPerSecond`, so a small file's progress can be watched. */
async function throttleUploads(page: Page, bytesPerSecond: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
}

/** Changes travel on a file from the hub to a workstation that cannot reach it, through both nodes' web pages. */
describe.skipIf(!chromiumAvailable)('carrying a bundle between two nodes in the browser', () => {
  let hub: Awaited<ReturnType<typeof startJourneyNode>>;
  let client: RunningServer | undefined;
  let browser: Browser;
  let hubPage: Page;
  let clientPage: Page;
  let problems: string[];
  const work = mkdtempSync(join(tmpdir(), 'kontor-e2e-bundle-'));
  const workstation = ['--role', 'client', '--data', join(work, 'ward-7'), '--port', '0'];
  const allChanges = join(work, 'all.kbundle');
  const lacking = join(work, 'lacking.kbundle');
  const snapshot = join(work, 'snapshot.kbundle');
  let workstationVector = '';

  beforeAll(async () => {
    hub = await startJourneyNode();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await client?.stop();
    await hub?.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  it('enrolls a workstation, whose administrator notes what it holds', async () => {
    hubPage = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    problems = watchPage(hubPage);
    await signIn(hubPage, hub.url, hub.adminPassword);
    await hubPage.getByTestId('nav-nodes').click();
    await hubPage.getByTestId('enrollment-new').click();
    const code = (await hubPage.getByTestId('enrollment-code').textContent())?.trim() ?? '';
    await hubPage.getByTestId('enrollment-done').click();

    client = await startServer([...workstation, '--upstream', hub.url, '--enroll', code, '--node-name', 'ward-7']);
    const url = client.url;
    // The hub's users arrive with the workstation's first sync.
    await expect
      .poll(async () => {
        const response = await fetch(`${url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password: hub.adminPassword }),
        });
        return response.status;
      })
      .toBe(200);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    problems.push(...watchPage(page));
    await signIn(page, url, hub.adminPassword);
    await page.getByTestId('nav-bundles').click();
    await expect.poll(() => page.getByTestId('bundle-node-vector').textContent()).toMatch(/^\{".+\}$/);
    workstationVector = (await page.getByTestId('bundle-node-vector').textContent()) ?? '';
    await page.close();
    await client.stop();
  });

  it('writes bundles on the hub while the workstation is away', async () => {
    await hubPage.getByTestId('nav-users').click();
    await hubPage.getByTestId('user-new').click();
    await hubPage.getByTestId('user-form-username').fill('ward7.nurse');
    await hubPage.getByTestId('user-form-display-name').fill('Ward 7 Nurse');
    await hubPage.getByTestId('user-form-password').fill('a nurse’s long password');
    await hubPage.getByTestId('user-form-submit').click();
    await hubPage.getByTestId('user-row-ward7.nurse').waitFor();

    await hubPage.getByTestId('nav-bundles').click();
    const download = async (file: string) => {
      const [started] = await Promise.all([
        hubPage.waitForEvent('download'),
        hubPage.getByTestId('bundle-export-download').click(),
      ]);
      expect(started.suggestedFilename()).toMatch(/^kontor-.*\.kbundle$/);
      await started.saveAs(file);
    };
    await download(allChanges);
    await hubPage.getByTestId('bundle-export-snapshot').check();
    await download(snapshot);
    await hubPage.getByTestId('bundle-export-since').check();
    await hubPage.getByTestId('bundle-export-vector').fill('not a vector');
    await hubPage.getByText('Paste a vector').waitFor();
    await hubPage.getByTestId('bundle-export-vector').fill(workstationVector);
    await screenshot(hubPage, JOURNEY, '01-export-on-hub');
    await download(lacking);
    expect(readFileSync(lacking).length).toBeLessThan(readFileSync(allChanges).length);
    // The network between them is gone for good: only the files travel now.
    await hubPage.close();
    await hub.stop();
  });

  it('imports a bundle on the workstation with a progress bar, then shows what it applied', async () => {
    // It still points at its hub, which no longer answers.
    client = await startServer([...workstation, '--upstream', hub.url]);
    clientPage = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    problems.push(...watchPage(clientPage));
    await signIn(clientPage, client.url, hub.adminPassword);
    await clientPage.getByTestId('nav-bundles').click();
    await throttleUploads(clientPage, Math.round(readFileSync(allChanges).length / 6));
    await clientPage.getByTestId('bundle-drop-zone').locator('input[type=file]').setInputFiles(allChanges);
    await expect.poll(() => clientPage.getByTestId('bundle-chosen-file').textContent()).toContain('all.kbundle');
    await clientPage.getByTestId('bundle-import-start').click();
    const progressbar = clientPage.getByTestId('bundle-upload').getByRole('progressbar');
    await expect.poll(async () => Number(await progressbar.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(25);
    await screenshot(clientPage, JOURNEY, '02-import-progress');
    await clientPage.getByTestId('bundle-import-outcome').waitFor();
    await throttleUploads(clientPage, -1);
    // Counts are shown as the locale writes numbers ("1,234" in en-GB).
    const count = async (name: string) =>
      Number((await clientPage.getByTestId(`bundle-count-${name}`).textContent())?.replace(/\D/g, ''));
    expect(await count('applied')).toBeGreaterThan(0);
    expect(await count('duplicates')).toBeGreaterThan(0);
    expect(await clientPage.getByTestId('bundle-count-rejected').textContent()).toBe('0');
    await screenshot(clientPage, JOURNEY, '03-import-outcome');

    // The hub's snapshot from the same moment brings nothing more: the workstation holds all of it now.
    await clientPage.getByTestId('bundle-drop-zone').locator('input[type=file]').setInputFiles(snapshot);
    await clientPage.getByTestId('bundle-import-start').click();
    await expect
      .poll(() => clientPage.getByTestId('bundle-import-outcome').textContent())
      .toContain('already holds everything in this snapshot');

    await clientPage.getByTestId('nav-users').click();
    await clientPage.getByTestId('user-row-ward7.nurse').waitFor();
  });

  it('refuses a file changed after it was signed, saying why, in the user’s language too', async () => {
    const envelope = JSON.parse(gunzipSync(readFileSync(lacking)).toString('utf8'));
    envelope.payload = envelope.payload.replaceAll('Ward 7 Nurse', 'Ward 7 Doctor');
    const tampered = join(work, 'tampered.kbundle');
    writeFileSync(tampered, gzipSync(JSON.stringify(envelope)));

    await clientPage.getByTestId('nav-bundles').click();
    // Dropped on the page this time, as from a file manager.
    const dropped = await clientPage.evaluateHandle((base64) => {
      const transfer = new DataTransfer();
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      transfer.items.add(new File([bytes], 'tampered.kbundle', { type: 'application/gzip' }));
      return transfer;
    }, readFileSync(tampered).toString('base64'));
    await clientPage.getByTestId('bundle-drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
    await expect.poll(() => clientPage.getByTestId('bundle-chosen-file').textContent()).toContain('tampered.kbundle');
    await clientPage.getByTestId('bundle-import-start').click();
    const refused = clientPage.getByTestId('bundle-import-refused');
    await refused.waitFor();
    expect(await refused.getAttribute('data-reason')).toBe('tampered');
    expect(await refused.textContent()).toContain('The file was changed after it was signed.');
    await screenshot(clientPage, JOURNEY, '04-tampered-refused');

    await clientPage.getByTestId('language-select').selectOption('sv');
    await expect.poll(() => refused.textContent()).toContain('Filen har ändrats efter att den signerades.');
    await screenshot(clientPage, JOURNEY, '05-tampered-refused-sv');

    await clientPage.setViewportSize({ width: 375, height: 740 });
    await screenshot(clientPage, JOURNEY, '06-phone');
    expect(await horizontalOverflow(clientPage)).toBeLessThanOrEqual(0);
    // The refusal is an answer of the API (422), which the browser logs as a failed request.
    expect(problems.filter((problem) => !problem.includes('status of 422'))).toEqual([]);
  });
});

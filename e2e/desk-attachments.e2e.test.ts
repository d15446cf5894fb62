import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

const JOURNEY = 'desk-attachments';
const PASSWORD = 'desk attachments journey password';
const SCAN = Buffer.from(`%PDF-1.4\n${'skannad sida '.repeat(200)}\n`);

/**
 * A requester adds a file to their incident from the incident page, downloads it again, and is told before sending
 * that a file over 25 MB is too large; the agent finds the file on the same incident.
 */
describe.skipIf(!chromiumAvailable)('service desk: files of an incident', () => {
  let node: JourneyNode & { cleanup(): Promise<void> };
  let browser: Browser;
  let requester: Page;
  let incidentPath = '';
  const problems: string[] = [];

  beforeAll(async () => {
    node = await startJourneyNode();
    const admin = await apiSession(node.url, 'admin', node.adminPassword);
    await setDemoPassword(admin, 'olga.ivanova', PASSWORD);
    await setDemoPassword(admin, 'maria.ek', PASSWORD);
    const maria = await apiSession(node.url, 'maria.ek', PASSWORD);
    const incident = await maria.request<{ id: string }>('/api/desk/incidents', {
      method: 'POST',
      body: { title: 'Skannern sparar tomma sidor', description: 'Varannan sida blir vit.' },
    });
    incidentPath = `/desk/incidents/${incident.id}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await node?.cleanup();
  });

  it('adds a file from the incident page and lists it with its size', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'sv-SE',
      acceptDownloads: true,
    });
    requester = await context.newPage();
    problems.push(...watchPage(requester));
    await signInAs(requester, node.url, 'maria.ek', PASSWORD);
    await requester.goto(`${node.url}${incidentPath}`);
    await requester.getByTestId('attachment-drop-zone').waitFor();
    await screenshot(requester, JOURNEY, '01-no-files');
    await requester
      .getByTestId('attachment-drop-zone')
      .locator('input[type=file]')
      .setInputFiles({ name: 'skanning våning 3.pdf', mimeType: 'application/pdf', buffer: SCAN });
    const row = requester.getByTestId('attachment-row').filter({ hasText: 'skanning våning 3.pdf' });
    await row.waitFor();
    expect(await row.getByTestId('attachment-size').textContent()).toMatch(/2,\d\s?kB/);
    expect(await horizontalOverflow(requester)).toBeLessThanOrEqual(0);
    await screenshot(requester, JOURNEY, '02-file-added');
  });

  it('downloads the file byte for byte under its own name', async () => {
    const [download] = await Promise.all([
      requester.waitForEvent('download'),
      requester.getByTestId('attachment-link').filter({ hasText: 'skanning våning 3.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('skanning våning 3.pdf');
    const path = await download.path();
    expect(readFileSync(path)).toEqual(SCAN);
  });

  it('says a file over 25 MB is too large without sending it', async () => {
    // From disk: the browser reads the file itself, as it does when a person picks one.
    const dir = mkdtempSync(join(tmpdir(), 'kontor-e2e-film-'));
    const film = join(dir, 'film.mp4');
    writeFileSync(film, Buffer.alloc(26_214_401, 1));
    await requester.getByTestId('attachment-drop-zone').locator('input[type=file]').setInputFiles(film);
    rmSync(dir, { recursive: true, force: true });
    const refusal = requester.getByTestId('attachment-too-large');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('25 MB');
    expect(await requester.getByTestId('attachment-row').count()).toBe(1);
    await screenshot(requester, JOURNEY, '03-too-large');
  });

  it('shows the agent the requester’s file on the incident', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    const agent = await context.newPage();
    problems.push(...watchPage(agent));
    await signInAs(agent, node.url, 'olga.ivanova', PASSWORD);
    await agent.goto(`${node.url}${incidentPath}`);
    await agent.getByTestId('attachment-row').filter({ hasText: 'skanning våning 3.pdf' }).waitFor();
    expect(await horizontalOverflow(agent)).toBeLessThanOrEqual(0);
    await screenshot(agent, JOURNEY, '04-agent-phone');
    expect(problems).toEqual([]);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpTestServer, startSmtpTestServer } from '../apps/server/test/smtp-test-server.js';
import { startTelegramBotApiServer, type TelegramBotApiServer } from '../apps/server/test/telegram-bot-api-server.js';
import { freePort } from '../bench/child.js';
import { chromiumAvailable, launchBrowser, screenshot, startJourneyNode, watchPage } from './support/browser.js';
import { type ApiSession, apiSession, setDemoPassword, signInAs } from './support/visitors.js';

const JOURNEY = 'desk-channels';
const PASSWORD = 'service desk channels password';
const DESK_ADDRESS = 'support@example.org';
const ANNA = 'anna.berg@kund.example';
const WEBHOOK_SECRET = 'journey-telegram-secret_0123456789';
const CATEGORY = 'Kopiatorer';
const MAIL_TITLE = 'Kopiatorn på plan 3 drar in flera ark';
const TELEGRAM_TITLE = 'Kopiatorn i hus B fastnar hela tiden';
const TELEGRAM_CHAT = 4242;
const RESOLUTION = 'Valsarna i kopiatorerna är utbytta; de matar ett ark i taget igen.';

/**
 * Issue 6's journey: an e-mail and a Telegram message arrive and become two incidents on the agent's live list; the
 * agent files both under one category, and the administrator's rule ("two copier incidents within an hour") opens a
 * problem; closing the problem resolves both incidents, and each requester hears it the way they wrote: the e-mail
 * requester by e-mail (captured by a real SMTP server), the Telegram requester through the Bot API.
 */
describe.skipIf(!chromiumAvailable)('service desk: from e-mail and Telegram to a problem, closed', () => {
  let node: Awaited<ReturnType<typeof startJourneyNode>>;
  let outbox: SmtpTestServer;
  let telegram: TelegramBotApiServer;
  let configDir: string;
  let inboundSmtpPort: number;
  let browser: Browser;
  let agent: Page;
  let api: ApiSession;
  const problems: string[] = [];

  beforeAll(async () => {
    outbox = await startSmtpTestServer();
    telegram = await startTelegramBotApiServer();
    inboundSmtpPort = await freePort();
    configDir = mkdtempSync(join(tmpdir(), 'kontor-e2e-channels-'));
    const configFile = join(configDir, 'kontor.config.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        smtpUrl: outbox.url,
        mailRetryBaseMs: 100,
        deskSmtpPort: inboundSmtpPort,
        deskMailAddress: DESK_ADDRESS,
        deskTelegramBotToken: telegram.token,
        deskTelegramApiUrl: telegram.url,
        deskTelegramWebhookSecret: WEBHOOK_SECRET,
        deskChannelPollMs: 200,
      }),
    );
    node = await startJourneyNode(['--config', configFile]);
    const admin = await apiSession(node.url, 'admin', node.adminPassword);
    await setDemoPassword(admin, 'olga.ivanova', PASSWORD);
    await setDemoPassword(admin, 'sergej.petrov', PASSWORD);
    const deskAdmin = await apiSession(node.url, 'sergej.petrov', PASSWORD);
    const category = await deskAdmin.request<{ id: string }>('/api/desk/categories', {
      method: 'POST',
      body: { name: CATEGORY },
    });
    await deskAdmin.request('/api/desk/problems/rules', {
      method: 'POST',
      body: { name: 'Kopiatorstörning', kind: 'category', categoryId: category.id, threshold: 2, windowMinutes: 60 },
    });
    api = await apiSession(node.url, 'olga.ivanova', PASSWORD);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await node?.cleanup();
    await telegram?.close();
    await outbox?.close();
    if (configDir) rmSync(configDir, { recursive: true, force: true });
  });

  const row = (title: string) => agent.getByTestId('incident-row').filter({ hasText: title });

  it('turns an e-mail and a Telegram message into two incidents on the live list', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'sv-SE' });
    agent = await context.newPage();
    problems.push(...watchPage(agent));
    await signInAs(agent, node.url, 'olga.ivanova', PASSWORD);
    await agent.getByTestId('nav-desk').click();
    await agent.getByTestId('incident-row').first().waitFor();
    await expect.poll(() => agent.getByTestId('live-status').getAttribute('data-status')).toBe('open');

    const mailer = nodemailer.createTransport({ host: '127.0.0.1', port: inboundSmtpPort, ignoreTLS: true });
    await mailer.sendMail({
      from: `Anna Berg <${ANNA}>`,
      to: DESK_ADDRESS,
      subject: MAIL_TITLE,
      text: 'Den tar tre ark åt gången och kör fast. Mvh Anna',
    });
    mailer.close();
    const webhook = await fetch(`${node.url}/api/desk/channels/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
      body: JSON.stringify({
        update_id: 700_001,
        message: {
          message_id: 55,
          date: Math.floor(Date.now() / 1000),
          chat: { id: TELEGRAM_CHAT, type: 'private' },
          from: { id: TELEGRAM_CHAT, is_bot: false, first_name: 'Nils', last_name: 'Holm' },
          text: TELEGRAM_TITLE,
        },
      }),
    });
    expect(webhook.status).toBe(200);

    // Both arrive without a reload: the list hears the desk's live topic.
    await row(MAIL_TITLE).waitFor();
    await row(TELEGRAM_TITLE).waitFor();
    await screenshot(agent, JOURNEY, '01-two-channels-arrived');
    // The e-mail requester got an acknowledgement with the reference at once.
    await outbox.waitFor((mail) => mail.envelope.to.includes(ANNA), 30_000);
  });

  it('opens a problem when the agent files both under the rule’s category', async () => {
    for (const title of [MAIL_TITLE, TELEGRAM_TITLE]) {
      await agent.getByTestId('nav-desk').click();
      await row(title).getByRole('link').first().click();
      const fields = agent.getByTestId('incident-fields');
      await fields.getByTestId('field-category').click();
      await agent.getByRole('option', { name: CATEGORY }).click();
      await fields.getByTestId('fields-save').click();
      await agent.getByText(CATEGORY).first().waitFor();
    }
    await screenshot(agent, JOURNEY, '02-incident-filed');

    await agent.getByTestId('nav-desk-problems').click();
    const problemRow = agent.getByTestId('problem-row').filter({ hasText: 'Kopiatorstörning' });
    await problemRow.waitFor();
    await screenshot(agent, JOURNEY, '03-problem-opened-by-rule');
    await problemRow.getByRole('link').first().click();
    await expect.poll(() => agent.getByTestId('problem-incident-row').count()).toBe(2);
    await screenshot(agent, JOURNEY, '04-problem');
  });

  it('closes the problem: both incidents resolved, the e-mail and the Telegram requester told', async () => {
    await agent.getByTestId('problem-close').click();
    await agent.getByTestId('problem-resolution-input').fill(RESOLUTION);
    await agent.getByTestId('problem-close-submit').click();
    await expect.poll(() => agent.getByTestId('problem-status').getAttribute('data-status')).toBe('closed');
    const statuses = () =>
      agent
        .getByTestId('problem-incidents')
        .getByTestId('incident-status')
        .evaluateAll((badges) => badges.map((badge) => badge.getAttribute('data-status')));
    await expect.poll(statuses).toEqual(['resolved', 'resolved']);
    await screenshot(agent, JOURNEY, '05-problem-closed');

    const mail = await outbox.waitFor(
      (message) => message.envelope.to.includes(ANNA) && (message.parsed.text ?? '').includes(RESOLUTION),
      30_000,
    );
    expect(mail.parsed.subject).toMatch(/\[INC-\d{6}\]/);
    const reply = await telegram.waitForCall(
      'sendMessage',
      (call) => Number(call.params.chat_id) === TELEGRAM_CHAT && String(call.params.text).includes(RESOLUTION),
      30_000,
    );
    expect(String(reply.params.text)).toMatch(/INC-\d{6}/);

    const incidents = await api.request<{ incidents: Array<{ status: string }> }>(
      `/api/desk/incidents?q=${encodeURIComponent(`category:${CATEGORY}`)}`,
    );
    expect(incidents.incidents.map((incident) => incident.status)).toEqual(['resolved', 'resolved']);
    expect(problems).toEqual([]);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreLocation } from '../src/platform/db/database.js';
import { MAX_MAIL_ATTEMPTS, retryDelayMs } from '../src/platform/mail/mail-queue.js';
import type { Platform } from '../src/platform/platform.js';
import { copyMigratedStore } from './pglite-template.js';
import { type SmtpTestServer, startSmtpTestServer } from './smtp-test-server.js';
import { createTestDatabase, describeEachStore, postgresAvailable } from './stores.js';
import { startTestNode, type TestNode } from './test-node.js';

// A 1×1 transparent PNG.
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const queued = (platform: Platform, subject: string) =>
  platform.db
    .selectFrom('platform.mail_queue')
    .select(['attempts', 'sent_at', 'gave_up_at', 'last_error'])
    .where('subject', '=', subject)
    .execute();

/** Sends one message and waits for it: everything enqueued before it has had its turn. */
async function sendMarker(platform: Platform, smtp: SmtpTestServer, subject: string) {
  await platform.transaction((trx) => platform.mail.enqueue(trx, { to: 'marker@example.org', subject, text: '.' }));
  await smtp.waitFor((mail) => mail.parsed.subject === subject);
}

function capturedLogs() {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  return { logger, lines, has: (message: string) => lines.some((line) => JSON.parse(line).msg?.startsWith(message)) };
}

describe('retry delays', () => {
  it('grow exponentially up to a cap, with full jitter', () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(attempts, 30_000, () => 0.999_999))).toEqual([
      29_999, 59_999, 119_999, 239_999,
    ]);
    expect(retryDelayMs(3, 30_000, () => 0)).toBe(0);
    expect(retryDelayMs(40, 30_000, () => 0.5)).toBe(3 * 3_600_000);
  });
});

describeEachStore('e-mail', (store) => {
  describe('with an SMTP server', () => {
    let smtp: SmtpTestServer;
    let node: TestNode;
    let release: () => Promise<void>;
    const logs = capturedLogs();

    beforeAll(async () => {
      smtp = await startSmtpTestServer();
      const created = await store.create();
      release = created.release;
      node = await startTestNode(
        created.location,
        { smtpUrl: smtp.url.replace('smtp://', 'smtp://kontor:s3cret-pass@'), mailRetryBaseMs: 10, demo: false },
        { logger: logs.logger },
      );
    });
    afterAll(async () => {
      await node?.close();
      await release?.();
      await smtp?.close();
    });

    it('sends a message enqueued in a committed transaction, with its inline image', async () => {
      const { platform } = node;
      await platform.transaction((trx) =>
        platform.mail.enqueue(trx, {
          to: 'Anna Host <anna.host@example.org>',
          subject: 'Your visitor has arrived',
          text: 'Erik Gäst is waiting at the reception.',
          html: '<p>Erik Gäst is waiting at the reception.</p><img src="cid:badge@kontor">',
          attachments: [{ filename: 'badge.png', contentType: 'image/png', content: PIXEL, cid: 'badge@kontor' }],
        }),
      );
      const mail = await smtp.waitFor((m) => m.parsed.subject === 'Your visitor has arrived');
      expect(mail.envelope).toEqual({ from: 'kontor@localhost', to: ['anna.host@example.org'] });
      expect(mail.user).toBe('kontor');
      expect(mail.parsed.from?.value).toEqual([{ name: 'Kontor', address: 'kontor@localhost' }]);
      expect(mail.parsed.text?.trim()).toBe('Erik Gäst is waiting at the reception.');
      expect(mail.parsed.html).toContain('Erik Gäst is waiting');
      const [image] = mail.parsed.attachments;
      expect(image).toMatchObject({ filename: 'badge.png', contentType: 'image/png', cid: 'badge@kontor' });
      expect(image?.content.equals(PIXEL)).toBe(true);
      await expect.poll(async () => (await queued(platform, 'Your visitor has arrived'))[0]?.sent_at).toBeTruthy();
    });

    it('sends nothing for a transaction that rolls back', async () => {
      const { platform } = node;
      await expect(
        platform.transaction(async (trx) => {
          await platform.mail.enqueue(trx, { to: 'nobody@example.org', subject: 'Rolled back', text: 'never' });
          throw new Error('the business change failed');
        }),
      ).rejects.toThrow('the business change failed');
      await sendMarker(platform, smtp, 'After the rollback');
      expect(smtp.withSubject('Rolled back')).toEqual([]);
      expect(await queued(platform, 'Rolled back')).toEqual([]);
    });

    it('sends a message enqueued twice under one dedupe key once', async () => {
      const { platform } = node;
      const message = { to: 'anna.host@example.org', subject: 'Once only', text: 'hello', dedupeKey: 'visit-42' };
      await platform.transaction((trx) => platform.mail.enqueue(trx, message));
      await platform.transaction(async (trx) => {
        await platform.mail.enqueue(trx, message);
        await platform.mail.enqueue(trx, { ...message, text: 'a second wording of the same fact' });
      });
      await smtp.waitFor((m) => m.parsed.subject === 'Once only');
      await sendMarker(platform, smtp, 'After the duplicates');
      expect(smtp.withSubject('Once only')).toHaveLength(1);
      expect(await queued(platform, 'Once only')).toHaveLength(1);
    });

    it('retries a message the SMTP server refused for now, then delivers it', async () => {
      const { platform } = node;
      const refusedBefore = smtp.refused;
      smtp.refuseNext(2);
      await platform.transaction((trx) =>
        platform.mail.enqueue(trx, { to: 'anna.host@example.org', subject: 'Try again', text: 'persist' }),
      );
      await smtp.waitFor((m) => m.parsed.subject === 'Try again');
      expect(smtp.refused - refusedBefore).toBe(2);
      expect(smtp.withSubject('Try again')).toHaveLength(1);
      await expect.poll(async () => (await queued(platform, 'Try again'))[0]?.sent_at).toBeTruthy();
      const [row] = await queued(platform, 'Try again');
      expect(row).toMatchObject({ attempts: 3, gave_up_at: null });
      expect(row?.last_error).toContain('451');
    });

    it(`gives up after ${MAX_MAIL_ATTEMPTS} attempts and keeps the message as a dead letter`, async () => {
      const { platform } = node;
      smtp.refuseNext(MAX_MAIL_ATTEMPTS);
      await platform.transaction((trx) =>
        platform.mail.enqueue(trx, { to: 'anna.host@example.org', subject: 'Never taken', text: 'dead' }),
      );
      await expect.poll(async () => (await queued(platform, 'Never taken'))[0]?.gave_up_at).toBeTruthy();
      expect(await queued(platform, 'Never taken')).toMatchObject([{ attempts: MAX_MAIL_ATTEMPTS, sent_at: null }]);
      expect(logs.has('gave up sending an e-mail')).toBe(true);
      await sendMarker(platform, smtp, 'After the dead letter');
      expect(smtp.withSubject('Never taken')).toEqual([]);
    });

    it('gives up at once on a message the SMTP server refuses for good', async () => {
      const { platform } = node;
      smtp.refuseNext(1, 550);
      await platform.transaction((trx) =>
        platform.mail.enqueue(trx, { to: 'anna.host@example.org', subject: 'Refused for good', text: 'dead' }),
      );
      await expect.poll(async () => (await queued(platform, 'Refused for good'))[0]?.gave_up_at).toBeTruthy();
      const [row] = await queued(platform, 'Refused for good');
      expect(row).toMatchObject({ attempts: 1, sent_at: null });
      expect(row?.last_error).toContain('550');
    });

    it('counts what it sent, retried and holds in its metrics', async () => {
      const metrics = await node.platform.metrics.registry.metrics();
      expect(metrics).toMatch(/^kontor_mail_sent_total [1-9]/m);
      expect(metrics).toMatch(/^kontor_mail_failed_total\{outcome="retry"\} 9$/m);
      expect(metrics).toMatch(/^kontor_mail_failed_total\{outcome="dead"\} 2$/m);
      expect(metrics).toMatch(/^kontor_mail_queue_messages\{state="dead"\} 2$/m);
    });

    it('never logs the SMTP URL, its password or a message body', () => {
      const all = logs.lines.join('\n');
      expect(all).not.toContain('s3cret-pass');
      expect(all).not.toContain('waiting at the reception');
      expect(logs.has('e-mail queue failed')).toBe(false);
    });
  });

  describe('without an SMTP server configured', () => {
    let smtp: SmtpTestServer;
    let location: StoreLocation;
    let release: () => Promise<void>;
    let dataDir: string;

    beforeAll(async () => {
      smtp = await startSmtpTestServer();
      dataDir = mkdtempSync(join(tmpdir(), 'kontor-mail-'));
      // The queue has to outlive the node, so PGlite keeps its files in the data directory this time.
      if (store.name === 'pglite') {
        // Migrated already: this test is about the queue, not about a first start's migrations.
        await copyMigratedStore(dataDir);
        location = { kind: 'pglite', dir: dataDir };
        release = async () => undefined;
      } else {
        ({ location, release } = await store.create());
      }
    });
    afterAll(async () => {
      await release?.();
      await smtp?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('keeps the mail queued, and sends it once SMTP is configured', async () => {
      const logs = capturedLogs();
      const unconfigured = await startTestNode(location, { dataDir, demo: false }, { logger: logs.logger });
      try {
        const { platform } = unconfigured;
        await platform.transaction((trx) =>
          platform.mail.enqueue(trx, { to: 'anna.host@example.org', subject: 'Backlog', text: 'kept' }),
        );
        for (const [subject, age] of [
          ['Sent long ago', '8 days'],
          ['Sent yesterday', '1 day'],
        ] as const) {
          await platform.db
            .insertInto('platform.mail_queue')
            .values({ recipient: 'x@example.org', subject, text_body: '.', sent_at: sql`now() - ${age}::interval` })
            .execute();
        }
        await expect.poll(() => logs.has('e-mail is not configured')).toBe(true);
        expect(await queued(platform, 'Backlog')).toEqual([
          { attempts: 0, sent_at: null, gave_up_at: null, last_error: null },
        ]);
      } finally {
        await unconfigured.close();
      }
      const configured = await startTestNode(location, { dataDir, demo: false, smtpUrl: smtp.url });
      try {
        await smtp.waitFor((m) => m.parsed.subject === 'Backlog');
        expect(smtp.withSubject('Backlog')).toHaveLength(1);
        // Sent messages are kept a week.
        await expect.poll(async () => (await queued(configured.platform, 'Sent long ago')).length).toBe(0);
        expect(await queued(configured.platform, 'Sent yesterday')).toHaveLength(1);
      } finally {
        await configured.close();
      }
    });
  });

  describe('on a client node', () => {
    let smtp: SmtpTestServer;
    let node: TestNode;
    let release: () => Promise<void>;

    beforeAll(async () => {
      smtp = await startSmtpTestServer();
      const created = await store.create();
      release = created.release;
      node = await startTestNode(created.location, { role: 'client', smtpUrl: smtp.url }, { signIn: false });
    });
    afterAll(async () => {
      await node?.close();
      await release?.();
      await smtp?.close();
    });

    it('sends nothing until the node becomes the hub', async () => {
      const { platform } = node;
      await platform.transaction((trx) =>
        platform.mail.enqueue(trx, { to: 'anna.host@example.org', subject: 'From a workstation', text: 'wait' }),
      );
      // Several poll rounds of the test node (outboxPollMs 100) pass here: none may send.
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(smtp.messages).toEqual([]);
      expect(await queued(platform, 'From a workstation')).toMatchObject([{ attempts: 0, sent_at: null }]);
      platform.node.role = 'server';
      await smtp.waitFor((m) => m.parsed.subject === 'From a workstation');
    });
  });
});

describe.skipIf(!postgresAvailable)('e-mail from two hub instances sharing PostgreSQL', () => {
  let smtp: SmtpTestServer;
  let instances: TestNode[] = [];
  let drop: () => Promise<void>;

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    const database = await createTestDatabase();
    drop = database.drop;
    const store = { kind: 'postgres', url: database.url } as const;
    for (let i = 0; i < 2; i++) instances.push(await startTestNode(store, { smtpUrl: smtp.url, demo: false }));
  });
  afterAll(async () => {
    for (const instance of instances) await instance.close();
    instances = [];
    await drop?.();
    await smtp?.close();
  });

  it('sends each message once', async () => {
    const subjects = Array.from({ length: 20 }, (_, i) => `Shared queue ${i}`);
    await Promise.all(
      subjects.map((subject, i) => {
        const { platform } = instances[i % 2] as TestNode;
        return platform.transaction((trx) =>
          platform.mail.enqueue(trx, { to: 'anna@example.org', subject, text: '.' }),
        );
      }),
    );
    await expect.poll(() => subjects.every((subject) => smtp.withSubject(subject).length > 0)).toBe(true);
    await sendMarker((instances[0] as TestNode).platform, smtp, 'After the shared queue');
    expect(subjects.filter((subject) => smtp.withSubject(subject).length !== 1)).toEqual([]);
  });
});

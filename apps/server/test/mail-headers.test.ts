import { afterAll, beforeAll, expect, it } from 'vitest';
import { type SmtpTestServer, startSmtpTestServer } from './smtp-test-server.js';
import { describeEachStore } from './stores.js';
import { startTestNode, type TestNode } from './test-node.js';

describeEachStore('e-mail: conversation headers', (store) => {
  let smtp: SmtpTestServer;
  let node: TestNode;
  let release: () => Promise<void>;

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location, { demo: false, smtpUrl: smtp.url, mailRetryBaseMs: 10 });
  });
  afterAll(async () => {
    await node?.close();
    await smtp?.close();
    await release?.();
  });

  it('sends the Message-ID, In-Reply-To, References and Reply-To a message was queued with', async () => {
    const { platform } = node;
    await platform.transaction((trx) =>
      platform.mail.enqueue(trx, {
        to: 'eva@kund.example',
        subject: 'Re: threaded',
        text: 'An answer.',
        messageId: '<answer.1@desk.example>',
        inReplyTo: '<question.2@kund.example>',
        references: ['<question.1@kund.example>', '<question.2@kund.example>'],
        replyTo: 'support@desk.example',
      }),
    );
    const mail = await smtp.waitFor((m) => m.parsed.subject === 'Re: threaded');
    expect(mail.parsed.messageId).toBe('<answer.1@desk.example>');
    expect(mail.parsed.inReplyTo).toBe('<question.2@kund.example>');
    expect(mail.parsed.references).toEqual(['<question.1@kund.example>', '<question.2@kund.example>']);
    expect(mail.parsed.replyTo?.value[0]?.address).toBe('support@desk.example');
  });

  it('refuses a header value with a line break, which could add headers of its own', async () => {
    const { platform } = node;
    await expect(
      platform.transaction((trx) =>
        platform.mail.enqueue(trx, {
          to: 'eva@kund.example',
          subject: 'Injected',
          text: '.',
          inReplyTo: '<a@b>\r\nBcc: everyone@example.org',
        }),
      ),
    ).rejects.toThrow(TypeError);
  });
});

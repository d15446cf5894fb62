import type { IncidentDetail } from '@kontor/contracts';
import { sql } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../../../bench/child.js';
import { type SmtpTestServer, startSmtpTestServer } from './smtp-test-server.js';
import { describeEachStore } from './stores.js';
import { expectStatus, type Session, startTestNode, type TestNode } from './test-node.js';

const DESK = 'support@example.org';

describeEachStore('desk: the e-mail channel', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;
  let outbox: SmtpTestServer;
  let mailer: Transporter;
  let agent: Session;
  let sequence = 0;

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    outbox = await startSmtpTestServer();
    const deskSmtpPort = await freePort();
    node = await startTestNode(created.location, {
      demo: false,
      smtpUrl: outbox.url,
      mailRetryBaseMs: 10,
      deskSmtpPort,
      deskMailAddress: DESK,
    });
    // A real SMTP conversation with the desk's listener, as a mail server relaying to it would have.
    mailer = nodemailer.createTransport({ host: '127.0.0.1', port: deskSmtpPort, secure: false, ignoreTLS: true });
    agent = await node.userWith(['desk.agent']);
  });
  afterAll(async () => {
    mailer?.close();
    await node?.close();
    await outbox?.close();
    await release?.();
  });

  const send = (mail: Mail.Options) => {
    sequence += 1;
    return mailer.sendMail({
      from: 'Eva Lind <eva.lind@kund.example>',
      to: DESK,
      messageId: `<m${sequence}.${Date.now()}@kund.example>`,
      ...mail,
    });
  };
  const incidentsTitled = async (title: string) =>
    (
      await sql<{ id: string }>`select id from desk.incidents where title = ${title}`.execute(node.platform.db)
    ).rows.map((row) => row.id);
  const rowCount = async (table: 'desk.incidents' | 'desk.activities' | 'desk.attachments' | 'platform.mail_queue') =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(node.platform.db)).rows[0]
        ?.n,
    );
  const detail = async (id: string): Promise<IncidentDetail> =>
    (
      await expectStatus(
        node.app.inject({ method: 'GET', url: `/api/desk/incidents/${id}`, headers: agent.headers }),
        200,
      )
    ).json();
  const agentPost = (url: string, payload: object) =>
    expectStatus(
      node.app.inject({ method: 'POST', url, headers: agent.headers, payload }),
      url.endsWith('comments') ? 201 : 200,
    );

  it('opens an incident from a new mail, keeps its attachments and acknowledges it with the reference', async () => {
    const log = Buffer.from('2026-12-03 08:14 VPN: handshake failed\n');
    const sent = await send({
      subject: 'VPN fungerar inte hemifrån',
      text: 'Hej, jag kommer inte in på VPN sedan i morse.',
      attachments: [
        { filename: 'vpn.log', content: log, contentType: 'text/plain' },
        {
          filename: 'skärmbild.png',
          content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
          contentType: 'image/png',
        },
      ],
    });
    const [id] = await incidentsTitled('VPN fungerar inte hemifrån');
    expect(id).toBeDefined();
    const incident = await detail(id as string);
    expect(incident).toMatchObject({
      channel: 'email',
      description: 'Hej, jag kommer inte in på VPN sedan i morse.',
      requester: { name: 'Eva Lind', email: 'eva.lind@kund.example', userId: null },
    });
    expect(incident.attachments.map((a) => [a.filename, a.contentType, a.size])).toEqual([
      ['vpn.log', 'text/plain', log.length],
      ['skärmbild.png', 'image/png', 7],
    ]);
    const download = await node.app.inject({
      method: 'GET',
      url: `/api/desk/incidents/${id}/attachments/${incident.attachments[0]?.id}`,
      headers: agent.headers,
    });
    expect(download.rawPayload).toEqual(log);

    const ack = await outbox.waitFor((m) => m.parsed.subject === `[${incident.reference}] VPN fungerar inte hemifrån`);
    expect(ack.envelope.to).toEqual(['eva.lind@kund.example']);
    expect(ack.parsed.text).toContain(`Your reference is ${incident.reference}`);
    expect(ack.parsed.inReplyTo).toBe(sent.messageId);
    expect(ack.parsed.replyTo?.value[0]?.address).toBe(DESK);
  });

  it('takes one message delivered twice once', async () => {
    const before = await rowCount('desk.incidents');
    const mail = { subject: 'Skrivaren på plan 3', text: 'Den är offline.', messageId: '<twice.1@kund.example>' };
    await mailer.sendMail({ from: 'eva.lind@kund.example', to: DESK, ...mail });
    await mailer.sendMail({ from: 'eva.lind@kund.example', to: DESK, ...mail });
    expect(await incidentsTitled('Skrivaren på plan 3')).toHaveLength(1);
    expect(await rowCount('desk.incidents')).toBe(before + 1);
  });

  it('sends an agent’s public reply to the requester, threaded, and takes the answer into the same incident', async () => {
    const opened = await send({ subject: 'Kan inte logga in i Kassan', text: 'Lösenordet fungerar inte.' });
    const [id] = await incidentsTitled('Kan inte logga in i Kassan');
    const reference = (await detail(id as string)).reference;
    await agentPost(`/api/desk/incidents/${id}/comments`, { body: 'Internt: kolla AD-kontot', internal: true });
    await agentPost(`/api/desk/incidents/${id}/status`, { status: 'resolved', comment: 'Kontot är upplåst nu.' });

    const reply = await outbox.waitFor((m) => m.parsed.subject === `Re: [${reference}] Kan inte logga in i Kassan`);
    expect(reply.envelope.to).toEqual(['eva.lind@kund.example']);
    expect(reply.parsed.text).toContain('Kontot är upplåst nu.');
    expect(reply.parsed.inReplyTo).toBe(opened.messageId);
    expect([reply.parsed.references].flat()).toContain(opened.messageId);
    expect(reply.parsed.messageId).toMatch(/^<desk\.[\w-]+@example\.org>$/);
    // The internal note never leaves Kontor.
    expect(outbox.messages.some((m) => m.parsed.text?.includes('kolla AD-kontot'))).toBe(false);

    await send({
      subject: `Re: [${reference}] Kan inte logga in i Kassan`,
      text: `Det fungerar fortfarande inte.\n\nDen 3 dec. 2026 skrev Kontor:\n> Kontot är upplåst nu.\n`,
      inReplyTo: reply.parsed.messageId,
      references: [opened.messageId, reply.parsed.messageId as string],
      attachments: [{ filename: 'felmeddelande.txt', content: 'Fel 0x80070005', contentType: 'text/plain' }],
    });
    const after = await detail(id as string);
    expect(after.status).toBe('in_progress');
    expect(after.timeline.filter((a) => a.kind === 'comment' && !a.internal).map((a) => a.body)).toEqual([
      'Kontot är upplåst nu.',
      'Det fungerar fortfarande inte.',
    ]);
    expect(await incidentsTitled('Kan inte logga in i Kassan')).toHaveLength(1);
    // The answer's file belongs to the comment it came with.
    const answer = after.timeline.find((a) => a.body === 'Det fungerar fortfarande inte.');
    expect(after.attachments).toEqual([
      expect.objectContaining({ filename: 'felmeddelande.txt', activityId: answer?.id }),
    ]);
  });

  it('threads by the [INC-…] reference in the subject for the incident’s own requester only', async () => {
    await send({ subject: 'Skärmen flimrar', text: 'Den nya skärmen flimrar.' });
    const [id] = await incidentsTitled('Skärmen flimrar');
    const reference = (await detail(id as string)).reference;
    await send({ subject: `Angående [${reference}]`, text: 'Den flimrar även i dag.' });
    const comments = (await detail(id as string)).timeline.filter((a) => a.kind === 'comment');
    expect(comments.map((a) => a.body)).toEqual(['Den flimrar även i dag.']);
    // Someone else naming the reference opens their own incident instead.
    await send({ from: 'okand@annan.example', subject: `Skärmen flimrar [${reference}]`, text: 'Min med.' });
    expect(await incidentsTitled('Skärmen flimrar')).toHaveLength(2);
  });

  it('accepts auto-replies and bounces without writing anything', async () => {
    const counts = async () =>
      Promise.all(
        (['desk.incidents', 'desk.activities', 'desk.attachments', 'platform.mail_queue'] as const).map(rowCount),
      );
    const before = await counts();
    await send({
      subject: 'Frånvaro: Kan inte logga in i Kassan',
      text: 'Jag är på semester till och med måndag.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    await send({ subject: 'Out of office', text: 'Back on Monday.', headers: { 'X-Autoreply': 'yes' } });
    await send({ subject: 'Nyhetsbrev', text: 'Veckans nyheter', headers: { Precedence: 'bulk' } });
    const bounce = await mailer.sendMail({
      envelope: { from: 'MAILER-DAEMON@mx.kund.example', to: [DESK] },
      raw: [
        'From: Mail Delivery System <MAILER-DAEMON@mx.kund.example>',
        `To: ${DESK}`,
        'Subject: Undelivered Mail Returned to Sender',
        'Message-ID: <bounce.1@mx.kund.example>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain',
        '',
        'Your message could not be delivered.',
        '--b1',
        'Content-Type: message/delivery-status',
        '',
        'Final-Recipient: rfc822; nobody@kund.example',
        'Action: failed',
        'Status: 5.1.1',
        '--b1--',
        '',
      ].join('\r\n'),
    });
    expect(bounce.accepted).toEqual([DESK]);
    // No incident, no comment, no acknowledgement queued to an autoresponder.
    expect(await counts()).toEqual(before);
  });

  it('refuses mail for other addresses and an attachment over 25 MB at the SMTP level', async () => {
    await expect(send({ to: 'someone@elsewhere.example', subject: 'Fel adress', text: 'x' })).rejects.toMatchObject({
      responseCode: 550,
    });
    const before = await rowCount('desk.incidents');
    await expect(
      send({
        subject: 'Stor fil',
        text: 'Här är filmen.',
        attachments: [{ filename: 'film.bin', content: Buffer.alloc(26_214_401, 1) }],
      }),
    ).rejects.toMatchObject({ responseCode: 552, response: expect.stringContaining('25 MB') });
    expect(await rowCount('desk.incidents')).toBe(before);
    // 36 MB through SMTP and the MIME parser: on a busy machine this takes longer than the default minute.
  }, 180_000);
});

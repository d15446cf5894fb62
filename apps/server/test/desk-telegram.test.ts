import type { IncidentDetail } from '@kontor/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeEachStore } from './stores.js';
import { startTelegramBotApiServer, type TelegramBotApiServer } from './telegram-bot-api-server.js';
import { expectStatus, type Session, startTestNode, type TestNode } from './test-node.js';

const SECRET = 'telegram-webhook-secret_0123456789';
const WEBHOOK = '/api/desk/channels/telegram/webhook';

describeEachStore('desk: the Telegram channel', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;
  let bot: TelegramBotApiServer;
  let agent: Session;
  let updateId = 5000;
  let messageId = 100;
  /** Each test writes in a chat of its own: a plain message continues its chat's open incident. */
  let chat = 777000;

  beforeAll(async () => {
    bot = await startTelegramBotApiServer();
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location, {
      deskTelegramBotToken: bot.token,
      deskTelegramApiUrl: bot.url,
      deskTelegramWebhookSecret: SECRET,
      deskChannelPollMs: 50,
      deskChannelRetryBaseMs: 10,
    });
    agent = await node.userWith(['desk.agent']);
    // A node with the demo data starts slowly on a busy machine; nothing here measures time.
  }, 300_000);
  beforeEach(() => {
    chat += 1;
  });
  afterAll(async () => {
    await node?.close();
    await release?.();
    await bot?.close();
  });

  const post = (payload: unknown, secret: string | null = SECRET) =>
    node.app.inject({
      method: 'POST',
      url: WEBHOOK,
      headers: { 'content-type': 'application/json', ...(secret && { 'x-telegram-bot-api-secret-token': secret }) },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  /** A message from Anna in this test's chat, as Telegram wraps it in an update. */
  const update = (message: Record<string, unknown>) => {
    messageId += 1;
    updateId += 1;
    return {
      update_id: updateId,
      message: {
        message_id: messageId,
        from: { id: chat, is_bot: false, first_name: 'Anna', last_name: 'Svensson', username: 'annas' },
        chat: { id: chat, type: 'private', first_name: 'Anna' },
        date: 1_790_000_000,
        ...message,
      },
    };
  };
  const counts = async () =>
    (
      await sql<{ incidents: number; messages: number }>`select
        (select count(*)::int from desk.incidents where channel = 'telegram') as incidents,
        (select count(*)::int from desk.inbound_messages where channel = 'telegram') as messages`.execute(
        node.platform.db,
      )
    ).rows[0];
  const incidentOf = async (externalId: number): Promise<IncidentDetail> => {
    const row = await sql<{ incident_id: string }>`select incident_id from desk.inbound_messages
      where channel = 'telegram' and external_id = ${String(externalId)}`.execute(node.platform.db);
    const id = row.rows[0]?.incident_id;
    return (
      await expectStatus(node.app.inject({ url: `/api/desk/incidents/${id}`, headers: agent.headers }), 200)
    ).json();
  };
  /** The incident's queued replies: how often each was tried, and whether it went out or was given up. */
  const outboxOf = async (incidentId: string) =>
    (
      await sql<{ attempts: number; sent: boolean; dead: boolean }>`select attempts, sent_at is not null as sent,
        gave_up_at is not null as dead from desk.channel_outbox where incident_id = ${incidentId} order by id`.execute(
        node.platform.db,
      )
    ).rows;
  /** Waits for the queue (it runs in the background) to reach what the test expects; a bound, not a measurement. */
  const eventually = { timeout: 15_000 };
  const reply = (incidentId: string, body: string, internal = false) =>
    expectStatus(
      node.app.inject({
        method: 'POST',
        url: `/api/desk/incidents/${incidentId}/comments`,
        headers: agent.headers,
        payload: { body, internal },
      }),
      201,
    );

  describe('inbound', () => {
    it('turns a text message into an incident, from the chat, named as the user', async () => {
      const message = update({ text: 'Skrivaren på plan 3 fungerar inte\nDen piper.' });
      const response = await post(message);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ outcome: 'created' });
      const incident = await incidentOf(message.update_id);
      expect(incident.title).toBe('Skrivaren på plan 3 fungerar inte');
      expect(incident.description).toContain('Den piper.');
      expect(incident.requester.name).toBe('Anna Svensson');
      expect(incident.channel).toBe('telegram');
    });

    it('takes the same update twice as one message', async () => {
      const message = update({ text: 'VPN kopplar ner hela tiden' });
      const before = await counts();
      expect((await post(message)).json()).toEqual({ outcome: 'created' });
      expect((await post(message)).json()).toEqual({ outcome: 'duplicate' });
      expect(await counts()).toEqual({
        incidents: (before?.incidents ?? 0) + 1,
        messages: (before?.messages ?? 0) + 1,
      });
    });

    it('refuses a wrong or missing secret token with 401 and writes nothing', async () => {
      const before = await counts();
      for (const secret of ['not-the-secret-token-at-all', null]) {
        const response = await post(update({ text: 'Jag är inte Telegram' }), secret);
        expect(response.statusCode).toBe(401);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json().code).toBe('desk.channel_unauthenticated');
      }
      expect(await counts()).toEqual(before);
    });

    it('answers other kinds of update 200 and ignores them; malformed JSON is 400', async () => {
      const before = await counts();
      updateId += 1;
      const edited = {
        update_id: updateId,
        edited_message: { message_id: 1, chat: { id: chat, type: 'private' }, date: 1, text: 'x' },
      };
      expect((await post(edited)).json()).toEqual({ outcome: 'ignored' });
      const sticker = update({ sticker: { file_id: 'abc' } });
      expect((await post(sticker)).json()).toEqual({ outcome: 'ignored' });
      const malformed = await post('{"update_id": 1, "message": ');
      expect(malformed.statusCode).toBe(400);
      expect(malformed.headers['content-type']).toContain('application/problem+json');
      expect(await counts()).toEqual(before);
    });

    it('stores the largest size of a photo as an attachment, with the caption as the text', async () => {
      const small = bot.addFile('photos/file_1.jpg', Buffer.from('small jpeg bytes'));
      const large = bot.addFile('photos/file_2.jpg', Buffer.from('the large jpeg bytes of the broken screen'));
      const message = update({
        caption: 'Skärmen är trasig',
        photo: [
          { file_id: small, file_unique_id: 's', width: 90, height: 67 },
          { file_id: large, file_unique_id: 'l', width: 1280, height: 960 },
        ],
      });
      expect((await post(message)).json()).toEqual({ outcome: 'created' });
      const incident = await incidentOf(message.update_id);
      expect(incident.title).toBe('Skärmen är trasig');
      expect(incident.attachments).toHaveLength(1);
      expect(incident.attachments[0]).toMatchObject({ contentType: 'image/jpeg', size: 41 });
      const download = await node.app.inject({
        url: `/api/desk/incidents/${incident.id}/attachments/${incident.attachments[0]?.id}`,
        headers: agent.headers,
      });
      expect(download.body).toBe('the large jpeg bytes of the broken screen');
      expect(bot.calls.filter((call) => call.method === 'getFile').map((call) => call.params.file_id)).toContain(large);
    });
  });

  describe('replies and threads', () => {
    it('sends an agent’s public reply with sendMessage to the chat, quoting the requester’s message', async () => {
      const first = update({ text: 'Kan inte logga in i kassan' });
      await post(first);
      const incident = await incidentOf(first.update_id);
      await reply(incident.id, 'Internt: kolla AD-kontot', true);
      await reply(incident.id, 'Vi har låst upp ditt konto, prova igen.');
      const sent = await bot.waitForCall('sendMessage', (call) => String(call.params.text).includes('låst upp'));
      expect(sent.params).toMatchObject({
        chat_id: String(chat),
        text: `${incident.reference}: Vi har låst upp ditt konto, prova igen.`,
        reply_parameters: { message_id: first.message.message_id, allow_sending_without_reply: true },
      });
      expect(bot.calls.some((call) => String(call.params.text).includes('AD-kontot'))).toBe(false);
    });

    it('threads a reply to the bot’s message, and a plain follow-up, into the open incident', async () => {
      const first = update({ text: 'Mejlen synkar inte på telefonen' });
      await post(first);
      const incident = await incidentOf(first.update_id);
      await reply(incident.id, 'Vilken telefon har du?');
      await bot.waitForCall('sendMessage', (call) => String(call.params.text).includes('Vilken telefon'));
      // The bot's own message id, as the stand-in gave it, is what the requester's reply names.
      await expect.poll(() => outboxOf(incident.id), eventually).toEqual([{ attempts: 1, sent: true, dead: false }]);
      const sentId = await sql<{ sent_thread_key: string }>`select sent_thread_key from desk.channel_outbox
        where incident_id = ${incident.id} and sent_at is not null`.execute(node.platform.db);
      const key = sentId.rows[0]?.sent_thread_key ?? '';
      const answer = update({
        text: 'En iPhone 15',
        reply_to_message: {
          message_id: Number(key.split(':')[1]),
          from: { id: 1, is_bot: true, first_name: 'Kontor' },
          chat: { id: chat, type: 'private' },
          date: 1_790_000_001,
          text: 'Vilken telefon har du?',
        },
      });
      expect((await post(answer)).json()).toEqual({ outcome: 'commented' });
      expect((await post(update({ text: 'Och iOS 19' }))).json()).toEqual({ outcome: 'commented' });
      const after = await incidentOf(first.update_id);
      const comments = after.timeline.filter((entry) => entry.kind === 'comment').map((entry) => entry.body);
      expect(comments).toEqual(expect.arrayContaining(['En iPhone 15', 'Och iOS 19']));
    });

    it('retries when the Bot API fails, then sends the reply once', async () => {
      const first = update({ text: 'Skannern hittar inte nätverket' });
      await post(first);
      const incident = await incidentOf(first.update_id);
      bot.failNext('sendMessage', 2, 502);
      await expectStatus(
        node.app.inject({
          method: 'POST',
          url: `/api/desk/incidents/${incident.id}/status`,
          headers: agent.headers,
          payload: { status: 'resolved', comment: 'Skannern har fått en ny IP-adress.' },
        }),
        200,
      );
      const isThis = (call: { params: Record<string, unknown> }) => String(call.params.text).includes('ny IP-adress');
      await bot.waitForCall('sendMessage', (call) => isThis(call) && bot.calls.filter(isThis).length === 3);
      await expect.poll(() => outboxOf(incident.id), eventually).toEqual([{ attempts: 3, sent: true, dead: false }]);
      expect(bot.calls.filter(isThis)).toHaveLength(3);
      const metrics = await node.platform.metrics.registry.getSingleMetricAsString('kontor_desk_channel_failed_total');
      expect(metrics).toContain('kontor_desk_channel_failed_total{channel="telegram",outcome="retry"} 2');
      // The incident is resolved: the chat's next plain message opens a new one.
      expect((await post(update({ text: 'Nu krånglar skrivaren också' }))).json()).toEqual({ outcome: 'created' });
    });

    it('gives up at once on a reply Telegram refuses for good (the user blocked the bot)', async () => {
      const first = update({ text: 'Telefonen är borta' });
      await post(first);
      const incident = await incidentOf(first.update_id);
      bot.failNext('sendMessage', 1, 403);
      await reply(incident.id, 'Vi spärrar den.');
      await expect.poll(() => outboxOf(incident.id), eventually).toEqual([{ attempts: 1, sent: false, dead: true }]);
      const metrics = await node.platform.metrics.registry.getSingleMetricAsString('kontor_desk_channel_failed_total');
      expect(metrics).toContain('kontor_desk_channel_failed_total{channel="telegram",outcome="dead"} 1');
    });
  });

  it('has no SMS webhook while no SMS secret is set', async () => {
    const response = await node.app.inject({ method: 'POST', url: '/api/desk/channels/sms/webhook', payload: {} });
    expect(response.statusCode).toBe(404);
  });
});

import type { IncidentDetail } from '@kontor/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signatureHeader } from '../src/platform/webhooks/signed-post.js';
import { type SmsGatewayServer, startSmsGatewayServer } from './sms-gateway-server.js';
import { describeEachStore } from './stores.js';
import { expectStatus, type Session, startTestNode, type TestNode } from './test-node.js';

const SECRET = 'sms-gateway-shared-secret-0123456789';
const WEBHOOK = '/api/desk/channels/sms/webhook';
const PHONE = '+46701234567';

describeEachStore('desk: the SMS channel', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;
  let gateway: SmsGatewayServer;
  let agent: Session;
  let smsId = 0;

  beforeAll(async () => {
    gateway = await startSmsGatewayServer();
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location, {
      deskSmsGatewayUrl: gateway.url,
      deskSmsSecret: SECRET,
      deskChannelPollMs: 50,
      deskChannelRetryBaseMs: 10,
    });
    agent = await node.userWith(['desk.agent']);
    // A node with the demo data starts slowly on a busy machine; nothing here measures time.
  }, 300_000);
  afterAll(async () => {
    await node?.close();
    await release?.();
    await gateway?.close();
  });

  const sms = (text: string, from = PHONE) => {
    smsId += 1;
    return JSON.stringify({ id: `gw-${smsId}`, from, to: '+46700000000', text, receivedAt: '2026-12-03T10:00:00Z' });
  };
  const post = (body: string, signature: string | null = signatureHeader(SECRET, body)) =>
    node.app.inject({
      method: 'POST',
      url: WEBHOOK,
      headers: { 'content-type': 'application/json', ...(signature && { 'x-kontor-signature': signature }) },
      payload: body,
    });
  const smsIncidents = async () =>
    (
      await sql<{ id: string }>`select id from desk.incidents where channel = 'sms' order by created_at`.execute(
        node.platform.db,
      )
    ).rows;
  const detail = async (id: string): Promise<IncidentDetail> =>
    (await expectStatus(node.app.inject({ url: `/api/desk/incidents/${id}`, headers: agent.headers }), 200)).json();

  it('refuses a forged, unsigned or stale signature with 401 and writes nothing', async () => {
    const body = sms('Falsk');
    const stale = signatureHeader(SECRET, body, Math.floor(Date.now() / 1000) - 301);
    for (const signature of [signatureHeader('another-secret-0123456789', body), null, stale, 't=1,v1=xyz']) {
      const response = await post(body, signature);
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('desk.channel_unauthenticated');
    }
    // Signed, then changed on the way: the signature covers the bytes.
    const tampered = await post(body.replace('Falsk', 'Äkta'), signatureHeader(SECRET, body));
    expect(tampered.statusCode).toBe(401);
    expect(await smsIncidents()).toEqual([]);
  });

  it('refuses a signed message whose sender is not an E.164 number, naming the field', async () => {
    const response = await post(sms('Hej', '0701234567'));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('body.from');
  });

  it('turns a valid SMS into an incident, once, and a follow-up from the number into a comment', async () => {
    const first = sms('Larmet i förrådet tjuter');
    expect((await post(first)).json()).toEqual({ outcome: 'created' });
    expect((await post(first)).json()).toEqual({ outcome: 'duplicate' });
    expect((await post(sms('Nu slutade det'))).json()).toEqual({ outcome: 'commented' });
    const [incident] = await smsIncidents();
    const shown = await detail(incident?.id ?? '');
    expect(shown).toMatchObject({ title: 'Larmet i förrådet tjuter', channel: 'sms', requester: { name: PHONE } });
    expect(shown.timeline.filter((entry) => entry.kind === 'comment').map((entry) => entry.body)).toContain(
      'Nu slutade det',
    );
    expect(await smsIncidents()).toHaveLength(1);
  });

  it('sends an agent’s reply to the gateway, signed over the exact body, and retries when it is busy', async () => {
    const [incident] = await smsIncidents();
    const shown = await detail(incident?.id ?? '');
    gateway.failNext(1);
    await expectStatus(
      node.app.inject({
        method: 'POST',
        url: `/api/desk/incidents/${shown.id}/comments`,
        headers: agent.headers,
        payload: { body: 'Vi skickar en tekniker.', internal: false },
      }),
      201,
    );
    const isReply = (request: { body: { text: string } }) => request.body.text.includes('tekniker');
    await gateway.waitFor((request) => isReply(request) && gateway.requests.filter(isReply).length === 2);
    const [failed, delivered] = gateway.requests.filter(isReply);
    expect(delivered?.body).toEqual({
      id: failed?.body.id,
      to: PHONE,
      text: `${shown.reference}: Vi skickar en tekniker.`,
    });
    const header = String(delivered?.headers['x-kontor-signature']);
    const timestamp = Number(/t=(\d+)/.exec(header)?.[1]);
    expect(header).toBe(signatureHeader(SECRET, delivered?.rawBody.toString('utf8') ?? '', timestamp));
    expect(delivered?.headers['x-kontor-delivery']).toBe(delivered?.body.id);
  });

  it('cuts a reply longer than 1600 characters with an ellipsis', async () => {
    const [incident] = await smsIncidents();
    await expectStatus(
      node.app.inject({
        method: 'POST',
        url: `/api/desk/incidents/${incident?.id}/comments`,
        headers: agent.headers,
        payload: { body: `Lång instruktion: ${'steg '.repeat(500)}`, internal: false },
      }),
      201,
    );
    const long = await gateway.waitFor((request) => request.body.text.includes('Lång instruktion'));
    expect(Array.from(long.body.text)).toHaveLength(1600);
    expect(long.body.text.endsWith('…')).toBe(true);
  });

  it('has no Telegram webhook while no bot token is set', async () => {
    const response = await node.app.inject({ method: 'POST', url: '/api/desk/channels/telegram/webhook', payload: {} });
    expect(response.statusCode).toBe(404);
  });
});

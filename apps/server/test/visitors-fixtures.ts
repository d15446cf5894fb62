import type { LightMyRequestResponse } from 'fastify';
import WebSocket from 'ws';
import type { ConfigInput } from '../src/config.js';
import type { StoreLocation } from '../src/platform/db/database.js';
import { type SmtpTestServer, startSmtpTestServer } from './smtp-test-server.js';
import { expectStatus, type Session, startTestNode, type TestNode } from './test-node.js';

/** A guest as the kiosk sends them; `hostId` and the rest may be overridden. */
export const guest = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Greta',
  lastName: 'Lindgren',
  company: 'Nordic Medtech AB',
  purpose: 'Service of the infusion pumps',
  consent: true,
  ...overrides,
});

let address = 0;
/** Each kiosk submission from its own client address, so the per-address rate limit meets only its own test. */
export const freshAddress = () => {
  address += 1;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
};

export interface VisitorsNode {
  node: TestNode;
  smtp: SmtpTestServer;
  reception: Session;
  admin: Session;
  /** A directory person (Märta Sjöberg of the demo region) with an e-mail address. */
  hostId: string;
  kiosk(payload: object, options?: { ip?: string; key?: string }): Promise<LightMyRequestResponse>;
  as(
    session: Session,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ): Promise<LightMyRequestResponse>;
  /** Submits a guest at the kiosk and answers the new entry's id. */
  submit(overrides?: Record<string, unknown>): Promise<string>;
  /** Submits a guest and hands them `card`; answers the entry's id. */
  admit(card: number, overrides?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

/** A hub with the demo organisation, a real SMTP server for its mail, a receptionist and a visitors admin. */
export async function startVisitorsNode(
  store: StoreLocation,
  settings: Partial<ConfigInput> = {},
): Promise<VisitorsNode> {
  const smtp = await startSmtpTestServer();
  const node = await startTestNode(store, { smtpUrl: smtp.url, mailRetryBaseMs: 50, ...settings });
  const reception = await node.userWith(['visitors.reception']);
  const admin = await node.userWith(['visitors.admin']);
  const as: VisitorsNode['as'] = (session, method, url, payload) =>
    node.app.inject({ method, url, payload, headers: session.headers });
  const kiosk: VisitorsNode['kiosk'] = (payload, options = {}) =>
    node.app.inject({
      method: 'POST',
      url: '/api/visitors/kiosk/entries',
      payload,
      remoteAddress: options.ip ?? freshAddress(),
      headers: options.key ? { 'x-kiosk-key': options.key } : {},
    });
  const hosts = await node.app.inject({
    url: '/api/visitors/kiosk/hosts?q=Märta Sjöberg',
    remoteAddress: freshAddress(),
  });
  const hostId = hosts.json().hosts[0]?.id as string;
  if (!hostId) throw new Error(`no demo host: ${hosts.body}`);
  // The demo leaves a guest waiting; the tests start with an empty queue.
  const waiting = await as(reception, 'GET', '/api/visitors/entries?state=waiting');
  for (const entry of waiting.json().entries as Array<{ id: string }>)
    await expectStatus(as(reception, 'POST', `/api/visitors/entries/${entry.id}/reject`, {}), 204);
  const submit = async (overrides: Record<string, unknown> = {}) =>
    (await expectStatus(kiosk(guest(overrides)), 201)).json().id as string;
  return {
    node,
    smtp,
    reception,
    admin,
    hostId,
    kiosk,
    as,
    submit,
    async admit(card, overrides) {
      const id = await submit(overrides);
      await expectStatus(as(reception, 'POST', `/api/visitors/entries/${id}/card`, { card }), 200);
      return id;
    },
    async close() {
      await node.close();
      await smtp.close();
    },
  };
}

export interface LiveMessage {
  type: string;
  topic?: string;
  payload?: Record<string, unknown>;
}

/** A browser-like socket on a listening node's /api/events, subscribed to `topics`. */
export async function openLiveSocket(baseUrl: string, cookie: string, topics: string[]) {
  const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/api/events`, { headers: { cookie, origin: baseUrl } });
  const messages: LiveMessage[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ type: 'subscribe', topics }));
  const next = async (predicate: (message: LiveMessage) => boolean, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = messages.find(predicate);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no matching message in ${timeoutMs} ms; got ${JSON.stringify(messages)}`);
  };
  await next((message) => message.type === 'subscribed');
  return { socket, messages, next };
}

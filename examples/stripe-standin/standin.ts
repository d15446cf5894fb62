import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { invalid, type Reply, StandinApi, StripeError, text } from './api.js';
import { type FormTree, parseForm } from './form.js';
import { alreadyPaidPage, paymentPage } from './hosted-page.js';
import { type Charge, type Intent, type Refund, type Session, StandinStore, type StripeEvent } from './store.js';

export type { StripeEvent } from './store.js';

export interface StripeStandinOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Where events are POSTed; may be set later with `setWebhookUrl` (a test's server port is known after start). */
  webhookUrl?: string | null;
  /** The endpoint's `whsec_…` secret the events are signed with. */
  webhookSecret: string;
  /** The API key callers must present (Bearer); default `sk_test_standin`. */
  secretKey?: string;
  /** Base of the hosted page URLs, when the browser reaches this server under another address. */
  publicUrl?: string;
  /** Delivery attempts of an event (default 6) and the first retry delay, doubled per attempt (default 1000 ms). */
  retry?: { attempts?: number; baseMs?: number };
  log?: (line: string) => void;
}

export interface Delivery {
  eventId: string;
  type: string;
  attempt: number;
  /** The HTTP status the shop answered, or 0 when it could not be reached. */
  status: number;
  at: string;
}

export interface StripeStandin {
  url: string;
  port: number;
  setWebhookUrl(url: string | null): void;
  /** Every event made so far, oldest first. */
  events(): StripeEvent[];
  deliveries(): Delivery[];
  /** Delivers an event again `times` times (signed afresh each time, no retries); answers the statuses. */
  redeliver(eventId: string, times: number, options?: { concurrent?: boolean }): Promise<number[]>;
  /** Submits the hosted page's form, as a browser would; answers the status and the redirect, if any. */
  pay(sessionId: string, cardNumber: string): Promise<{ status: number; location: string | null }>;
  /** Resolves when every delivery in progress (with its retries) has ended. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const DECLINED = new Set(['4000000000000002', '4000000000009995', '4000000000000069']);

/**
 * A local server speaking the part of Stripe's API a shop uses for hosted card payments (see README.md). State is in
 * memory and gone when it stops. It refuses what Stripe would refuse for the calls it knows, so a client that works
 * against it does not rely on leniency.
 */
export async function startStripeStandin(options: StripeStandinOptions): Promise<StripeStandin> {
  const secretKey = options.secretKey ?? 'sk_test_standin';
  const attempts = options.retry?.attempts ?? 6;
  const baseMs = options.retry?.baseMs ?? 1000;
  const log = options.log ?? (() => undefined);
  let webhookUrl = options.webhookUrl ?? null;
  let baseUrl = '';
  const store = new StandinStore();
  const deliveries: Delivery[] = [];
  const inFlight = new Set<Promise<void>>();

  const sign = (payload: string) => {
    const t = Math.floor(Date.now() / 1000);
    return `t=${t},v1=${createHmac('sha256', options.webhookSecret).update(`${t}.${payload}`).digest('hex')}`;
  };

  async function deliverOnce(event: StripeEvent, attempt: number): Promise<number> {
    if (!webhookUrl) return 0;
    // Stripe sends its events pretty-printed: a receiver that re-serialises before checking the signature fails here.
    const payload = JSON.stringify(event, null, 2);
    let status = 0;
    try {
      const response = await fetch(webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': sign(payload) },
        body: payload,
        signal: AbortSignal.timeout(30_000),
      });
      status = response.status;
      await response.arrayBuffer();
    } catch {
      status = 0;
    }
    deliveries.push({ eventId: event.id, type: event.type, attempt, status, at: new Date().toISOString() });
    log(`webhook ${event.type} ${event.id} attempt ${attempt} → ${status || 'unreachable'}`);
    return status;
  }

  function emit(type: string, object: Intent | Session | Charge | Refund) {
    const event = store.event(type, object);
    if (!webhookUrl) {
      log(`event ${type} ${event.id} (no webhook URL set: not delivered)`);
      return;
    }
    const run = (async () => {
      for (let attempt = 1; attempt <= attempts; attempt++) {
        const status = await deliverOnce(event, attempt);
        if (status >= 200 && status < 300) return;
        if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, baseMs * 2 ** (attempt - 1)));
      }
    })();
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
  }

  const api = new StandinApi(store, secretKey, emit, () => baseUrl, log);

  function submitCard(
    sessionId: string,
    form: Record<string, FormTree>,
  ): { status: number; html?: string; location?: string } {
    const session = store.sessions.get(sessionId);
    if (!session) return { status: 404, html: 'No such payment page' };
    const page = store.pageOf(session);
    if (session.status === 'complete') return { status: 200, html: alreadyPaidPage(page, store.successUrl(session)) };
    const digits = (text(form.card_number) ?? '').replace(/[\s-]/g, '');
    const sv = session.locale === 'sv';
    if (!/^\d{12,19}$/.test(digits) || !luhn(digits))
      return {
        status: 400,
        html: paymentPage(page, sv ? 'Kortnumret är felaktigt.' : 'Your card number is incorrect.'),
      };
    const intent = store.intents.get(session.payment_intent) as Intent;
    if (DECLINED.has(digits)) {
      store.decline(intent, digits);
      emit('payment_intent.payment_failed', intent);
      return { status: 402, html: paymentPage(page, sv ? 'Kortet nekades.' : 'Your card was declined.') };
    }
    store.succeed(intent, session, digits);
    emit('checkout.session.completed', session);
    emit('payment_intent.succeeded', intent);
    return { status: 303, location: store.successUrl(session) };
  }

  async function control(path: string, body: string, contentType: string, request: IncomingMessage): Promise<Reply> {
    if (request.headers.authorization !== `Bearer ${secretKey}`)
      return new StripeError(401, 'invalid_request_error', 'You did not provide the secret key.').reply();
    if (path === '/_standin/events' && request.method === 'GET') return { status: 200, body: { data: store.events } };
    if (path === '/_standin/deliveries' && request.method === 'GET') return { status: 200, body: { data: deliveries } };
    const match = /^\/_standin\/events\/([\w-]+)\/redeliver$/.exec(path);
    if (match && request.method === 'POST') {
      const params = contentType.includes('json')
        ? (JSON.parse(body || '{}') as Record<string, unknown>)
        : parseForm(body);
      const times = Number(params.times ?? 1);
      if (!Number.isInteger(times) || times < 1 || times > 100)
        return invalid('times must be 1 to 100', 'times').reply();
      const concurrent = String(params.concurrent ?? 'false') === 'true';
      return {
        status: 200,
        body: { event: match[1], statuses: await redeliver(match[1] as string, times, { concurrent }) },
      };
    }
    return new StripeError(
      404,
      'invalid_request_error',
      `Unrecognized request URL (${request.method}: ${path}).`,
    ).reply();
  }

  async function redeliver(eventId: string, times: number, opts: { concurrent?: boolean } = {}): Promise<number[]> {
    const event = store.events.find((candidate) => candidate.id === eventId);
    if (!event) throw new Error(`No such event: ${eventId}`);
    if (opts.concurrent) return Promise.all(Array.from({ length: times }, (_, index) => deliverOnce(event, index + 1)));
    const statuses: number[] = [];
    for (let index = 0; index < times; index++) statuses.push(await deliverOnce(event, index + 1));
    return statuses;
  }

  const send = (response: ServerResponse, reply: Reply) => {
    response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    response.end(JSON.stringify(reply.body));
  };
  const html = (response: ServerResponse, status: number, page: string) => {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page);
  };

  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://standin');
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      const path = url.pathname;
      if (path.startsWith('/v1/')) return send(response, api.handle(request, path, url.searchParams, body));
      if (path.startsWith('/_standin/'))
        return send(response, await control(path, body, request.headers['content-type'] ?? '', request));
      const pay = /^\/pay\/([\w-]+)$/.exec(path);
      if (pay && request.method === 'GET') {
        const session = store.sessions.get(pay[1] as string);
        if (!session) return html(response, 404, 'No such payment page');
        const page = store.pageOf(session);
        return html(
          response,
          200,
          session.status === 'complete' ? alreadyPaidPage(page, store.successUrl(session)) : paymentPage(page, null),
        );
      }
      if (pay && request.method === 'POST') {
        const result = submitCard(pay[1] as string, parseForm(body));
        if (result.location) {
          response.writeHead(303, { location: result.location });
          return response.end();
        }
        return html(response, result.status, result.html ?? '');
      }
      send(response, { status: 404, body: { error: { type: 'invalid_request_error', message: 'Not found' } } });
    } catch (error) {
      log(`internal error: ${(error as Error).stack}`);
      send(response, { status: 500, body: { error: { type: 'api_error', message: 'The stand-in failed' } } });
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  baseUrl = (options.publicUrl ?? url).replace(/\/+$/, '');

  return {
    url,
    port,
    setWebhookUrl(next) {
      webhookUrl = next;
    },
    events: () => [...store.events],
    deliveries: () => [...deliveries],
    redeliver,
    async pay(sessionId, cardNumber) {
      const response = await fetch(`${url}/pay/${sessionId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ card_number: cardNumber }).toString(),
        redirect: 'manual',
      });
      await response.arrayBuffer();
      return { status: response.status, location: response.headers.get('location') };
    },
    async settle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

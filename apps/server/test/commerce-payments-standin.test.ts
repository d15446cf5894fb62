import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StripeStandin, startStripeStandin } from '../../../examples/stripe-standin/standin.js';
import { encodeStripeForm } from '../src/commerce/payments/stripe-form.js';
import { verifyStripeSignature } from '../src/commerce/payments/stripe-signature.js';

const SECRET = 'whsec_standin_test_secret';
const KEY = 'sk_test_standin_key';

// biome-ignore lint/suspicious/noExplicitAny: the stand-in's JSON, read loosely in a test
const json = async (response: Response): Promise<any> => response.json();

/** A webhook receiver that refuses the first `failures` deliveries with 500, then takes them. */
async function receiver(failures: number) {
  const received: Array<{ body: string; verdict: string }> = [];
  let refused = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      received.push({
        body: body.toString(),
        verdict: verifyStripeSignature(SECRET, request.headers['stripe-signature'] as string, body),
      });
      if (refused < failures) {
        refused += 1;
        response.writeHead(500).end();
      } else response.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the Stripe stand-in', () => {
  let standin: StripeStandin;
  let hook: Awaited<ReturnType<typeof receiver>>;
  beforeAll(async () => {
    hook = await receiver(2);
    standin = await startStripeStandin({
      webhookSecret: SECRET,
      secretKey: KEY,
      webhookUrl: hook.url,
      retry: { attempts: 4, baseMs: 10 },
    });
  });
  afterAll(async () => {
    await standin?.close();
    await hook?.close();
  });

  const call = (method: string, path: string, params?: Record<string, unknown>, headers: Record<string, string> = {}) =>
    fetch(`${standin.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${KEY}`,
        ...(params && { 'content-type': 'application/x-www-form-urlencoded' }),
        ...headers,
      },
      ...(params && { body: encodeStripeForm(params as never) }),
    });
  const session = (amount: number) => ({
    mode: 'payment',
    success_url: 'http://shop.example/done?session={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://shop.example/cart',
    client_reference_id: 'order-1',
    line_items: [{ quantity: 1, price_data: { currency: 'sek', unit_amount: amount, product_data: { name: 'WG-1' } } }],
    metadata: { kontor_order_id: 'order-1' },
    payment_intent_data: { metadata: { kontor_payment_id: 'payment-1' } },
  });

  it('wants the secret key', async () => {
    const anonymous = await fetch(`${standin.url}/v1/payment_intents/pi_x`);
    expect(anonymous.status).toBe(401);
    expect((await json(anonymous)).error.type).toBe('invalid_request_error');
    expect(
      (await call('GET', '/v1/payment_intents/pi_x', undefined, { authorization: 'Bearer sk_test_wrong' })).status,
    ).toBe(401);
  });

  it('honours Idempotency-Key as Stripe does', async () => {
    const first = await call('POST', '/v1/checkout/sessions', session(10_000), { 'idempotency-key': 'order-1-a' });
    const replay = await call('POST', '/v1/checkout/sessions', session(10_000), { 'idempotency-key': 'order-1-a' });
    expect(first.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await json(replay)).id).toBe((await json(first)).id);

    const other = await call('POST', '/v1/checkout/sessions', session(20_000), { 'idempotency-key': 'order-1-a' });
    expect(other.status).toBe(400);
    expect((await json(other)).error.type).toBe('idempotency_error');

    // A request refused as invalid is not remembered: the key can be used for a valid one after.
    const invalid = await call(
      'POST',
      '/v1/checkout/sessions',
      { ...session(10_000), mode: 'subscription' },
      { 'idempotency-key': 'k2' },
    );
    expect(invalid.status).toBe(400);
    expect((await call('POST', '/v1/checkout/sessions', session(10_000), { 'idempotency-key': 'k2' })).status).toBe(
      200,
    );
  });

  it('pays at the hosted page, signs its events and retries until the shop takes them', async () => {
    const created = await json(await call('POST', '/v1/checkout/sessions', session(12_345)));
    expect(created.url).toBe(`${standin.url}/pay/${created.id}`);
    const page = await fetch(created.url);
    expect(await page.text()).toContain('name="card_number"');

    expect((await standin.pay(created.id, '1234 5678 9012 3456')).status).toBe(400);
    const paid = await standin.pay(created.id, '4242 4242 4242 4242');
    expect(paid).toEqual({ status: 303, location: `http://shop.example/done?session=${created.id}` });
    await standin.settle();

    const intent = await json(
      await call('GET', `/v1/payment_intents/${created.payment_intent}?expand[]=latest_charge`),
    );
    expect(intent).toMatchObject({ status: 'succeeded', amount: 12_345, metadata: { kontor_payment_id: 'payment-1' } });
    expect(intent.latest_charge).toMatchObject({ object: 'charge', amount_refunded: 0 });
    const fetched = await json(await call('GET', `/v1/checkout/sessions/${created.id}`));
    expect(fetched).toMatchObject({ status: 'complete', payment_status: 'paid' });

    // Two events, delivered side by side; the shop refused two deliveries, which were retried until taken.
    const deliveries = standin.deliveries();
    expect(deliveries.filter((delivery) => delivery.status === 500)).toHaveLength(2);
    for (const type of ['checkout.session.completed', 'payment_intent.succeeded']) {
      const attempts = deliveries.filter((delivery) => delivery.type === type);
      expect(attempts.at(-1)?.status).toBe(200);
      expect(attempts.map((delivery) => delivery.attempt)).toEqual(attempts.map((_, index) => index + 1));
    }
    expect(hook.received.every((delivery) => delivery.verdict === 'valid')).toBe(true);
    // Pretty-printed as Stripe sends it: a receiver must verify the bytes, not a re-serialisation.
    expect(hook.received[0]?.body).toContain('\n  "id": "evt_');
  });

  it('refunds no more than was paid', async () => {
    const created = await json(await call('POST', '/v1/checkout/sessions', session(10_000)));
    const unpaid = await call('POST', '/v1/refunds', { payment_intent: created.payment_intent, amount: 100 });
    expect((await json(unpaid)).error.code).toBe('charge_not_refundable');
    await standin.pay(created.id, '4242424242424242');
    const part = await call('POST', '/v1/refunds', { payment_intent: created.payment_intent, amount: 4_000 });
    expect(await json(part)).toMatchObject({ object: 'refund', amount: 4_000, status: 'succeeded' });
    const over = await call('POST', '/v1/refunds', { payment_intent: created.payment_intent, amount: 6_001 });
    expect(over.status).toBe(400);
    expect((await json(over)).error.code).toBe('amount_too_large');
    const rest = await json(await call('POST', '/v1/refunds', { payment_intent: created.payment_intent }));
    expect(rest.amount).toBe(6_000);
    const none = await call('POST', '/v1/refunds', { payment_intent: created.payment_intent });
    expect((await json(none)).error.code).toBe('charge_already_refunded');
    await standin.settle();
    expect(standin.events().filter((event) => event.type === 'charge.refunded')).toHaveLength(2);
  });

  it('redelivers an event on request through its control endpoint', async () => {
    const event = standin.events().find((candidate) => candidate.type === 'payment_intent.succeeded');
    const response = await fetch(`${standin.url}/_standin/events/${event?.id}/redeliver`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ times: 3, concurrent: true }),
    });
    expect(await json(response)).toEqual({ event: event?.id, statuses: [200, 200, 200] });
  });
});

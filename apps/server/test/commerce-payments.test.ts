import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrdersPart } from '../src/commerce/orders/orders-part.js';
import { StripeProvider } from '../src/commerce/payments/stripe-provider.js';
import { stripeSignatureHeader } from '../src/commerce/payments/stripe-signature.js';
import { AppError } from '../src/platform/http/errors.js';
import {
  countingStock,
  draftOf,
  guestContext,
  SECRET_KEY,
  type ShopRig,
  startShopRig,
  WEBHOOK_SECRET,
} from './commerce-orders-fixtures.js';
import { describeEachStore } from './stores.js';

const WEBHOOK = '/api/shop/payments/webhook/stripe';

async function count(rig: ShopRig, query: { execute: (db: never) => Promise<{ rows: Array<{ n: unknown }> }> }) {
  return Number((await query.execute(rig.node.platform.db as never)).rows[0]?.n ?? 0);
}

const paidTransitions = (rig: ShopRig, orderId: string) =>
  count(rig, sql`select count(*) as n from commerce.order_events where order_id = ${orderId} and to_status = 'paid'`);

/** Every mail queued before it has had its turn once this marker arrives. */
async function mailsWithSubject(rig: ShopRig, subject: string): Promise<number> {
  const marker = `marker ${Math.random()}`;
  await rig.node.platform.transaction((trx) =>
    rig.node.platform.mail.enqueue(trx, { to: 'marker@example.org', subject: marker, text: '.' }),
  );
  await rig.smtp.waitFor((mail) => mail.parsed.subject === marker);
  return rig.smtp.withSubject(subject).length;
}

describeEachStore('commerce payments (Stripe protocol)', (store) => {
  let rig: ShopRig;
  beforeAll(async () => {
    rig = await startShopRig(store);
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('opens one payment per order, pays it at the hosted page and marks the order paid by webhook', async () => {
    const order = await rig.placeAndStart();
    // A second start (the customer went back and pressed pay again) sends them to the same page.
    const again = await rig.part.payments.start(guestContext(), {
      orderId: order.id,
      orderNumber: order.number,
      amountMinor: 1,
      currency: 'SEK',
      locale: 'sv',
      email: 'x@example.org',
      returnUrl: `${rig.baseUrl}/done`,
      cancelUrl: `${rig.baseUrl}/cancel`,
    });
    expect(again.redirectUrl).toContain(order.sessionId);
    expect(await count(rig, sql`select count(*) as n from commerce.payments where order_id = ${order.id}`)).toBe(1);

    const paid = await rig.standin.pay(order.sessionId, '4242 4242 4242 4242');
    expect(paid.status).toBe(303);
    expect(paid.location).toContain(`/shop/orders/${order.id}?token=`);
    await rig.standin.settle();
    expect(await rig.orderStatus(order.id)).toBe('paid');
    const payment = await sql<{ status: string; amount_minor: number }>`
      select status, amount_minor from commerce.payments where order_id = ${order.id}`.execute(rig.node.platform.db);
    // The amount is the order's own total, not the 1 öre the second start asked for.
    expect(payment.rows).toEqual([{ status: 'captured', amount_minor: draftOf().totals.totalMinor }]);

    const subject = `Tack för din beställning WG-${order.number}`;
    const mail = await rig.smtp.waitFor((m) => m.parsed.subject === subject);
    expect(mail.parsed.text).toContain('Aluminiumpropeller 13 × 11 för Yamaha F40');
    expect(mail.parsed.text).toContain('varav moms 25');
    expect(mail.parsed.text).toContain('1 st restnoterade');
    expect(mail.parsed.html).toContain('<table');

    // The same event ten more times: one payment, one state change, one e-mail.
    const completed = rig.standin
      .events()
      .find((event) => event.type === 'checkout.session.completed' && JSON.stringify(event).includes(order.sessionId));
    expect(completed).toBeDefined();
    const statuses = await rig.standin.redeliver(completed?.id as string, 10);
    expect(statuses).toEqual(Array(10).fill(200));
    expect(await paidTransitions(rig, order.id)).toBe(1);
    expect(await count(rig, sql`select count(*) as n from commerce.payments where order_id = ${order.id}`)).toBe(1);
    expect(await mailsWithSubject(rig, subject)).toBe(1);
  });

  it('handles ten concurrent deliveries of a new event once', async () => {
    const order = await rig.placeAndStart();
    rig.standin.setWebhookUrl(null);
    await rig.standin.pay(order.sessionId, '4242424242424242');
    rig.standin.setWebhookUrl(`${rig.baseUrl}${WEBHOOK}`);
    expect(await rig.orderStatus(order.id)).toBe('created');
    const events = rig.standin.events().filter((event) => JSON.stringify(event).includes(order.sessionId));
    const succeeded = rig.standin
      .events()
      .filter((event) => event.type === 'payment_intent.succeeded')
      .at(-1);
    const completed = events.find((event) => event.type === 'checkout.session.completed');
    const [first, second] = await Promise.all([
      rig.standin.redeliver(succeeded?.id as string, 10, { concurrent: true }),
      rig.standin.redeliver(completed?.id as string, 10, { concurrent: true }),
    ]);
    expect([...first, ...second]).toEqual(Array(20).fill(200));
    expect(await rig.orderStatus(order.id)).toBe('paid');
    expect(await paidTransitions(rig, order.id)).toBe(1);
    expect(
      await count(
        rig,
        sql`select count(*) as n from commerce.payment_events where event_id in (${succeeded?.id}, ${completed?.id})`,
      ),
    ).toBe(2);
    expect(await count(rig, sql`select count(*) as n from commerce.payments where order_id = ${order.id}`)).toBe(1);
    expect(await mailsWithSubject(rig, `Tack för din beställning WG-${order.number}`)).toBe(1);
  });

  it('keeps a declined card’s order unpaid, and takes the next card on the same page', async () => {
    const order = await rig.placeAndStart();
    const declined = await rig.standin.pay(order.sessionId, '4000 0000 0000 0002');
    expect(declined.status).toBe(402);
    await rig.standin.settle();
    expect(await rig.orderStatus(order.id)).toBe('created');
    const failed = await sql<{ status: string; failure_message: string }>`
      select status, failure_message from commerce.payments where order_id = ${order.id}`.execute(rig.node.platform.db);
    expect(failed.rows).toEqual([{ status: 'failed', failure_message: 'Your card was declined.' }]);

    expect((await rig.standin.pay(order.sessionId, '4242 4242 4242 4242')).status).toBe(303);
    await rig.standin.settle();
    expect(await rig.orderStatus(order.id)).toBe('paid');
  });

  it('does not mark paid a payment that does not match the order, and flags it for review', async () => {
    const order = await rig.placeAndStart();
    // The order changed after the payment was opened (say, by a bug): the money taken is not its total.
    await sql`update commerce.orders set total_minor = total_minor + 100 where id = ${order.id}`.execute(
      rig.node.platform.db,
    );
    await rig.standin.pay(order.sessionId, '4242 4242 4242 4242');
    await rig.standin.settle();
    expect(await rig.orderStatus(order.id)).toBe('created');
    const flagged = await sql<{ review_reason: string }>`
      select review_reason from commerce.orders where id = ${order.id}`.execute(rig.node.platform.db);
    expect(flagged.rows[0]?.review_reason).toMatch(/took .* the order's total is .*Not marked paid/);
  });

  it('lets a guest pay from the order page, and settles on return before the webhook comes', async () => {
    const order = await rig.place();
    const started = await rig.node.app.inject({
      method: 'POST',
      url: `/api/shop/orders/${order.id}/payment?token=${order.accessToken}`,
    });
    expect(started.statusCode).toBe(200);
    expect(started.json().provider).toBe('stripe');
    const sessionId = new URL(started.json().redirectUrl).pathname.split('/').at(-1) as string;
    rig.standin.setWebhookUrl(null);
    const paid = await rig.standin.pay(sessionId, '4242 4242 4242 4242');
    expect(paid.location).toContain(`/shop/orders/${order.id}?token=${order.accessToken}`);
    const refreshed = await rig.node.app.inject({
      method: 'POST',
      url: `/api/shop/orders/${order.id}/payment/refresh?token=${order.accessToken}`,
    });
    expect(refreshed.json()).toMatchObject({ status: 'paid', payment: { status: 'captured' } });
    // The webhooks arrive after all: nothing happens twice.
    rig.standin.setWebhookUrl(`${rig.baseUrl}${WEBHOOK}`);
    for (const event of rig.standin.events().filter((candidate) => JSON.stringify(candidate).includes(sessionId)))
      expect(await rig.standin.redeliver(event.id, 2)).toEqual([200, 200]);
    expect(await paidTransitions(rig, order.id)).toBe(1);
    expect(await mailsWithSubject(rig, `Tack för din beställning WG-${order.number}`)).toBe(1);
    // A paid order cannot be paid again; a wrong token finds nothing.
    const again = await rig.node.app.inject({
      method: 'POST',
      url: `/api/shop/orders/${order.id}/payment?token=${order.accessToken}`,
    });
    expect(again.json()).toMatchObject({ status: 409, code: 'commerce.order_not_payable' });
    const stranger = await rig.node.app.inject({
      method: 'POST',
      url: `/api/shop/orders/${order.id}/payment?token=${'y'.repeat(32)}`,
    });
    expect(stranger.statusCode).toBe(404);
  });

  it('refuses forged, old and unsigned webhooks with 400, and unknown providers with 404', async () => {
    const body = JSON.stringify({ id: 'evt_forged', type: 'payment_intent.succeeded', data: { object: {} } });
    const post = (headers: Record<string, string>, url = WEBHOOK) =>
      rig.node.app.inject({
        method: 'POST',
        url,
        payload: body,
        headers: { 'content-type': 'application/json', ...headers },
      });

    const forged = await post({ 'stripe-signature': stripeSignatureHeader('whsec_someone_else', body) });
    expect(forged.statusCode).toBe(400);
    expect(forged.json()).toMatchObject({ code: 'commerce.webhook_signature_invalid' });
    expect(forged.json().detail).toContain('does not match');

    const old = await post({
      'stripe-signature': stripeSignatureHeader(WEBHOOK_SECRET, body, Math.floor(Date.now() / 1000) - 600),
    });
    expect(old.statusCode).toBe(400);
    expect(old.json().detail).toContain('5 minutes');

    expect((await post({})).json()).toMatchObject({ status: 400, detail: 'The Stripe-Signature header is missing' });

    const unknown = await post(
      { 'stripe-signature': stripeSignatureHeader(WEBHOOK_SECRET, body) },
      '/api/shop/payments/webhook/paypal',
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('commerce.unknown_payment_provider');

    // Signed correctly, about no payment of ours: taken (200) and recorded, nothing changes.
    const stray = await post({ 'stripe-signature': stripeSignatureHeader(WEBHOOK_SECRET, body) });
    expect(stray.statusCode).toBe(200);
    expect(stray.json()).toEqual({ received: true, duplicate: false });
    expect((await post({ 'stripe-signature': stripeSignatureHeader(WEBHOOK_SECRET, body) })).json()).toEqual({
      received: true,
      duplicate: true,
    });
  });

  it('answers 503 commerce.payments_unavailable without a card provider, and 502 when it cannot be reached', async () => {
    const { catalog } = countingStock();
    const unconfigured = createOrdersPart(rig.node.platform, catalog, []);
    const order = await rig.place();
    const start = (part: typeof unconfigured) =>
      part.payments.start(guestContext(), {
        orderId: order.id,
        orderNumber: order.number,
        amountMinor: 0,
        currency: 'SEK',
        locale: 'sv',
        email: 'a@example.org',
        returnUrl: 'http://127.0.0.1/done',
        cancelUrl: 'http://127.0.0.1/cancel',
      });
    await expect(start(unconfigured)).rejects.toMatchObject({ status: 503, code: 'commerce.payments_unavailable' });

    const unreachable = createOrdersPart(rig.node.platform, catalog, [
      new StripeProvider({ apiUrl: 'http://127.0.0.1:9', secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET }),
    ]);
    const error = await start(unreachable).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 502, code: 'commerce.payment_provider_failed' });
    expect(await rig.orderStatus(order.id)).toBe('created');
  });
});

describe('webhook signatures', () => {
  it('is signed the way the stand-in signs', () => {
    expect(stripeSignatureHeader(WEBHOOK_SECRET, '{}', 1)).toMatch(/^t=1,v1=[0-9a-f]{64}$/);
  });
});

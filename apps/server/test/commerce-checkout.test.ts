import { createHash } from 'node:crypto';
import { type CheckoutResult, checkoutInput } from '@kontor/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StripeStandin, startStripeStandin } from '../../../examples/stripe-standin/standin.js';
import { IDEMPOTENCY_PRUNE_JOB } from '../src/commerce/checkout/checkout-part.js';
import { requestHash } from '../src/commerce/checkout/idempotency.js';
import { checkoutBody, type ShopNode, type Shopper, startShopNode } from './commerce-checkout-fixtures.js';
import { describeEachStore } from './stores.js';
import { expectStatus } from './test-node.js';

const SECRET_KEY = 'sk_test_checkout';
const WEBHOOK_SECRET = 'whsec_checkout_tests';

describeEachStore('commerce checkout: placing orders', (store) => {
  let shop: ShopNode;
  let stripe: StripeStandin;
  let release: () => Promise<void>;

  beforeAll(async () => {
    stripe = await startStripeStandin({ webhookSecret: WEBHOOK_SECRET, secretKey: SECRET_KEY });
    const created = await store.create();
    release = created.release;
    shop = await startShopNode(created.location, {
      commerceStripeApiUrl: stripe.url,
      commerceStripeSecretKey: SECRET_KEY,
      commerceStripeWebhookSecret: WEBHOOK_SECRET,
    });
  });
  afterAll(async () => {
    await shop?.close();
    await stripe?.close();
    await release?.();
  });

  const db = () => shop.node.platform.db;
  const onHand = async (sku: string) =>
    (
      await sql<{ on_hand: number }>`
        select s.on_hand from commerce.stock s join commerce.variants v on v.id = s.variant_id where v.sku = ${sku}`.execute(
        db(),
      )
    ).rows[0]?.on_hand;
  const setStock = (sku: string, n: number) =>
    sql`update commerce.stock set on_hand = ${n}, low_stock_alerted_at = null
      where variant_id = (select id from commerce.variants where sku = ${sku})`.execute(db());
  const orderCount = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from commerce.orders`.execute(db())).rows[0]?.n ?? 0;
  const checkout = (shopper: Shopper, body: unknown = checkoutBody(), key?: string) =>
    shopper.send('POST', '/api/shop/checkout', body, key === undefined ? {} : { 'idempotency-key': key });
  const result = (response: { json(): unknown }) => response.json() as CheckoutResult;
  let keys = 0;
  const newKey = () => {
    keys += 1;
    return `test-key-${Date.now()}-${keys}`;
  };

  it('turns a guest cart into an order priced by the server, takes stock, empties the cart, starts the payment', async () => {
    await setStock('T-PROP-13X17', 10);
    const guest = shop.shopper();
    await expectStatus(guest.add('T-PROP-13X17', 2), 200);
    await expectStatus(guest.add('T-BOOK-CHARTS', 1), 200);
    await expectStatus(guest.send('PUT', '/api/shop/cart/discount-code', { code: 'valkommen10' }), 200);
    const codeUses = async () =>
      (
        await sql<{
          used_count: number;
        }>`select used_count from commerce.discount_codes where code = 'VALKOMMEN10'`.execute(db())
      ).rows[0]?.used_count;
    const usesBefore = await codeUses();

    const placed = await expectStatus(checkout(guest, checkoutBody(), newKey()), 201);
    const answer = result(placed);
    // 2 × 1,499.00 + 499.00 = 3,497.00; 10 % off = 349.70; PostNord up to 10 kg (6.2 kg) 99.00.
    expect(answer.order).toMatchObject({ currency: 'SEK', totalMinor: 349_700 - 34_970 + 9_900 });
    expect(answer.order.number).toBeGreaterThan(0);
    expect(answer.order.accessToken.length).toBeGreaterThanOrEqual(32);
    expect(answer.payment).toMatchObject({ status: 'started', provider: 'stripe', message: null });
    expect(answer.payment.redirectUrl).toContain(stripe.url);

    const order = (
      await sql<Record<string, unknown>>`select * from commerce.orders where id = ${answer.order.id}`.execute(db())
    ).rows[0];
    expect(order).toMatchObject({
      status: 'created',
      email: 'greta.lindgren@example.se',
      currency: 'SEK',
      subtotal_minor: 349_700,
      discount_minor: 34_970,
      shipping_minor: 9_900,
      total_minor: 324_630,
      discount_code: 'VALKOMMEN10',
    });
    // Goods at 25 %: 299,800 − 29,980 = 269,820 (VAT 53,964) plus shipping 9,900 (VAT 1,980); at 6 %: 44,910 (2,542).
    expect(order?.vat_by_rate).toEqual([
      { rateBp: 2500, baseMinor: 223_776, vatMinor: 55_944 },
      { rateBp: 600, baseMinor: 42_368, vatMinor: 2_542 },
    ]);
    expect(order?.vat_minor).toBe(55_944 + 2_542);
    const lines = await sql<{ sku: string; quantity: number; discount_minor: number; total_minor: number }>`
      select sku, quantity, discount_minor, total_minor from commerce.order_lines
      where order_id = ${answer.order.id} order by position`.execute(db());
    expect(lines.rows).toEqual([
      { sku: 'T-PROP-13X17', quantity: 2, discount_minor: 29_980, total_minor: 269_820 },
      { sku: 'T-BOOK-CHARTS', quantity: 1, discount_minor: 4_990, total_minor: 44_910 },
    ]);
    expect(await onHand('T-PROP-13X17')).toBe(8);
    expect(await codeUses()).toBe((usesBefore ?? 0) + 1);
    const after = (await guest.cart()).json();
    expect(after).toMatchObject({ lines: [], discountCode: null });
  });

  it('refuses price tampering: any price, total or amount in the body is a 400, and nothing is placed', async () => {
    const guest = shop.shopper();
    await expectStatus(guest.add('T-LURE-RED', 1), 200);
    const before = await orderCount();
    for (const [body, path] of [
      [checkoutBody({ totalMinor: 1 }), 'body.totalMinor'],
      [checkoutBody({ shippingAmountMinor: 0 }), 'body.shippingAmountMinor'],
      [
        checkoutBody({ shippingAddress: { ...checkoutBody().shippingAddress, price: 0 } }),
        'body.shippingAddress.price',
      ],
      [checkoutBody({ lines: [{ sku: 'T-LURE-RED', quantity: 1, unitPriceMinor: 1 }] }), 'body.lines.0.unitPriceMinor'],
    ] as const) {
      const response = await checkout(guest, body, newKey());
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'commerce.price_fields_refused' });
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const stranger = await checkout(guest, checkoutBody({ lines: [] }));
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors[0]).toMatchObject({ path: 'body.lines', code: 'unrecognized_keys' });
    expect(await orderCount()).toBe(before);
    expect((await guest.cart()).json().lines).toHaveLength(1);
  });

  it('validates the customer: terms, company name, e-mail, addresses', async () => {
    const guest = shop.shopper();
    await expectStatus(guest.add('T-LURE-RED', 1), 200);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ acceptTerms: false }, 'body.acceptTerms'],
      [{ customerKind: 'company' }, 'body.companyName'],
      [{ email: 'not-an-address' }, 'body.email'],
      [{ shippingAddress: { ...checkoutBody().shippingAddress, country: 'Sverige' } }, 'body.shippingAddress.country'],
      [{ shippingMethod: 'PostNord!' }, 'body.shippingMethod'],
    ];
    for (const [override, path] of cases) {
      const response = await checkout(guest, checkoutBody(override));
      expect(response.statusCode).toBe(400);
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const company = await checkout(
      guest,
      checkoutBody({ customerKind: 'company', companyName: 'Bohusläns Båtvarv AB', orgNumber: '556677-8899' }),
    );
    expect(company.statusCode).toBe(201);
  });

  it('refuses an empty cart, a missing cart, and a shipping method that cannot take the cart', async () => {
    const nobody = shop.shopper();
    const missing = await checkout(nobody);
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ code: 'commerce.cart_empty' });
    await expectStatus(nobody.add('T-LURE-RED', 1), 200);
    await expectStatus(nobody.send('DELETE', '/api/shop/cart'), 200);
    expect((await checkout(nobody)).json()).toMatchObject({ code: 'commerce.cart_empty' });

    await setStock('T-BOAT-460', 2);
    const boater = shop.shopper();
    await expectStatus(boater.add('T-BOAT-460', 1), 200);
    const parcel = await checkout(boater, checkoutBody({ shippingMethod: 'postnord-parcel' }));
    expect(parcel.statusCode).toBe(422);
    expect(parcel.json()).toMatchObject({
      code: 'commerce.unknown_shipping_method',
      errors: [{ path: 'body.shippingMethod', message: 'choose one of scheduled-bulky' }],
    });
    const abroad = await checkout(
      boater,
      checkoutBody({
        shippingMethod: 'scheduled-bulky',
        shippingAddress: { ...checkoutBody().shippingAddress, country: 'DE' },
      }),
    );
    expect(abroad.statusCode).toBe(422);
    const scheduled = result(
      await expectStatus(checkout(boater, checkoutBody({ shippingMethod: 'scheduled-bulky' })), 201),
    );
    const shipping = (
      await sql<{ shipping: { scheduled: boolean; methodCode: string; amountMinor: number } }>`
        select shipping from commerce.orders where id = ${scheduled.order.id}`.execute(db())
    ).rows[0]?.shipping;
    expect(shipping).toMatchObject({ scheduled: true, methodCode: 'scheduled-bulky', amountMinor: 299_500 });
    expect(await onHand('T-BOAT-460')).toBe(1);
  });

  it('refuses a line the shop stopped selling, naming the cart line', async () => {
    const guest = shop.shopper();
    await expectStatus(guest.add('T-LURE-RED', 1), 200);
    await expectStatus(guest.add('T-BOOK-CHARTS', 1), 200);
    await sql`update commerce.products set status = 'draft' where id = ${shop.fixture.variants.book?.productId}`.execute(
      db(),
    );
    try {
      const cart = (await guest.cart()).json();
      expect(cart.unavailableLines).toEqual([{ sku: 'T-BOOK-CHARTS', quantity: 1, reason: 'unknown_sku' }]);
      const refused = await checkout(guest);
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'commerce.unknown_sku', errors: [{ path: 'cart.lines.1.sku' }] });
    } finally {
      await sql`update commerce.products set status = 'published' where id = ${shop.fixture.variants.book?.productId}`.execute(
        db(),
      );
    }
  });

  it('answers 409 out_of_stock per line and leaves stock and cart as they were', async () => {
    await setStock('T-PROP-13X17', 3);
    const guest = shop.shopper();
    await expectStatus(guest.add('T-LURE-RED', 1), 200);
    await expectStatus(guest.add('T-PROP-13X17', 5), 200);
    const lureBefore = await onHand('T-LURE-RED');
    const refused = await checkout(guest);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'commerce.out_of_stock',
      errors: [{ path: 'cart.lines.1.quantity', message: 'only 3 of T-PROP-13X17 are available' }],
    });
    expect(await onHand('T-PROP-13X17')).toBe(3);
    expect(await onHand('T-LURE-RED')).toBe(lureBefore);
    expect((await guest.cart()).json().lines).toHaveLength(2);
  });

  it('takes what is there of a backorderable variant and records the rest as backordered', async () => {
    await setStock('T-BACKORDER', 1);
    const guest = shop.shopper();
    await expectStatus(guest.add('T-BACKORDER', 3), 200);
    expect((await guest.cart()).json().lines[0].availability).toEqual({ status: 'backorder', onHand: 1 });
    const placed = result(await expectStatus(checkout(guest, checkoutBody({ shippingMethod: 'home-delivery' })), 201));
    const line = await sql<{ backordered: number }>`
      select backordered from commerce.order_lines where order_id = ${placed.order.id}`.execute(db());
    expect(line.rows[0]?.backordered).toBe(2);
    expect(await onHand('T-BACKORDER')).toBe(0);
  });

  it("places a signed-in customer's order on their account", async () => {
    const customer = await shop.node.userWith([]);
    const shopper = shop.shopper(customer);
    await expectStatus(shopper.add('T-LURE-RED', 2), 200);
    const placed = result(await expectStatus(checkout(shopper, checkoutBody(), newKey()), 201));
    const order = await sql<{
      user_id: string;
    }>`select user_id from commerce.orders where id = ${placed.order.id}`.execute(db());
    expect(order.rows[0]?.user_id).toBe(customer.id);
    expect((await shopper.cart()).json().lines).toEqual([]);
  });

  it('counts a code once per order and refuses it when its last use is gone', async () => {
    const marketer = await shop.node.userWith(['commerce.marketing']);
    await expectStatus(
      shop.node.app.inject({
        method: 'POST',
        url: '/api/commerce/discounts/codes',
        headers: marketer.headers,
        payload: { code: 'BARAEN', kind: 'amount', amounts: { SEK: 1_000 }, usageLimit: 1 },
      }),
      201,
    );
    const first = shop.shopper();
    const second = shop.shopper();
    for (const shopper of [first, second]) {
      await expectStatus(shopper.add('T-LURE-RED', 1), 200);
      await expectStatus(shopper.send('PUT', '/api/shop/cart/discount-code', { code: 'baraen' }), 200);
    }
    const placed = result(await expectStatus(checkout(first), 201));
    expect(placed.order.totalMinor).toBe(8_900 - 1_000 + 5_900);
    const refused = await checkout(second);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'commerce.discount_code_not_applicable',
      errors: [{ path: 'cart.discountCode', message: 'used_up' }],
    });
  });

  describe('Idempotency-Key', () => {
    it('answers the same order for the same key and body, and places it once', async () => {
      const guest = shop.shopper();
      await expectStatus(guest.add('T-LURE-RED', 1), 200);
      const key = newKey();
      const before = await orderCount();
      const first = result(await expectStatus(checkout(guest, checkoutBody(), key), 201));
      const second = result(await expectStatus(checkout(guest, checkoutBody(), key), 201));
      expect(second).toEqual(first);
      // Members in another order are the same body.
      const reordered = Object.fromEntries(Object.entries(checkoutBody()).reverse());
      expect(result(await expectStatus(checkout(guest, reordered, key), 201)).order.id).toBe(first.order.id);
      expect(await orderCount()).toBe(before + 1);
    });

    it('refuses the same key with another body (422) and never mixes two callers’ keys', async () => {
      const guest = shop.shopper();
      await expectStatus(guest.add('T-LURE-RED', 1), 200);
      const key = newKey();
      await expectStatus(checkout(guest, checkoutBody(), key), 201);
      const other = await checkout(guest, checkoutBody({ name: 'Someone Else' }), key);
      expect(other.statusCode).toBe(422);
      expect(other.json()).toMatchObject({
        code: 'commerce.idempotency_key_reused',
        errors: [{ path: 'headers.idempotency-key' }],
      });
      // Another guest with the same key is another scope.
      const stranger = shop.shopper();
      await expectStatus(stranger.add('T-LURE-RED', 1), 200);
      await expectStatus(checkout(stranger, checkoutBody(), key), 201);
    });

    it('does not store a request refused by validation, and refuses a key over 255 characters', async () => {
      const guest = shop.shopper();
      await expectStatus(guest.add('T-LURE-RED', 1), 200);
      const key = newKey();
      expect((await checkout(guest, checkoutBody({ acceptTerms: false }), key)).statusCode).toBe(400);
      expect((await checkout(guest, checkoutBody({ totalMinor: 5 }), key)).statusCode).toBe(400);
      await expectStatus(checkout(guest, checkoutBody(), key), 201);
      const long = await checkout(guest, checkoutBody(), 'k'.repeat(256));
      expect(long.statusCode).toBe(400);
      expect(long.json().errors[0].path).toBe('headers.idempotency-key');
    });

    it('gives a stored business error again for the same key, while a new key runs afresh', async () => {
      await setStock('T-PROP-13X17', 1);
      const guest = shop.shopper();
      await expectStatus(guest.add('T-PROP-13X17', 2), 200);
      const key = newKey();
      const first = await checkout(guest, checkoutBody(), key);
      expect(first.statusCode).toBe(409);
      await expectStatus(guest.send('PATCH', '/api/shop/cart/lines/T-PROP-13X17', { quantity: 1 }), 200);
      const replay = await checkout(guest, checkoutBody(), key);
      expect(replay.statusCode).toBe(409);
      expect(replay.json()).toMatchObject({ code: first.json().code, errors: first.json().errors });
      await expectStatus(checkout(guest, checkoutBody(), newKey()), 201);
    });

    it('lets concurrent requests with one key place one order: the others wait (409) or get its answer', async () => {
      const guest = shop.shopper();
      await expectStatus(guest.add('T-LURE-RED', 1), 200);
      const key = newKey();
      const before = await orderCount();
      const responses = await Promise.all(Array.from({ length: 6 }, () => checkout(guest, checkoutBody(), key)));
      const statuses = responses.map((response) => response.statusCode);
      expect(statuses).toContain(201);
      for (const response of responses) {
        if (response.statusCode === 409) expect(response.json().code).toBe('commerce.idempotency_in_progress');
        else expect(response.statusCode).toBe(201);
      }
      expect(new Set(responses.filter((r) => r.statusCode === 201).map((r) => result(r).order.id)).size).toBe(1);
      expect(await orderCount()).toBe(before + 1);
    });

    it('resumes a run that died after its order committed: the order is answered, not placed again', async () => {
      const guest = shop.shopper();
      await expectStatus(guest.add('T-LURE-RED', 1), 200);
      const placed = result(await expectStatus(checkout(guest, checkoutBody()), 201));
      // As a process that crashed between commit and answer leaves it: claimed, with its order, long ago.
      const key = newKey();
      const scope = `cart:${createHash('sha256')
        .update(guest.cartCookie as string)
        .digest('hex')}`;
      const order = { ...placed.order };
      await sql`insert into commerce.idempotency_keys (scope, key, request_hash, locked_at, order_id, order_result, expires_at)
        values (${scope}, ${key}, ${requestHash(checkoutInput.parse(checkoutBody()))}, now() - interval '10 minutes',
          ${order.id}, ${JSON.stringify(order)}, now() + interval '1 day')`.execute(db());
      const before = await orderCount();
      const resumed = result(await expectStatus(checkout(guest, checkoutBody(), key), 201));
      expect(resumed.order).toEqual(order);
      expect(resumed.payment.status).toBe('started');
      expect(await orderCount()).toBe(before);
      // A run that holds its key recently is still running.
      const busy = newKey();
      await sql`insert into commerce.idempotency_keys (scope, key, request_hash, expires_at)
        values (${scope}, ${busy}, ${requestHash(checkoutInput.parse(checkoutBody()))}, now() + interval '1 day')`.execute(
        db(),
      );
      const waiting = await checkout(guest, checkoutBody(), busy);
      expect(waiting.statusCode).toBe(409);
      expect(waiting.json().code).toBe('commerce.idempotency_in_progress');
    });

    it('forgets keys after commerceIdempotencyHours (the prune job)', async () => {
      const guest = shop.shopper();
      await expectStatus(guest.add('T-LURE-RED', 1), 200);
      const key = newKey();
      await expectStatus(checkout(guest, checkoutBody(), key), 201);
      const stored = await sql<{ expires_at: Date; created_at: Date }>`
        select expires_at, created_at from commerce.idempotency_keys where key = ${key}`.execute(db());
      const row = stored.rows[0];
      expect(row && (row.expires_at.getTime() - row.created_at.getTime()) / 3_600_000).toBeCloseTo(24, 1);
      await sql`update commerce.idempotency_keys set expires_at = now() - interval '1 second' where key = ${key}`.execute(
        db(),
      );
      expect(await shop.node.platform.jobs.runNow(IDEMPOTENCY_PRUNE_JOB)).toBe('ran');
      const left = await sql`select 1 from commerce.idempotency_keys where key = ${key}`.execute(db());
      expect(left.rows).toHaveLength(0);
    });
  });

  it('sells the last item once under 50 concurrent checkouts: one order, 49 × 409 out_of_stock, stock 0', async () => {
    await setStock('T-LAST-ONE', 1);
    const shoppers = Array.from({ length: 50 }, () => shop.shopper());
    await Promise.all(shoppers.map((shopper) => expectStatus(shopper.add('T-LAST-ONE', 1), 200)));
    const responses = await Promise.all(shoppers.map((shopper) => checkout(shopper, checkoutBody(), newKey())));
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    for (const response of responses.filter((r) => r.statusCode === 409))
      expect(response.json()).toMatchObject({
        code: 'commerce.out_of_stock',
        errors: [{ path: 'cart.lines.0.quantity' }],
      });
    expect(await onHand('T-LAST-ONE')).toBe(0);
    const sold = await sql<{ n: number }>`
      select coalesce(sum(quantity), 0)::int as n from commerce.order_lines where sku = 'T-LAST-ONE'`.execute(db());
    expect(sold.rows[0]?.n).toBe(1);
  }, 180_000);

  it('keeps the order when the payment cannot start, and says so', async () => {
    await stripe.close();
    const guest = shop.shopper();
    await expectStatus(guest.add('T-LURE-RED', 1), 200);
    const placed = result(await expectStatus(checkout(guest, checkoutBody(), newKey()), 201));
    expect(placed.payment).toMatchObject({ status: 'failed', provider: null, redirectUrl: null });
    expect(placed.payment.message).toContain('order is saved');
    const order = await sql<{
      status: string;
    }>`select status from commerce.orders where id = ${placed.order.id}`.execute(db());
    expect(order.rows[0]?.status).toBe('created');
    expect((await guest.cart()).json().lines).toEqual([]);
  });
});

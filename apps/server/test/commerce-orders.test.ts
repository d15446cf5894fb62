import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { draftOf, guestContext, type ShopRig, startShopRig } from './commerce-orders-fixtures.js';
import { describeEachStore } from './stores.js';
import type { Session } from './test-node.js';

describeEachStore('commerce orders', (store) => {
  let rig: ShopRig;
  let staff: Session;
  beforeAll(async () => {
    rig = await startShopRig(store);
    staff = await rig.node.userWith(['commerce.orders']);
  });
  afterAll(async () => {
    await rig?.close();
  });

  const get = (url: string, session: Session = staff) =>
    rig.node.app.inject({ method: 'GET', url, headers: session.headers });
  const post = (url: string, payload: unknown = {}, headers: Record<string, string> = {}, session: Session = staff) =>
    rig.node.app.inject({
      method: 'POST',
      url,
      payload: payload as object,
      headers: { ...session.headers, ...headers },
    });

  it('stores an order as a snapshot: lines with VAT, totals, addresses, a number and a guest token', async () => {
    const first = await rig.place();
    const second = await rig.place();
    expect(second.number).toBe(first.number + 1);
    expect(first.accessToken.length).toBeGreaterThanOrEqual(32);

    const detail = (await get(`/api/commerce/orders/${first.id}`)).json();
    expect(detail).toMatchObject({
      displayNumber: `WG-${first.number}`,
      status: 'created',
      currency: 'SEK',
      locale: 'sv',
      totals: { subtotalMinor: 309_700, discountMinor: 10_000, shippingMinor: 9_900, totalMinor: 309_600 },
      shipping: { methodCode: 'postnord-parcel', address: { city: 'Malmö' } },
      nextStatuses: ['paid', 'cancelled'],
      events: [{ kind: 'status', fromStatus: null, toStatus: 'created', actorName: 'guest:anna.svensson@example.org' }],
    });
    // VAT per line out of the VAT-inclusive line total: 129 900 × 2500 / 12 500, and (179 800 − 10 000) × 0.2.
    expect(
      detail.lines.map((line: { vatMinor: number; totalMinor: number; backordered: number }) => [
        line.totalMinor,
        line.vatMinor,
        line.backordered,
      ]),
    ).toEqual(
      [
        [129_900, 25_980],
        [169_800, 33_960],
      ].map(([total, vat], index) => [total, vat, index]),
    );

    // One guest, one customer: the second order found the first one's customer by its e-mail address.
    expect(detail.customerId).toBe((await get(`/api/commerce/orders/${second.id}`)).json().customerId);
  });

  it('lists orders by status, text and days, newest first, in keyset pages', async () => {
    await rig.place(draftOf({ email: 'erik.lund@example.org' }));
    const erik = (await get('/api/commerce/orders?q=erik.lund')).json();
    expect(erik.items).toHaveLength(1);
    expect(erik.items[0]).toMatchObject({ email: 'erik.lund@example.org', status: 'created' });
    const byNumber = (await get(`/api/commerce/orders?q=WG-${erik.items[0].number}`)).json();
    expect(byNumber.items.map((item: { id: string }) => item.id)).toEqual([erik.items[0].id]);

    const page1 = (await get('/api/commerce/orders?limit=2')).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.items[0].number).toBeGreaterThan(page1.items[1].number);
    const page2 = (await get(`/api/commerce/orders?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items[0].number).toBeLessThan(page1.items[1].number);

    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
    expect(
      (await get(`/api/commerce/orders?from=${today}&to=${today}&status=created`)).json().items.length,
    ).toBeGreaterThanOrEqual(3);
    expect((await get('/api/commerce/orders?from=2020-01-01&to=2020-01-31')).json().items).toEqual([]);
    expect((await get('/api/commerce/orders?status=shipped&q=erik')).json().items).toEqual([]);
    expect((await get('/api/commerce/orders?status=lost')).statusCode).toBe(400);
  });

  it('is for staff with commerce.orders only', async () => {
    const customer = await rig.node.userWith([]);
    expect((await get('/api/commerce/orders', customer)).statusCode).toBe(403);
    expect((await rig.node.app.inject({ method: 'GET', url: '/api/commerce/orders' })).statusCode).toBe(401);
  });

  it('moves a paid order through shipped and delivered, with history, audit and the shipping notice', async () => {
    const order = await rig.placePaid();
    const early = await post(`/api/commerce/orders/${order.id}/deliver`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'commerce.bad_transition' });
    expect(early.json().detail).toContain('is paid; it cannot become delivered');

    expect((await post(`/api/commerce/orders/${order.id}/ship`, {})).statusCode).toBe(400);
    const shipped = await post(`/api/commerce/orders/${order.id}/ship`, {
      trackingNumber: 'PN123456789SE',
      note: 'Två kollin',
    });
    expect(shipped.statusCode).toBe(200);
    expect(shipped.json()).toMatchObject({
      status: 'shipped',
      trackingNumber: 'PN123456789SE',
      nextStatuses: ['delivered'],
    });
    const mail = await rig.smtp.waitFor((m) => m.parsed.subject === `Din order WG-${order.number} är skickad`);
    expect(mail.parsed.text).toContain('Spårningsnummer: PN123456789SE');

    const delivered = (await post(`/api/commerce/orders/${order.id}/deliver`)).json();
    expect(delivered.status).toBe('delivered');
    expect(
      delivered.events
        .filter((event: { kind: string }) => event.kind === 'status')
        .map((event: { toStatus: string }) => event.toStatus),
    ).toEqual(['created', 'paid', 'shipped', 'delivered']);
    const shipEvent = delivered.events.find((event: { toStatus: string }) => event.toStatus === 'shipped');
    expect(shipEvent).toMatchObject({ trackingNumber: 'PN123456789SE', note: 'Två kollin', fromStatus: 'paid' });
    expect(delivered.payments).toMatchObject([{ provider: 'stripe', status: 'captured' }]);

    const audit = await sql<{ action: string; actor_name: string }>`
      select action, actor_name from audit.entries where entity_id = ${order.id} order by id`.execute(
      rig.node.platform.db,
    );
    expect(audit.rows.map((row) => row.action)).toEqual([
      'commerce.order.status',
      'commerce.order.status',
      'commerce.order.status',
    ]);
    expect(audit.rows[0]?.actor_name).toBe('system:payments:stripe');
  });

  it('refunds in part and in full through the provider, idempotently, never more than was paid', async () => {
    const order = await rig.placePaid();
    const refunds = `/api/commerce/orders/${order.id}/refunds`;
    const first = await post(
      refunds,
      { amountMinor: 50_000, reason: 'Skadad förpackning' },
      { 'idempotency-key': 'refund-a' },
    );
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ amountMinor: 50_000, status: 'succeeded', currency: 'SEK' });
    const replay = await post(
      refunds,
      { amountMinor: 50_000, reason: 'Skadad förpackning' },
      { 'idempotency-key': 'refund-a' },
    );
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(first.json().id);
    const reused = await post(refunds, { amountMinor: 1_000 }, { 'idempotency-key': 'refund-a' });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().code).toBe('commerce.idempotency_key_reused');

    const over = await post(refunds, { amountMinor: 300_000 }, { 'idempotency-key': 'refund-b' });
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({
      code: 'commerce.over_refund',
      errors: [{ path: 'body.amountMinor', maximum: 259_600 }],
    });

    const rest = await post(refunds, {}, { 'idempotency-key': 'refund-c' });
    expect(rest.json()).toMatchObject({ amountMinor: 259_600, status: 'succeeded' });
    expect((await post(refunds, { amountMinor: 1 })).json().code).toBe('commerce.nothing_to_refund');

    // The provider's charge.refunded events arrive too: nothing is counted twice.
    await rig.standin.settle();
    const detail = (await get(`/api/commerce/orders/${order.id}`)).json();
    expect(detail.payments).toMatchObject([{ status: 'refunded', refundedMinor: 309_600, amountMinor: 309_600 }]);
    expect(detail.refundableMinor).toBe(0);
    expect(detail.refunds.map((refund: { amountMinor: number }) => refund.amountMinor)).toEqual([50_000, 259_600]);
    expect(detail.events.filter((event: { kind: string }) => event.kind === 'refund')).toHaveLength(2);
    await rig.smtp.waitFor(
      (m) => m.parsed.subject === `Återbetalning för order WG-${order.number}` && /2\s596,00/.test(m.parsed.text ?? ''),
    );
    const audit = await sql<{ n: number }>`
      select count(*) as n from audit.entries where entity_id = ${order.id} and action = 'commerce.order.refund'`.execute(
      rig.node.platform.db,
    );
    expect(Number(audit.rows[0]?.n)).toBe(4);
  });

  it('never gives back more than was paid, even to concurrent refunds', async () => {
    const order = await rig.placePaid();
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        post(`/api/commerce/orders/${order.id}/refunds`, { amountMinor: 100_000 }, { 'idempotency-key': `c${index}` }),
      ),
    );
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 201, 201, 422, 422]);
    await rig.standin.settle();
    const detail = (await get(`/api/commerce/orders/${order.id}`)).json();
    expect(detail.payments).toMatchObject([{ status: 'partially_refunded', refundedMinor: 300_000 }]);
    expect(detail.refundableMinor).toBe(9_600);
  });

  it('counts a refund the provider made, still pending here, once and not twice', async () => {
    const order = await rig.placePaid();
    const [payment] = (await get(`/api/commerce/orders/${order.id}`)).json().payments;
    // Between a concurrent refund's provider call and its own transaction: the provider's webhook has already
    // brought in its figure, which counts the refund that is still pending here.
    await sql`insert into commerce.refunds (id, payment_id, order_id, request_key, amount_minor, currency, created_by_name)
      values (gen_random_uuid(), ${payment.id}, ${order.id}, 'in-flight', 100000, 'SEK', 'admin')`.execute(
      rig.node.platform.db,
    );
    await sql`update commerce.payments set refunded_minor = 100000, status = 'partially_refunded'
      where id = ${payment.id}`.execute(rig.node.platform.db);
    const rest = await post(
      `/api/commerce/orders/${order.id}/refunds`,
      { amountMinor: 209_600 },
      { 'idempotency-key': 'rest' },
    );
    expect(rest.statusCode).toBe(201);
    const beyond = await post(
      `/api/commerce/orders/${order.id}/refunds`,
      { amountMinor: 1 },
      { 'idempotency-key': 'beyond' },
    );
    expect(beyond.json()).toMatchObject({ status: 409, code: 'commerce.nothing_to_refund' });
  });

  it('cancels an unpaid order and gives its stock back; cancels a paid one with its money back', async () => {
    const unpaid = await rig.place();
    const cancelled = await rig.part.admin.cancel(guestContext(), unpaid.id, 'Kunden ångrade sig');
    expect(cancelled.status).toBe('cancelled');
    // The second line had one of its two units backordered: only one came from the shelf.
    expect(rig.restored.slice(-2)).toEqual([
      expect.objectContaining({ sku: 'PROP-YF40-13X11', quantity: 1 }),
      expect.objectContaining({ sku: 'VEST-150N-L', quantity: 1 }),
    ]);
    await expect(rig.part.admin.cancel(guestContext(), unpaid.id)).rejects.toMatchObject({
      status: 409,
      code: 'commerce.bad_transition',
    });

    const paid = await rig.placePaid();
    const done = await rig.part.admin.cancel(guestContext(), paid.id);
    expect(done).toMatchObject({ status: 'cancelled', refundableMinor: 0 });
    expect(done.refunds).toMatchObject([{ amountMinor: 309_600, status: 'succeeded' }]);
    const mail = await rig.smtp.waitFor((m) => m.parsed.subject === `Återbetalning för order WG-${paid.number}`);
    expect(mail.parsed.text).toContain('Ordern är avbruten.');
  });

  it('takes a delivered order back and ends it as refunded when all money is back', async () => {
    const order = await rig.placePaid();
    await post(`/api/commerce/orders/${order.id}/ship`, { trackingNumber: 'DHL-1' });
    await post(`/api/commerce/orders/${order.id}/deliver`);
    expect((await post(`/api/commerce/orders/${order.id}/return`, { note: 'Fel storlek' })).json().status).toBe(
      'returned',
    );
    const first = await post(
      `/api/commerce/orders/${order.id}/refunds`,
      { amountMinor: 100_000 },
      { 'idempotency-key': 'r1' },
    );
    expect(first.statusCode).toBe(201);
    expect(await rig.orderStatus(order.id)).toBe('returned');
    const second = await post(`/api/commerce/orders/${order.id}/refunds`, {}, { 'idempotency-key': 'r2' });
    expect(second.statusCode).toBe(201);
    expect(await rig.orderStatus(order.id)).toBe('refunded');
    const refunded = (await get(`/api/commerce/orders/${order.id}`)).json();
    expect(refunded.nextStatuses).toEqual([]);
    expect(refunded.refundedAt).not.toBeNull();
  });

  it('clears a manual review', async () => {
    const order = await rig.place();
    await rig.node.platform.transaction((trx) =>
      rig.part.orders.flagForReview(trx, guestContext(), order.id, 'Belopp stämmer inte'),
    );
    expect(
      (await get('/api/commerce/orders?review=true')).json().items.map((item: { id: string }) => item.id),
    ).toContain(order.id);
    const resolved = (
      await post(`/api/commerce/orders/${order.id}/review/resolve`, { note: 'Kontrollerat med banken' })
    ).json();
    expect(resolved.reviewReason).toBeNull();
    expect(resolved.events.filter((event: { kind: string }) => event.kind === 'review')).toHaveLength(2);
  });

  it('finds customers by name and e-mail, with their orders', async () => {
    const found = (await get('/api/commerce/customers?q=erik%20lund')).json();
    expect(found.items).toHaveLength(1);
    const detail = (await get(`/api/commerce/customers/${found.items[0].id}`)).json();
    expect(detail).toMatchObject({ email: 'erik.lund@example.org', userId: null, kind: 'person' });
    expect(detail.orders).toHaveLength(1);
    // Letters beyond ASCII match whatever their case, on PGlite (no ICU) as on PostgreSQL.
    const base = draftOf();
    await rig.place({ ...base, customer: { ...base.customer, name: 'Åsa Öberg', email: 'asa.oberg@example.org' } });
    expect((await get('/api/commerce/customers?q=%C3%A5sa')).json().items.map((c: { name: string }) => c.name)).toEqual(
      ['Åsa Öberg'],
    );
    expect((await get('/api/commerce/orders?q=%C3%96BERG')).json().items).toHaveLength(1);
    const byService = await rig.part.customers.findByEmail(guestContext(), 'ERIK.LUND@example.org');
    expect(byService.map((customer) => customer.id)).toEqual([found.items[0].id]);
    const orders = await rig.part.customers.orders(guestContext(), found.items[0].id);
    expect(orders.items[0]?.email).toBe('erik.lund@example.org');
  });
});

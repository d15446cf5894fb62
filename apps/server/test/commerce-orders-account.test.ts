import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftOf, type ShopRig, startShopRig } from './commerce-orders-fixtures.js';
import { describeEachStore } from './stores.js';
import type { Session } from './test-node.js';

const PASSWORD = 'segla till Vinga i maj';

describeEachStore('commerce accounts, receipts and reports', (store) => {
  let rig: ShopRig;
  beforeAll(async () => {
    rig = await startShopRig(store);
  });
  afterAll(async () => {
    await rig?.close();
  });

  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, session?: Session, payload?: object) =>
    rig.node.app.inject({ method, url, headers: session?.headers ?? {}, ...(payload && { payload }) });

  describe('customer accounts', () => {
    let karin: Session;
    let karinId: string;

    it('signs a customer up with their e-mail as the sign-in name and no roles', async () => {
      const created = await inject('POST', '/api/shop/account', undefined, {
        email: 'Karin.Berg@example.org',
        password: PASSWORD,
        name: 'Karin Berg',
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ username: 'karin.berg@example.org' });
      karinId = created.json().userId;
      karin = await rig.node.login('karin.berg@example.org', PASSWORD);
      const me = (await inject('GET', '/api/shop/account', karin)).json();
      expect(me).toMatchObject({
        userId: karinId,
        displayName: 'Karin Berg',
        customer: { email: 'karin.berg@example.org' },
      });
      expect((await inject('GET', '/api/commerce/orders', karin)).statusCode).toBe(403);
      const audit = await sql<{
        action: string;
      }>`select action from audit.entries where entity_id = ${karinId}`.execute(rig.node.platform.db);
      expect(audit.rows).toEqual([{ action: 'user.create' }]);
    });

    it('refuses a second account for one address, an address that cannot be a sign-in name, a short password', async () => {
      const again = await inject('POST', '/api/shop/account', undefined, {
        email: 'KARIN.berg@example.org',
        password: PASSWORD,
        name: 'K',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'commerce.account_exists', errors: [{ path: 'body.email' }] });
      const plus = await inject('POST', '/api/shop/account', undefined, {
        email: 'karin+boat@example.org',
        password: PASSWORD,
        name: 'K',
      });
      expect(plus.statusCode).toBe(422);
      expect(plus.json().code).toBe('commerce.email_not_usable');
      const short = await inject('POST', '/api/shop/account', undefined, {
        email: 'olle@example.org',
        password: 'kort',
        name: 'Olle',
      });
      expect(short.statusCode).toBe(400);
      expect(short.json().errors[0].path).toBe('body.password');
    });

    it('shows the customer their own orders and receipts, and nobody else’s', async () => {
      const order = await rig.placeAndStart(draftOf({ userId: karinId, email: 'karin.berg@example.org' }));
      const list = (await inject('GET', '/api/shop/account/orders', karin)).json();
      expect(list.items.map((item: { id: string }) => item.id)).toEqual([order.id]);
      const mine = (await inject('GET', `/api/shop/account/orders/${order.id}`, karin)).json();
      expect(mine).toMatchObject({
        status: 'created',
        history: [{ status: 'created' }],
        payment: { status: 'pending' },
      });
      expect(mine.reviewReason).toBeUndefined();
      expect(mine.events).toBeUndefined();

      const unpaid = await inject('GET', `/api/shop/account/orders/${order.id}/receipt.pdf`, karin);
      expect(unpaid.statusCode).toBe(409);
      expect(unpaid.json().code).toBe('commerce.no_receipt_yet');
      await rig.standin.pay(order.sessionId, '4242 4242 4242 4242');
      await rig.standin.settle();
      const receipt = await inject('GET', `/api/shop/account/orders/${order.id}/receipt.pdf`, karin);
      expect(receipt.statusCode).toBe(200);
      expect(receipt.headers['content-type']).toBe('application/pdf');
      expect(receipt.headers['content-disposition']).toContain(`kvitto-WG-${order.number}.pdf`);
      expect(receipt.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

      const stranger = await rig.node.userWith([]);
      expect((await inject('GET', `/api/shop/account/orders/${order.id}`, stranger)).statusCode).toBe(404);
      expect((await inject('GET', `/api/shop/account/orders/${order.id}/receipt.pdf`, stranger)).statusCode).toBe(404);
      expect((await inject('GET', '/api/shop/account/orders', stranger)).json().items).toEqual([]);
      expect((await inject('GET', '/api/shop/account/orders')).statusCode).toBe(401);
    });

    it('keeps the customer’s addresses, one default of each kind', async () => {
      const address = {
        name: 'Karin Berg',
        line1: 'Sjövägen 1',
        postalCode: '471 31',
        city: 'Skärhamn',
        country: 'se',
      };
      const home = await inject('POST', '/api/shop/account/addresses', karin, { ...address, defaultShipping: true });
      expect(home.statusCode).toBe(201);
      expect(home.json()).toMatchObject({ country: 'SE', defaultShipping: true, defaultBilling: false });
      const cabin = await inject('POST', '/api/shop/account/addresses', karin, {
        ...address,
        line1: 'Stugvägen 9',
        defaultShipping: true,
        defaultBilling: true,
      });
      let list = (await inject('GET', '/api/shop/account/addresses', karin)).json().items;
      expect(
        list.map((item: { line1: string; defaultShipping: boolean }) => [item.line1, item.defaultShipping]),
      ).toEqual([
        ['Sjövägen 1', false],
        ['Stugvägen 9', true],
      ]);
      const changed = await inject('PUT', `/api/shop/account/addresses/${home.json().id}`, karin, {
        ...address,
        city: 'Tjörn',
      });
      expect(changed.json().city).toBe('Tjörn');
      const stranger = await rig.node.userWith([]);
      expect((await inject('DELETE', `/api/shop/account/addresses/${cabin.json().id}`, stranger)).statusCode).toBe(404);
      expect((await inject('DELETE', `/api/shop/account/addresses/${cabin.json().id}`, karin)).statusCode).toBe(204);
      list = (await inject('GET', '/api/shop/account/addresses', karin)).json().items;
      expect(list).toHaveLength(1);
      expect(
        (await inject('POST', '/api/shop/account/addresses', karin, { ...address, country: 'Sweden' })).statusCode,
      ).toBe(400);
    });
  });

  describe('guests', () => {
    it('read their order and receipt with the token of their link, and nothing without it', async () => {
      const order = await rig.placePaid();
      const view = await inject('GET', `/api/shop/orders/${order.id}?token=${order.accessToken}`);
      expect(view.statusCode).toBe(200);
      expect(view.json()).toMatchObject({
        status: 'paid',
        displayNumber: `WG-${order.number}`,
        payment: { status: 'captured' },
      });
      const wrong = await inject('GET', `/api/shop/orders/${order.id}?token=${'x'.repeat(32)}`);
      expect(wrong.statusCode).toBe(404);
      expect((await inject('GET', `/api/shop/orders/${order.id}`)).statusCode).toBe(400);
      const receipt = await inject('GET', `/api/shop/orders/${order.id}/receipt.pdf?token=${order.accessToken}`);
      expect(receipt.statusCode).toBe(200);
      expect(receipt.rawPayload.length).toBeGreaterThan(1000);
    });
  });

  describe('reports', () => {
    let reporter: Session;
    beforeAll(async () => {
      reporter = await rig.node.userWith(['commerce.reports']);
    });

    /** An order paid at a given instant (the report reads paid_at). */
    async function paidAt(instant: string, draft = draftOf()) {
      const order = await rig.place(draft);
      await sql`update commerce.orders set status = 'paid', paid_at = ${new Date(instant)} where id = ${order.id}`.execute(
        rig.node.platform.db,
      );
      return order;
    }

    it('counts sales per Stockholm day and currency, with VAT and net', async () => {
      // 23:30 UTC on 28 March is 00:30 on the 29th in Stockholm.
      await paidAt('2025-03-28T23:30:00Z');
      await paidAt('2025-03-28T12:00:00Z');
      await paidAt('2025-03-29T10:00:00Z');
      const report = await inject('GET', '/api/commerce/reports/sales?from=2025-03-28&to=2025-03-29', reporter);
      expect(report.statusCode).toBe(200);
      const total = draftOf().totals;
      expect(report.json()).toMatchObject({
        timeZone: 'Europe/Stockholm',
        days: [
          { day: '2025-03-28', currency: 'SEK', orders: 1, totalMinor: total.totalMinor, vatMinor: total.vatMinor },
          {
            day: '2025-03-29',
            currency: 'SEK',
            orders: 2,
            totalMinor: 2 * total.totalMinor,
            netMinor: 2 * (total.totalMinor - total.vatMinor),
          },
        ],
        totals: [{ currency: 'SEK', orders: 3, totalMinor: 3 * total.totalMinor, refundedMinor: 0 }],
      });
      expect(
        (await inject('GET', '/api/commerce/reports/sales?from=2025-03-29&to=2025-03-28', reporter)).statusCode,
      ).toBe(400);
      expect(
        (
          await inject(
            'GET',
            '/api/commerce/reports/sales?from=2025-03-28&to=2025-03-29',
            await rig.node.userWith(['commerce.orders']),
          )
        ).statusCode,
      ).toBe(403);
    });

    it('ranks products by revenue or by units', async () => {
      const [propeller, vest] = draftOf().lines;
      const anchor = draftOf({
        lines: [
          { ...(propeller as NonNullable<typeof propeller>), productId: '00000000-0000-4000-8000-0000000000a1' },
          { ...(vest as NonNullable<typeof vest>), productId: '00000000-0000-4000-8000-0000000000a2' },
        ],
      });
      await paidAt('2025-05-10T09:00:00Z', anchor);
      await paidAt('2025-05-11T09:00:00Z', anchor);
      const byRevenue = (
        await inject('GET', '/api/commerce/reports/top-products?from=2025-05-01&to=2025-05-31', reporter)
      ).json();
      expect(
        byRevenue.items.map((item: { name: string; quantity: number; revenueMinor: number; orders: number }) => [
          item.name,
          item.quantity,
          item.revenueMinor,
          item.orders,
        ]),
      ).toEqual([
        ['Flytväst 150N', 4, 339_600, 2],
        ['Aluminiumpropeller 13 × 11 för Yamaha F40', 2, 259_800, 2],
      ]);
      const byUnits = (
        await inject(
          'GET',
          '/api/commerce/reports/top-products?from=2025-05-01&to=2025-05-31&by=quantity&limit=1',
          reporter,
        )
      ).json();
      expect(byUnits.items).toHaveLength(1);
      expect(byUnits.items[0].quantity).toBe(4);
    });
  });
});

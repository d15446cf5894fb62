import { createHash, randomUUID } from 'node:crypto';
import type { ShopCart } from '@kontor/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CART_EXPIRY_JOB } from '../src/commerce/checkout/checkout-part.js';
import { type ShopNode, startShopNode, TEST_RATE_LIMIT } from './commerce-checkout-fixtures.js';
import { describeEachStore } from './stores.js';
import { expectStatus } from './test-node.js';

describeEachStore('commerce checkout: the cart', (store) => {
  let shop: ShopNode;
  let release: () => Promise<void>;

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    shop = await startShopNode(created.location);
  });
  afterAll(async () => {
    await shop?.close();
    await release?.();
  });

  const db = () => shop.node.platform.db;
  const cartOf = (response: { json(): unknown }) => response.json() as ShopCart;

  it('gives a guest a priced cart behind an httpOnly, SameSite=Lax cookie whose token is stored only hashed', async () => {
    const guest = shop.shopper();
    const empty = cartOf(await expectStatus(guest.cart(), 200));
    expect(empty).toMatchObject({ id: null, currency: 'SEK', lines: [], totals: { totalMinor: 0 } });
    expect(guest.cartCookie).toBeNull();

    const added = cartOf(await expectStatus(guest.add('T-PROP-13X17', 2), 200));
    expect(guest.lastSetCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(guest.lastSetCookie?.secure).toBeFalsy();
    expect(guest.cartCookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const token = guest.cartCookie as string;
    const rows = await sql<{
      token_hash: string;
    }>`select token_hash from commerce.carts where id = ${added.id}`.execute(db());
    expect(rows.rows[0]?.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    const leaked = await sql`select 1 from commerce.carts where token_hash = ${token}`.execute(db());
    expect(leaked.rows).toHaveLength(0);

    expect(added.lines).toEqual([
      expect.objectContaining({
        sku: 'T-PROP-13X17',
        name: 'Propeller 13 x 17 för Yamaha F40',
        quantity: 2,
        unitPriceMinor: 149_900,
        regularPriceMinor: 149_900,
        lowestPrice30dMinor: null,
        vatRateBp: 2500,
        lineTotalMinor: 299_800,
        discountMinor: 0,
        totalMinor: 299_800,
        vatMinor: 59_960,
        weightGrams: 2_500,
        bulky: false,
        availability: { status: 'in_stock', onHand: 10 },
      }),
    ]);
    // A second add of the same SKU adds up.
    const again = cartOf(await expectStatus(guest.add('T-PROP-13X17', 1), 200));
    expect(again.id).toBe(added.id);
    expect(again.lines[0]?.quantity).toBe(3);
    // VAT per rate, with a line at 6 %.
    const mixed = cartOf(await expectStatus(guest.add('T-BOOK-CHARTS', 1), 200));
    expect(mixed.totals).toMatchObject({
      itemCount: 4,
      subtotalMinor: 3 * 149_900 + 49_900,
      totalMinor: 3 * 149_900 + 49_900,
      vatByRate: [
        { rateBp: 2500, baseMinor: 359_760, vatMinor: 89_940 },
        { rateBp: 600, baseMinor: 47_075, vatMinor: 2_825 },
      ],
      vatMinor: 89_940 + 2_825,
      weightGrams: 3 * 2_500 + 1_200,
      bulky: false,
    });
    // The cookie opens the same cart on the next visit.
    expect(cartOf(await guest.cart()).id).toBe(added.id);
  });

  it('refuses zero, negative, fractional and too large quantities with 400 and the field path', async () => {
    const guest = shop.shopper();
    for (const quantity of [0, -3, 1.5, 1000]) {
      const response = await guest.add('T-LURE-RED', quantity);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.quantity' }] });
    }
    await expectStatus(guest.add('T-LURE-RED', 1), 200);
    const patch = await guest.send('PATCH', '/api/shop/cart/lines/T-LURE-RED', { quantity: -1 });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().errors[0].path).toBe('body.quantity');
    // 999 per line at most, counting what is there.
    await expectStatus(guest.send('PATCH', '/api/shop/cart/lines/T-LURE-RED', { quantity: 999 }), 200);
    const over = await guest.add('T-LURE-RED', 1);
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ code: 'commerce.quantity_too_large', errors: [{ path: 'body.quantity' }] });
  });

  it('refuses unknown and unpublished SKUs with 422 commerce.unknown_sku, creating no cart', async () => {
    const guest = shop.shopper();
    for (const sku of ['NO-SUCH-SKU', 'T-DRAFT']) {
      const response = await guest.add(sku, 1);
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ code: 'commerce.unknown_sku', errors: [{ path: 'body.sku' }] });
    }
    expect(guest.cartCookie).toBeNull();
    const malformed = await guest.add('<script>', 1);
    expect(malformed.statusCode).toBe(400);
  });

  it('refuses a price in the request: the server prices the cart', async () => {
    const guest = shop.shopper();
    const response = await guest.send('POST', '/api/shop/cart/lines', {
      sku: 'T-LURE-RED',
      quantity: 1,
      unitPriceMinor: 1,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'commerce.price_fields_refused',
      errors: [{ path: 'body.unitPriceMinor' }],
    });
    const stranger = await guest.send('POST', '/api/shop/cart/lines', {
      sku: 'T-LURE-RED',
      quantity: 1,
      colour: 'red',
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors[0]).toMatchObject({ path: 'body.colour', code: 'unrecognized_keys' });
  });

  it('changes and removes lines, and empties the cart', async () => {
    const guest = shop.shopper();
    await expectStatus(guest.add('T-LURE-RED', 2), 200);
    await expectStatus(guest.add('T-PROP-13X17', 1), 200);
    const changed = cartOf(
      await expectStatus(guest.send('PATCH', '/api/shop/cart/lines/T-LURE-RED', { quantity: 5 }), 200),
    );
    expect(changed.lines.map((line) => [line.sku, line.quantity])).toEqual([
      ['T-LURE-RED', 5],
      ['T-PROP-13X17', 1],
    ]);
    const removed = cartOf(await expectStatus(guest.send('DELETE', '/api/shop/cart/lines/T-LURE-RED'), 200));
    expect(removed.lines.map((line) => line.sku)).toEqual(['T-PROP-13X17']);
    expect((await guest.send('DELETE', '/api/shop/cart/lines/T-LURE-RED')).statusCode).toBe(404);
    expect((await guest.send('PATCH', '/api/shop/cart/lines/T-BOOK-CHARTS', { quantity: 1 })).statusCode).toBe(404);
    const emptied = cartOf(await expectStatus(guest.send('DELETE', '/api/shop/cart'), 200));
    expect(emptied.lines).toEqual([]);
    expect(emptied.id).toBe(removed.id);
  });

  it('switches currency among those sold, and refuses one the shop does not sell in', async () => {
    const guest = shop.shopper();
    await expectStatus(guest.add('T-PROP-13X17', 1), 200);
    await expectStatus(guest.add('T-BOOK-CHARTS', 1), 200);
    const euro = cartOf(await expectStatus(guest.send('PUT', '/api/shop/cart/currency', { currency: 'EUR' }), 200));
    expect(euro.currency).toBe('EUR');
    expect(euro.currencies).toEqual(expect.arrayContaining(['SEK', 'EUR']));
    expect(euro.currencies).not.toContain('NOK');
    expect(euro.lines.map((line) => [line.sku, line.unitPriceMinor])).toEqual([['T-PROP-13X17', 13_900]]);
    // The chart book has no euro price: it is set aside, named, not lost.
    expect(euro.unavailableLines).toEqual([{ sku: 'T-BOOK-CHARTS', quantity: 1, reason: 'no_price' }]);
    for (const currency of ['NOK', 'USD']) {
      const refused = await guest.send('PUT', '/api/shop/cart/currency', { currency });
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'commerce.unsold_currency', errors: [{ path: 'body.currency' }] });
    }
    expect((await guest.send('PUT', '/api/shop/cart/currency', { currency: 'eur' })).statusCode).toBe(400);
    const back = cartOf(await expectStatus(guest.send('PUT', '/api/shop/cart/currency', { currency: 'SEK' }), 200));
    expect(back.unavailableLines).toEqual([]);
    expect(back.lines).toHaveLength(2);
  });

  it('shows a reduced price with its regular price and the lowest price of the previous 30 days', async () => {
    const listId = randomUUID();
    await sql`insert into commerce.price_lists (id, code, kind, name, starts_at, ends_at, priority)
      values (${listId}, ${`t-sale-${listId.slice(0, 8)}`}, 'sale', 'Båtmässan', now() - interval '1 day', now() + interval '7 days', 10)`.execute(
      db(),
    );
    await sql`insert into commerce.prices (id, price_list_id, variant_id, currency, amount_minor)
      values (${randomUUID()}, ${listId}, ${shop.fixture.variants.lure?.variantId}, 'SEK', 6900)`.execute(db());
    try {
      const guest = shop.shopper();
      const cart = cartOf(await expectStatus(guest.add('T-LURE-RED', 1), 200));
      expect(cart.lines[0]).toMatchObject({
        unitPriceMinor: 6_900,
        regularPriceMinor: 8_900,
        lowestPrice30dMinor: 8_900,
      });
    } finally {
      await sql`delete from commerce.price_lists where id = ${listId}`.execute(db());
    }
  });

  it("keeps a signed-in customer's cart on their account across devices", async () => {
    const customer = await shop.node.userWith([]);
    const phone = shop.shopper(customer);
    const added = cartOf(await expectStatus(phone.add('T-LURE-RED', 3), 200));
    // No guest cookie for a signed-in customer.
    expect(phone.cartCookie).toBeNull();
    const laptop = shop.shopper(await shop.node.login(customer.username, 'a long enough password'));
    const seen = cartOf(await expectStatus(laptop.cart(), 200));
    expect(seen.id).toBe(added.id);
    expect(seen.lines.map((line) => [line.sku, line.quantity])).toEqual([['T-LURE-RED', 3]]);
  });

  it('merges a guest cart into the customer’s when they sign in, and drops the guest cookie', async () => {
    const customer = await shop.node.userWith([]);
    await expectStatus(shop.shopper(customer).add('T-LURE-RED', 2), 200);
    const browser = shop.shopper();
    await expectStatus(browser.add('T-LURE-RED', 1), 200);
    await expectStatus(browser.add('T-PROP-13X17', 1), 200);
    const guestCookie = browser.cartCookie as string;
    browser.session = customer;
    const merged = cartOf(await expectStatus(browser.cart(), 200));
    expect(merged.lines.map((line) => [line.sku, line.quantity]).sort()).toEqual([
      ['T-LURE-RED', 3],
      ['T-PROP-13X17', 1],
    ]);
    expect(browser.cartCookie).toBeNull();
    const hash = createHash('sha256').update(guestCookie).digest('hex');
    expect((await sql`select 1 from commerce.carts where token_hash = ${hash}`.execute(db())).rows).toHaveLength(0);
    // A customer without a cart of their own simply takes the guest's.
    const newcomer = await shop.node.userWith([]);
    const other = shop.shopper();
    const guestCart = cartOf(await expectStatus(other.add('T-BOOK-CHARTS', 1), 200));
    other.session = newcomer;
    const adopted = cartOf(await expectStatus(other.add('T-LURE-RED', 1), 200));
    expect(adopted.id).toBe(guestCart.id);
    expect(adopted.lines).toHaveLength(2);
  });

  it('takes a discount code case-insensitively, applies it from its minimum order, and removes it', async () => {
    const guest = shop.shopper();
    await expectStatus(guest.add('T-LURE-RED', 1), 200);
    const below = cartOf(
      await expectStatus(guest.send('PUT', '/api/shop/cart/discount-code', { code: 'valkommen10' }), 200),
    );
    expect(below.discountCode).toEqual({ code: 'VALKOMMEN10', applied: false, reason: 'min_order' });
    expect(below.discounts).toEqual([]);
    const above = cartOf(await expectStatus(guest.add('T-PROP-13X17', 1), 200));
    expect(above.discountCode).toEqual({ code: 'VALKOMMEN10', applied: true, reason: null });
    expect(above.discounts).toEqual([
      expect.objectContaining({ kind: 'code', code: 'VALKOMMEN10', amountMinor: 15_880 }),
    ]);
    expect(above.totals.totalMinor).toBe(158_800 - 15_880);
    const unknown = await guest.send('PUT', '/api/shop/cart/discount-code', { code: 'NOPE-NOPE' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'commerce.unknown_discount_code', errors: [{ path: 'body.code' }] });
    const removed = cartOf(await expectStatus(guest.send('DELETE', '/api/shop/cart/discount-code'), 200));
    expect(removed.discountCode).toBeNull();
    expect(removed.totals.discountMinor).toBe(0);
  });

  it('rate-limits the public writes per client address (commerceRateLimitPerMinute), reads ten times as loosely', async () => {
    const busy = shop.shopper();
    const statuses: number[] = [];
    for (let i = 0; i <= TEST_RATE_LIMIT; i += 1) statuses.push((await busy.add('T-LURE-RED', 1)).statusCode);
    expect(statuses.slice(0, TEST_RATE_LIMIT).every((status) => status === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const limited = await busy.add('T-LURE-RED', 1);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await busy.cart()).statusCode).toBe(200);
    // Another address is not held back.
    expect((await shop.shopper().add('T-LURE-RED', 1)).statusCode).toBe(200);
  });

  it('deletes guest carts untouched for 30 days, and never a customer’s', async () => {
    const guest = shop.shopper();
    const stale = cartOf(await expectStatus(guest.add('T-LURE-RED', 1), 200));
    const customer = await shop.node.userWith([]);
    const own = cartOf(await expectStatus(shop.shopper(customer).add('T-LURE-RED', 1), 200));
    const fresh = cartOf(await expectStatus(shop.shopper().add('T-LURE-RED', 1), 200));
    await sql`update commerce.carts set updated_at = now() - interval '31 days' where id in (${stale.id}, ${own.id})`.execute(
      db(),
    );
    expect(await shop.node.platform.jobs.runNow(CART_EXPIRY_JOB)).toBe('ran');
    const left = await sql<{
      id: string;
    }>`select id from commerce.carts where id in (${stale.id}, ${own.id}, ${fresh.id})`.execute(db());
    expect(left.rows.map((row) => row.id).sort()).toEqual([own.id, fresh.id].sort());
    // The old cookie now finds nothing, and a new cart starts.
    const after = cartOf(await expectStatus(guest.cart(), 200));
    expect(after.id).toBeNull();
  });
});

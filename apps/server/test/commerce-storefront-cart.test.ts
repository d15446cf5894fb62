import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SearchIndex } from '../src/commerce/search/search-index.js';
import { type StorefrontFixture, seedStorefrontFixture } from './commerce-storefront-fixtures.js';
import { describeEachStore } from './stores.js';
import { startTestNode, type TestNode } from './test-node.js';

/** The header's cart link: its accessible name and the number its badge shows. */
function cartLink(body: string) {
  const link =
    /<a class="cart" href="[^"]*" aria-label="([^"]*)"[^>]*>.*?<span class="count"[^>]*>([^<]*)<\/span><\/a>/s.exec(
      body,
    );
  return { label: link?.[1], badge: link?.[2] };
}

/** The facet panel's disclosures, by the label of each, and whether it starts open. */
function facets(body: string) {
  return Object.fromEntries(
    [...body.matchAll(/<details class="facet" data-facet( open)?><summary>([^<]*)<\/summary>/g)].map((match) => [
      match[2],
      Boolean(match[1]),
    ]),
  );
}

describeEachStore('commerce storefront: the cart count in the header, collapsible facets', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;
  let fx: StorefrontFixture;

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location, { demo: false });
    fx = await seedStorefrontFixture(node.platform.db);
    const ids = await sql<{ id: string }>`select id from commerce.products`.execute(node.platform.db);
    await new SearchIndex(node.platform).reindex(
      node.platform.db,
      ids.rows.map((row) => row.id),
    );
  });
  afterAll(async () => {
    await node?.close();
    await release?.();
  });

  const get = (url: string, headers: Record<string, string> = {}) => node.app.inject({ method: 'GET', url, headers });
  const pages = () => [
    '/shop',
    `/shop/c/${fx.categorySlug}`,
    '/shop/search?q=propeller',
    `/shop/p/${fx.propellerSlug}`,
  ];
  /** Puts units of a SKU in the cart of whoever sends `cookie`; answers the cookie that now opens the cart. */
  const add = async (cookie: string, sku: string, quantity: number, headers: Record<string, string> = {}) => {
    const response = await node.app.inject({
      method: 'POST',
      url: '/api/shop/cart/lines',
      headers: { ...(cookie ? { cookie } : {}), ...headers },
      payload: { sku, quantity },
    });
    expect(response.statusCode, response.body).toBe(200);
    const set = response.cookies.find((entry) => entry.name === 'kontor_cart');
    return set ? `kontor_cart=${set.value}` : cookie;
  };

  it('shows a visitor without a cart 0 items on every page, in the page’s language', async () => {
    for (const page of pages()) {
      const response = await get(page);
      expect(response.statusCode, page).toBe(200);
      expect(cartLink(response.body), page).toEqual({ label: 'Varukorg, 0 varor', badge: '0' });
      // The badge is for the eye; the link's name says it in words.
      expect(response.body).toContain('<span class="count" aria-hidden="true" data-cart-count>0</span>');
    }
    expect(cartLink((await get('/shop?lang=en')).body)).toEqual({ label: 'Cart, 0 items', badge: '0' });
  });

  it('counts the units in a guest’s cart on every page, and the page’s script has the words to update it', async () => {
    const cookie = await add('', fx.skus.pitch13, 2);
    await add(cookie, fx.skus.anchor, 1);
    for (const page of pages())
      expect(cartLink((await get(page, { cookie })).body), page).toEqual({ label: 'Varukorg, 3 varor', badge: '3' });
    const english = (await get(`/shop/p/${fx.propellerSlug}?lang=en`, { cookie })).body;
    expect(cartLink(english)).toEqual({ label: 'Cart, 3 items', badge: '3' });
    expect(english).toContain('data-label-one="Cart, 1 item" data-label-many="Cart, {n} items"');

    const single = await add('', fx.skus.anchor, 1);
    expect(cartLink((await get('/shop', { cookie: single })).body)).toEqual({ label: 'Varukorg, 1 vara', badge: '1' });
  });

  it('counts a signed-in customer’s cart, with a guest cart they bring along as it will merge', async () => {
    const customer = await node.userWith([]);
    await add(customer.cookie, fx.skus.pitch13, 1, { 'x-csrf-token': customer.csrf });
    expect(cartLink((await get('/shop', { cookie: customer.cookie })).body).badge).toBe('1');

    const guest = await add('', fx.skus.pitch13, 4);
    const both = `${customer.cookie}; ${guest}`;
    expect(cartLink((await get('/shop/search?q=propeller', { cookie: both })).body)).toEqual({
      label: 'Varukorg, 5 varor',
      badge: '5',
    });
    // The cart API merges them into one cart of the same count.
    const cart = await node.app.inject({ method: 'GET', url: '/api/shop/cart', headers: { cookie: both } });
    expect(cart.json().lines).toEqual([expect.objectContaining({ sku: fx.skus.pitch13, quantity: 5 })]);
    expect(cartLink((await get('/shop', { cookie: customer.cookie })).body).badge).toBe('5');
  });

  it('keeps pages out of shared caches, and lets a crawler revalidate a page cheaply', async () => {
    const first = await get(`/shop/p/${fx.propellerSlug}`);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(first.headers.vary).toBe('Accept-Language, Cookie, Accept-Encoding');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.cookies).toEqual([]);

    const again = await get(`/shop/p/${fx.propellerSlug}`, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // Someone with a cart sees another page, so the crawler's validator does not fit theirs.
    const cookie = await add('', fx.skus.anchor, 2);
    const theirs = await get(`/shop/p/${fx.propellerSlug}`, { cookie, 'if-none-match': etag });
    expect(theirs.statusCode).toBe(200);
    expect(cartLink(theirs.body).badge).toBe('2');
  });

  it('makes each facet a disclosure, open when something in it is chosen', async () => {
    const plain = facets((await get('/shop/search?q=propeller')).body);
    expect(Object.keys(plain)).toEqual(expect.arrayContaining(['Varumärke', 'Passar till', 'Pris']));
    expect(Object.values(plain).every((open) => !open)).toBe(true);

    const model = facets((await get('/shop/search?q=propeller&facet.fitment=yamaha-f40')).body);
    // The chosen model's facet, and its model years (the next choice), open; the rest stay closed.
    expect(model).toMatchObject({ 'Passar till': true, Årsmodell: true, Varumärke: false, Pris: false });

    const branded = (await get(`/shop/c/${fx.categorySlug}?facet.brand=solas&facet.price=0-200000`)).body;
    expect(facets(branded)).toMatchObject({ Varumärke: true, Pris: true, 'Passar till': false });
    // The panel itself is open on a filtered view; the script opens every facet on a wide screen.
    expect(branded).toContain('<details class="facets" data-facets open><summary>Filtrera</summary>');
  });
});

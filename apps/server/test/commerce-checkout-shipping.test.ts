import type { ShippingTables } from '@kontor/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedCheckoutDemo } from '../src/commerce/checkout/seed-demo.js';
import { type ShopNode, startShopNode } from './commerce-checkout-fixtures.js';
import { describeEachStore } from './stores.js';
import { expectStatus } from './test-node.js';

describeEachStore('commerce checkout: shipping from rate tables', (store) => {
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

  const count = async (table: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(shop.node.platform.db))
      .rows[0]?.n;

  it('offers parcel and freight for an ordinary cart, priced by weight and currency with 25 % VAT', async () => {
    const guest = shop.shopper();
    await expectStatus(guest.add('T-PROP-13X17', 1), 200);
    const options = (await expectStatus(guest.send('GET', '/api/shop/shipping-options?country=se'), 200)).json();
    expect(options).toMatchObject({ country: 'SE', zone: 'se', currency: 'SEK', weightGrams: 2_500, bulky: false });
    expect(options.options.map((o: { code: string; amountMinor: number }) => [o.code, o.amountMinor])).toEqual([
      ['postnord-parcel', 7_900],
      ['dhl-express', 14_900],
      ['home-delivery', 39_500],
    ]);
    expect(options.options[0]).toMatchObject({
      kind: 'parcel',
      carrier: 'PostNord',
      name: 'PostNord MyPack Collect',
      scheduled: false,
      vatRateBp: 2500,
      vatMinor: 1_580,
    });
    // Heavier than every parcel bracket: freight only.
    await expectStatus(guest.send('PATCH', '/api/shop/cart/lines/T-PROP-13X17', { quantity: 13 }), 200);
    const heavy = (await guest.send('GET', '/api/shop/shipping-options?country=SE')).json();
    expect(heavy.options.map((o: { code: string }) => o.code)).toEqual(['home-delivery']);
    // In euros, to Finland.
    await expectStatus(guest.send('PATCH', '/api/shop/cart/lines/T-PROP-13X17', { quantity: 1 }), 200);
    await expectStatus(guest.send('PUT', '/api/shop/cart/currency', { currency: 'EUR' }), 200);
    const finland = (await guest.send('GET', '/api/shop/shipping-options?country=FI')).json();
    expect(finland).toMatchObject({ zone: 'nordics', currency: 'EUR' });
    expect(finland.options.map((o: { code: string; amountMinor: number }) => [o.code, o.amountMinor])).toEqual([
      ['postnord-parcel', 2_000],
      ['dhl-express', 2_900],
    ]);
  });

  it('offers only scheduled delivery when a bulky product is in the cart', async () => {
    const guest = shop.shopper();
    await expectStatus(guest.add('T-BOAT-460', 1), 200);
    await expectStatus(guest.add('T-LURE-RED', 2), 200);
    const options = (await expectStatus(guest.send('GET', '/api/shop/shipping-options?country=SE'), 200)).json();
    expect(options.bulky).toBe(true);
    expect(options.options).toEqual([
      expect.objectContaining({ code: 'scheduled-bulky', kind: 'scheduled', scheduled: true, amountMinor: 299_500 }),
    ]);
    // The rest of the EU has no scheduled delivery: nothing can take a boat there.
    const germany = (await guest.send('GET', '/api/shop/shipping-options?country=DE')).json();
    expect(germany).toMatchObject({ zone: 'eu', options: [] });
  });

  it('answers no options for a country outside every zone, and 400 for a malformed one', async () => {
    const guest = shop.shopper();
    const none = (await expectStatus(guest.send('GET', '/api/shop/shipping-options?country=US'), 200)).json();
    expect(none).toMatchObject({ country: 'US', zone: null, options: [] });
    const bad = await guest.send('GET', '/api/shop/shipping-options?country=Sweden');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('querystring.country');
  });

  it('offers the address forms the countries of zones with an active method', async () => {
    const answer = await expectStatus(shop.shopper().send('GET', '/api/shop/shipping-countries'), 200);
    expect(answer.headers['cache-control']).toBe('public, max-age=300');
    const { countries } = answer.json() as { countries: string[] };
    expect(countries).toEqual(expect.arrayContaining(['SE', 'FI', 'NO', 'DE']));
    expect(countries).not.toContain('US');
    expect(countries).toEqual([...countries].sort());
  });

  it('lets those handling orders edit zones, methods and rates, audited, and no one else', async () => {
    const delivered = async () =>
      ((await shop.shopper().send('GET', '/api/shop/shipping-countries')).json() as { countries: string[] }).countries;
    const nobody = await shop.node.userWith([]);
    const marketer = await shop.node.userWith(['commerce.marketing']);
    const handler = await shop.node.userWith(['commerce.orders']);
    for (const session of [nobody, marketer]) {
      expect((await shop.node.app.inject({ url: '/api/commerce/shipping', headers: session.headers })).statusCode).toBe(
        403,
      );
    }
    expect((await shop.node.app.inject({ url: '/api/commerce/shipping' })).statusCode).toBe(401);
    const as = (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
      shop.node.app.inject({ method, url, headers: handler.headers, payload: payload as Record<string, unknown> });

    const created = (
      await expectStatus(
        as('POST', '/api/commerce/shipping/zones', {
          code: 'north-america',
          name: { sv: 'Nordamerika', en: 'North America' },
          countries: ['us', 'CA'],
        }),
        201,
      )
    ).json() as ShippingTables;
    const zone = created.zones.find((z) => z.code === 'north-america');
    expect(zone?.countries).toEqual(['CA', 'US']);
    // A zone without a method delivers nowhere yet.
    expect(await delivered()).not.toContain('US');
    const clash = await as('PUT', `/api/commerce/shipping/zones/${zone?.id}`, {
      code: 'north-america',
      name: { sv: 'Nordamerika', en: 'North America' },
      countries: ['US', 'SE'],
    });
    expect(clash.statusCode).toBe(422);
    expect(clash.json()).toMatchObject({
      code: 'commerce.country_in_other_zone',
      errors: [{ path: 'body.countries.1', message: 'SE is in zone se' }],
    });
    const withMethod = (
      await expectStatus(
        as('POST', '/api/commerce/shipping/methods', {
          zoneId: zone?.id,
          code: 'ups-standard',
          kind: 'parcel',
          carrier: 'UPS',
          name: { sv: 'UPS Standard', en: 'UPS Standard' },
        }),
        201,
      )
    ).json() as ShippingTables;
    const method = withMethod.zones.find((z) => z.code === 'north-america')?.methods[0];
    expect(await delivered()).toEqual(expect.arrayContaining(['CA', 'US']));
    const noRates = (await shop.shopper().send('GET', '/api/shop/shipping-options?country=US')).json();
    expect(noRates).toMatchObject({ zone: 'north-america', options: [] });
    const badRates = await as('PUT', `/api/commerce/shipping/methods/${method?.id}/rates`, {
      rates: [
        { currency: 'SEK', maxWeightGrams: 5000, amountMinor: 49_900 },
        { currency: 'SEK', maxWeightGrams: 5000, amountMinor: 59_900 },
        { currency: 'NOK', maxWeightGrams: null, amountMinor: 1 },
      ],
    });
    expect(badRates.statusCode).toBe(422);
    expect(badRates.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.rates.1.maxWeightGrams',
      'body.rates.2.currency',
    ]);
    await expectStatus(
      as('PUT', `/api/commerce/shipping/methods/${method?.id}/rates`, {
        rates: [
          { currency: 'SEK', maxWeightGrams: null, amountMinor: 99_900 },
          { currency: 'SEK', maxWeightGrams: 5000, amountMinor: 49_900 },
        ],
      }),
      200,
    );
    const guest = shop.shopper();
    await expectStatus(guest.add('T-LURE-RED', 1), 200);
    const offered = (await guest.send('GET', '/api/shop/shipping-options?country=US')).json();
    expect(offered.options).toEqual([expect.objectContaining({ code: 'ups-standard', amountMinor: 49_900 })]);

    await expectStatus(as('DELETE', `/api/commerce/shipping/zones/${zone?.id}`), 204);
    expect((await as('DELETE', `/api/commerce/shipping/zones/${zone?.id}`)).statusCode).toBe(404);
    expect(await delivered()).not.toContain('US');
    const audit = await sql<{ action: string; actor_name: string }>`
      select action, actor_name from audit.entries where entity = 'commerce.shipping' order by id`.execute(
      shop.node.platform.db,
    );
    expect(audit.rows.map((row) => row.action)).toEqual([
      'commerce.shipping_zone.create',
      'commerce.shipping_method.create',
      'commerce.shipping_rates.update',
      'commerce.shipping_zone.delete',
    ]);
    expect(new Set(audit.rows.map((row) => row.actor_name))).toEqual(new Set([handler.username]));
  });

  it('seeds the demo rate tables once, however often it runs', async () => {
    const before = [
      await count('commerce.shipping_zones'),
      await count('commerce.shipping_methods'),
      await count('commerce.shipping_rates'),
      await count('commerce.discount_codes'),
    ];
    await seedCheckoutDemo(shop.node.platform, shop.catalog);
    await seedCheckoutDemo(shop.node.platform, shop.catalog);
    const after = [
      await count('commerce.shipping_zones'),
      await count('commerce.shipping_methods'),
      await count('commerce.shipping_rates'),
      await count('commerce.discount_codes'),
    ];
    expect(after).toEqual(before);
    expect(before[0]).toBeGreaterThanOrEqual(3);
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PRICE_WINDOWS_JOB } from '../src/commerce/catalog/catalog-part.js';
import { type CatalogNode, propellerInput, startCatalogNode } from './commerce-catalog-fixtures.js';
import { describeEachStore } from './stores.js';

const RETAIL = '00000000-0000-4000-8000-00000000c0de';

describeEachStore('commerce catalog: prices, campaigns, price history, stock', (store) => {
  let c: CatalogNode;
  let release: () => Promise<void>;
  type Variant = { id: string; sku: string };
  let product: { id: string; variants: [Variant, Variant] };

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    c = await startCatalogNode(created.location);
    product = await c.ok(c.keeper, 'POST', '/api/commerce/products', propellerInput('p'));
  });
  afterAll(async () => {
    await c?.close();
    await release?.();
  });

  const db = () => c.node.platform.db;
  const history = async (variantId: string, currency = 'SEK') =>
    (
      await sql<{ amount_minor: number; regular_minor: number; effective_from: Date }>`
        select amount_minor, regular_minor, effective_from from commerce.price_history
        where variant_id = ${variantId} and currency = ${currency} order by effective_from`.execute(db())
    ).rows.map((row) => [row.amount_minor, row.regular_minor]);
  const price = (lines: Array<{ sku: string; quantity: number }>, currency = 'SEK', at?: Date) =>
    c.pricing.priceLines(db(), { currency, locale: 'sv', lines, at });
  const setPrices = (listId: string, variantId: string, prices: object[], session = c.keeper, currency = 'SEK') =>
    c.as(session, 'PUT', `/api/commerce/price-lists/${listId}/prices`, { variantId, currency, prices });

  it('audits every retail price change and records the price history of what consumers pay', async () => {
    const [p13] = product.variants;
    const saved = await setPrices(RETAIL, p13.id, [
      { amountMinor: 149_000 },
      { amountMinor: 129_000, minQuantity: 10 },
    ]);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().current).toEqual([
      { currency: 'SEK', unitPriceMinor: 149_000, regularPriceMinor: 149_000, lowestPrice30dMinor: null },
    ]);
    await setPrices(RETAIL, p13.id, [{ amountMinor: 139_000 }, { amountMinor: 129_000, minQuantity: 10 }]);
    const { entries } = await c.ok(
      c.node.admin,
      'GET',
      `/api/admin/audit?action=commerce.price.set&entityId=${p13.id}`,
    );
    expect(entries[0]).toMatchObject({
      before: { list: 'retail', sku: 'T-p-13', prices: [{ amountMinor: 149_000 }, { amountMinor: 129_000 }] },
      after: { list: 'retail', sku: 'T-p-13', prices: [{ amountMinor: 139_000 }, { amountMinor: 129_000 }] },
    });
    expect(await history(p13.id)).toEqual([
      [149_000, 149_000],
      [139_000, 139_000],
    ]);
    // The same prices again change nothing a consumer pays: no history row.
    await setPrices(RETAIL, p13.id, [{ amountMinor: 139_000 }, { amountMinor: 129_000, minQuantity: 10 }]);
    expect(await history(p13.id)).toHaveLength(2);

    const [one, ten] = await price([
      { sku: 'T-p-13', quantity: 1 },
      { sku: 'T-p-13', quantity: 10 },
    ]);
    expect(one).toMatchObject({
      unitPriceMinor: 139_000,
      regularPriceMinor: 139_000,
      vatRateBp: 2500,
      weightGrams: 2100,
    });
    expect(one?.name).toBe('Testpropeller p');
    expect(ten?.unitPriceMinor).toBe(129_000);
    const windows = await setPrices(RETAIL, p13.id, [
      { amountMinor: 1, validFrom: '2026-01-02T00:00:00Z', validTo: '2026-01-01T00:00:00Z' },
    ]);
    expect(windows.json().errors[0].path).toBe('body.prices.0.validTo');
  });

  it('lets only marketing run campaigns; the best running sale price wins and shows the 30-day lowest', async () => {
    const [p13] = product.variants;
    expect(
      (await c.as(c.keeper, 'POST', '/api/commerce/price-lists', { code: 'var', name: 'Vårrea' })).statusCode,
    ).toBe(403);
    const spring = await c.ok(c.marketer, 'POST', '/api/commerce/price-lists', {
      code: 'varrea',
      name: 'Vårrea',
      priority: 5,
    });
    const flash = await c.ok(c.marketer, 'POST', '/api/commerce/price-lists', {
      code: 'blixt',
      name: 'Blixtrea',
      priority: 9,
    });
    const refused = await setPrices(spring.id, p13.id, [{ amountMinor: 99_000 }]);
    expect(refused.statusCode).toBe(403);
    expect((await setPrices(spring.id, p13.id, [{ amountMinor: 99_000 }], c.marketer)).statusCode).toBe(200);
    // The campaign's page lists its prices with the SKU and product they are for.
    const listed = await c.ok(c.marketer, 'GET', `/api/commerce/price-lists/${spring.id}/prices`);
    expect(listed.prices).toEqual([
      expect.objectContaining({ sku: 'T-p-13', productId: product.id, currency: 'SEK', amountMinor: 99_000 }),
    ]);
    expect(listed.prices[0].productName.sv).toBe('Testpropeller p');
    const unknownList = await c.as(c.marketer, 'GET', `/api/commerce/price-lists/${p13.id}/prices`);
    expect(unknownList.statusCode).toBe(404);
    let [line] = await price([{ sku: 'T-p-13', quantity: 1 }]);
    expect(line).toMatchObject({ unitPriceMinor: 99_000, regularPriceMinor: 139_000, lowestPrice30dMinor: 139_000 });
    // Priority before price: the flash sale wins though dearer than the spring sale.
    await setPrices(flash.id, p13.id, [{ amountMinor: 119_000 }], c.marketer);
    [line] = await price([{ sku: 'T-p-13', quantity: 1 }]);
    expect(line?.unitPriceMinor).toBe(119_000);
    // A progressive campaign stays one reduction: its reference is the price before the first step.
    expect(line?.lowestPrice30dMinor).toBe(139_000);
    await c.ok(c.marketer, 'PATCH', `/api/commerce/price-lists/${flash.id}`, { active: false });
    [line] = await price([{ sku: 'T-p-13', quantity: 1 }]);
    expect(line?.unitPriceMinor).toBe(99_000);
    // A campaign never raises a price.
    await setPrices(spring.id, p13.id, [{ amountMinor: 150_000 }], c.marketer);
    [line] = await price([{ sku: 'T-p-13', quantity: 1 }]);
    expect(line).toMatchObject({ unitPriceMinor: 139_000, lowestPrice30dMinor: null });
    const retailOnly = await c.as(c.marketer, 'PATCH', `/api/commerce/price-lists/${RETAIL}`, { name: 'Ordinarie' });
    expect(retailOnly.statusCode).toBe(403);
    const fixed = await c.as(c.keeper, 'PATCH', `/api/commerce/price-lists/${RETAIL}`, { priority: 3 });
    expect(fixed.json().code).toBe('commerce.retail_fixed');
    await c.ok(c.marketer, 'DELETE', `/api/commerce/price-lists/${spring.id}`, undefined, 204);
  });

  it('records the start and end of a scheduled campaign once, at the moment it happened', async () => {
    const [, p14] = product.variants;
    await setPrices(RETAIL, p14.id, [{ amountMinor: 200_000 }]);
    const later = new Date(Date.now() + 86_400_000).toISOString();
    const autumn = await c.ok(c.marketer, 'POST', '/api/commerce/price-lists', {
      code: 'host',
      name: 'Höstrea',
      startsAt: later,
    });
    await setPrices(autumn.id, p14.id, [{ amountMinor: 150_000 }], c.marketer);
    expect(await history(p14.id)).toEqual([[200_000, 200_000]]);

    // Time passes: the campaign began just now, after the job last looked (and after the retail price was set).
    const began = new Date();
    await sql`update commerce.price_window_state set checked_until = ${new Date(began.getTime() - 60_000)}`.execute(
      db(),
    );
    await sql`update commerce.price_lists set starts_at = ${began} where id = ${autumn.id}`.execute(db());
    expect(await c.node.platform.jobs.runNow(PRICE_WINDOWS_JOB)).toBe('ran');
    expect(await history(p14.id)).toEqual([
      [200_000, 200_000],
      [150_000, 200_000],
    ]);
    const row = await sql<{
      effective_from: Date;
    }>`select max(effective_from) as effective_from from commerce.price_history
      where variant_id = ${p14.id}`.execute(db());
    expect(new Date(row.rows[0]?.effective_from as Date).getTime()).toBe(began.getTime());
    await sql`update commerce.price_window_state set checked_until = ${new Date(began.getTime() - 60_000)}`.execute(
      db(),
    );
    await c.node.platform.jobs.runNow(PRICE_WINDOWS_JOB);
    expect(await history(p14.id)).toHaveLength(2);

    const ended = new Date(Math.max(Date.now(), began.getTime() + 1));
    await sql`update commerce.price_lists set ends_at = ${ended} where id = ${autumn.id}`.execute(db());
    await sql`update commerce.price_window_state set checked_until = ${began}`.execute(db());
    await c.node.platform.jobs.runNow(PRICE_WINDOWS_JOB);
    expect(await history(p14.id)).toEqual([
      [200_000, 200_000],
      [150_000, 200_000],
      [200_000, 200_000],
    ]);
    const [line] = await price([{ sku: 'T-p-14', quantity: 1 }]);
    expect(line?.unitPriceMinor).toBe(200_000);
  });

  it('refuses to price what the shop does not sell, with the field that says why', async () => {
    const failure = async (work: Promise<unknown>) =>
      work.then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(await failure(price([{ sku: 'T-p-13', quantity: 1 }], 'USD'))).toMatchObject({
      status: 422,
      code: 'commerce.unsold_currency',
      extra: { errors: [{ path: 'currency' }] },
    });
    expect(
      await failure(
        price([
          { sku: 'T-p-13', quantity: 1 },
          { sku: 'NO-SUCH-SKU', quantity: 1 },
        ]),
      ),
    ).toMatchObject({ code: 'commerce.unknown_sku', extra: { errors: [{ path: 'lines.1.sku' }] } });
    expect(await failure(price([{ sku: 'T-p-13', quantity: -2 }]))).toMatchObject({
      code: 'commerce.invalid_quantity',
      extra: { errors: [{ path: 'lines.0.quantity' }] },
    });
    expect(await failure(price([{ sku: 'T-p-13', quantity: 1 }], 'EUR'))).toMatchObject({
      code: 'commerce.no_price',
      extra: { errors: [{ path: 'lines.0.sku' }] },
    });
    await c.ok(c.keeper, 'PATCH', `/api/commerce/products/${product.id}`, { status: 'draft' });
    expect(await failure(price([{ sku: 'T-p-13', quantity: 1 }]))).toMatchObject({ code: 'commerce.unknown_sku' });
    await c.ok(c.keeper, 'PATCH', `/api/commerce/products/${product.id}`, { status: 'published' });

    await c.ok(c.keeper, 'PUT', '/api/commerce/currencies/NOK', { active: false }, 200);
    expect(await failure(price([{ sku: 'T-p-13', quantity: 1 }], 'NOK'))).toMatchObject({
      code: 'commerce.unsold_currency',
    });
    const sek = await c.as(c.keeper, 'PUT', '/api/commerce/currencies/SEK', { active: false });
    expect(sek.json()).toMatchObject({ status: 409, code: 'commerce.base_currency' });
  });

  it('takes the VAT rate valid on the shop’s day', async () => {
    const food = await c.ok(c.keeper, 'POST', '/api/commerce/products', propellerInput('food', { vatClass: 'food' }));
    await setPrices(RETAIL, food.variants[0].id, [{ amountMinor: 10_000 }]);
    const at = (iso: string) => price([{ sku: 'T-food-13', quantity: 1 }], 'SEK', new Date(iso));
    expect((await at('2026-03-31T21:30:00Z'))[0]?.vatRateBp).toBe(1200);
    // 22:30 UTC on 31 March is 00:30 on 1 April in Stockholm (summer time): the new rate.
    expect((await at('2026-03-31T22:30:00Z'))[0]?.vatRateBp).toBe(600);
  });

  it('takes stock atomically: never below zero, backorder takes what is there, admins alerted once', async () => {
    const [p13, p14] = product.variants;
    const level = await c.ok(c.keeper, 'PUT', `/api/commerce/variants/${p13.id}/stock`, {
      onHand: 3,
      backorder: false,
      lowStockThreshold: 1,
    });
    expect(level).toMatchObject({ onHand: 3, availability: 'in_stock' });
    const take = (lines: Array<{ variantId: string; sku: string; quantity: number }>) =>
      c.node.platform.transaction((trx) => c.stock.take(trx, lines));
    expect(await take([{ variantId: p13.id, sku: p13.sku, quantity: 2 }])).toEqual([
      { variantId: p13.id, backordered: 0 },
    ]);
    const alert = await c.smtp.waitFor((mail) => mail.parsed.subject?.includes('T-p-13') ?? false);
    expect(alert.parsed.text).toContain('1');
    const short = await take([
      { variantId: p13.id, sku: p13.sku, quantity: 1 },
      { variantId: p14.id, sku: p14.sku, quantity: 1 },
    ]).catch((error: unknown) => error);
    expect(short).toMatchObject({
      status: 409,
      code: 'commerce.out_of_stock',
      extra: { errors: [{ path: 'lines.1.quantity', message: expect.stringContaining('only 0') }] },
    });
    const onHand = async (variantId: string) =>
      (await sql<{ on_hand: number }>`select on_hand from commerce.stock where variant_id = ${variantId}`.execute(db()))
        .rows[0]?.on_hand;
    expect(await onHand(p13.id)).toBe(1);
    await take([{ variantId: p13.id, sku: p13.sku, quantity: 1 }]);
    const alerts = await sql<{ n: number }>`select count(*)::int as n from platform.mail_queue
      where dedupe_key like ${`commerce.low_stock:${p13.id}:%`}`.execute(db());
    expect(alerts.rows[0]?.n).toBe(1);
    const low = await c.ok(c.keeper, 'GET', '/api/commerce/stock/low');
    expect(low.items.find((item: { sku: string }) => item.sku === 'T-p-13')).toMatchObject({ onHand: 0 });

    await c.node.platform.transaction((trx) =>
      c.stock.restore(trx, [{ variantId: p13.id, sku: p13.sku, quantity: 5 }]),
    );
    const restored = await sql<{ low_stock_alerted_at: Date | null }>`select low_stock_alerted_at from commerce.stock
      where variant_id = ${p13.id}`.execute(db());
    expect(restored.rows[0]?.low_stock_alerted_at).toBeNull();

    await c.ok(c.keeper, 'PUT', `/api/commerce/variants/${p14.id}/stock`, {
      onHand: 2,
      backorder: true,
      lowStockThreshold: 0,
    });
    expect(await take([{ variantId: p14.id, sku: p14.sku, quantity: 5 }])).toEqual([
      { variantId: p14.id, backordered: 3 },
    ]);
    expect(await onHand(p14.id)).toBe(0);
    const { entries } = await c.ok(
      c.node.admin,
      'GET',
      `/api/admin/audit?action=commerce.stock.set&entityId=${p14.id}`,
    );
    expect(entries[0].after).toMatchObject({ sku: 'T-p-14', onHand: 2, backorder: true });
  });

  it('sells the last item once when 20 checkouts race for it', async () => {
    const [p13] = product.variants;
    await c.ok(c.keeper, 'PUT', `/api/commerce/variants/${p13.id}/stock`, {
      onHand: 1,
      backorder: false,
      lowStockThreshold: 0,
    });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        c.node.platform.transaction((trx) => c.stock.take(trx, [{ variantId: p13.id, sku: p13.sku, quantity: 1 }])),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((result) => result.status === 'rejected');
    expect(refused).toHaveLength(19);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'commerce.out_of_stock' });
    const left = await sql<{
      on_hand: number;
    }>`select on_hand from commerce.stock where variant_id = ${p13.id}`.execute(db());
    expect(left.rows[0]?.on_hand).toBe(0);
  });
});

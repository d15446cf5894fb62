import type { DiscountRule, ShopCart } from '@kontor/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ShopNode, startShopNode } from './commerce-checkout-fixtures.js';
import { describeEachStore } from './stores.js';
import { expectStatus, type Session } from './test-node.js';

describeEachStore('commerce checkout: discounts and campaigns', (store) => {
  let shop: ShopNode;
  let release: () => Promise<void>;
  let marketer: Session & { username: string };

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    shop = await startShopNode(created.location);
    marketer = await shop.node.userWith(['commerce.marketing']);
  });
  afterAll(async () => {
    await shop?.close();
    await release?.();
  });

  const as = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, session = marketer) =>
    shop.node.app.inject({ method, url, headers: session.headers, payload: payload as Record<string, unknown> });
  const hour = 3_600_000;
  const window = (fromHours: number, toHours: number) => ({
    startsAt: new Date(Date.now() + fromHours * hour).toISOString(),
    endsAt: new Date(Date.now() + toHours * hour).toISOString(),
  });
  const cartOf = (response: { json(): unknown }) => response.json() as ShopCart;

  it('keeps discount codes: percent or amount per currency, case-insensitive and unique, audited', async () => {
    const handler = await shop.node.userWith(['commerce.orders']);
    expect((await as('GET', '/api/commerce/discounts/codes', undefined, handler)).statusCode).toBe(403);
    const created = await expectStatus(
      as('POST', '/api/commerce/discounts/codes', {
        code: 'Fiske20',
        description: 'Fiskeveckan',
        kind: 'percent',
        percentBp: 2000,
        ...window(-1, 24),
        usageLimit: 100,
      }),
      201,
    );
    expect(created.json()).toMatchObject({ code: 'Fiske20', percentBp: 2000, usedCount: 0, active: true });
    const twin = await as('POST', '/api/commerce/discounts/codes', {
      code: 'FISKE20',
      kind: 'percent',
      percentBp: 500,
    });
    expect(twin.statusCode).toBe(422);
    expect(twin.json()).toMatchObject({ code: 'commerce.discount_code_taken', errors: [{ path: 'body.code' }] });
    const noAmount = await as('POST', '/api/commerce/discounts/codes', { code: 'TOMT', kind: 'amount' });
    expect(noAmount.statusCode).toBe(400);
    expect(noAmount.json().errors[0].path).toBe('body.amounts');
    const unsold = await as('POST', '/api/commerce/discounts/codes', {
      code: 'NORGE100',
      kind: 'amount',
      amounts: { NOK: 10_000 },
    });
    expect(unsold.statusCode).toBe(422);
    expect(unsold.json()).toMatchObject({ code: 'commerce.unsold_currency', errors: [{ path: 'body.amounts.NOK' }] });
    const id = created.json().id;
    const updated = await expectStatus(
      as('PUT', `/api/commerce/discounts/codes/${id}`, { code: 'FISKE20', kind: 'percent', percentBp: 1500 }),
      200,
    );
    expect(updated.json()).toMatchObject({ code: 'FISKE20', percentBp: 1500, startsAt: null, usageLimit: null });
    const list = (await expectStatus(as('GET', '/api/commerce/discounts/codes'), 200)).json();
    expect(list.codes.map((c: { code: string }) => c.code)).toContain('FISKE20');
    await expectStatus(as('DELETE', `/api/commerce/discounts/codes/${id}`), 204);
    const audit = await sql<{ action: string }>`
      select action from audit.entries where entity = 'commerce.discount_codes' and entity_id = ${id} order by id`.execute(
      shop.node.platform.db,
    );
    expect(audit.rows.map((row) => row.action)).toEqual([
      'commerce.discount_code.create',
      'commerce.discount_code.update',
      'commerce.discount_code.delete',
    ]);
  });

  it('refuses a code outside its window or used up', async () => {
    await expectStatus(
      as('POST', '/api/commerce/discounts/codes', {
        code: 'VINTER',
        kind: 'percent',
        percentBp: 1000,
        ...window(-48, -24),
      }),
      201,
    );
    const later = await expectStatus(
      as('POST', '/api/commerce/discounts/codes', {
        code: 'NASTAAR',
        kind: 'percent',
        percentBp: 1000,
        ...window(24, 48),
      }),
      201,
    );
    const used = await expectStatus(
      as('POST', '/api/commerce/discounts/codes', { code: 'ENGANG', kind: 'percent', percentBp: 1000, usageLimit: 2 }),
      201,
    );
    await sql`update commerce.discount_codes set used_count = 2 where id = ${used.json().id}`.execute(
      shop.node.platform.db,
    );
    const guest = shop.shopper();
    await expectStatus(guest.add('T-LURE-RED', 1), 200);
    for (const [code, expected] of [
      ['vinter', 'commerce.discount_code_expired'],
      ['NASTAAR', 'commerce.discount_code_expired'],
      ['engang', 'commerce.discount_code_used_up'],
    ]) {
      const response = await guest.send('PUT', '/api/shop/cart/discount-code', { code });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ code: expected, errors: [{ path: 'body.code' }] });
    }
    // A limit below the uses so far is refused.
    const below = await as('PUT', `/api/commerce/discounts/codes/${used.json().id}`, {
      code: 'ENGANG',
      kind: 'percent',
      percentBp: 1000,
      usageLimit: 1,
    });
    expect(below.statusCode).toBe(422);
    expect(below.json()).toMatchObject({
      code: 'commerce.usage_limit_below_uses',
      errors: [{ path: 'body.usageLimit' }],
    });
    expect(later.json().usedCount).toBe(0);
  });

  it('changes and deletes an automatic discount, audited before and after, and answers 404 for one not there', async () => {
    const { categories, brands } = shop.fixture;
    const created = await expectStatus(
      as('POST', '/api/commerce/discounts/rules', {
        kind: 'volume',
        name: { sv: 'Tre beten', en: 'Three lures' },
        percentBp: 1000,
        minQuantity: 3,
        target: { categoryId: categories.lures },
      }),
      201,
    );
    const id = created.json().id;
    const changed = await expectStatus(
      as('PUT', `/api/commerce/discounts/rules/${id}`, {
        kind: 'campaign',
        name: { sv: 'Abu-veckan', en: 'Abu week' },
        percentBp: 1500,
        target: { brandId: brands.abu },
        ...window(-1, 24),
      }),
      200,
    );
    expect(changed.json()).toMatchObject({ id, kind: 'campaign', percentBp: 1500, target: { brandId: brands.abu } });
    const unknownTarget = await as('PUT', `/api/commerce/discounts/rules/${id}`, {
      kind: 'volume',
      name: { sv: 'X', en: 'X' },
      percentBp: 1000,
      minQuantity: 2,
      target: { productId: '00000000-0000-4000-8000-000000000002' },
    });
    expect(unknownTarget.statusCode).toBe(422);
    expect(unknownTarget.json().errors[0].path).toBe('body.target.productId');
    await expectStatus(as('DELETE', `/api/commerce/discounts/rules/${id}`), 204);
    const missing = '00000000-0000-4000-8000-000000000003';
    const body = { kind: 'campaign', name: { sv: 'X', en: 'X' }, percentBp: 1000, target: { brandId: brands.abu } };
    expect((await as('PUT', `/api/commerce/discounts/rules/${missing}`, { ...body, ...window(0, 1) })).statusCode).toBe(
      404,
    );
    expect((await as('DELETE', `/api/commerce/discounts/rules/${id}`)).statusCode).toBe(404);
    expect((await as('DELETE', `/api/commerce/discounts/codes/${missing}`)).statusCode).toBe(404);

    const audit = await sql<{ action: string; before: DiscountRule | null; after: DiscountRule | null }>`
      select action, before, after from audit.entries
      where entity = 'commerce.discount_rules' and entity_id = ${id} order by id`.execute(shop.node.platform.db);
    expect(audit.rows.map((row) => row.action)).toEqual([
      'commerce.discount_rule.create',
      'commerce.discount_rule.update',
      'commerce.discount_rule.delete',
    ]);
    const [create, update, remove] = audit.rows;
    expect(create).toMatchObject({ before: null, after: { kind: 'volume', minQuantity: 3 } });
    expect(update).toMatchObject({ before: { kind: 'volume' }, after: { kind: 'campaign', percentBp: 1500 } });
    expect(remove).toMatchObject({ before: { kind: 'campaign' }, after: null });
  });

  it('applies a scheduled campaign on a category to its subcategories, and on a brand', async () => {
    const { categories, brands } = shop.fixture;
    const campaign = await expectStatus(
      as('POST', '/api/commerce/discounts/rules', {
        kind: 'campaign',
        name: { sv: 'Fiskeveckan', en: 'Fishing week' },
        percentBp: 2000,
        target: { categoryId: categories.fishing },
        ...window(-1, 24),
      }),
      201,
    );
    const future = await expectStatus(
      as('POST', '/api/commerce/discounts/rules', {
        kind: 'campaign',
        name: { sv: 'Yamahadagar', en: 'Yamaha days' },
        percentBp: 1000,
        target: { brandId: brands.yamaha },
        ...window(24, 48),
      }),
      201,
    );
    try {
      const guest = shop.shopper();
      await expectStatus(guest.add('T-LURE-RED', 2), 200);
      const cart = cartOf(await expectStatus(guest.add('T-PROP-13X17', 1), 200));
      // The lure's category (Lures) is a child of Fishing; the propeller's Yamaha campaign has not begun.
      expect(cart.discounts).toEqual([
        expect.objectContaining({
          kind: 'campaign',
          id: campaign.json().id,
          label: 'Fiskeveckan',
          amountMinor: 3_560,
          lines: [{ sku: 'T-LURE-RED', amountMinor: 3_560 }],
          vatByRate: [{ rateBp: 2500, amountMinor: 3_560, vatMinor: 712 }],
        }),
      ]);
      expect(cart.lines.find((line) => line.sku === 'T-LURE-RED')).toMatchObject({
        discountMinor: 3_560,
        totalMinor: 14_240,
        vatMinor: 2_848,
      });
      // In English the label is the English name.
      const english = (await guest.send('GET', '/api/shop/cart', undefined, { 'accept-language': 'en' })).json();
      expect(english.discounts[0].label).toBe('Fishing week');
      // A campaign needs its window.
      const noWindow = await as('POST', '/api/commerce/discounts/rules', {
        kind: 'campaign',
        name: { sv: 'X', en: 'X' },
        percentBp: 1000,
        target: { brandId: brands.abu },
      });
      expect(noWindow.statusCode).toBe(400);
      const unknownTarget = await as('POST', '/api/commerce/discounts/rules', {
        kind: 'campaign',
        name: { sv: 'X', en: 'X' },
        percentBp: 1000,
        target: { categoryId: '00000000-0000-4000-8000-000000000001' },
        ...window(0, 1),
      });
      expect(unknownTarget.statusCode).toBe(422);
      expect(unknownTarget.json().errors[0].path).toBe('body.target.categoryId');
    } finally {
      await expectStatus(as('DELETE', `/api/commerce/discounts/rules/${campaign.json().id}`), 204);
      await expectStatus(as('DELETE', `/api/commerce/discounts/rules/${future.json().id}`), 204);
    }
  });

  it('gives a volume discount from N units, and a bundle discount per complete set', async () => {
    const { variants } = shop.fixture;
    const volume = await expectStatus(
      as('POST', '/api/commerce/discounts/rules', {
        kind: 'volume',
        name: { sv: '3 propellrar: 10 %', en: '3 propellers: 10 %' },
        percentBp: 1000,
        minQuantity: 3,
        target: { productId: variants.prop?.productId },
      }),
      201,
    );
    const bundle = await expectStatus(
      as('POST', '/api/commerce/discounts/rules', {
        kind: 'bundle',
        name: { sv: 'Propeller + wobbler', en: 'Propeller + crankbait' },
        productIds: [variants.prop?.productId, variants.lure?.productId],
        amounts: { SEK: 5_000, EUR: 500 },
      }),
      201,
    );
    try {
      const rules = (await expectStatus(as('GET', '/api/commerce/discounts/rules'), 200)).json()
        .rules as DiscountRule[];
      expect(rules.map((rule) => rule.kind)).toEqual(['volume', 'bundle']);
      const guest = shop.shopper();
      await expectStatus(guest.add('T-PROP-13X17', 2), 200);
      const two = cartOf(await expectStatus(guest.add('T-LURE-RED', 1), 200));
      expect(two.discounts.map((d) => [d.kind, d.amountMinor])).toEqual([['bundle', 5_000]]);
      const three = cartOf(await expectStatus(guest.add('T-PROP-13X17', 1), 200));
      expect(three.discounts.map((d) => [d.kind, d.amountMinor])).toEqual([
        ['volume', 44_970],
        ['bundle', 5_000],
      ]);
      expect(three.totals).toMatchObject({
        subtotalMinor: 3 * 149_900 + 8_900,
        discountMinor: 49_970,
        totalMinor: 3 * 149_900 + 8_900 - 49_970,
      });
      // Two complete sets: twice the bundle amount.
      const sets = cartOf(
        await expectStatus(guest.send('PATCH', '/api/shop/cart/lines/T-LURE-RED', { quantity: 2 }), 200),
      );
      expect(sets.discounts.find((d) => d.kind === 'bundle')?.amountMinor).toBe(10_000);
      const duplicate = await as('POST', '/api/commerce/discounts/rules', {
        kind: 'bundle',
        name: { sv: 'X', en: 'X' },
        productIds: [variants.prop?.productId, variants.prop?.productId],
        amounts: { SEK: 1 },
      });
      expect(duplicate.statusCode).toBe(422);
    } finally {
      await expectStatus(as('DELETE', `/api/commerce/discounts/rules/${volume.json().id}`), 204);
      await expectStatus(as('DELETE', `/api/commerce/discounts/rules/${bundle.json().id}`), 204);
    }
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PricingService } from '../src/commerce/catalog/pricing-service.js';
import { seedOrdersDemo } from '../src/commerce/orders/seed-demo.js';
import { type ShopRig, startShopRig } from './commerce-orders-fixtures.js';
import { describeEachStore } from './stores.js';

describeEachStore('commerce demo orders', (store) => {
  let rig: ShopRig;
  beforeAll(async () => {
    rig = await startShopRig(store, { demo: true });
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('adds a month of orders from the demo catalog, once', async () => {
    const { platform } = rig.node;
    const seed = () => seedOrdersDemo(platform, rig.part.orders, new PricingService(platform));
    await seed();
    await seed();
    const rows = await sql<{ status: string; n: number }>`
      select status, count(*)::int as n from commerce.orders group by status order by status`.execute(platform.db);
    const counts = Object.fromEntries(rows.rows.map((row) => [row.status, Number(row.n)]));
    expect(counts).toEqual({ cancelled: 1, created: 1, delivered: 4, paid: 3, returned: 1, shipped: 2 });

    const reporter = await rig.node.userWith(['commerce.reports']);
    const today = new Date().toISOString().slice(0, 10);
    const monthAgo = new Date(Date.now() - 31 * 86_400_000).toISOString().slice(0, 10);
    const report = await rig.node.app.inject({
      method: 'GET',
      url: `/api/commerce/reports/sales?from=${monthAgo}&to=${today}`,
      headers: reporter.headers,
    });
    expect(report.json().totals).toMatchObject([{ currency: 'SEK', orders: 10 }]);
    const top = await rig.node.app.inject({
      method: 'GET',
      url: `/api/commerce/reports/top-products?from=${monthAgo}&to=${today}`,
      headers: reporter.headers,
    });
    expect(top.json().items.length).toBeGreaterThan(0);
  });
});

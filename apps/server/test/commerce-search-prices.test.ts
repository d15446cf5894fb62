import type { ShopSearchAnswer } from '@kontor/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PricingService } from '../src/commerce/catalog/pricing-service.js';
import { describeEachStore } from './stores.js';
import { startTestNode, type TestNode } from './test-node.js';

/**
 * The search documents price products in SQL, set-based, and checkout prices lines through PricingService: two
 * statements of one rule (retail, or the running sale list that is lower; quantity 1). Over the whole demo catalog,
 * with its winter sale running, a shopper must see in the search the price the cart then charges.
 */
describeEachStore('commerce: the search shows the price the cart charges', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location, { demo: true });
  });
  afterAll(async () => {
    await node?.close();
    await release?.();
  });

  it.each(['SEK', 'EUR'])('agrees for every published product in %s', async (currency) => {
    const pricing = new PricingService(node.platform);
    const answer = await node.app.inject({ method: 'GET', url: `/api/shop/search?currency=${currency}&size=100` });
    expect(answer.statusCode).toBe(200);
    const { hits, total } = answer.json() as ShopSearchAnswer;
    expect(hits.length).toBe(total);
    expect(hits.some((hit) => hit.regularPriceMinor !== null)).toBe(true);
    for (const hit of hits) {
      const { rows } = await sql<{ id: string }>`
        select id from commerce.variants where product_id = ${hit.id} and active`.execute(node.platform.db);
      const prices = await pricing.currentPrices(
        node.platform.db,
        rows.map((row) => row.id),
        currency,
      );
      const cheapest = prices.reduce((low, price) => (price.unitPriceMinor < low.unitPriceMinor ? price : low));
      expect({ product: hit.slug, price: hit.priceMinor }).toEqual({
        product: hit.slug,
        price: cheapest.unitPriceMinor,
      });
      const reduced = cheapest.regularPriceMinor > cheapest.unitPriceMinor;
      expect({ product: hit.slug, reduced: hit.regularPriceMinor !== null }).toEqual({ product: hit.slug, reduced });
    }
  });
});

import type { ShopSearchAnswer } from '@kontor/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PostgresSearchEngine } from '../src/commerce/search/postgres-search-engine.js';
import { ProductListings } from '../src/commerce/search/product-listings.js';
import { SearchIndex } from '../src/commerce/search/search-index.js';
import { ZeroResultLog } from '../src/commerce/search/zero-results.js';
import { systemContext } from '../src/platform/context.js';
import { type SearchFixture, seedSearchFixture } from './commerce-search-fixtures.js';
import { describeEachStore } from './stores.js';
import { expectStatus, type Session, startTestNode, type TestNode } from './test-node.js';

describeEachStore('commerce search: documents kept current, suggestions, the zero-result log', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;
  let fixture: SearchFixture;
  let index: SearchIndex;
  let listings: ProductListings;
  let catalogAdmin: Session;
  let reporter: Session;
  let shopper: Session;

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location, { demo: false });
    fixture = await seedSearchFixture(node.platform.db);
    index = new SearchIndex(node.platform);
    const engine = new PostgresSearchEngine(node.platform.db, { defaultLocale: 'sv' });
    listings = new ProductListings(node.platform, engine, new ZeroResultLog(node.platform.db));
    catalogAdmin = await node.userWith(['commerce.catalog']);
    reporter = await node.userWith(['commerce.reports']);
    shopper = await node.userWith([]);
  });
  afterAll(async () => {
    await node?.close();
    await release?.();
  });

  const search = async (query: string): Promise<ShopSearchAnswer> =>
    (await expectStatus(node.app.inject({ method: 'GET', url: `/api/shop/search?${query}` }), 200)).json();
  const slugs = (answer: ShopSearchAnswer) => answer.hits.map((hit) => hit.slug);
  const ctx = systemContext('test');

  it('rebuilds every document for commerce.catalog only, and audits it', async () => {
    const url = '/api/commerce/search/rebuild';
    expect((await node.app.inject({ method: 'POST', url })).statusCode).toBe(401);
    expect((await node.app.inject({ method: 'POST', url, headers: shopper.headers })).statusCode).toBe(403);
    expect((await node.app.inject({ method: 'POST', url, headers: reporter.headers })).statusCode).toBe(403);
    const rebuilt = await expectStatus(node.app.inject({ method: 'POST', url, headers: catalogAdmin.headers }), 200);
    // Seven published products; the one priced only in euros is not sold in SEK.
    expect(rebuilt.json()).toMatchObject({ documents: 7 });
    const audit = await sql<{ n: number }>`
      select count(*)::int as n from audit.entries where action = 'search.rebuild'`.execute(node.platform.db);
    expect(audit.rows[0]?.n).toBe(1);
    // Idempotent: the same documents again.
    await expectStatus(node.app.inject({ method: 'POST', url, headers: catalogAdmin.headers }), 200);
    expect((await search('')).total).toBe(6);
  });

  it('reindexes products in the caller’s transaction: a rollback leaves the documents as they were', async () => {
    const publish = sql`update commerce.products set status = 'published', published_at = now() where id = ${fixture.products.draft}`;
    await node.platform
      .transaction(async (trx) => {
        await publish.execute(trx);
        await index.reindex(trx, [fixture.products.draft]);
        throw new Error('changed my mind');
      })
      .catch(() => undefined);
    expect(slugs(await search('q=hemlig'))).toEqual([]);
    await node.platform.transaction(async (trx) => {
      await publish.execute(trx);
      await index.reindex(trx, [fixture.products.draft]);
    });
    expect(slugs(await search('q=hemlig'))).toEqual(['hemlig-propeller']);
    expect(slugs(await search('facet.fitment=yamaha-f40-2015'))).not.toContain('hemlig-propeller');
    // Unpublished again: gone from the search.
    await node.platform.transaction(async (trx) => {
      await sql`update commerce.products set status = 'draft' where id = ${fixture.products.draft}`.execute(trx);
      await index.reindex(trx, [fixture.products.draft]);
    });
    expect(slugs(await search('q=hemlig'))).toEqual([]);
  });

  it.skipIf(store.name === 'pglite')('lets two transactions reindex one product at once', async () => {
    // The second's delete waits for the first, then finds its row gone; its insert must not collide with the
    // first's new row (PGlite has one connection: transactions never overlap there).
    let reindexed: () => void = () => undefined;
    const firstDone = new Promise<void>((resolve) => {
      reindexed = resolve;
    });
    const first = node.platform.transaction(async (trx) => {
      await index.reindex(trx, [fixture.products.amita]);
      reindexed();
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await firstDone;
    const second = node.platform.transaction((trx) => index.reindex(trx, [fixture.products.amita]));
    await Promise.all([first, second]);
    expect(slugs(await search('q=amita'))).toEqual(['solas-amita-propeller-yamaha-f40']);
  });

  it('follows brand renames and stock that runs out', async () => {
    await node.platform.transaction(async (trx) => {
      await sql`update commerce.brands set name = 'Garmin Ltd', slug = 'garmin-ltd' where slug = 'garmin'`.execute(trx);
      const brand = await sql<{ id: string }>`select id from commerce.brands where slug = 'garmin-ltd'`.execute(trx);
      await index.reindexBrands(trx, [brand.rows[0]?.id as string]);
    });
    const renamed = await search('facet.brand=garmin-ltd');
    expect(renamed.hits[0]?.brand).toEqual({ slug: 'garmin-ltd', name: 'Garmin Ltd' });
    expect((await search('facet.brand=garmin')).total).toBe(0);
    await node.platform.transaction(async (trx) => {
      await sql`update commerce.stock set on_hand = 0 where variant_id = ${fixture.variants.impeller}`.execute(trx);
      await index.reindex(trx, [fixture.products.impeller]);
    });
    expect(slugs(await search('in_stock=true'))).not.toContain('yamaha-impellersats');
  });

  it('refreshes prices that change by the clock: a campaign that ends', async () => {
    const doc = await sql<{ at: Date }>`
      select prices_change_at as at from commerce.search_docs where product_id = ${fixture.products.amita}`.execute(
      node.platform.db,
    );
    const ends = await sql<{ at: Date }>`
      select ends_at as at from commerce.price_lists where id = ${fixture.saleListId}`.execute(node.platform.db);
    expect(new Date(doc.rows[0]?.at as Date).getTime()).toBe(new Date(ends.rows[0]?.at as Date).getTime());
    // The campaign ended a moment ago; nobody told the search.
    await sql`update commerce.price_lists set ends_at = now() - interval '1 second' where id = ${fixture.saleListId}`.execute(
      node.platform.db,
    );
    await sql`update commerce.search_docs set prices_change_at = now() - interval '1 second'
      where product_id = ${fixture.products.amita}`.execute(node.platform.db);
    expect((await search('q=amita')).hits[0]?.priceMinor).toBe(99_900);
    const refreshed = await node.platform.transaction((trx) => index.reindexStale(trx));
    expect(refreshed).toBe(1);
    expect((await search('q=amita')).hits[0]).toMatchObject({
      priceMinor: 129_900,
      regularPriceMinor: null,
      lowestPrice30dMinor: null,
    });
  });

  it('suggests brands, categories and products as the customer types, misspellings too', async () => {
    const answer = await expectStatus(node.app.inject({ method: 'GET', url: '/api/shop/search/suggest?q=sol' }), 200);
    expect(answer.json().suggestions[0]).toEqual({
      kind: 'brand',
      text: 'Solas',
      slug: 'solas',
      url: '/shop/search?facet.brand=solas',
    });
    expect(answer.json().suggestions.map((s: { slug: string }) => s.slug)).toContain(
      'solas-amita-propeller-yamaha-f40',
    );
    const category = (await node.app.inject({ method: 'GET', url: '/api/shop/search/suggest?q=prop&lang=en' })).json();
    expect(category.suggestions).toContainEqual({
      kind: 'category',
      text: 'Propellers',
      slug: 'propellrar',
      url: '/shop/c/propellrar?lang=en',
    });
    const product = category.suggestions.find((s: { kind: string }) => s.kind === 'product');
    expect(product).toMatchObject({
      url: expect.stringMatching(/^\/shop\/p\/.+\?lang=en$/),
      priceMinor: expect.any(Number),
    });
    const typo = (await node.app.inject({ method: 'GET', url: '/api/shop/search/suggest?q=shimanno' })).json();
    expect(typo.suggestions.map((s: { slug: string }) => s.slug)).toContain('shimano-spinnrulle');
    expect((await node.app.inject({ method: 'GET', url: '/api/shop/search/suggest?q=p' })).json().suggestions).toEqual(
      [],
    );
    expect((await node.app.inject({ method: 'GET', url: '/api/shop/search/suggest?q=x&bad=1' })).statusCode).toBe(400);
  });

  it('serves the storefront: category listings and the home page’s product rows', async () => {
    const page = await listings.category(ctx, 'motordelar', { sort: 'price_asc', page: 1, size: 24 });
    expect(page.hits.map((hit) => hit.slug)).toEqual([
      'yamaha-impellersats',
      'solas-amita-propeller-yamaha-f40',
      'solas-saturn-rostfri-propeller',
    ]);
    expect(page.facets.map((facet) => facet.name)).toContain('brand');
    const newest = await listings.productRow(ctx, { locale: 'en', size: 2 });
    expect(newest.map((hit) => hit.name)).toEqual(['Shimano Sedona spinning reel', 'Baltic life jacket 100N']);
    const euros = await listings.productRow(ctx, { currency: 'EUR', category: 'elektronik' });
    expect(euros.map((hit) => [hit.slug, hit.priceMinor])).toEqual([['garmin-striker-4', 16_900]]);
    await expect(listings.productRow(ctx, { currency: 'NOK' })).rejects.toMatchObject({
      status: 422,
      code: 'commerce.unsold_currency',
    });
  });

  it('logs searches that found nothing, without what could name a person, for commerce.reports', async () => {
    // In English, so that the other tests' searches (in Swedish) stay out of the report.
    const en = (query: string) => search(`${query}&locale=en`);
    expect((await en('q=flygplansmotor')).total).toBe(0);
    await en('q=Flygplansmotor');
    await en('q=flygplansmotor&page=1&facet.brand=solas');
    await en('q=anna.svensson@example.se%20070-123%2045%2067');
    await en('q=19800101-1234');
    await en('q=7391234567890');
    // Found something: not logged; a text that matched, narrowed to nothing by filters: not logged either.
    await en('q=propeller');
    await en('q=propeller&facet.brand=shimano');
    const url = '/api/commerce/reports/zero-results';
    expect((await node.app.inject({ method: 'GET', url, headers: catalogAdmin.headers })).statusCode).toBe(403);
    const report = (
      await expectStatus(node.app.inject({ method: 'GET', url: `${url}?locale=en`, headers: reporter.headers }), 200)
    ).json();
    expect(report.timeZone).toBe('Europe/Stockholm');
    expect(report.items.map((item: { query: string; searches: number }) => [item.query, item.searches])).toEqual([
      ['flygplansmotor', 3],
      ['7391234567890', 1],
    ]);
    expect(report.items[0]).toMatchObject({ locale: 'en', days: 1, lastSeen: expect.any(String) });
    const old = await node.app.inject({
      method: 'GET',
      url: `${url}?from=2020-01-01&to=2020-01-31`,
      headers: reporter.headers,
    });
    expect(old.json()).toMatchObject({ from: '2020-01-01', to: '2020-01-31', items: [] });
    const backwards = await node.app.inject({
      method: 'GET',
      url: `${url}?from=2020-02-01&to=2020-01-31`,
      headers: reporter.headers,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].path).toBe('querystring.from');
  });
});

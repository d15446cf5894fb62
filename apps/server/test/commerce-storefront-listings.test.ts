import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SearchIndex } from '../src/commerce/search/search-index.js';
import { type StorefrontFixture, seedStorefrontFixture } from './commerce-storefront-fixtures.js';
import { describeEachStore } from './stores.js';
import { startTestNode, type TestNode } from './test-node.js';

const ORIGIN = 'https://shop.westgear.example';
const RETAIL = '00000000-0000-4000-8000-00000000c0de';
const EXTRA = 27;

const jsonLd = (body: string) =>
  [...body.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((match) =>
    JSON.parse(match[1] as string),
  );
const link = (body: string, rel: string) =>
  new RegExp(`<link rel="${rel}" href="([^"]*)">`).exec(body)?.[1]?.replace(/&amp;/g, '&');
const text = (body: string) =>
  body
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ');
/** The product pages a listing links to, in order. */
const productLinks = (body: string) => [...body.matchAll(/<li class="card"><a href="([^"]+)"/g)].map((m) => m[1]);

/** 27 fishing lures in their own category, enough for two pages of 24. */
async function seedLures(db: TestNode['platform']['db']) {
  const category = randomUUID();
  await db
    .insertInto('commerce.categories')
    .values({ id: category, slug: 'fiskedrag', name: { sv: 'Fiskedrag', en: 'Lures' }, position: 5 })
    .execute();
  for (let n = 1; n <= EXTRA; n += 1) {
    const product = randomUUID();
    const variant = randomUUID();
    await db
      .insertInto('commerce.products')
      .values({
        id: product,
        slug: `wobbler-${n}`,
        status: 'published',
        name: { sv: `Wobbler nr ${n}`, en: `Wobbler no. ${n}` },
        published_at: new Date(Date.now() - n * 60_000),
      })
      .execute();
    await db.insertInto('commerce.product_categories').values({ product_id: product, category_id: category }).execute();
    await db
      .insertInto('commerce.variants')
      .values({ id: variant, product_id: product, sku: `WOB-${n}` })
      .execute();
    await db.insertInto('commerce.stock').values({ variant_id: variant, on_hand: 10 }).execute();
    await db
      .insertInto('commerce.prices')
      .values({
        id: randomUUID(),
        price_list_id: RETAIL,
        variant_id: variant,
        currency: 'SEK',
        amount_minor: 9_900 + n,
      })
      .execute();
  }
}

describeEachStore('commerce storefront: home, category and search pages', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;
  let fx: StorefrontFixture;

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location, { demo: false, publicUrl: ORIGIN });
    const db = node.platform.db;
    fx = await seedStorefrontFixture(db);
    await seedLures(db);
    await db
      .insertInto('commerce.slug_redirects')
      .values({
        kind: 'category',
        old_slug: 'propellrar-gamla',
        target_id: sql`(select id from commerce.categories where slug = 'propellrar')`,
      })
      .execute();
    const ids = await sql<{ id: string }>`select id from commerce.products`.execute(db);
    await new SearchIndex(node.platform).reindex(
      db,
      ids.rows.map((row) => row.id),
    );
  });
  afterAll(async () => {
    await node?.close();
    await release?.();
  });

  const get = (url: string, headers: Record<string, string> = {}) => node.app.inject({ method: 'GET', url, headers });

  it('renders the home page: categories, the campaign row, search box, WebSite JSON-LD', async () => {
    const response = await get('/shop');
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(link(body, 'canonical')).toBe(`${ORIGIN}/shop`);
    expect(body).toContain('<a href="/shop/c/motordelar">Motordelar</a>');
    expect(body).toContain('<a href="/shop/c/fiskedrag">Fiskedrag</a>');
    const campaign = /<section class="block" aria-labelledby="campaign-title">(.*?)<\/section>/s.exec(body)?.[1] ?? '';
    expect(productLinks(campaign)).toEqual([`/shop/p/${fx.propellerSlug}`]);
    expect(text(campaign)).toContain('999 kr 1 299 kr');
    expect(text(campaign)).toContain('Lägsta pris senaste 30 dagarna: 1 299 kr');
    expect(body).toContain('<form class="search" role="search" method="get" action="/shop/search">');
    const [site] = jsonLd(body);
    expect(site).toMatchObject({ '@type': 'WebSite', potentialAction: { '@type': 'SearchAction' } });
    expect(site.potentialAction.target).toBe(`${ORIGIN}/shop/search?q={query}`);
  });

  it('renders a category with breadcrumbs, its sub-categories’ products, facets and a canonical URL', async () => {
    const response = await get('/shop/c/motordelar');
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain('<h1>Motordelar</h1>');
    expect(link(body, 'canonical')).toBe(`${ORIGIN}/shop/c/motordelar`);
    expect(body).toContain('<li><a href="/shop/c/propellrar">Propellrar</a></li>');
    expect(productLinks(body).sort()).toEqual([`/shop/p/${fx.hostileSlug}`, `/shop/p/${fx.propellerSlug}`]);
    expect(text(body)).toContain('2 produkter');
    // Facets are links that add one value; the category itself is not offered as a filter.
    expect(body).toContain('href="/shop/c/motordelar?facet.brand=solas" rel="nofollow"');
    expect(body).not.toContain('facet.category');

    const child = (await get('/shop/c/propellrar')).body;
    const [trail] = jsonLd(child);
    expect(trail.itemListElement.map((item: { name: string }) => item.name)).toEqual([
      'Hem',
      'Motordelar',
      'Propellrar',
    ]);
    expect(text(child)).toMatch(/Hem › Motordelar › Propellrar|Hem Motordelar Propellrar/);
  });

  it('keeps filtered views out of the index and pages with rel=prev/next', async () => {
    const filtered = (await get('/shop/c/motordelar?facet.brand=solas')).body;
    expect(filtered).toContain('<meta name="robots" content="noindex, follow">');
    expect(link(filtered, 'canonical')).toBeUndefined();
    expect(productLinks(filtered)).toEqual([`/shop/p/${fx.propellerSlug}`]);

    const first = (await get('/shop/c/fiskedrag?sort=price_asc')).body;
    expect(productLinks(first)).toHaveLength(24);
    expect(productLinks(first)[0]).toBe('/shop/p/wobbler-1');
    expect(link(first, 'next')).toBe(`${ORIGIN}/shop/c/fiskedrag?sort=price_asc&page=2`);
    const second = (await get('/shop/c/fiskedrag?page=2')).body;
    expect(productLinks(second)).toHaveLength(EXTRA - 24);
    expect(link(second, 'prev')).toBe(`${ORIGIN}/shop/c/fiskedrag`);
    expect(link(second, 'canonical')).toBe(`${ORIGIN}/shop/c/fiskedrag?page=2`);
    expect(text(second)).toContain('Sida 2 av 2');
  });

  it('answers an unknown category with 404 and an old slug with 301', async () => {
    expect((await get('/shop/c/finns-inte')).statusCode).toBe(404);
    const moved = await get('/shop/c/propellrar-gamla?sort=name');
    expect(moved.statusCode).toBe(301);
    expect(moved.headers.location).toBe('/shop/c/propellrar?sort=name');
  });

  it('searches with facet counts, fitment by model and year, and keeps results out of the index', async () => {
    const response = await get('/shop/search?q=propeller');
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain('<meta name="robots" content="noindex, follow">');
    expect(link(body, 'canonical')).toBeUndefined();
    expect(productLinks(body)).toEqual([`/shop/p/${fx.propellerSlug}`]);
    expect(text(body)).toContain('Sökresultat för ”propeller”');
    expect(body).toMatch(
      /href="\/shop\/search\?q=propeller&amp;facet\.fitment=yamaha-f40" rel="nofollow">Yamaha F40 <span class="n">\(1\)<\/span>/,
    );

    const model = (await get('/shop/search?q=propeller&facet.fitment=yamaha-f40')).body;
    // A chosen model offers its model years; a year narrows the model rather than joining it.
    expect(model).toMatch(
      /href="\/shop\/search\?q=propeller&amp;facet\.fitment=yamaha-f40-2015" rel="nofollow">2015 <span class="n">\(1\)<\/span>/,
    );
    const fits = (await get('/shop/search?q=propeller&facet.fitment=yamaha-f40-2015')).body;
    expect(productLinks(fits)).toEqual([`/shop/p/${fx.propellerSlug}`]);
    expect(fits).toContain('aria-current="true"');
    // Unchoosing the year goes back to the whole model.
    expect(fits).toContain(
      'href="/shop/search?q=propeller&amp;facet.fitment=yamaha-f40" rel="nofollow" aria-current="true">✓ 2015',
    );
    const tooOld = (await get('/shop/search?q=propeller&facet.fitment=yamaha-f40-2009')).body;
    expect(productLinks(tooOld)).toEqual([]);
    // A facet the shop does not have is dropped rather than failing the page.
    const unknown = await get('/shop/search?q=propeller&facet.nonsense=1');
    expect(unknown.statusCode).toBe(200);
    expect(productLinks(unknown.body)).toEqual([`/shop/p/${fx.propellerSlug}`]);
  });

  it('shows what to try when nothing matches, and escapes what was searched', async () => {
    const body = (await get('/shop/search?q=%3Cscript%3Exyzzy%3C%2Fscript%3E')).body;
    expect(body).not.toContain('<script>xyzzy');
    expect(text(body)).toContain(
      'Inga träffar på ”<script>xyzzy</script>”'.replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    );
    expect(body).toContain('<a href="/shop/c/motordelar">Motordelar</a>');
    expect(body).toContain('value="&lt;script&gt;xyzzy&lt;/script&gt;"');
  });

  it('turns a typed price range into a facet.price link', async () => {
    const response = await get('/shop/c/fiskedrag?pmin=99&pmax=100&sort=price_asc');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/shop/c/fiskedrag?facet.price=9900-10099&sort=price_asc');
    const priced = (await get(response.headers.location as string)).body;
    expect(text(priced)).toContain(`${EXTRA} produkter`);
    const narrower = (await get('/shop/c/fiskedrag?facet.price=9900-9902')).body;
    expect(productLinks(narrower)).toEqual(['/shop/p/wobbler-1', '/shop/p/wobbler-2']);
  });

  it('speaks English with ?lang=en, its links and its canonical URL carrying the language', async () => {
    const body = (await get('/shop/c/propellrar?lang=en')).body;
    expect(body).toContain('<html lang="en" ');
    expect(body).toContain('<h1>Propellers</h1>');
    expect(link(body, 'canonical')).toBe(`${ORIGIN}/shop/c/propellrar?lang=en`);
    expect(productLinks(body)).toEqual([`/shop/p/${fx.propellerSlug}?lang=en`]);
  });
});

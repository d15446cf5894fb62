import { afterAll, beforeAll, expect, it } from 'vitest';
import { HOSTILE_NAME, type StorefrontFixture, seedStorefrontFixture } from './commerce-storefront-fixtures.js';
import { describeEachStore } from './stores.js';
import { startTestNode, type TestNode } from './test-node.js';

const ORIGIN = 'https://shop.westgear.example';

/** The parsed JSON-LD blocks of a page. */
const jsonLd = (body: string) =>
  [...body.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((match) =>
    JSON.parse(match[1] as string),
  );
const meta = (body: string, name: string) =>
  new RegExp(`<meta (?:name|property)="${name}" content="([^"]*)">`).exec(body)?.[1];
const link = (body: string, rel: string) => new RegExp(`<link rel="${rel}" href="([^"]*)">`).exec(body)?.[1];
const title = (body: string) => /<title>(.*?)<\/title>/s.exec(body)?.[1];
/** Text without tags, with Intl's narrow spaces as ordinary ones. */
const text = (body: string) =>
  body
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ');

describeEachStore('commerce storefront: product pages, images, head tags', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;
  let fx: StorefrontFixture;

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location, { demo: false, publicUrl: ORIGIN });
    fx = await seedStorefrontFixture(node.platform.db);
  });
  afterAll(async () => {
    await node?.close();
    await release?.();
  });

  const get = (url: string, headers: Record<string, string> = {}) => node.app.inject({ method: 'GET', url, headers });

  it('renders the product page with its head: title, description, canonical, hreflang, Open Graph', async () => {
    const response = await get(`/shop/p/${fx.propellerSlug}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const body = response.body;
    expect(body.startsWith('<!doctype html>')).toBe(true);
    expect(body).toContain('<html lang="sv" ');
    expect(title(body)).toBe('Solas Amita 3-bladig propeller för Yamaha F40 | WestGear');
    expect(meta(body, 'description')).toBe('Propeller till Yamaha F40 – fri frakt över 500 kr.');
    expect(link(body, 'canonical')).toBe(`${ORIGIN}/shop/p/${fx.propellerSlug}`);
    expect(body).toContain(`<link rel="alternate" hreflang="sv" href="${ORIGIN}/shop/p/${fx.propellerSlug}?lang=sv">`);
    expect(body).toContain(`<link rel="alternate" hreflang="en" href="${ORIGIN}/shop/p/${fx.propellerSlug}?lang=en">`);
    expect(body).toContain(`<link rel="alternate" hreflang="x-default" href="${ORIGIN}/shop/p/${fx.propellerSlug}">`);
    expect(meta(body, 'og:type')).toBe('product');
    expect(meta(body, 'og:image')).toBe(`${ORIGIN}/shop/media/${fx.mediaId}`);
    // The gallery reserves its space: no layout shift when the image arrives.
    expect(body).toMatch(
      new RegExp(`<img src="/shop/media/${fx.mediaId}" width="800" height="600" alt="Propellern framifrån"`),
    );
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('describes the product in schema.org JSON-LD with one offer per variant, and its breadcrumbs', async () => {
    const body = (await get(`/shop/p/${fx.propellerSlug}`)).body;
    const [product, trail] = jsonLd(body);
    expect(product).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Solas Amita 3-bladig propeller för Yamaha F40',
      sku: fx.skus.pitch13,
      brand: { '@type': 'Brand', name: 'Solas' },
      image: [`${ORIGIN}/shop/media/${fx.mediaId}`],
      url: `${ORIGIN}/shop/p/${fx.propellerSlug}`,
      offers: {
        '@type': 'AggregateOffer',
        priceCurrency: 'SEK',
        lowPrice: '999.00',
        highPrice: '1349.00',
        offerCount: 2,
      },
    });
    expect(product.offers.offers).toEqual([
      expect.objectContaining({
        '@type': 'Offer',
        sku: fx.skus.pitch13,
        gtin: '7350000000013',
        price: '999.00',
        priceCurrency: 'SEK',
        availability: 'https://schema.org/InStock',
      }),
      expect.objectContaining({ sku: fx.skus.pitch14, price: '1349.00', availability: 'https://schema.org/BackOrder' }),
    ]);
    expect(trail['@type']).toBe('BreadcrumbList');
    expect(trail.itemListElement.map((item: { name: string }) => item.name)).toEqual([
      'Hem',
      'Motordelar',
      'Propellrar',
      'Solas Amita 3-bladig propeller för Yamaha F40',
    ]);
    expect(trail.itemListElement[2].item).toBe(`${ORIGIN}/shop/c/${fx.categorySlug}`);
  });

  it('shows the price with VAT, a reduction with the regular price struck and the lowest price of 30 days', async () => {
    const body = (await get(`/shop/p/${fx.propellerSlug}`)).body;
    const page = text(body);
    expect(page).toContain('999 kr inkl. moms');
    expect(body).toMatch(/<del data-was>1\u00a0299\u00a0kr<\/del>/);
    expect(page).toMatch(/Lägsta pris senaste 30 dagarna: 1 [23]99 kr/);
    expect(page).toContain('I lager');
    expect(page).toContain('Artikelnr: SOL-F40-13');
    // Fitment and specifications.
    expect(page).toContain('Passar Märke Modell Årsmodeller Variant Yamaha F40 2010–2020 Alla varianter');
    expect(page).toContain('Diameter 11,125 tum');
    expect(page).toContain('Material Aluminium');
    expect(page).toContain('Stigning 13 tum');
    // The variant picker and the data its script switches with.
    expect(body).toContain('<option value="SOL-F40-14">Stigning: 14&quot;</option>');
    const data = JSON.parse(
      /<script type="application\/json" id="variant-data">(.*?)<\/script>/s.exec(body)?.[1] ?? '',
    );
    expect(data[1]).toMatchObject({ sku: fx.skus.pitch14, stockState: 'backorder', buyable: true, was: null });
  });

  it('opens on the variant of ?sku= and keeps the canonical URL without it', async () => {
    const body = (await get(`/shop/p/${fx.propellerSlug}?sku=${fx.skus.pitch14}`)).body;
    expect(text(body)).toContain('Beställningsvara');
    expect(text(body)).toContain('1 349 kr inkl. moms');
    expect(body).toContain('<option value="SOL-F40-14" selected>');
    expect(link(body, 'canonical')).toBe(`${ORIGIN}/shop/p/${fx.propellerSlug}`);
  });

  it('speaks English by ?lang= (remembered in a cookie) and by Accept-Language', async () => {
    const chosen = await get(`/shop/p/${fx.propellerSlug}?lang=en`);
    expect(chosen.body).toContain('<html lang="en" ');
    expect(title(chosen.body)).toBe('Solas Amita 3-blade propeller for Yamaha F40 | WestGear');
    expect(link(chosen.body, 'canonical')).toBe(`${ORIGIN}/shop/p/${fx.propellerSlug}?lang=en`);
    expect(text(chosen.body)).toContain('incl. VAT');
    expect(chosen.cookies.find((cookie) => cookie.name === 'shop_lang')).toMatchObject({ value: 'en', path: '/' });

    const byCookie = await get(`/shop/p/${fx.propellerSlug}`, { cookie: 'shop_lang=en' });
    expect(byCookie.body).toContain('<html lang="en" ');
    // A URL without ?lang= negotiates and is its own canonical (x-default), never a sibling's.
    expect(link(byCookie.body, 'canonical')).toBe(`${ORIGIN}/shop/p/${fx.propellerSlug}`);
    const swedish = await get(`/shop/p/${fx.propellerSlug}?lang=sv`, { cookie: 'shop_lang=en' });
    expect(swedish.body).toContain('<html lang="sv" ');
    expect(link(swedish.body, 'canonical')).toBe(`${ORIGIN}/shop/p/${fx.propellerSlug}?lang=sv`);
    const byHeader = await get(`/shop/p/${fx.propellerSlug}`, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(byHeader.body).toContain('<html lang="en" ');
    const unknown = await get(`/shop/p/${fx.propellerSlug}`, { 'accept-language': 'fr-FR' });
    expect(unknown.body).toContain('<html lang="sv" ');
  });

  it('prices in another active currency, and shows a variant without a price there as unavailable', async () => {
    const response = await get(`/shop/p/${fx.propellerSlug}?currency=EUR`);
    expect(response.cookies.find((cookie) => cookie.name === 'shop_currency')?.value).toBe('EUR');
    const [product] = jsonLd(response.body);
    expect(product.offers.priceCurrency).toBe('EUR');
    expect(product.offers.offers).toEqual([expect.objectContaining({ sku: fx.skus.pitch13, price: '115.00' })]);
    expect(text(response.body)).toContain('115 € inkl. moms');
    const pitch14 = await get(`/shop/p/${fx.propellerSlug}?sku=${fx.skus.pitch14}`, { cookie: 'shop_currency=EUR' });
    expect(text(pitch14.body)).toContain('Pris saknas i vald valuta');
    expect(pitch14.body).toMatch(/<button type="submit" class="primary" data-buy disabled>/);
    // A currency the shop does not sell in is ignored.
    const usd = await get(`/shop/p/${fx.propellerSlug}?currency=USD`);
    expect(jsonLd(usd.body)[0].offers.priceCurrency).toBe('SEK');
  });

  it('escapes a hostile product name everywhere: text, title, attributes, JSON-LD', async () => {
    const response = await get(`/shop/p/${fx.hostileSlug}`);
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).not.toContain('<script>alert');
    expect(body).not.toContain('<b>');
    expect(body.match(/<\/title>/g)).toHaveLength(1);
    expect(title(body)).toBe(
      '&lt;/title&gt;&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; Ankare &amp; kätting &quot;Grip&quot; | WestGear',
    );
    expect(body).toContain(
      '<h1>&lt;/title&gt;&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; Ankare &amp; kätting',
    );
    expect(body).toContain('&lt;b&gt;fet&lt;/b&gt; &amp; &lt;i&gt;kursiv&lt;/i&gt;');
    const [product, trail] = jsonLd(body);
    expect(product.name).toBe(HOSTILE_NAME);
    expect(trail.itemListElement.at(-1).name).toBe(HOSTILE_NAME);
    // Bulky, single variant, few left.
    expect(product.offers).toMatchObject({ '@type': 'Offer', sku: fx.skus.anchor, price: '899.50' });
    expect(text(body)).toContain('levereras på en dag vi kommer överens om');
    expect(text(body)).toContain('Få kvar (3 st)');
  });

  it('moves an old slug permanently to the new one, keeping the query', async () => {
    const response = await get(`/shop/p/${fx.oldPropellerSlug}?lang=en`);
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe(`/shop/p/${fx.propellerSlug}?lang=en`);
  });

  it('answers unknown, malformed and unpublished products with the shop’s 404 page', async () => {
    for (const slug of ['finns-inte', fx.draftSlug, 'Not_A_Slug', '%3Cscript%3E']) {
      const response = await get(`/shop/p/${slug}`);
      expect(response.statusCode, slug).toBe(404);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toContain('<meta name="robots" content="noindex, follow">');
      expect(title(response.body)).toBe('Sidan finns inte | WestGear');
    }
  });

  it('serves product images with their type, a year’s cache and no sniffing; drafts only to the catalog’s keepers', async () => {
    const image = await get(`/shop/media/${fx.mediaId}`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/svg+xml');
    expect(image.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(image.headers['content-security-policy']).toContain('sandbox');
    expect(image.body).toContain('<svg');
    const again = await get(`/shop/media/${fx.mediaId}`, { 'if-none-match': `"${fx.mediaId}"` });
    expect(again.statusCode).toBe(304);

    expect((await get(`/shop/media/${fx.draftMediaId}`)).statusCode).toBe(404);
    const keeper = await node.userWith(['commerce.catalog']);
    const draft = await get(`/shop/media/${fx.draftMediaId}`, { cookie: keeper.cookie });
    expect(draft.statusCode).toBe(200);
    expect(draft.headers['cache-control']).toBe('private, no-cache');
    expect((await get('/shop/media/not-a-uuid')).statusCode).toBe(404);
    expect((await get('/shop/media/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('serves its stylesheet and script under content-hashed names, gzipped when asked', async () => {
    const body = (await get(`/shop/p/${fx.propellerSlug}`)).body;
    const css = /<link rel="stylesheet" href="(\/shop\/assets\/shop\.[0-9a-f]{12}\.css)">/.exec(body)?.[1] as string;
    const js = /<script src="(\/shop\/assets\/shop\.[0-9a-f]{12}\.js)" defer>/.exec(body)?.[1] as string;
    const style = await get(css);
    expect(style.statusCode).toBe(200);
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(style.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const script = await get(js, { 'accept-encoding': 'gzip, br' });
    expect(script.headers['content-encoding']).toBe('gzip');
    expect((await get('/shop/assets/shop.000000000000.css')).statusCode).toBe(404);
    const page = await get(`/shop/p/${fx.propellerSlug}`, { 'accept-encoding': 'gzip' });
    expect(page.headers['content-encoding']).toBe('gzip');
  });

  it('tells crawlers about the shop: robots.txt and a sitemap of published pages', async () => {
    const robots = await get('/robots.txt');
    expect(robots.body).toContain('Allow: /shop');
    expect(robots.body).toContain(`Sitemap: ${ORIGIN}/shop/sitemap.xml`);
    const sitemap = await get('/shop/sitemap.xml');
    expect(sitemap.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(sitemap.body).toContain(`<loc>${ORIGIN}/shop/p/${fx.propellerSlug}</loc>`);
    expect(sitemap.body).toContain(`<loc>${ORIGIN}/shop/c/${fx.categorySlug}</loc>`);
    expect(sitemap.body).not.toContain(fx.draftSlug);
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../src/node.js';
import { type CatalogNode, propellerInput, startCatalogNode } from './commerce-catalog-fixtures.js';
import { describeEachStore } from './stores.js';

describeEachStore('commerce catalog: admin API, slugs, shop reads, demo', (store) => {
  let c: CatalogNode;
  let release: () => Promise<void>;

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    c = await startCatalogNode(created.location);
  });
  afterAll(async () => {
    await c?.close();
    await release?.();
  });

  const audit = async (query: string) =>
    (await c.ok(c.node.admin, 'GET', `/api/admin/audit?${query}`)).entries as Array<{
      before: unknown;
      after: unknown;
    }>;

  it('seeds WestGear’s catalog once: 40 products, propellers fitting the Yamaha F40, a running Vinterrea', async () => {
    const counts = async () =>
      (
        await sql<Record<string, number>>`select (select count(*)::int from commerce.products) as products,
          (select count(*)::int from commerce.variants) as variants, (select count(*)::int from commerce.prices) as prices,
          (select count(*)::int from commerce.price_history) as history, (select count(*)::int from commerce.media) as media,
          (select count(*)::int from commerce.categories) as categories`.execute(c.node.platform.db)
      ).rows[0];
    const before = await counts();
    expect(before).toMatchObject({ products: 40, media: 40, categories: 15 });
    await seedDemo(c.node.platform, c.node.modules);
    expect(await counts()).toEqual(before);

    const fits = await sql<{ slug: string }>`
      select distinct p.slug from commerce.fitments f join commerce.variants v on v.id = f.variant_id
      join commerce.products p on p.id = v.product_id
      where f.make = 'Yamaha' and f.model = 'F40' and 2015 between f.year_from and f.year_to`.execute(
      c.node.platform.db,
    );
    expect(fits.rows.map((row) => row.slug)).toEqual(
      expect.arrayContaining([
        'solas-amita-3-yamaha-40-60',
        'solas-rubex-s3-yamaha-40-60',
        'yamaha-originalpropeller-f40',
      ]),
    );
    const lists = await c.ok(c.marketer, 'GET', '/api/commerce/price-lists');
    expect(lists.priceLists).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'vinterrea', kind: 'sale', running: true })]),
    );
  });

  it('answers a product to the shop with sale price, the 30-day lowest price, fitment and availability', async () => {
    const striker = await c.ok(null, 'GET', '/api/shop/products/garmin-striker-vivid-4cv?locale=sv');
    expect(striker).toMatchObject({ name: 'Garmin Striker Vivid 4cv med givare', currency: 'SEK', locale: 'sv' });
    // Raised from 2 290 to 2 490 kr 20 days before the sale: the lowest of the 30 days before it is 2 290 kr.
    expect(striker.variants[0].price).toMatchObject({
      unitPriceMinor: 198_900,
      regularPriceMinor: 249_000,
      lowestPrice30dMinor: 229_000,
      vatRateBp: 2500,
    });
    const amita = await c.ok(null, 'GET', '/api/shop/products/solas-amita-3-yamaha-40-60?currency=EUR&locale=en');
    expect(amita.name).toContain('propeller');
    expect(amita.variants).toHaveLength(4);
    expect(amita.variants[0].fitments).toEqual(
      expect.arrayContaining([{ make: 'Yamaha', model: 'F40', yearFrom: 2010, yearTo: 2020 }]),
    );
    expect(amita.variants[0].price.currency).toBe('EUR');
    expect(amita.variants[0].price.lowestPrice30dMinor).toBe(amita.variants[0].price.regularPriceMinor);
    expect(amita.options).toEqual([{ key: 'pitch', name: 'Pitch', values: ['11"', '12"', '13"', '14"'] }]);
    expect(amita.media[0].url).toMatch(/^\/shop\/media\//);
    const picture = await c.as(null, 'GET', amita.media[0].url);
    expect(picture.headers['content-type']).toBe('image/svg+xml');
    expect(picture.headers['content-security-policy']).toContain('sandbox');

    const boat = await c.ok(null, 'GET', '/api/shop/products/linder-sportsman-445');
    expect(boat.bulky).toBe(true);
    expect(boat.variants[0].availability).toBe('backorder');
    expect(boat.variants[0].price.lowestPrice30dMinor).toBeNull();

    expect((await c.as(null, 'GET', '/api/shop/products/no-such-thing')).statusCode).toBe(404);
    const unsold = await c.as(null, 'GET', '/api/shop/products/linder-sportsman-445?currency=USD');
    expect(unsold.statusCode).toBe(422);
    expect(unsold.json()).toMatchObject({
      code: 'commerce.unsold_currency',
      errors: [{ path: 'querystring.currency' }],
    });
  });

  it('answers the category tree in the language asked for', async () => {
    const sv = await c.ok(null, 'GET', '/api/shop/categories?locale=sv');
    const accessories = sv.categories.find((node: { slug: string }) => node.slug === 'tillbehor');
    expect(accessories.name).toBe('Tillbehör');
    expect(accessories.children.map((node: { name: string }) => node.name)).toEqual(
      expect.arrayContaining(['Propellrar', 'Ankare', 'Fendrar']),
    );
    const en = await c.node.app.inject({ url: '/api/shop/categories', headers: { 'accept-language': 'en-GB' } });
    expect(en.json().locale).toBe('en');
    expect(en.json().categories.map((node: { name: string }) => node.name)).toContain('Outboard motors');
    expect((await c.ok(null, 'GET', '/api/shop/categories')).locale).toBe('sv');
  });

  it('keeps the catalog to those who hold its permissions', async () => {
    expect((await c.as(null, 'GET', '/api/commerce/products')).statusCode).toBe(401);
    expect((await c.as(c.customer, 'GET', '/api/commerce/products')).statusCode).toBe(403);
    expect((await c.as(c.marketer, 'POST', '/api/commerce/brands', { slug: 'x', name: 'X' })).statusCode).toBe(403);
    // Marketing reads products to pick the variants a campaign prices, and changes none of them.
    const [product] = (await c.ok(c.marketer, 'GET', '/api/commerce/products')).products;
    expect((await c.as(c.marketer, 'GET', `/api/commerce/products/${product.id}`)).statusCode).toBe(200);
    expect(
      (await c.as(c.marketer, 'PATCH', `/api/commerce/products/${product.id}`, { status: 'draft' })).statusCode,
    ).toBe(403);
    expect((await c.as(c.keeper, 'POST', '/api/commerce/price-lists', { code: 'x', name: 'X' })).statusCode).toBe(403);
  });

  it('keeps brands, a category tree with translations, and typed attributes', async () => {
    const brand = await c.ok(c.keeper, 'POST', '/api/commerce/brands', { slug: 'tohatsu', name: 'Tohatsu' });
    const twin = await c.as(c.keeper, 'POST', '/api/commerce/brands', { slug: 'tohatsu', name: 'Tohatsu 2' });
    expect(twin.json()).toMatchObject({ status: 422, code: 'commerce.slug_taken' });
    await c.ok(c.keeper, 'PATCH', `/api/commerce/brands/${brand.id}`, { name: 'Tohatsu Marine' });
    expect((await audit(`action=commerce.brand.update&entityId=${brand.id}`))[0]).toMatchObject({
      before: { name: 'Tohatsu' },
      after: { name: 'Tohatsu Marine' },
    });

    const noEnglish = await c.as(c.keeper, 'POST', '/api/commerce/categories', {
      slug: 'kapell',
      name: { sv: 'Kapell' },
    });
    expect(noEnglish.json().errors).toEqual([
      expect.objectContaining({ path: 'body.name.en', message: 'is required' }),
    ]);
    const german = await c.as(c.keeper, 'POST', '/api/commerce/categories', {
      slug: 'kapell',
      name: { sv: 'Kapell', en: 'Covers', de: 'Persenning' },
    });
    expect(german.json().errors[0].path).toBe('body.name.de');
    const top = await c.ok(c.keeper, 'POST', '/api/commerce/categories', {
      slug: 'kapell',
      name: { sv: 'Kapell', en: 'Covers' },
      seoTitle: { sv: 'Båtkapell', en: 'Boat covers' },
    });
    const child = await c.ok(c.keeper, 'POST', '/api/commerce/categories', {
      slug: 'sprayhood',
      parentId: top.id,
      name: { sv: 'Sprayhood', en: 'Sprayhoods' },
    });
    const cycle = await c.as(c.keeper, 'POST', `/api/commerce/categories/${top.id}/move`, { parentId: child.id });
    expect(cycle.json()).toMatchObject({ code: 'commerce.category_cycle', errors: [{ path: 'body.parentId' }] });
    const moved = await c.ok(
      c.keeper,
      'POST',
      `/api/commerce/categories/${child.id}/move`,
      { parentId: null, position: 0 },
      200,
    );
    expect(moved).toMatchObject({ parentId: null, position: 0 });
    const renamed = await c.ok(c.keeper, 'PATCH', `/api/commerce/categories/${top.id}`, { slug: 'batkapell' });
    expect(renamed.slug).toBe('batkapell');
    const tree = await c.ok(null, 'GET', '/api/shop/categories?locale=en');
    expect(tree.categories[0].slug).toBe('sprayhood');

    const attribute = await c.ok(c.keeper, 'PUT', '/api/commerce/attributes/fabric', {
      type: 'enum',
      name: { sv: 'Tyg', en: 'Fabric' },
      options: [{ value: 'acrylic', label: { sv: 'Akryl', en: 'Acrylic' } }],
      facet: true,
    });
    expect(attribute).toMatchObject({ key: 'fabric', type: 'enum', facet: true });
    const noOptions = await c.as(c.keeper, 'PUT', '/api/commerce/attributes/colour_code', {
      type: 'enum',
      name: { sv: 'Färgkod', en: 'Colour code' },
    });
    expect(noOptions.json().errors[0].path).toBe('body.options');
  });

  it('creates products with variants, checking SKUs, option values and attribute types', async () => {
    const product = await c.ok(c.keeper, 'POST', '/api/commerce/products', propellerInput('a'));
    expect(product.variants.map((variant: { sku: string }) => variant.sku)).toEqual(['T-a-13', 'T-a-14']);
    expect(product.variants[0].stock).toMatchObject({ onHand: 0, availability: 'out' });

    const bad = await c.as(
      c.keeper,
      'POST',
      '/api/commerce/products',
      propellerInput('b', {
        attributes: { blades: 'three', material: 'wood', colour_code: 'x' },
        variants: [
          { sku: 'T-a-13', optionValues: { pitch: '13' } },
          { sku: 'T-b-2', optionValues: { size: 'L' } },
          { sku: 'T-b-3', optionValues: { pitch: '15' }, attributes: { pitch_in: '15' } },
          { sku: 'T-b-4', optionValues: { pitch: '15' } },
        ],
      }),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((error: { path: string; code: string }) => `${error.code} ${error.path}`)).toEqual(
      expect.arrayContaining([
        'invalid_attribute body.attributes.blades',
        'invalid_attribute body.attributes.material',
        'invalid_attribute body.attributes.colour_code',
        'sku_taken body.variants.0.sku',
        'option_mismatch body.variants.1.optionValues.pitch',
        'option_mismatch body.variants.1.optionValues.size',
        'invalid_attribute body.variants.2.attributes.pitch_in',
        'option_repeated body.variants.3.optionValues',
      ]),
    );
    expect(
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from commerce.products where slug = 'test-propeller-b'`.execute(c.node.platform.db)
      ).rows[0]?.n,
    ).toBe(0);

    const added = await c.ok(c.keeper, 'POST', `/api/commerce/products/${product.id}/variants`, {
      sku: 'T-a-15',
      ean: '7350000000017',
      optionValues: { pitch: '15' },
    });
    expect(added.variants).toHaveLength(3);
    const variant = added.variants[2];
    const fitted = await c.ok(c.keeper, 'PUT', `/api/commerce/variants/${variant.id}/fitments`, {
      fitments: [{ make: 'Yamaha', model: 'F40', yearFrom: 2010, yearTo: 2020 }],
    });
    expect(fitted.variants[2].fitments).toEqual([expect.objectContaining({ make: 'Yamaha', model: 'F40' })]);
    const backwards = await c.as(c.keeper, 'PUT', `/api/commerce/variants/${variant.id}/fitments`, {
      fitments: [{ make: 'Yamaha', model: 'F40', yearFrom: 2020, yearTo: 2010 }],
    });
    expect(backwards.json().errors[0].path).toBe('body.fitments.0.yearTo');
    const axes = await c.as(c.keeper, 'PATCH', `/api/commerce/products/${product.id}`, {
      options: [{ key: 'size', name: { sv: 'Storlek', en: 'Size' } }],
    });
    expect(axes.json()).toMatchObject({ code: 'commerce.option_mismatch' });
  });

  it('keeps an old slug answering with a redirect to the product, and resolves slugs for the storefront', async () => {
    const product = await c.ok(c.keeper, 'POST', '/api/commerce/products', propellerInput('slug'));
    await c.ok(c.keeper, 'PATCH', `/api/commerce/products/${product.id}`, { slug: 'test-propeller-renamed' });
    const old = await c.as(null, 'GET', '/api/shop/products/test-propeller-slug?currency=SEK');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/api/shop/products/test-propeller-renamed?currency=SEK');
    expect(old.json()).toMatchObject({ slug: 'test-propeller-renamed' });
    await c.ok(c.keeper, 'PATCH', `/api/commerce/products/${product.id}`, { slug: 'test-propeller-final' });
    const first = await c.as(null, 'GET', '/api/shop/products/test-propeller-slug');
    expect(first.headers.location).toBe('/api/shop/products/test-propeller-final');

    const { ShopReadService } = await import('../src/commerce/catalog/shop-read-service.js');
    const read = new ShopReadService(c.pricing);
    expect(await read.resolveSlug(c.node.platform.db, 'product', 'test-propeller-renamed')).toEqual({
      id: product.id,
      slug: 'test-propeller-final',
      redirected: true,
    });
    expect(await read.resolveSlug(c.node.platform.db, 'category', 'propellrar')).toMatchObject({ redirected: false });
    // A slug given back to a record wins over the redirect that held it.
    await c.ok(c.keeper, 'PATCH', `/api/commerce/products/${product.id}`, { slug: 'test-propeller-slug' });
    expect((await c.as(null, 'GET', '/api/shop/products/test-propeller-slug')).statusCode).toBe(200);
    const [entry] = await audit(`action=commerce.product.update&entityId=${product.id}`);
    expect(entry).toMatchObject({ before: { slug: 'test-propeller-final' }, after: { slug: 'test-propeller-slug' } });
  });

  it('pages the admin product list by keyset, filtered by text', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await c.ok(c.keeper, 'GET', `/api/commerce/products?limit=7${query}`);
      seen.push(...page.products.map((product: { id: string }) => product.id));
      cursor = page.nextCursor;
    } while (cursor);
    const total = (
      await sql<{ n: number }>`select count(*)::int as n from commerce.products`.execute(c.node.platform.db)
    ).rows[0]?.n;
    expect(new Set(seen).size).toBe(total);
    expect(seen).toHaveLength(total as number);
    const bySku = await c.ok(c.keeper, 'GET', '/api/commerce/products?q=SOL-AM3');
    expect(bySku.products.map((product: { slug: string }) => product.slug).sort()).toEqual([
      'solas-amita-3-small-9-20',
      'solas-amita-3-yamaha-40-60',
    ]);
    const byName = await c.ok(c.keeper, 'GET', '/api/commerce/products?q=räddningsväst');
    expect(byName.products.map((product: { slug: string }) => product.slug)).toEqual(['baltic-legend-165-automatisk']);
    expect((await c.as(c.keeper, 'GET', '/api/commerce/products?cursor=garbage')).json().code).toBe(
      'commerce.bad_cursor',
    );
  });
});

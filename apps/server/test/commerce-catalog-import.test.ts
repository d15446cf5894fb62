import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type CatalogNode, propellerInput, startCatalogNode } from './commerce-catalog-fixtures.js';
import { describeEachStore } from './stores.js';

/** A PNG's signature and IHDR chunk: all the header a reader needs for the size. */
function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'latin1');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return header;
}

/** A JPEG with an APP0 segment before its baseline frame header. */
function jpeg(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const sof = Buffer.alloc(19);
  sof.writeUInt16BE(0xffc0, 0);
  sof.writeUInt16BE(17, 2);
  sof[4] = 8;
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}

describeEachStore('commerce catalog: pictures, CSV export and import', (store) => {
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

  const upload = (productId: string, body: Buffer, type: string, query = '') =>
    c.node.app.inject({
      method: 'POST',
      url: `/api/commerce/products/${productId}/media${query}`,
      headers: { ...c.keeper.headers, 'content-type': type },
      payload: body,
    });
  const importFile = (text: string, fileName = 'katalog.csv') =>
    c.node.app.inject({
      method: 'POST',
      url: `/api/commerce/catalog/imports?fileName=${fileName}`,
      headers: { ...c.keeper.headers, 'content-type': 'text/csv' },
      payload: Buffer.from(`\uFEFF${text}`, 'utf8'),
    });
  const finished = async (id: string) => {
    await expect
      .poll(async () => (await c.ok(c.keeper, 'GET', `/api/commerce/catalog/imports/${id}`)).state)
      .toMatch(/done|failed/);
    return c.ok(c.keeper, 'GET', `/api/commerce/catalog/imports/${id}`);
  };

  it('takes pictures whose bytes are what they claim, reads their size, orders and serves them', async () => {
    const product = await c.ok(c.keeper, 'POST', '/api/commerce/products', propellerInput('m'));
    const first = await upload(product.id, png(800, 600), 'image/png', '?altSv=Propeller&altEn=Propeller');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ contentType: 'image/png', width: 800, height: 600, alt: { sv: 'Propeller' } });
    const second = (await upload(product.id, jpeg(1024, 768), 'image/jpeg')).json();
    expect(second).toMatchObject({ width: 1024, height: 768, position: 1 });
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 30"><rect width="40" height="30"/></svg>',
    );
    expect((await upload(product.id, svg, 'image/svg+xml')).json()).toMatchObject({ width: 40, height: 30 });

    const lying = await upload(product.id, png(10, 10), 'image/jpeg');
    expect(lying.json()).toMatchObject({ status: 415, code: 'commerce.media_type_mismatch' });
    const script = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
    );
    expect((await upload(product.id, script, 'image/svg+xml')).json().code).toBe('commerce.media_unreadable');
    expect((await upload(product.id, Buffer.from('%PDF-1.7'), 'application/pdf')).statusCode).toBe(415);
    const huge = Buffer.concat([png(10, 10), Buffer.alloc(5 * 1024 * 1024)]);
    expect((await upload(product.id, huge, 'image/png')).statusCode).toBe(413);

    const order = [second.id, first.json().id];
    const { media } = await c.ok(c.keeper, 'PUT', `/api/commerce/products/${product.id}/media/order`, {
      ids: [...order, (await c.ok(c.keeper, 'GET', `/api/commerce/products/${product.id}/media`)).media[2].id],
    });
    expect(media.map((item: { id: string }) => item.id).slice(0, 2)).toEqual(order);
    const partial = await c.as(c.keeper, 'PUT', `/api/commerce/products/${product.id}/media/order`, { ids: order });
    expect(partial.json().code).toBe('commerce.media_order_mismatch');
    // A published product's pictures are public; the bytes are the ones uploaded.
    const served = await c.as(null, 'GET', `/shop/media/${second.id}`);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.rawPayload.equals(jpeg(1024, 768))).toBe(true);
    await c.ok(c.keeper, 'PATCH', `/api/commerce/products/${product.id}`, { status: 'draft' });
    expect((await c.as(null, 'GET', `/shop/media/${second.id}`)).statusCode).toBe(404);
    expect((await c.as(c.keeper, 'GET', `/api/commerce/media/${second.id}`)).statusCode).toBe(200);
  });

  it('exports the catalog as CSV and re-imports its own export without changing anything', async () => {
    const exported = await c.as(c.keeper, 'GET', '/api/commerce/catalog/export');
    expect(exported.headers['content-type']).toContain('text/csv');
    const text = exported.body.replace(/^\uFEFF/, '');
    const [header, ...rows] = text.trim().split('\r\n');
    expect(header?.split(';')).toEqual(
      expect.arrayContaining([
        'product_slug',
        'sku',
        'price:SEK',
        'price:EUR',
        'option:pitch',
        'attr:material',
        'fitment',
      ]),
    );
    const variants = await sql<{ n: number }>`select count(*)::int as n from commerce.variants`.execute(
      c.node.platform.db,
    );
    expect(rows).toHaveLength(variants.rows[0]?.n as number);
    const p13 = rows.find((row) => row.includes(';SOL-AM3-Y40-P13;'));
    expect(p13).toContain('Yamaha:F40:2010-2020|Yamaha:F50:2010-2020|Yamaha:F60:2010-2020');
    expect(p13).toContain(';1290,00;');

    const preview = await importFile(text);
    expect(preview.statusCode).toBe(201);
    expect(preview.json()).toMatchObject({
      state: 'previewed',
      errorRows: 0,
      errors: [],
      counts: { products: { created: 0 }, variants: { created: 0, updated: rows.length } },
    });
  });

  it('previews errors by row and column, then applies the good products in batches and skips the bad whole', async () => {
    const file = [
      'product_slug;status;brand;categories;name_sv;name_en;option:pitch;sku;price:SEK;on_hand;fitment;attr:material',
      'ny-propeller;published;solas;propellrar;Ny propeller;New propeller;13;T-NY-13;1 290,00;5;Yamaha:F40:2010-2020;aluminium',
      'ny-propeller;published;solas;propellrar;Ny propeller;New propeller;14;T-NY-14;1290,00;4;;aluminium',
      'trasig;published;okand;propellrar;Trasig;Broken;13;T-TR-13;12,345;x;Yamaha-F40;tra',
      'trasig;published;okand;propellrar;Trasig;Broken;14;T-TR-14;100;1;;aluminium',
      'solas-amita-3-yamaha-40-60;;;;;;11;SOL-AM3-Y40-P11;1 190,00;;;',
    ].join('\r\n');
    const preview = (await importFile(file)).json();
    expect(preview).toMatchObject({
      totalRows: 5,
      errorRows: 2,
      counts: { products: { created: 1, updated: 1 }, variants: { created: 2, updated: 1 } },
    });
    expect(
      preview.errors.map((error: { row: number; column: string }) => `${error.row} ${error.column}`).sort(),
    ).toEqual(
      // Row 5 names another material than row 4 of the same product: that is an error of its own.
      ['4 attr:material', '4 brand', '4 fitment', '4 on_hand', '4 price:SEK', '5 attr:material'].sort(),
    );
    expect(await c.ok(c.keeper, 'GET', '/api/commerce/products?q=ny-propeller')).toMatchObject({ products: [] });

    const started = await c.ok(c.keeper, 'POST', `/api/commerce/catalog/imports/${preview.id}/apply`, undefined, 202);
    expect(started.state).toMatch(/running|done/);
    const result = await finished(preview.id);
    expect(result).toMatchObject({
      state: 'done',
      processedRows: 5,
      errorRows: 2,
      counts: { products: { created: 1, updated: 1 }, variants: { created: 2, updated: 1 } },
    });
    const again = await c.as(c.keeper, 'POST', `/api/commerce/catalog/imports/${preview.id}/apply`);
    expect(again.json()).toMatchObject({ status: 409, code: 'commerce.import_not_previewed' });

    const created = await c.ok(null, 'GET', '/api/shop/products/ny-propeller?locale=en');
    expect(created.name).toBe('New propeller');
    expect(created.brand).toEqual({ slug: 'solas', name: 'Solas' });
    expect(created.variants.map((variant: { sku: string }) => variant.sku)).toEqual(['T-NY-13', 'T-NY-14']);
    expect(created.variants[0]).toMatchObject({ availability: 'in_stock', price: { unitPriceMinor: 129_000 } });
    expect(created.variants[0].fitments).toEqual([{ make: 'Yamaha', model: 'F40', yearFrom: 2010, yearTo: 2020 }]);
    expect((await c.as(null, 'GET', '/api/shop/products/trasig')).statusCode).toBe(404);
    const p11 = await sql<{ amount_minor: number; regular_minor: number }>`
      select h.amount_minor, h.regular_minor from commerce.price_history h join commerce.variants v on v.id = h.variant_id
      where v.sku = 'SOL-AM3-Y40-P11' and h.currency = 'SEK' order by h.effective_from desc limit 1`.execute(
      c.node.platform.db,
    );
    expect(p11.rows[0]?.regular_minor).toBe(119_000);
    const { entries } = await c.ok(c.node.admin, 'GET', '/api/admin/audit?action=commerce.import.batch');
    expect(entries[0].after.priceChanges).toEqual(
      expect.arrayContaining([{ sku: 'SOL-AM3-Y40-P11', currency: 'SEK', before: 129_000, after: 119_000 }]),
    );
  });

  it('refuses a file whose header it cannot read, and keeps imports to the catalog’s keepers', async () => {
    const preview = (await importFile('product_slug;sku;colour\r\nx;X-1;red')).json();
    expect(preview.errors).toEqual([expect.objectContaining({ row: 1, column: 'colour' })]);
    const apply = await c.as(c.keeper, 'POST', `/api/commerce/catalog/imports/${preview.id}/apply`);
    expect(apply.json().code).toBe('commerce.import_bad_header');
    const binary = await c.node.app.inject({
      method: 'POST',
      url: '/api/commerce/catalog/imports',
      headers: { ...c.keeper.headers, 'content-type': 'text/csv' },
      payload: Buffer.from([0xff, 0xfe, 0x00, 0x01]),
    });
    expect(binary.json().code).toBe('commerce.import_not_csv');
    expect((await c.as(c.customer, 'GET', '/api/commerce/catalog/export')).statusCode).toBe(403);
    expect((await c.ok(c.keeper, 'GET', '/api/commerce/catalog/imports')).imports.length).toBeGreaterThanOrEqual(2);
  });
});

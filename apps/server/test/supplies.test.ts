import type { Article, Order, OrderingUnit } from '@kontor/contracts';
import ExcelJS from 'exceljs';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from './stores.js';
import { orderingStaff, tomorrow } from './supplies-fixtures.js';
import { expectStatus, type Session, startTestNode, type TestNode } from './test-node.js';

describeEachStore('supplies on the hub', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;
  let nurse: Session & { id: string };
  let staff: Session & { id: string };
  let ward: OrderingUnit;
  let gloves: Article;
  let vinyl: Article;

  const inject = (options: InjectOptions) => node.app.inject(options);
  const article = async (q: string, session: Session = nurse): Promise<Article> => {
    const page = (
      await expectStatus(
        inject({ url: '/api/supplies/articles', query: { q, includeInactive: 'true' }, headers: session.headers }),
        200,
      )
    ).json();
    return page.articles[0];
  };
  const place = (payload: object, session: Session = nurse) =>
    inject({ method: 'POST', url: '/api/supplies/orders', payload, headers: session.headers });
  const orderFor = (lines: Array<{ articleId: string; quantity: number }>, unitId = ward.id) => ({
    unitId,
    deliveryAddress: 'Ortopedavdelning 71, plan 3, USÖ',
    requestedDate: tomorrow(),
    lines,
  });

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location);
    ({ nurse, staff, ward } = await orderingStaff(node));
    gloves = await article('engångshandskar nitril M');
    vinyl = await article('handskar vinyl M');
  });
  afterAll(async () => {
    await node.close();
    await release();
  });

  it('lists a catalog of more than 200 articles in categories, found by any case, accents or a typo', async () => {
    const categories = (await inject({ url: '/api/supplies/categories', headers: nurse.headers })).json();
    expect(categories.length).toBeGreaterThan(10);
    const all = (
      await inject({
        url: '/api/supplies/articles',
        query: { includeInactive: 'true', limit: '1' },
        headers: nurse.headers,
      })
    ).json();
    expect(all.total).toBeGreaterThan(200);
    expect(gloves.name).toBe('Engångshandskar nitril M 100 st');
    expect((await article('ENGANGSHANDSKAR NITRIL M')).id).toBe(gloves.id);
    expect((await article('engangshandksar nitril')).name).toContain('Engångshandskar nitril');
    expect((await article(gloves.articleNumber)).id).toBe(gloves.id);
    expect(vinyl.active).toBe(false);
    const names = (await inject({ url: '/api/supplies/articles', query: { limit: '40' }, headers: nurse.headers }))
      .json()
      .articles.map((found: Article) => found.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('sv').compare));
  });

  it('shows a nurse only the units she orders for', async () => {
    const units: OrderingUnit[] = (await inject({ url: '/api/supplies/units', headers: nurse.headers })).json();
    expect(units.map((unit) => unit.name)).toEqual(['Ortopedavdelning 71']);
    expect(units[0]?.path).toBe('Region Örebro län / Universitetssjukhuset Örebro / Ortopedavdelning 71');
    const members = (await inject({ url: `/api/supplies/units/${ward.id}/members`, headers: staff.headers })).json();
    expect(members.userIds).toEqual([nurse.id]);
    expect(members.candidates.map((user: { id: string }) => user.id)).toContain(nurse.id);
  });

  it('places an order that the hub holds at once, then takes it through its states', async () => {
    const placed: Order = (await expectStatus(place(orderFor([{ articleId: gloves.id, quantity: 4 }])), 201)).json();
    expect(placed).toMatchObject({ status: 'new', editable: true, unitName: 'Ortopedavdelning 71' });
    expect(placed.delivery).toBe('sent');
    expect(placed.number).toMatch(/^KO-[0-9A-Z]{6}$/);
    expect(placed.lines).toEqual([expect.objectContaining({ articleNumber: gloves.articleNumber, quantity: 4 })]);

    const status = (status: string, reason = '') =>
      inject({
        method: 'POST',
        url: `/api/supplies/orders/${placed.id}/status`,
        payload: { status, reason },
        headers: staff.headers,
      });
    expect((await status('received')).json()).toMatchObject({ status: 'received', editable: false });
    const edit = await inject({
      method: 'PUT',
      url: `/api/supplies/orders/${placed.id}`,
      payload: { deliveryAddress: 'x', requestedDate: tomorrow(), lines: [{ articleId: gloves.id, quantity: 1 }] },
      headers: nurse.headers,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toMatch(/ask for a change/);

    const asked: Order = (
      await expectStatus(
        inject({
          method: 'POST',
          url: `/api/supplies/orders/${placed.id}/requests`,
          payload: { kind: 'change', lines: [{ articleId: gloves.id, quantity: 6 }], comment: 'Fler patienter' },
          headers: nurse.headers,
        }),
        201,
      )
    ).json();
    const request = asked.requests[0];
    expect(request).toMatchObject({ kind: 'change', decision: null });
    const decided: Order = (
      await expectStatus(
        inject({
          method: 'POST',
          url: `/api/supplies/requests/${request?.id}/decision`,
          payload: { decision: 'accepted' },
          headers: staff.headers,
        }),
        200,
      )
    ).json();
    expect(decided.lines[0]?.quantity).toBe(6);
    expect(decided.requests[0]?.decision).toBe('accepted');
    expect((await status('delivered')).json().status).toBe('delivered');
    expect((await status('cancelled', 'late')).statusCode).toBe(409);
  });

  it("lets the central store's staff read every unit's orders without ordering themselves", async () => {
    const store = await node.userWith(['supplies.manage']);
    const all = await expectStatus(inject({ url: '/api/supplies/orders', headers: store.headers }), 200);
    expect(all.json().total).toBeGreaterThan(0);
    await expectStatus(place(orderFor([{ articleId: gloves.id, quantity: 1 }])), 201);
    const count = async (status: string) =>
      (await inject({ url: '/api/supplies/orders', query: { status }, headers: store.headers })).json().total;
    expect(await count('new')).toBeGreaterThan(0);
    expect(await count('new,delivered')).toBe((await count('new')) + (await count('delivered')));
    const wrong = await inject({ url: '/api/supplies/orders', query: { status: 'new,lost' }, headers: store.headers });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('querystring.status');
  });

  it('edits and withdraws an order until the hub takes it in', async () => {
    const placed: Order = (await expectStatus(place(orderFor([{ articleId: gloves.id, quantity: 2 }])), 201)).json();
    const edited: Order = (
      await expectStatus(
        inject({
          method: 'PUT',
          url: `/api/supplies/orders/${placed.id}`,
          payload: {
            deliveryAddress: 'Förrådet plan 3',
            requestedDate: tomorrow(),
            note: 'Ring 4711',
            lines: [{ articleId: gloves.id, quantity: 3 }],
          },
          headers: nurse.headers,
        }),
        200,
      )
    ).json();
    expect(edited).toMatchObject({ deliveryAddress: 'Förrådet plan 3', note: 'Ring 4711' });
    const withdrawn = await inject({
      method: 'POST',
      url: `/api/supplies/orders/${placed.id}/withdraw`,
      headers: nurse.headers,
    });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', editable: false });
  });

  it('refuses an inactive article, a zero quantity and a unit the user does not order for, saving nothing', async () => {
    const before = (await inject({ url: '/api/supplies/orders', headers: staff.headers })).json().total;
    const inactive = await place(orderFor([{ articleId: vinyl.id, quantity: 1 }]));
    expect(inactive.statusCode).toBe(400);
    expect(inactive.json().errors).toEqual([
      expect.objectContaining({
        path: 'body.lines.0.articleId',
        message: expect.stringContaining('can no longer be ordered'),
      }),
    ]);
    const zero = await place(orderFor([{ articleId: gloves.id, quantity: 0 }]));
    expect(zero.statusCode).toBe(400);
    expect(zero.json().errors[0].path).toBe('body.lines.0.quantity');
    const negative = await place(orderFor([{ articleId: gloves.id, quantity: -3 }]));
    expect(negative.statusCode).toBe(400);
    const units: OrderingUnit[] = (await inject({ url: '/api/supplies/units', headers: staff.headers })).json();
    const other = units.find((unit) => unit.name === 'Akutmottagningen Karlskoga') as OrderingUnit;
    const foreign = await place(orderFor([{ articleId: gloves.id, quantity: 1 }], other.id));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0]).toMatchObject({
      path: 'body.unitId',
      message: 'You do not order for Akutmottagningen Karlskoga',
    });
    const past = await place({ ...orderFor([{ articleId: gloves.id, quantity: 1 }]), requestedDate: '2020-01-01' });
    expect(past.json().errors[0].path).toBe('body.requestedDate');
    expect((await inject({ url: '/api/supplies/orders', headers: staff.headers })).json().total).toBe(before);
  });

  it('lets the hub keep the catalog: unique article numbers, pictures on https, deactivation', async () => {
    const article = {
      articleNumber: '999001',
      name: 'Engångsrock gul M',
      unit: 'förp',
      packSize: 10,
      categoryId: gloves.categoryId,
      imageUrl: 'https://supplier.example/rock.png',
    };
    const post = (payload: object) =>
      inject({ method: 'POST', url: '/api/supplies/articles', payload, headers: staff.headers });
    const created: Article = (await expectStatus(post(article), 201)).json();
    expect(created).toMatchObject({ active: true, priceMinor: null, imageUrl: 'https://supplier.example/rock.png' });
    const taken = await post({ ...article, name: 'Annan' });
    expect(taken.json().errors[0]).toMatchObject({ path: 'body.articleNumber' });
    const plain = await post({ ...article, articleNumber: '999002', imageUrl: 'http://supplier.example/x.png' });
    expect(plain.statusCode).toBe(400);
    expect(plain.json().errors[0].path).toBe('body.imageUrl');
    expect((await post({ ...article, articleNumber: '999003' })).statusCode).toBe(201);
    const deactivated = await inject({
      method: 'PUT',
      url: `/api/supplies/articles/${created.id}`,
      payload: { ...article, active: false },
      headers: staff.headers,
    });
    expect(deactivated.json().active).toBe(false);
    expect(
      (await inject({ method: 'POST', url: '/api/supplies/articles', payload: article, headers: nurse.headers }))
        .statusCode,
    ).toBe(403);
  });

  it("keeps a unit's favourites and standard orders", async () => {
    const url = `/api/supplies/units/${ward.id}/favourites/${gloves.id}`;
    expect((await inject({ method: 'PUT', url, headers: nurse.headers })).json().articleIds).toContain(gloves.id);
    expect((await inject({ method: 'DELETE', url, headers: nurse.headers })).json().articleIds).not.toContain(
      gloves.id,
    );
    const saved = (
      await expectStatus(
        inject({
          method: 'POST',
          url: '/api/supplies/standard-orders',
          payload: { unitId: ward.id, name: 'Helgbeställning', lines: [{ articleId: gloves.id, quantity: 5 }] },
          headers: nurse.headers,
        }),
        201,
      )
    ).json();
    const lists = (
      await inject({ url: `/api/supplies/units/${ward.id}/standard-orders`, headers: nurse.headers })
    ).json();
    expect(lists.map((list: { name: string }) => list.name)).toContain('Helgbeställning');
    expect(saved.lines[0]).toMatchObject({ articleNumber: gloves.articleNumber, quantity: 5 });
  });

  it('exports orders as CSV and Excel, a row per line', async () => {
    const csv = await inject({ url: '/api/supplies/orders/export', query: { format: 'csv' }, headers: nurse.headers });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('order_number;unit;status');
    expect(lines.some((line) => line.includes('Engångshandskar nitril M 100 st'))).toBe(true);
    const xlsx = await inject({
      url: '/api/supplies/orders/export',
      query: { format: 'xlsx' },
      headers: nurse.headers,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Orders')?.rowCount).toBe(lines.length);
  });

  it('feeds what happened to orders, in order, from a cursor, to an API token with supplies.feed', async () => {
    const supplier = await node.userWith(['supplies.feed']);
    const token = await expectStatus(
      inject({
        method: 'POST',
        url: '/api/admin/tokens',
        payload: { name: 'supplier', userId: supplier.id, permissions: ['supplies.feed'] },
        headers: node.admin.headers,
      }),
      201,
    );
    const auth = { authorization: `Bearer ${token.json().secret}` };
    const first = (
      await expectStatus(inject({ url: '/api/supplies/feed', query: { limit: '3' }, headers: auth }), 200)
    ).json();
    expect(first.items.map((item: { kind: string }) => item.kind)[0]).toBe('order.placed');
    const rest = (
      await inject({ url: '/api/supplies/feed', query: { after: String(first.next) }, headers: auth })
    ).json();
    expect(rest.items[0].cursor).toBeGreaterThan(first.next - 1);
    expect(rest.items.map((item: { kind: string }) => item.kind)).toContain('order.status');
    expect((await inject({ url: '/api/supplies/feed', headers: nurse.headers })).statusCode).toBe(403);
  });
});

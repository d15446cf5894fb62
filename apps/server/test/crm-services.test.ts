import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClientsService, type LegacyClientRecord, type StoredClient } from '../src/legacy/clients/clients-service.js';
import { type LegacyOrderRecord, OrdersService, type StoredOrder } from '../src/legacy/orders/orders-service.js';
import { seedLegacyDemo } from '../src/legacy/seed-demo.js';
import { byteOrder } from '../src/legacy/text.js';
import { systemContext } from '../src/platform/context.js';
import { describeEachStore } from './stores.js';
import { startTestNode, type TestNode } from './test-node.js';

const ctx = systemContext('crm-services-test');

const legacyClient = (id: string, name: string, version = 3): LegacyClientRecord => ({
  id,
  version,
  name,
  email: null,
  phone: '+46 19 12 34 56',
  orgNumber: null,
  city: 'Örebro',
  createdAt: '2019-03-04T05:06:07.089Z',
  updatedAt: '2024-11-12T13:14:15.167Z',
});

const legacyOrder = (id: string, clientId: string, orderedAt: string): LegacyOrderRecord => ({
  id,
  version: 2,
  number: `A-${id.slice(1)}`,
  clientId,
  text: 'Årlig service av värmepump',
  status: 'done',
  amountMinor: 125_000,
  currency: 'SEK',
  orderedAt,
  updatedAt: orderedAt,
});

describeEachStore('crm services: our clients and orders', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;
  let clients: ClientsService;
  let orders: OrdersService;

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location, { demo: false });
    clients = new ClientsService(node.platform);
    orders = new OrdersService(node.platform);
  });
  afterAll(async () => {
    await node?.close();
    await release?.();
  });

  const allClients = async (q?: string, limit = 4): Promise<StoredClient[]> => {
    const walked: StoredClient[] = [];
    for (;;) {
      const last = walked.at(-1);
      const page = await clients.page(ctx, { q, limit, after: last && { sortName: last.sortName, ref: last.ref } });
      walked.push(...page);
      if (page.length < limit) return walked;
    }
  };

  const allOrders = async (filter: Parameters<OrdersService['page']>[1]): Promise<StoredOrder[]> => {
    const walked: StoredOrder[] = [];
    for (;;) {
      const last = walked.at(-1);
      const before = last && { orderedAt: last.orderedAt.toISOString(), ref: last.ref };
      const page = await orders.page(ctx, { ...filter, before });
      walked.push(...page);
      if (page.length < filter.limit) return walked;
    }
  };

  describe('demo data', () => {
    it('seeds a few clients and orders of our own, once', async () => {
      await seedLegacyDemo(node.platform);
      await seedLegacyDemo(node.platform);
      expect(await clients.counts(ctx)).toEqual({ migrated: 0, createdHere: 8 });
      expect(await orders.counts(ctx)).toEqual({ migrated: 0, createdHere: 12 });
      const [asa] = await clients.page(ctx, { q: 'asa oberg', limit: 5 });
      expect(asa?.name).toBe('Åsa Öberg');
      const asasOrders = await orders.page(ctx, { client: asa?.ref, limit: 5 });
      expect(asasOrders.map((order) => order.text)).toEqual(['Uppföljande besök', 'Konsultation, trädgårdsplanering']);
    });
  });

  describe('clients', () => {
    it('walks every client once, in (folded name, ref) byte order, whatever the ties and diacritics', async () => {
      const names = [
        'Örjan Berg',
        'orjan berg',
        'Anna Lind',
        'Anna Lind',
        'Łukasz Nowak',
        'Søren Ærø',
        'Ängel AB',
        'Zoë',
      ];
      for (const name of names) await clients.create(ctx, { name });
      await node.platform.transaction((trx) =>
        clients.importLegacy(
          trx,
          [legacyClient('C000002', 'Anna Lind'), legacyClient('C000001', 'Örjan  Berg')],
          'backfill',
        ),
      );

      const walked = await allClients(undefined, 3);
      const refs = walked.map((client) => client.ref);
      expect(new Set(refs).size).toBe(refs.length);
      const everyone = await clients.byRefs(ctx, refs);
      expect(everyone).toHaveLength(refs.length);
      expect(await clients.counts(ctx)).toEqual({ migrated: 2, createdHere: 8 + names.length });
      expect(walked).toHaveLength(10 + names.length);
      // The legacy CRM and the facade order the same way: JavaScript's string order on (sortName, ref).
      const expected = [...walked].sort((a, b) => byteOrder(a.sortName, b.sortName) || byteOrder(a.ref, b.ref));
      expect(refs).toEqual(expected.map((client) => client.ref));

      const annas = walked.filter((client) => client.sortName === 'anna lind').map((client) => client.ref);
      expect(annas).toHaveLength(3);
      expect(annas[0]).toBe('C000002');
      expect(walked.find((client) => client.ref === 'C000001')?.sortName).toBe('orjan berg');
      expect(walked.find((client) => client.name === 'Søren Ærø')?.sortName).toBe('soren aero');
    });

    it('finds a name whatever its case and diacritics, forgives a small typo, and takes % literally', async () => {
      const asa = await clients.create(ctx, { name: 'Åsa Öberg-Lindqvist', city: 'Lindesberg' });
      const found = async (q: string) => (await allClients(q, 2)).map((client) => client.ref);
      for (const q of ['asa', 'oberg', 'Öberg', 'ÅSA öberg', 'OBERG-lind', 'Obergg', 'asa lindqvst'])
        expect(await found(q), q).toContain(asa.ref);
      expect(await found('asa zzzz')).toEqual([]);
      // Words too short for the trigram index take the other plan; the answer is the same kind.
      const zoe = await found('zo');
      expect((await clients.byRefs(ctx, zoe)).map((client) => client.name)).toContain('Zoë');
      expect(await found('%')).toEqual([]);
      expect(await found('_')).toEqual([]);
      const lukasz = await found('lukasz');
      expect((await clients.byRefs(ctx, lukasz)).map((client) => client.name)).toEqual(['Łukasz Nowak']);
    });

    it('edits with optimistic versions: a stale one is refused with 409, an unknown client is 404', async () => {
      const made = await clients.create(ctx, { name: 'Ingrid Holm', email: 'ingrid@example.se' });
      expect(made).toMatchObject({ ref: `K-${made.id}`, version: 1, legacyId: null, migratedAt: null });

      const edited = await clients.update(ctx, made.ref, { phone: '+46 70 000 00 00', email: null, version: 1 });
      expect(edited).toMatchObject({ version: 2, phone: '+46 70 000 00 00', email: null, name: 'Ingrid Holm' });
      expect(edited.updatedAt.getTime()).toBeGreaterThanOrEqual(made.updatedAt.getTime());

      await expect(clients.update(ctx, made.ref, { city: 'Nora', version: 1 })).rejects.toMatchObject({
        status: 409,
        code: 'crm.stale_version',
        extra: { errors: [expect.objectContaining({ path: 'body.version' })] },
      });
      await expect(clients.update(ctx, 'K-nobody', { city: 'Nora', version: 1 })).rejects.toMatchObject({
        status: 404,
      });
      await expect(clients.update(ctx, made.ref, { name: '\u0301 ', version: 2 })).rejects.toMatchObject({
        status: 422,
        extra: { errors: [expect.objectContaining({ path: 'body.name' })] },
      });

      const renamed = await clients.update(ctx, made.ref, { name: 'Ingrid  Åhlén', version: 2 });
      expect(renamed).toMatchObject({ version: 3, sortName: 'ingrid ahlen' });
      expect((await clients.get(ctx, made.ref))?.version).toBe(3);
    });

    it('audits every create and edit with what it was before and after', async () => {
      const made = await clients.create(ctx, { name: 'Revisor Rut' });
      await clients.update(ctx, made.ref, { city: 'Askersund', version: 1 });
      const entries = await node.platform.audit.list(node.platform.db, { entityId: made.ref, limit: 10 });
      expect(entries.map((entry) => entry.action)).toEqual(['crm.client.update', 'crm.client.create']);
      expect(entries[0]).toMatchObject({
        entity: 'crm.client',
        actorName: 'system:crm-services-test',
        before: { ref: made.ref, city: null, version: 1, source: 'ours' },
        after: { ref: made.ref, city: 'Askersund', version: 2 },
      });
      expect(entries[1]?.before).toBeNull();
    });

    it('imports legacy records once, even retried or twice at the same time, keeping their ids and versions', async () => {
      const batch = [legacyClient('C000103', 'Jörgen Ångström', 7), legacyClient('C000101', 'Märta Sjöberg')];
      const importOnce = () => node.platform.transaction((trx) => clients.importLegacy(trx, batch, 'backfill'));
      expect(await importOnce()).toBe(2);
      expect(await importOnce()).toBe(0);

      const racing = [legacyClient('C000201', 'Karl Nässén'), legacyClient('C000202', 'Britt Dahl')];
      const race = () => node.platform.transaction((trx) => clients.importLegacy(trx, racing, 'edit'));
      const inserted = await Promise.all([race(), race()]);
      expect(inserted.reduce((sum, n) => sum + n, 0)).toBe(2);

      const moved = await clients.byRefs(ctx, ['C000103', 'C000101', 'C000201', 'C000202']);
      expect(moved).toHaveLength(4);
      expect(moved.find((client) => client.ref === 'C000103')).toMatchObject({
        legacyId: 'C000103',
        legacyVersion: 7,
        version: 7,
        name: 'Jörgen Ångström',
        sortName: 'jorgen angstrom',
        createdAt: new Date('2019-03-04T05:06:07.089Z'),
        updatedAt: new Date('2024-11-12T13:14:15.167Z'),
      });
      expect(moved.every((client) => client.migratedAt instanceof Date)).toBe(true);
      expect(await clients.migratedLegacyIds(ctx, ['C000103', 'C000202', 'C999999'])).toEqual(
        new Set(['C000103', 'C000202']),
      );
      expect(await clients.importLegacy(node.platform.db, [], 'backfill')).toBe(0);
    });

    it('moves and edits in one transaction: the legacy version is the one to edit from, and a failure keeps neither', async () => {
      const record = legacyClient('C000301', 'Greta Fors', 4);
      const edited = await node.platform.transaction(async (trx) => {
        await clients.importLegacy(trx, [record], 'edit');
        return clients.update(ctx, record.id, { phone: '+46 19 99 99 99', version: 4 }, trx);
      });
      expect(edited).toMatchObject({ ref: 'C000301', version: 5, legacyVersion: 4, phone: '+46 19 99 99 99' });

      const other = legacyClient('C000302', 'Hugo Fors', 4);
      await expect(
        node.platform.transaction(async (trx) => {
          await clients.importLegacy(trx, [other], 'edit');
          return clients.update(ctx, other.id, { phone: '+46 19 11 11 11', version: 3 }, trx);
        }),
      ).rejects.toMatchObject({ status: 409, code: 'crm.stale_version' });
      expect(await clients.get(ctx, other.id)).toBeUndefined();
    });
  });

  describe('orders', () => {
    let client: StoredClient;
    beforeEach(async () => {
      client = await clients.create(ctx, { name: 'Kalenderbolaget AB' });
    });

    const place = (orderedAt: string, text = 'Kopieringspapper A4', status: StoredOrder['status'] = 'new') =>
      orders.create(ctx, { clientRef: client.ref, text, status, amountMinor: 19_900, currency: 'SEK', orderedAt });

    it('numbers our orders K- and six digits, in sequence, and keeps milliseconds', async () => {
      const first = await place('2026-03-02T08:00:00.123Z');
      const second = await place('2026-03-02T08:00:00.124+01:00');
      expect(first.number).toMatch(/^K-\d{6}$/);
      expect(Number(second.number.slice(2))).toBe(Number(first.number.slice(2)) + 1);
      expect(first).toMatchObject({ ref: `K-${first.id}`, version: 1, status: 'new', amountMinor: 19_900 });
      expect(first.orderedAt.toISOString()).toBe('2026-03-02T08:00:00.123Z');
      expect(second.orderedAt.toISOString()).toBe('2026-03-02T07:00:00.124Z');
    });

    it('filters by Stockholm days, winter and summer, both ends included', async () => {
      const inside = [
        await place('2026-01-14T23:00:00.000Z'), // 15 January 00:00 in Stockholm
        await place('2026-01-15T22:59:59.999Z'), // 15 January 23:59:59.999
        await place('2026-06-30T22:00:00.000Z'), // 1 July 00:00 (summer time)
      ];
      await place('2026-01-14T22:59:59.999Z'); // 14 January 23:59:59.999
      await place('2026-01-15T23:00:00.000Z'); // 16 January 00:00
      await place('2026-07-01T22:00:00.000Z'); // 2 July 00:00

      const days = async (from: string, to: string) =>
        (await allOrders({ client: client.ref, from, to, limit: 2 })).map((order) => order.ref);
      expect(await days('2026-01-15', '2026-01-15')).toEqual([inside[1]?.ref, inside[0]?.ref]);
      expect(await days('2026-07-01', '2026-07-01')).toEqual([inside[2]?.ref]);
      expect(await days('2026-01-16', '2026-06-30')).toHaveLength(1);
      const onlyFrom = await allOrders({ client: client.ref, from: '2026-07-01', limit: 5 });
      expect(onlyFrom.map((order) => order.orderedAt.toISOString())).toEqual([
        '2026-07-01T22:00:00.000Z',
        '2026-06-30T22:00:00.000Z',
      ]);
    });

    it('finds orders by client, words of the number or text, and status; walks each once newest first', async () => {
      const other = await clients.create(ctx, { name: 'Annan Kund' });
      const same = '2026-04-01T10:00:00.000Z';
      const lamp = await place(same, 'Skrivbordslampa, mässing', 'in_progress');
      const chair = await place(same, 'Kontorsstol med nackstöd', 'done');
      for (const minute of [1, 2, 1, 3, 2, 1, 3, 2]) await place(`2026-04-01T10:0${minute}:00.000Z`, 'Häftklamrar');
      await orders.create(ctx, {
        clientRef: other.ref,
        text: 'Skrivbordslampa',
        status: 'new',
        amountMinor: 1,
        currency: 'SEK',
      });
      await node.platform.transaction((trx) =>
        orders.importLegacy(trx, [legacyOrder('O0000042', client.ref, '2026-04-01T10:00:00.000Z')], 'backfill'),
      );

      const texts = async (filter: Omit<Parameters<OrdersService['page']>[1], 'limit'>) =>
        (await allOrders({ client: client.ref, ...filter, limit: 3 })).map((order) => order.ref);
      expect(await texts({ q: 'MASSING skrivbord' })).toEqual([lamp.ref]);
      expect(await texts({ q: 'nackstod' })).toEqual([chair.ref]);
      expect(await texts({ q: lamp.number.toLowerCase() })).toEqual([lamp.ref]);
      expect(await texts({ q: 'a-0000042' })).toEqual(['O0000042']);
      expect(await texts({ q: 'varmepump', status: 'done' })).toEqual(['O0000042']);
      expect(await texts({ status: 'in_progress' })).toEqual([lamp.ref]);
      expect(await texts({ q: '%' })).toEqual([]);

      const walked = await allOrders({ client: client.ref, limit: 2 });
      const refs = walked.map((order) => order.ref);
      expect(new Set(refs).size).toBe(refs.length);
      expect(refs).toHaveLength(11);
      const expected = [...walked].sort(
        (a, b) => b.orderedAt.getTime() - a.orderedAt.getTime() || byteOrder(b.ref, a.ref),
      );
      expect(refs).toEqual(expected.map((order) => order.ref));
      // Three orders placed in the same millisecond: the ref breaks the tie, descending.
      const tied = walked.filter((order) => order.orderedAt.toISOString() === same).map((order) => order.ref);
      expect(tied).toEqual([lamp.ref, chair.ref, 'O0000042'].sort(byteOrder).reverse());
      expect((await allOrders({ limit: 7 })).length).toBeGreaterThanOrEqual(12 + 11 + 1);
    });

    it('edits with versions and audits, and imports legacy orders once', async () => {
      const order = await place('2026-05-05T05:05:05.555Z');
      const edited = await orders.update(ctx, order.ref, { status: 'done', text: 'Pärmar och gem', version: 1 });
      expect(edited).toMatchObject({ version: 2, status: 'done', text: 'Pärmar och gem' });
      expect((await orders.page(ctx, { client: client.ref, q: 'parmar', limit: 5 })).map((o) => o.ref)).toEqual([
        order.ref,
      ]);
      await expect(orders.update(ctx, order.ref, { status: 'cancelled', version: 1 })).rejects.toMatchObject({
        status: 409,
        code: 'crm.stale_version',
      });
      const entries = await node.platform.audit.list(node.platform.db, { entityId: order.ref, limit: 10 });
      expect(entries.map((entry) => entry.action)).toEqual(['crm.order.update', 'crm.order.create']);
      expect(entries[0]).toMatchObject({ before: { status: 'new' }, after: { status: 'done', version: 2 } });

      const batch = [legacyOrder('O0000051', 'C000051', '2025-12-24T15:00:00.250Z')];
      const race = () => node.platform.transaction((trx) => orders.importLegacy(trx, batch, 'backfill'));
      expect((await Promise.all([race(), race()])).reduce((sum, n) => sum + n, 0)).toBe(1);
      expect(await orders.importLegacy(node.platform.db, batch, 'backfill')).toBe(0);
      expect(await orders.get(ctx, 'O0000051')).toMatchObject({
        legacyId: 'O0000051',
        legacyVersion: 2,
        version: 2,
        number: 'A-0000051',
        clientRef: 'C000051',
        orderedAt: new Date('2025-12-24T15:00:00.250Z'),
      });
      expect(await orders.migratedLegacyIds(ctx, ['O0000051', 'O0000042', 'O1'])).toEqual(
        new Set(['O0000051', 'O0000042']),
      );
      expect((await orders.counts(ctx)).migrated).toBe(2);
    });
  });
});

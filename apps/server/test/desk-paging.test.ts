import type { Incident } from '@kontor/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from './stores.js';
import { expectStatus, type Session, startTestNode, type TestNode } from './test-node.js';

const RANK = { low: 1, normal: 2, high: 3, critical: 4 } as const;
const PRIORITIES = ['low', 'normal', 'high', 'critical'] as const;

/** Whether `a` may come before `b` in the list's order (every order is descending). */
const inOrder: Record<'created' | 'updated' | 'priority', (a: Incident, b: Incident) => boolean> = {
  created: (a, b) => a.createdAt >= b.createdAt,
  updated: (a, b) => a.updatedAt >= b.updatedAt,
  priority: (a, b) =>
    RANK[a.priority] > RANK[b.priority] || (RANK[a.priority] === RANK[b.priority] && a.createdAt >= b.createdAt),
};

describeEachStore('desk: keyset paging of the incident list', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;
  let agent: Session;
  let reported = 0;

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location);
    agent = await node.userWith(['desk.agent']);
    for (let i = 0; i < 12; i++) await report();
  });
  afterAll(async () => {
    await node?.close();
    await release?.();
  });

  const get = (url: string): Promise<LightMyRequestResponse> =>
    node.app.inject({ method: 'GET', url, headers: agent.headers });
  async function report() {
    reported += 1;
    await expectStatus(
      node.app.inject({
        method: 'POST',
        url: '/api/desk/incidents',
        headers: agent.headers,
        payload: {
          title: `Paging ${reported}`,
          priority: PRIORITIES[reported % 4],
          requesterName: 'Anna Berg',
        },
      }),
      201,
    );
  }
  const allIds = async () =>
    (await sql<{ id: string }>`select id from desk.incidents`.execute(node.platform.db)).rows.map((row) => row.id);

  for (const sort of ['created', 'updated', 'priority'] as const) {
    it(`walks every page in ${sort} order once each while incidents are reported`, async () => {
      const before = new Set(await allIds());
      const seen: Incident[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = (
          await expectStatus(
            get(`/api/desk/incidents?sort=${sort}&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
            200,
          )
        ).json();
        seen.push(...page.incidents);
        cursor = page.nextCursor;
        pages += 1;
        // Someone reports while the list is walked: the walk neither repeats nor loses a row.
        await report();
      } while (cursor);

      const ids = seen.map((incident) => incident.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of before) expect(ids).toContain(id);
      for (let i = 1; i < seen.length; i++)
        expect(inOrder[sort](seen[i - 1] as Incident, seen[i] as Incident), `row ${i} of ${sort}`).toBe(true);
      expect(pages).toBeGreaterThan(3);
    });
  }

  it('refuses a cursor that was altered or made for another order', async () => {
    const first = (await expectStatus(get('/api/desk/incidents?sort=created&limit=2'), 200)).json();
    const cursor: string = first.nextCursor;
    const tampered = `${cursor.slice(0, 8)}x${cursor.slice(9)}`;
    for (const url of [
      `/api/desk/incidents?sort=created&cursor=${tampered}`,
      '/api/desk/incidents?cursor=bm90IGpzb24',
      `/api/desk/incidents?sort=priority&cursor=${cursor}`,
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({
        code: 'desk.bad_cursor',
        errors: [{ path: 'querystring.cursor' }],
      });
    }
  });

  it('counts matches up to 10,000 and then says there are more', async () => {
    await sql`insert into desk.incidents (id, title, requester_name, search_text)
      select gen_random_uuid(), 'Bulk ' || n, 'Bulk', 'bulk' from generate_series(1, 10000) n`.execute(
      node.platform.db,
    );
    const everything = (await expectStatus(get('/api/desk/incidents?limit=1'), 200)).json();
    expect(everything).toMatchObject({ total: 10_000, totalCapped: true, nextCursor: expect.any(String) });
    const few = (await expectStatus(get(`/api/desk/incidents?q=${encodeURIComponent('"Paging 1"')}`), 200)).json();
    expect(few.totalCapped).toBeUndefined();
    expect(few.total).toBe(few.incidents.length);
    expect(few.nextCursor).toBeUndefined();
  });
});

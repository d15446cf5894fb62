import type { IncidentDetail } from '@kontor/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from './stores.js';
import { expectStatus, type Session, startTestNode, type TestNode } from './test-node.js';
import { openLiveSocket } from './visitors-fixtures.js';

type Method = 'GET' | 'POST' | 'PATCH';

describeEachStore('desk: incidents and their timeline', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;
  let baseUrl: string;
  let agent: Session & { id: string };
  let requester: Session & { id: string };
  let otherRequester: Session & { id: string };
  let deskAdmin: Session & { id: string };
  let categories: Array<{ id: string; name: string }>;

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location);
    baseUrl = await node.app.listen({ host: '127.0.0.1', port: 0 });
    agent = await node.userWith(['desk.agent']);
    requester = await node.userWith(['desk.request']);
    otherRequester = await node.userWith(['desk.request']);
    deskAdmin = await node.userWith(['desk.admin']);
    categories = (await as(requester, 'GET', '/api/desk/categories')).json().entries;
  });
  afterAll(async () => {
    await node?.close();
    await release?.();
  });

  const as = (session: Session, method: Method, url: string, payload?: object): Promise<LightMyRequestResponse> =>
    node.app.inject({ method, url, payload, headers: session.headers });
  const count = async () =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from desk.incidents`.execute(node.platform.db)).rows[0]?.n,
    );
  const report = async (session: Session, payload: object = {}): Promise<IncidentDetail> =>
    (
      await expectStatus(
        as(session, 'POST', '/api/desk/incidents', {
          title: 'Skrivaren på plan 2 skriver inte ut',
          description: 'Den blinkar orange.',
          priority: 'high',
          ...payload,
        }),
        201,
      )
    ).json();

  it('seeds the demo desk: categories, groups and incidents of the last two weeks', async () => {
    expect(categories.map((c) => c.name)).toEqual(
      expect.arrayContaining(['Nätverk', 'Skrivare', 'E-post', 'Behörigheter', 'Hårdvara', 'Programvara']),
    );
    const page = (await expectStatus(as(agent, 'GET', '/api/desk/incidents?limit=200'), 200)).json();
    expect(page.total).toBeGreaterThanOrEqual(25);
    expect(new Set(page.incidents.map((i: { status: string }) => i.status)).size).toBe(5);
    const byPriority = (await expectStatus(as(agent, 'GET', '/api/desk/incidents?sort=priority&limit=3'), 200)).json();
    expect(byPriority.incidents[0].priority).toBe('critical');
    // An agent's own reports only: none yet.
    expect((await as(agent, 'GET', '/api/desk/incidents?mine=true')).json()).toEqual({ incidents: [], total: 0 });
  });

  it('takes a requester’s incident, lists it live for agents and shows it with its timeline', async () => {
    const live = await openLiveSocket(baseUrl, agent.cookie, ['desk']);
    const created = await report(requester, { categoryId: categories[1]?.id, labels: ['plan-2'] });
    expect(created).toMatchObject({
      title: 'Skrivaren på plan 2 skriver inte ut',
      status: 'new',
      priority: 'high',
      requester: { userId: requester.id },
      category: { id: categories[1]?.id },
      labels: ['plan-2'],
    });
    expect(created.reference).toMatch(/^INC-\d{6}$/);
    await live.next((m) => m.type === 'event' && (m.payload as { incidentId?: string })?.incidentId === created.id);
    live.socket.close();

    const list = (await expectStatus(as(agent, 'GET', '/api/desk/incidents'), 200)).json();
    expect(list.incidents[0].id).toBe(created.id);
    const detail = (await expectStatus(as(agent, 'GET', `/api/desk/incidents/${created.id}`), 200)).json();
    expect(detail.timeline).toEqual([
      expect.objectContaining({ kind: 'change', field: 'status', from: null, to: 'new', actor: expect.anything() }),
    ]);
  });

  it('moves along the transition table and refuses what it forbids with 409', async () => {
    const { id } = await report(requester);
    const bad = await as(agent, 'POST', `/api/desk/incidents/${id}/status`, { status: 'closed' });
    expect(bad.statusCode).toBe(409);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().code).toBe('desk.bad_transition');
    for (const status of ['in_progress', 'waiting', 'resolved', 'closed', 'in_progress'])
      await expectStatus(as(agent, 'POST', `/api/desk/incidents/${id}/status`, { status }), 200);
    const detail = (await as(agent, 'GET', `/api/desk/incidents/${id}`)).json() as IncidentDetail;
    expect(detail.status).toBe('in_progress');
    expect(detail.closedAt).toBeNull();
    expect(detail.timeline.filter((a) => a.field === 'status').map((a) => a.to)).toEqual([
      'new',
      'in_progress',
      'waiting',
      'resolved',
      'closed',
      'in_progress',
    ]);
    // Requesters do not move incidents.
    expect((await as(requester, 'POST', `/api/desk/incidents/${id}/status`, { status: 'resolved' })).statusCode).toBe(
      403,
    );
  });

  it('hides internal notes from the requester, whose own comments are always public', async () => {
    const { id } = await report(requester);
    await expectStatus(
      as(agent, 'POST', `/api/desk/incidents/${id}/comments`, { body: 'Troligen drivrutinen', internal: true }),
      201,
    );
    const replied = await expectStatus(
      as(agent, 'POST', `/api/desk/incidents/${id}/comments`, { body: 'Vi tittar på det', internal: false }),
      201,
    );
    expect(replied.json().firstResponseAt).not.toBeNull();
    await expectStatus(
      as(requester, 'POST', `/api/desk/incidents/${id}/comments`, { body: 'Tack!', internal: true }),
      201,
    );
    const seen = (await expectStatus(as(requester, 'GET', `/api/desk/incidents/${id}`), 200)).json() as IncidentDetail;
    const bodies = seen.timeline.filter((a) => a.kind === 'comment').map((a) => a.body);
    expect(bodies).toEqual(['Vi tittar på det', 'Tack!']);
    expect(seen.timeline.every((a) => !a.internal)).toBe(true);
    const all = (await as(agent, 'GET', `/api/desk/incidents/${id}`)).json() as IncidentDetail;
    expect(all.timeline.filter((a) => a.internal).map((a) => a.body)).toEqual(['Troligen drivrutinen']);
  });

  it('shows a requester only their own incidents', async () => {
    const mine = await report(otherRequester, { title: 'Min egen' });
    const list = (await expectStatus(as(otherRequester, 'GET', '/api/desk/incidents?limit=200'), 200)).json();
    expect(list.incidents.map((i: { id: string }) => i.id)).toEqual([mine.id]);
    expect(list.total).toBe(1);
    const theirs = await report(requester);
    expect((await as(otherRequester, 'GET', `/api/desk/incidents/${theirs.id}`)).statusCode).toBe(404);
    expect(
      (await as(otherRequester, 'POST', `/api/desk/incidents/${theirs.id}/comments`, { body: 'hej' })).statusCode,
    ).toBe(404);
    // A requester cannot report in someone else's name or assign.
    const forged = await as(otherRequester, 'POST', '/api/desk/incidents', {
      title: 'x',
      requesterName: 'Someone Else',
      assigneeId: agent.id,
    });
    expect(forged.statusCode).toBe(403);
    expect(
      forged
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.assigneeId', 'body.requesterName']);
  });

  it('refuses bad input with field paths and stores nothing', async () => {
    const before = await count();
    const cases: Array<[object, number, string]> = [
      [{ title: '' }, 400, 'body.title'],
      [{ title: 'ok', description: 'x'.repeat(30_000) }, 400, 'body.description'],
      [{ title: 'ok', priority: 'urgent' }, 400, 'body.priority'],
      [{ title: 'ok', categoryId: '00000000-0000-4000-8000-000000000000' }, 422, 'body.categoryId'],
    ];
    for (const [payload, status, path] of cases) {
      const response = await as(requester, 'POST', '/api/desk/incidents', payload);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const notAgent = await as(agent, 'POST', '/api/desk/incidents', { title: 'ok', assigneeId: requester.id });
    expect(notAgent.statusCode).toBe(422);
    expect(notAgent.json().code).toBe('desk.unknown_assignee');
    expect(await count()).toBe(before);
  });

  it('records and audits an agent’s changes', async () => {
    const { id } = await report(requester);
    const groups = (await as(agent, 'GET', '/api/desk/groups')).json().entries;
    const patched = (
      await expectStatus(
        as(agent, 'PATCH', `/api/desk/incidents/${id}`, {
          priority: 'critical',
          assigneeId: agent.id,
          groupId: groups[0].id,
          labels: ['vip'],
        }),
        200,
      )
    ).json() as IncidentDetail;
    expect(patched).toMatchObject({ priority: 'critical', assignee: { id: agent.id }, labels: ['vip'] });
    const changes = patched.timeline.filter((a) => a.kind === 'change' && a.field !== 'status');
    expect(changes.map((a) => [a.field, a.from, a.to])).toEqual([
      ['priority', 'high', 'critical'],
      ['labels', null, 'vip'],
      ['group', null, groups[0].name],
      ['assignee', null, patched.assignee?.name],
    ]);
    const audit = (
      await expectStatus(
        node.app.inject({
          url: `/api/admin/audit?entity=desk.incident&entityId=${id}`,
          headers: node.admin.headers,
        }),
        200,
      )
    ).json().entries;
    expect(audit.map((e: { action: string }) => e.action)).toContain('desk.incident.update');
    expect(audit.find((e: { action: string }) => e.action === 'desk.incident.update')).toMatchObject({
      before: { priority: 'high' },
      after: { priority: 'critical' },
    });
    expect((await as(requester, 'PATCH', `/api/desk/incidents/${id}`, { priority: 'low' })).statusCode).toBe(403);
  });

  it('lets desk administrators keep categories, audited; agents may not', async () => {
    const created = await expectStatus(as(deskAdmin, 'POST', '/api/desk/categories', { name: 'Telefoni' }), 201);
    const taken = await as(deskAdmin, 'POST', '/api/desk/categories', { name: 'telefoni' });
    expect(taken.statusCode).toBe(409);
    await expectStatus(as(deskAdmin, 'PATCH', `/api/desk/categories/${created.json().id}`, { active: false }), 200);
    const retired = await as(requester, 'POST', '/api/desk/incidents', { title: 'x', categoryId: created.json().id });
    expect(retired.statusCode).toBe(422);
    expect((await as(agent, 'POST', '/api/desk/categories', { name: 'Nope' })).statusCode).toBe(403);
    const audit = (
      await node.app.inject({
        url: `/api/admin/audit?entity=desk.category&entityId=${created.json().id}`,
        headers: node.admin.headers,
      })
    ).json().entries;
    expect(audit.map((e: { action: string }) => e.action).sort()).toEqual([
      'desk.category.create',
      'desk.category.update',
    ]);
  });

  it('filters with the query language and points at a syntax error', async () => {
    const mine = await report(requester, { title: 'VPN nere på filial Nora', priority: 'critical', labels: ['vpn'] });
    await expectStatus(as(agent, 'PATCH', `/api/desk/incidents/${mine.id}`, { assigneeId: agent.id }), 200);
    const q = encodeURIComponent('status:open priority:>=high assignee:me label:vpn "filial nora"');
    const found = (await expectStatus(as(agent, 'GET', `/api/desk/incidents?q=${q}`), 200)).json();
    expect(found.incidents.map((i: { id: string }) => i.id)).toEqual([mine.id]);
    expect(found.total).toBe(1);
    const byNumber = (await as(agent, 'GET', `/api/desk/incidents?q=number:${mine.number}`)).json();
    expect(byNumber.incidents.map((i: { id: string }) => i.id)).toEqual([mine.id]);
    const category = encodeURIComponent('category:Skrivare status:done');
    const printers = (await expectStatus(as(agent, 'GET', `/api/desk/incidents?q=${category}`), 200)).json();
    expect(printers.total).toBeGreaterThan(0);
    expect(printers.incidents.every((i: { category: { name: string } }) => i.category.name === 'Skrivare')).toBe(true);

    const broken = await as(agent, 'GET', `/api/desk/incidents?q=${encodeURIComponent('status:open priority:>=')}`);
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).toContain('application/problem+json');
    const problem = broken.json();
    expect(problem).toMatchObject({ code: 'desk.query_syntax', position: expect.any(Number) });
    expect(problem.position).toBeGreaterThanOrEqual(12);
    expect(problem.expected.length).toBeGreaterThan(0);
    expect(problem.errors[0].path).toBe('querystring.q');
    const unknown = (await as(agent, 'GET', `/api/desk/incidents?q=${encodeURIComponent('colour:red')}`)).json();
    expect(unknown).toMatchObject({ code: 'desk.query_syntax', position: 0 });

    const suggestions = (
      await expectStatus(as(agent, 'GET', `/api/desk/incidents/suggest?q=${encodeURIComponent('status:o')}`), 200)
    ).json().suggestions;
    expect(suggestions.map((s: { text: string }) => s.text)).toContain('open');
  });
});

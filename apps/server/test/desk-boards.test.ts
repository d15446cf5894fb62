import type { Board, BoardView, IncidentDetail } from '@kontor/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from './stores.js';
import { expectStatus, type Session, startTestNode, type TestNode } from './test-node.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type User = Session & { id: string };

describeEachStore('desk: kanban boards', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;
  let agent: User;
  let other: User;

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location);
    agent = await node.userWith(['desk.agent']);
    other = await node.userWith(['desk.agent']);
  });
  afterAll(async () => {
    await node?.close();
    await release?.();
  });

  const as = (session: Session, method: Method, url: string, payload?: object): Promise<LightMyRequestResponse> =>
    node.app.inject({ method, url, payload, headers: session.headers });
  const boardsOf = async (session: Session): Promise<Board[]> =>
    (await expectStatus(as(session, 'GET', '/api/desk/boards'), 200)).json().boards;
  const view = async (session: Session, id: string): Promise<BoardView> =>
    (await expectStatus(as(session, 'GET', `/api/desk/boards/${id}`), 200)).json();
  const report = async (assignee: User, title: string): Promise<IncidentDetail> =>
    (
      await expectStatus(
        as(agent, 'POST', '/api/desk/incidents', { title, requesterName: 'Anna Berg', assigneeId: assignee.id }),
        201,
      )
    ).json();
  const move = (id: string, status: string) => as(agent, 'POST', `/api/desk/incidents/${id}/status`, { status });
  const column = (board: BoardView, status: string) => {
    const found = board.columns.find((candidate) => candidate.status === status);
    if (!found) throw new Error(`the board has no ${status} column`);
    return found;
  };

  it('gives a new agent exactly one default board, even when their first visits race', async () => {
    const newcomer = await node.userWith(['desk.agent']);
    const answers = await Promise.all([1, 2, 3, 4].map(() => boardsOf(newcomer)));
    for (const boards of answers) expect(boards).toHaveLength(1);
    const stored = await sql<{ n: number }>`select count(*)::int as n from desk.boards
      where owner_id = ${newcomer.id}`.execute(node.platform.db);
    expect(stored.rows[0]?.n).toBe(1);
    const [board] = answers[0] ?? [];
    expect(board).toMatchObject({ name: 'My work', isDefault: true, baseQuery: 'assignee:me' });
    expect(board?.columns.map((c) => [c.status, c.wipLimit])).toEqual([
      ['new', null],
      ['in_progress', 5],
      ['waiting', null],
      ['resolved', null],
    ]);
    // A later visit finds the same board, also from a script that names no language (Accept-Language: *).
    expect((await boardsOf(newcomer)).map((b) => b.id)).toEqual([board?.id]);
    const anyLanguage = { ...newcomer.headers, 'accept-language': '*' };
    expect((await node.app.inject({ method: 'GET', url: '/api/desk/boards', headers: anyLanguage })).statusCode).toBe(
      200,
    );
    expect((await node.app.inject({ method: 'GET', url: '/api/desk/filters', headers: anyLanguage })).statusCode).toBe(
      200,
    );
    // Requesters have no boards.
    const requester = await node.userWith(['desk.request']);
    expect((await as(requester, 'GET', '/api/desk/boards')).statusCode).toBe(403);
  });

  it('shows in each column the incidents its status and the base filter select', async () => {
    const mine = await report(agent, 'VPN nere på kontoret');
    const theirs = await report(other, 'Skrivaren fastnar');
    const [board] = await boardsOf(agent);
    if (!board) throw new Error('no default board');
    const opened = await view(agent, board.id);
    const fresh = column(opened, 'new');
    expect(fresh.cards.map((c) => c.id)).toEqual([mine.id]);
    expect(fresh.count).toBe(1);
    expect(fresh.cards[0]).toMatchObject({
      reference: mine.reference,
      title: 'VPN nere på kontoret',
      priority: 'normal',
      assignee: { id: agent.id },
      requesterName: 'Anna Berg',
    });
    expect(column(opened, 'in_progress').cards).toEqual([]);
    // The other agent's board shows theirs only.
    const [otherBoard] = await boardsOf(other);
    expect(column(await view(other, otherBoard?.id ?? ''), 'new').cards.map((c) => c.id)).toEqual([theirs.id]);
    // And another agent's board is not theirs to open.
    expect((await as(other, 'GET', `/api/desk/boards/${board.id}`)).statusCode).toBe(404);
  });

  it('moves a card between status columns by the transition table (409 where it forbids)', async () => {
    const incident = await report(agent, 'Ny dator till Per');
    const [board] = await boardsOf(agent);
    await expectStatus(move(incident.id, 'in_progress'), 200);
    let opened = await view(agent, board?.id ?? '');
    expect(column(opened, 'new').cards.map((c) => c.id)).not.toContain(incident.id);
    expect(column(opened, 'in_progress').cards.map((c) => c.id)).toContain(incident.id);
    // in progress → new is not in the table: the card stays where it was.
    const forbidden = await move(incident.id, 'new');
    expect(forbidden.statusCode).toBe(409);
    expect(forbidden.json().code).toBe('desk.bad_transition');
    opened = await view(agent, board?.id ?? '');
    expect(column(opened, 'in_progress').cards.map((c) => c.id)).toContain(incident.id);
  });

  it('shows a column over its WIP limit, without refusing the work', async () => {
    const created = (
      await expectStatus(
        as(other, 'POST', '/api/desk/boards', {
          name: 'Tight',
          baseQuery: 'assignee:me',
          columns: [{ title: 'Doing', status: 'in_progress', wipLimit: 1 }],
        }),
        201,
      )
    ).json() as Board;
    const first = await report(other, 'Första');
    await expectStatus(move(first.id, 'in_progress'), 200);
    let doing = (await view(other, created.id)).columns[0];
    expect(doing).toMatchObject({ count: 1, wipLimit: 1, overLimit: false });
    const second = await report(other, 'Andra');
    // The limit is a policy the board shows; the move itself is the transition table's to decide.
    await expectStatus(move(second.id, 'in_progress'), 200);
    doing = (await view(other, created.id)).columns[0];
    expect(doing).toMatchObject({ count: 2, wipLimit: 1, overLimit: true });
  });

  it('keeps boards by their owner: columns by status, saved filter or query, validated', async () => {
    const filter = (
      await expectStatus(as(agent, 'POST', '/api/desk/filters', { name: 'Brådskande', query: 'priority:>=high' }), 201)
    ).json();
    const urgent = await report(agent, 'Servern svarar inte');
    await expectStatus(as(agent, 'PATCH', `/api/desk/incidents/${urgent.id}`, { priority: 'critical' }), 200);
    const created = (
      await expectStatus(
        as(agent, 'POST', '/api/desk/boards', {
          name: 'Triage',
          baseQuery: 'assignee:me status:open',
          columns: [
            { title: 'Urgent', filterId: filter.id, wipLimit: 3 },
            { title: 'VPN', query: '"vpn"' },
            { title: 'Waiting', status: 'waiting' },
          ],
        }),
        201,
      )
    ).json() as Board;
    expect(created.isDefault).toBe(false);
    let opened = await view(agent, created.id);
    expect(opened.columns.map((c) => c.title)).toEqual(['Urgent', 'VPN', 'Waiting']);
    expect(opened.columns[0]?.cards.map((c) => c.id)).toEqual([urgent.id]);
    expect(opened.columns[1]?.cards.map((c) => c.title)).toEqual(['VPN nere på kontoret']);

    // Reordering keeps each column's id.
    const [urgentColumn, vpnColumn] = created.columns;
    const reordered = (
      await expectStatus(
        as(agent, 'PATCH', `/api/desk/boards/${created.id}`, {
          name: 'Triage 2',
          columns: [vpnColumn, urgentColumn],
        }),
        200,
      )
    ).json() as Board;
    expect(reordered.columns.map((c) => c.id)).toEqual([vpnColumn?.id, urgentColumn?.id]);

    // A query that does not read is refused where it is; a saved filter one cannot see is 422.
    const badBase = await as(agent, 'PATCH', `/api/desk/boards/${created.id}`, { baseQuery: 'assignee:' });
    expect(badBase.statusCode).toBe(400);
    expect(badBase.json()).toMatchObject({
      code: 'desk.query_syntax',
      position: 9,
      errors: [expect.objectContaining({ path: 'body.baseQuery' })],
    });
    const badColumn = await as(agent, 'PATCH', `/api/desk/boards/${created.id}`, {
      columns: [
        { title: 'A', status: 'new' },
        { title: 'B', query: 'priority:>>high' },
      ],
    });
    expect(badColumn.json().errors[0].path).toBe('body.columns.1.query');
    const othersFilter = (
      await expectStatus(as(other, 'POST', '/api/desk/filters', { name: 'Mitt', query: 'status:new' }), 201)
    ).json();
    const unknown = await as(agent, 'PATCH', `/api/desk/boards/${created.id}`, {
      columns: [{ title: 'Theirs', filterId: othersFilter.id }],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].path).toBe('body.columns.0.filterId');
    expect((await as(agent, 'POST', '/api/desk/boards', { name: 'Tom', columns: [{ title: 'X' }] })).statusCode).toBe(
      400,
    );

    // A deleted saved filter leaves its column empty with the reason, the rest of the board works.
    await expectStatus(as(agent, 'DELETE', `/api/desk/filters/${filter.id}`), 204);
    opened = await view(agent, created.id);
    expect(opened.columns[1]).toMatchObject({ title: 'Urgent', cards: [], problem: { code: 'filter_missing' } });
    expect(opened.columns[0]?.cards).toHaveLength(1);

    // Only the owner changes or deletes it; the default board stays.
    expect((await as(other, 'PATCH', `/api/desk/boards/${created.id}`, { name: 'Mine' })).statusCode).toBe(404);
    expect((await as(other, 'DELETE', `/api/desk/boards/${created.id}`)).statusCode).toBe(404);
    await expectStatus(as(agent, 'DELETE', `/api/desk/boards/${created.id}`), 204);
    const [defaultBoard] = await boardsOf(agent);
    const refused = await as(agent, 'DELETE', `/api/desk/boards/${defaultBoard?.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('desk.default_board');
    expect((await boardsOf(agent)).map((b) => b.name)).toEqual(['My work']);
  });
});

import type { SavedFilter } from '@kontor/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from './stores.js';
import { expectStatus, type Session, startTestNode, type TestNode } from './test-node.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type User = Session & { id: string };

describeEachStore('desk: saved filters, private and shared with a group', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;
  let owner: User;
  let colleague: User;
  let outsider: User;
  let deskAdmin: User;
  let requester: User;
  let groups: Array<{ id: string; name: string }>;

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location);
    owner = await node.userWith(['desk.agent']);
    colleague = await node.userWith(['desk.agent']);
    outsider = await node.userWith(['desk.agent']);
    deskAdmin = await node.userWith(['desk.admin']);
    requester = await node.userWith(['desk.request']);
    groups = (await as(owner, 'GET', '/api/desk/groups')).json().entries;
  });
  afterAll(async () => {
    await node?.close();
    await release?.();
  });

  const as = (session: Session, method: Method, url: string, payload?: object): Promise<LightMyRequestResponse> =>
    node.app.inject({ method, url, payload, headers: session.headers });
  const filtersOf = async (session: Session): Promise<SavedFilter[]> =>
    (await expectStatus(as(session, 'GET', '/api/desk/filters'), 200)).json().filters;
  const join = async (user: User, groupId: string) =>
    sql`insert into desk.group_members (group_id, user_id) values (${groupId}, ${user.id})`.execute(node.platform.db);
  const save = async (session: Session, payload: object): Promise<SavedFilter> =>
    (await expectStatus(as(session, 'POST', '/api/desk/filters', payload), 201)).json();

  it('keeps a private filter to its owner', async () => {
    const filter = await save(owner, { name: 'Mina brådskande', query: 'status:open priority:>=high assignee:me' });
    expect(filter).toMatchObject({ group: null, mine: true, editable: true, owner: { id: owner.id } });
    expect((await filtersOf(owner)).map((f) => f.id)).toContain(filter.id);
    expect((await filtersOf(colleague)).map((f) => f.id)).not.toContain(filter.id);
    expect((await as(colleague, 'GET', `/api/desk/filters/${filter.id}`)).statusCode).toBe(404);
    expect((await as(colleague, 'PATCH', `/api/desk/filters/${filter.id}`, { name: 'Mine now' })).statusCode).toBe(404);
    // Requesters have no filters: the incident list they see is their own.
    expect((await as(requester, 'GET', '/api/desk/filters')).statusCode).toBe(403);
  });

  it('refuses a query that does not read with its position, as the incident list does', async () => {
    const bad = await as(owner, 'POST', '/api/desk/filters', { name: 'Trasig', query: 'status:open priority:>=' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const listed = (
      await as(owner, 'GET', `/api/desk/incidents?q=${encodeURIComponent('status:open priority:>=')}`)
    ).json();
    expect(bad.json()).toMatchObject({
      code: 'desk.query_syntax',
      position: listed.position,
      errors: [expect.objectContaining({ path: 'body.query' })],
    });
    expect(bad.json().position).toBe('status:open priority:>='.length);
    const unknownField = await as(owner, 'POST', '/api/desk/filters', { name: 'X', query: 'colour:red' });
    expect(unknownField.json()).toMatchObject({ code: 'desk.query_syntax', position: 0 });
    const filter = await save(owner, { name: 'Bra', query: 'status:new' });
    const badPatch = await as(owner, 'PATCH', `/api/desk/filters/${filter.id}`, { query: 'status:(new OR' });
    expect(badPatch.statusCode).toBe(400);
    expect((await as(owner, 'GET', `/api/desk/filters/${filter.id}`)).json().query).toBe('status:new');
  });

  it('shares with a group only its members, and only the owner or a desk admin changes it', async () => {
    const [network, printers] = groups;
    if (!network || !printers) throw new Error('the demo desk has groups');
    const filter = await save(owner, { name: 'Nätverk öppna', query: 'status:open category:network' });
    // The owner is not in the group yet: sharing with it is refused, and nothing changed.
    const refused = await as(owner, 'PATCH', `/api/desk/filters/${filter.id}`, { groupId: network.id });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'desk.not_group_member',
      errors: [expect.objectContaining({ path: 'body.groupId' })],
    });
    await join(owner, network.id);
    await join(colleague, network.id);
    await join(outsider, printers.id);
    const shared = (
      await expectStatus(as(owner, 'PATCH', `/api/desk/filters/${filter.id}`, { groupId: network.id }), 200)
    ).json();
    expect(shared.group).toEqual({ id: network.id, name: network.name });

    const seen = (await filtersOf(colleague)).find((f) => f.id === filter.id);
    expect(seen).toMatchObject({ mine: false, editable: false, owner: { id: owner.id }, query: filter.query });
    expect((await filtersOf(outsider)).map((f) => f.id)).not.toContain(filter.id);

    // A member may use it but not change it (403); an outsider is told nothing (404).
    expect((await as(colleague, 'PATCH', `/api/desk/filters/${filter.id}`, { name: 'Mitt' })).statusCode).toBe(403);
    expect((await as(colleague, 'DELETE', `/api/desk/filters/${filter.id}`)).statusCode).toBe(403);
    expect((await as(outsider, 'DELETE', `/api/desk/filters/${filter.id}`)).statusCode).toBe(404);
    // The colleague cannot share their own filter with a group they are not in either.
    const theirs = await save(colleague, { name: 'Skrivare', query: 'category:printers' });
    expect((await as(colleague, 'PATCH', `/api/desk/filters/${theirs.id}`, { groupId: printers.id })).statusCode).toBe(
      403,
    );
    expect(
      (await as(owner, 'POST', '/api/desk/filters', { name: 'X', query: 'status:new', groupId: crypto.randomUUID() }))
        .statusCode,
    ).toBe(422);

    // A desk administrator tidies up anyone's filter, and it is audited.
    const renamed = (
      await expectStatus(as(deskAdmin, 'PATCH', `/api/desk/filters/${filter.id}`, { name: 'Nätverk (öppna)' }), 200)
    ).json();
    expect(renamed).toMatchObject({ name: 'Nätverk (öppna)', mine: false, editable: true });
    const audit = await sql<{ action: string }>`select action from audit.entries
      where entity = 'desk.filter' and entity_id = ${filter.id} order by id`.execute(node.platform.db);
    expect(audit.rows.map((row) => row.action)).toEqual([
      'desk.filter.create',
      'desk.filter.update',
      'desk.filter.update',
    ]);

    await expectStatus(as(owner, 'DELETE', `/api/desk/filters/${filter.id}`), 204);
    expect((await filtersOf(colleague)).map((f) => f.id)).not.toContain(filter.id);
  });

  it('lists pinned filters first, then by position', async () => {
    const user = await node.userWith(['desk.agent']);
    await save(user, { name: 'B', query: 'status:new', position: 2 });
    await save(user, { name: 'A', query: 'status:new', position: 2 });
    await save(user, { name: 'C', query: 'status:new', position: 1 });
    const pinned = await save(user, { name: 'D', query: 'status:new', position: 9 });
    await expectStatus(as(user, 'PATCH', `/api/desk/filters/${pinned.id}`, { pinned: true }), 200);
    expect((await filtersOf(user)).map((f) => f.name)).toEqual(['D', 'C', 'A', 'B']);
  });
});

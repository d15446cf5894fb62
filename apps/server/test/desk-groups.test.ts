import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from './stores.js';
import { expectStatus, type Session, startTestNode, type TestNode } from './test-node.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

describeEachStore('desk: groups and their members', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;
  let deskAdmin: Session;
  let agents: Array<Session & { id: string }>;
  let requester: Session & { id: string };
  let groupId: string;

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location, { demo: false });
    deskAdmin = await node.userWith(['desk.admin']);
    agents = [await node.userWith(['desk.agent']), await node.userWith(['desk.agent'])];
    requester = await node.userWith(['desk.request']);
    groupId = (await expectStatus(as(deskAdmin, 'POST', '/api/desk/groups', { name: 'Nätverksgruppen' }), 201)).json()
      .id;
  });
  afterAll(async () => {
    await node?.close();
    await release?.();
  });

  const as = (session: Session, method: Method, url: string, payload?: object): Promise<LightMyRequestResponse> =>
    node.app.inject({ method, url, payload, headers: session.headers });
  const members = async (session: Session = deskAdmin) =>
    (await expectStatus(as(session, 'GET', `/api/desk/groups/${groupId}/members`), 200)).json().members;
  const audit = async (query: string) =>
    (await node.app.inject({ url: `/api/admin/audit?${query}`, headers: node.admin.headers })).json().entries;

  it('keeps a group’s members, agents only, and audits each change with before and after', async () => {
    expect(await members()).toEqual([]);
    const [first, second] = agents as [Session & { id: string }, Session & { id: string }];
    const set = await expectStatus(
      as(deskAdmin, 'PUT', `/api/desk/groups/${groupId}/members`, { userIds: [second.id, first.id, first.id] }),
      200,
    );
    expect(
      set
        .json()
        .members.map((member: { id: string }) => member.id)
        .sort(),
    ).toEqual([first.id, second.id].sort());
    // Agents see who works in a group.
    expect(await members(first)).toHaveLength(2);

    await expectStatus(as(deskAdmin, 'PUT', `/api/desk/groups/${groupId}/members`, { userIds: [second.id] }), 200);
    expect((await members()).map((member: { id: string }) => member.id)).toEqual([second.id]);
    const [record] = await audit('action=desk.group.members&limit=1');
    expect(record).toMatchObject({ entityId: groupId, before: { members: [first.id, second.id].sort() } });
    expect(record.after).toEqual({ members: [second.id] });
  });

  it('refuses a member who is no agent with 422 naming the place, and changes nothing', async () => {
    const before = await members();
    const refused = await as(deskAdmin, 'PUT', `/api/desk/groups/${groupId}/members`, {
      userIds: [agents[0]?.id, requester.id],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'desk.not_an_agent', errors: [{ path: 'body.userIds.1' }] });
    expect(await members()).toEqual(before);
  });

  it('answers 404 for an unknown group and 403 to those who may not keep groups', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await as(deskAdmin, 'GET', `/api/desk/groups/${unknown}/members`)).statusCode).toBe(404);
    expect((await as(deskAdmin, 'PUT', `/api/desk/groups/${unknown}/members`, { userIds: [] })).statusCode).toBe(404);
    const agent = agents[0] as Session;
    expect((await as(agent, 'PUT', `/api/desk/groups/${groupId}/members`, { userIds: [] })).statusCode).toBe(403);
    expect((await as(requester, 'GET', `/api/desk/groups/${groupId}/members`)).statusCode).toBe(403);
  });
});

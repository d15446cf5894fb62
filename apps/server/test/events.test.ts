import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestDatabase, postgresAvailable, REDIS_URL, redisAvailable } from './stores.js';
import { expectStatus, type Session, startTestNode, type TestNode } from './test-node.js';

interface Message {
  type: string;
  topic?: string;
  topics?: string[];
  denied?: string[];
  payload?: Record<string, unknown>;
}

/** A browser-like socket on /api/events that collects what the node sends. */
async function openSocket(node: TestNode, session: Session | undefined, origin?: string) {
  const address = node.app.server.address();
  if (!address || typeof address === 'string') throw new Error('node is not listening');
  const host = `127.0.0.1:${address.port}`;
  const socket = new WebSocket(`ws://${host}/api/events`, {
    headers: { ...(session && { cookie: session.cookie }), origin: origin ?? `http://${host}` },
  });
  const messages: Message[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  const next = async (predicate: (message: Message) => boolean, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = messages.find(predicate);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no matching message in ${timeoutMs} ms; got ${JSON.stringify(messages)}`);
  };
  return {
    socket,
    messages,
    next,
    subscribe: (topics: string[]) => socket.send(JSON.stringify({ type: 'subscribe', topics })),
  };
}

const createRole = (node: TestNode, name: string) =>
  expectStatus(
    node.app.inject({
      method: 'POST',
      url: '/api/admin/roles',
      headers: node.admin.headers,
      payload: { name, permissions: [] },
    }),
    201,
  );

describe('live events', () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode({ kind: 'pglite', dir: 'memory' });
    await node.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => node.close());

  it('delivers a committed change to a subscribed admin', async () => {
    const live = await openSocket(node, node.admin);
    await once(live.socket, 'open');
    live.subscribe(['admin.audit', 'admin.roles']);
    await live.next((m) => m.type === 'subscribed');
    await createRole(node, 'Live role');
    const event = await live.next((m) => m.type === 'event' && m.topic === 'admin.audit');
    expect(event.payload).toMatchObject({ action: 'role.create', entity: 'role' });
    await live.next((m) => m.type === 'event' && m.topic === 'admin.roles');
    live.socket.close();
  });

  it('refuses topics the user may not see', async () => {
    const user = await node.userWith(['admin.users']);
    const live = await openSocket(node, user);
    await once(live.socket, 'open');
    live.subscribe(['admin.audit', 'admin.users', 'no.such.topic']);
    const answer = await live.next((m) => m.type === 'subscribed');
    expect(answer).toMatchObject({ topics: ['admin.users'], denied: ['admin.audit', 'no.such.topic'] });
    await createRole(node, 'Unseen role');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(live.messages.filter((m) => m.topic === 'admin.audit')).toEqual([]);
    live.socket.close();
  });

  it('refuses anonymous sockets and sockets opened by other sites', async () => {
    const anonymous = await openSocket(node, undefined);
    const [anonymousRequest, anonymousResponse] = await once(anonymous.socket, 'unexpected-response');
    expect(anonymousResponse.statusCode).toBe(401);
    anonymousRequest.destroy();
    const foreign = await openSocket(node, node.admin, 'https://evil.example');
    const [foreignRequest, foreignResponse] = await once(foreign.socket, 'unexpected-response');
    expect(foreignResponse.statusCode).toBe(403);
    foreignRequest.destroy();
  });
});

describe.skipIf(!postgresAvailable || !redisAvailable)('two hub instances on one PostgreSQL with Redis', () => {
  let first: TestNode;
  let second: TestNode;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    const store = { kind: 'postgres', url: database.url } as const;
    first = await startTestNode(store, { redisUrl: REDIS_URL });
    second = await startTestNode(store, { redisUrl: REDIS_URL });
    await second.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    await drop();
  });

  it('delivers a change made through one instance to a browser on the other', async () => {
    const live = await openSocket(second, second.admin);
    await once(live.socket, 'open');
    live.subscribe(['admin.audit']);
    await live.next((m) => m.type === 'subscribed');
    await createRole(first, 'Made on the first instance');
    const event = await live.next((m) => m.type === 'event' && m.payload?.action === 'role.create');
    expect(event.topic).toBe('admin.audit');
    live.socket.close();
  });

  it('drops cached permissions on the other instance when a user is disabled', async () => {
    const user = await first.userWith(['admin.audit']);
    expect((await second.app.inject({ url: '/api/admin/audit', headers: user.headers })).statusCode).toBe(200);
    await expectStatus(
      first.app.inject({
        method: 'PATCH',
        url: `/api/admin/users/${user.id}`,
        headers: first.admin.headers,
        payload: { disabled: true },
      }),
      200,
    );
    await expect
      .poll(async () => (await second.app.inject({ url: '/api/admin/audit', headers: user.headers })).statusCode)
      .toBe(401);
  });
});

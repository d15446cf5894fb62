import { randomBytes } from 'node:crypto';
import { ESB_REASON_HEADER } from '@kontor/contracts';
import { type ChannelModel, type ConfirmChannel, connect, type GetMessage } from 'amqplib';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type SyncProxy, startProxy } from '../../../bench/sync-proxy.js';
import { deadLetterQueue, declareEsbQueues } from '../src/desk/channels/esb/esb-consumer.js';
import { describeEachStore } from './stores.js';
import { expectStatus, startTestNode, type TestNode } from './test-node.js';

/** The RabbitMQ every machine of the project runs (CI's .ci/run starts it). */
const AMQP_URL = process.env.KONTOR_TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

describeEachStore('desk: incidents from the ESB (RabbitMQ)', (store) => {
  const queue = `kontor.test.desk.${randomBytes(5).toString('hex')}`;
  let node: TestNode;
  let release: () => Promise<void>;
  // The hub reaches RabbitMQ through a proxy the test can cut, as a broker restart or a network fault would.
  let proxy: SyncProxy;
  let publisher: ChannelModel;
  let channel: ConfirmChannel;

  beforeAll(async () => {
    const broker = new URL(AMQP_URL);
    proxy = await startProxy(Number(broker.port || 5672));
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location, {
      deskAmqpUrl: `amqp://${broker.username}:${broker.password}@127.0.0.1:${new URL(proxy.url).port}`,
      deskAmqpQueue: queue,
      deskAmqpRetryMs: 100,
    });
    publisher = await connect(AMQP_URL);
    channel = await publisher.createConfirmChannel();
    await declareEsbQueues(channel, queue);
  });
  afterAll(async () => {
    await node?.close();
    await channel?.deleteQueue(queue).catch(() => undefined);
    await channel?.deleteQueue(deadLetterQueue(queue)).catch(() => undefined);
    await publisher?.close();
    await proxy?.close();
    await release?.();
  });

  async function publish(body: string | object) {
    channel.sendToQueue(queue, Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)), {
      persistent: true,
      contentType: 'application/json',
    });
    await channel.waitForConfirms();
  }
  const incidentOf = async (messageId: string) =>
    (
      await sql<{ incident_id: string }>`select incident_id from desk.inbound_messages
        where channel = 'esb' and external_id = ${messageId}`.execute(node.platform.db)
    ).rows[0]?.incident_id;
  const count = async (table: 'desk.incidents' | 'desk.inbound_messages') =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(node.platform.db)).rows[0]
        ?.n,
    );
  const consumed = async (outcome: string) => {
    const metric = await node.platform.metrics.registry.getSingleMetric('kontor_desk_esb_consumed_total')?.get();
    return metric?.values.find((value) => value.labels.outcome === outcome)?.value ?? 0;
  };
  async function deadLetters(howMany: number): Promise<GetMessage[]> {
    const taken: GetMessage[] = [];
    await expect
      .poll(async () => {
        const message = await channel.get(deadLetterQueue(queue), { noAck: true });
        if (message) taken.push(message);
        return taken.length;
      })
      .toBe(howMany);
    return taken;
  }
  const message = (messageId: string, extra: object = {}) => ({
    messageId,
    title: 'VPN nere på kontoret i Kumla',
    description: 'Ingen kommer åt VPN sedan 08:10.',
    requester: { name: 'Övervakningen', email: 'noc@example.org' },
    ...extra,
  });

  it('turns a queued message into an incident with its fields', async () => {
    const id = `msg-${randomBytes(4).toString('hex')}`;
    await publish(
      message(id, {
        priority: 'critical',
        category: 'nätverk',
        clientRef: 'ACME AB',
        orderRef: 'O-1001',
        labels: ['monitoring'],
      }),
    );
    await expect.poll(() => incidentOf(id)).toBeDefined();
    const incident = (
      await expectStatus(
        node.app.inject({
          method: 'GET',
          url: `/api/desk/incidents/${await incidentOf(id)}`,
          headers: node.admin.headers,
        }),
        200,
      )
    ).json();
    expect(incident).toMatchObject({
      title: 'VPN nere på kontoret i Kumla',
      description: 'Ingen kommer åt VPN sedan 08:10.',
      priority: 'critical',
      category: { name: 'Nätverk' },
      clientRef: 'ACME AB',
      orderRef: 'O-1001',
      labels: ['monitoring'],
      channel: 'esb',
      requester: { name: 'Övervakningen', email: 'noc@example.org' },
    });
  });

  it('takes a message delivered twice once', async () => {
    const id = `msg-${randomBytes(4).toString('hex')}`;
    const duplicatesBefore = await consumed('duplicate');
    await publish(message(id));
    await expect.poll(() => incidentOf(id)).toBeDefined();
    const incidents = await count('desk.incidents');
    await publish(message(id, { title: 'The same message, sent again' }));
    await expect.poll(() => consumed('duplicate')).toBe(duplicatesBefore + 1);
    expect(await count('desk.incidents')).toBe(incidents);
  });

  it('sends malformed messages to the dead-letter queue with the reason and writes nothing', async () => {
    const incidents = await count('desk.incidents');
    const delivered = await count('desk.inbound_messages');
    const bodies = {
      notJson: '{"messageId": "broken',
      noTitle: JSON.stringify({ messageId: 'm-no-title', requester: { name: 'A' } }),
      unknownCategory: JSON.stringify(message('m-category', { category: 'Kaffemaskiner' })),
    };
    for (const body of Object.values(bodies)) await publish(body);
    const dead = await deadLetters(3);
    const reasonOf = (body: string) =>
      String(dead.find((letter) => letter.content.toString() === body)?.properties.headers?.[ESB_REASON_HEADER]);
    expect(reasonOf(bodies.notJson)).toMatch(/^not JSON/);
    expect(reasonOf(bodies.noTitle)).toMatch(/^schema: title/);
    expect(reasonOf(bodies.unknownCategory)).toMatch(/category.*Kaffemaskiner/);
    expect(await count('desk.incidents')).toBe(incidents);
    expect(await count('desk.inbound_messages')).toBe(delivered);
  });

  it('puts a message back while the database fails and takes it in once it works again', async () => {
    const metric = async () =>
      (await node.platform.metrics.registry.getSingleMetric('kontor_desk_esb_retried_total')?.get())?.values[0]
        ?.value ?? 0;
    const retriedBefore = await metric();
    // The table the intake needs is away: every attempt fails as it would with the database unreachable.
    await sql`alter table desk.inbound_messages rename to inbound_messages_away`.execute(node.platform.db);
    const id = `msg-${randomBytes(4).toString('hex')}`;
    try {
      await publish(message(id));
      await expect.poll(metric).toBeGreaterThanOrEqual(retriedBefore + 2);
    } finally {
      await sql`alter table desk.inbound_messages_away rename to inbound_messages`.execute(node.platform.db);
    }
    await expect.poll(() => incidentOf(id)).toBeDefined();
    expect((await channel.checkQueue(deadLetterQueue(queue))).messageCount).toBe(0);
  });

  it('reconnects when the broker connection drops and goes on consuming', async () => {
    const first = `msg-${randomBytes(4).toString('hex')}`;
    await publish(message(first));
    await expect.poll(() => incidentOf(first)).toBeDefined();

    proxy.down();
    const during = `msg-${randomBytes(4).toString('hex')}`;
    await publish(message(during));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await incidentOf(during)).toBeUndefined();
    proxy.up();

    await expect.poll(() => incidentOf(during)).toBeDefined();
    const after = `msg-${randomBytes(4).toString('hex')}`;
    await publish(message(after));
    await expect.poll(() => incidentOf(after)).toBeDefined();
  });
});

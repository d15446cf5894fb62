import { randomBytes } from 'node:crypto';
import type { DeskEsbMessage } from '@kontor/contracts';
import { connect } from 'amqplib';
import pg from 'pg';
import { deadLetterQueue, declareEsbQueues } from '../apps/server/src/desk/channels/esb/esb-consumer.js';
import { startDeskHub } from './desk-hub.js';
import { sleep } from './latency.js';
import { isMain } from './main.js';
import { createThrowawayDatabase } from './postgres.js';
import { flagValue, redact } from './settings.js';
import { fixed, median, table } from './stats.js';

// ESB ingest (docs/benchmarks.md, "Desk ESB ingest"): N JSON messages published to a fresh RabbitMQ queue, consumed
// by a real hub process on PostgreSQL (prefetch = its concurrency), timed from the first publish until every
// message is an incident. Baseline in the same run, on the same hub: N incidents through POST /api/desk/incidents
// with as many requests in flight as the consumer's prefetch.
// node --import tsx bench/desk-amqp.ts [--messages 10000] [--runs 3] [--prefetch 50] [--amqp-url …] [--pg-url …]

interface Settings {
  messages: number;
  runs: number;
  prefetch: number;
  amqpUrl: string;
  pgUrl: string;
}

export interface AmqpFigures {
  settings: Settings;
  amqp: number[];
  http: number[];
}

function readSettings(argv = process.argv.slice(2)): Settings {
  const number = (flag: string, fallback: number) => Number(flagValue(argv, flag) ?? fallback);
  return {
    messages: number('--messages', 10_000),
    runs: number('--runs', 3),
    prefetch: number('--prefetch', 50),
    amqpUrl: flagValue(argv, '--amqp-url') ?? process.env.BENCH_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
    pgUrl: flagValue(argv, '--pg-url') ?? process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}

const incident = (n: number) => ({
  title: `VPN down at branch office ${n % 40}`,
  description: 'Monitoring reports the tunnel down since 08:10. Users cannot reach the order system.',
  priority: (['low', 'normal', 'high', 'critical'] as const)[n % 4],
  clientRef: 'ACME AB',
  labels: ['monitoring'],
});

export async function runDeskAmqpBench(settings = readSettings()): Promise<AmqpFigures> {
  const created = await createThrowawayDatabase(settings.pgUrl);
  if ('skipped' in created) throw new Error(created.skipped);
  const { database } = created;
  const queue = `kontor.bench.desk.${randomBytes(5).toString('hex')}`;
  const connection = await connect(settings.amqpUrl);
  const channel = await connection.createConfirmChannel();
  await declareEsbQueues(channel, queue);
  const hub = await startDeskHub(database.url, {
    deskAmqpUrl: settings.amqpUrl,
    deskAmqpQueue: queue,
    deskAmqpPrefetch: settings.prefetch,
  });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const count = async (channelName: string) =>
    (
      await client.query<{ n: number }>('select count(*)::int as n from desk.incidents where channel = $1', [
        channelName,
      ])
    ).rows[0]?.n ?? 0;
  const figures: AmqpFigures = { settings, amqp: [], http: [] };
  try {
    console.log(`hub on ${redact(database.url)}, queue ${queue}, ${settings.messages} messages a run`);
    for (let run = 1; run <= settings.runs; run++) {
      const before = await count('esb');
      const startedAt = performance.now();
      for (let n = 0; n < settings.messages; n++) {
        const message: DeskEsbMessage = {
          messageId: `bench-${run}-${n}`,
          requester: { name: 'Monitoring', email: 'noc@example.org' },
          ...incident(n),
        };
        // Publishing outruns any consumer; waiting for confirms in batches keeps the client's buffer bounded.
        channel.sendToQueue(queue, Buffer.from(JSON.stringify(message)), { persistent: true });
        if (n % 1000 === 999) await channel.waitForConfirms();
      }
      await channel.waitForConfirms();
      while ((await count('esb')) < before + settings.messages) await sleep(50);
      const amqpRate = settings.messages / ((performance.now() - startedAt) / 1000);
      figures.amqp.push(amqpRate);

      const httpStartedAt = performance.now();
      let next = 0;
      const worker = async () => {
        while (next < settings.messages) {
          const n = next++;
          const response = await fetch(`${hub.url}/api/desk/incidents`, {
            method: 'POST',
            headers: { ...hub.headers, 'content-type': 'application/json' },
            body: JSON.stringify({ ...incident(n), requesterName: 'Monitoring', requesterEmail: 'noc@example.org' }),
          });
          if (response.status !== 201) throw new Error(`POST answered ${response.status}: ${await response.text()}`);
          await response.arrayBuffer();
        }
      };
      await Promise.all(Array.from({ length: settings.prefetch }, worker));
      const httpRate = settings.messages / ((performance.now() - httpStartedAt) / 1000);
      figures.http.push(httpRate);
      console.log(`  run ${run}: AMQP ${fixed(amqpRate)} incidents/s, HTTP ${fixed(httpRate)} incidents/s`);
    }
    const dead = await channel.checkQueue(deadLetterQueue(queue));
    if (dead.messageCount > 0) throw new Error(`${dead.messageCount} benchmark messages went to the dead letters`);
    return figures;
  } finally {
    await client.end();
    await hub.stop();
    await channel.deleteQueue(queue).catch(() => undefined);
    await channel.deleteQueue(deadLetterQueue(queue)).catch(() => undefined);
    await connection.close();
    await database.drop();
  }
}

export function formatDeskAmqpResult({ settings, amqp, http }: AmqpFigures): string {
  const rows = [
    ['way in (PostgreSQL hub)', 'incidents/s (median)', 'runs'],
    [`RabbitMQ queue, prefetch ${settings.prefetch}`, fixed(median(amqp)), amqp.map((rate) => fixed(rate)).join(' / ')],
    [
      `POST /api/desk/incidents, ${settings.prefetch} in flight`,
      fixed(median(http)),
      http.map((rate) => fixed(rate)).join(' / '),
    ],
  ];
  return `Desk ESB ingest: ${settings.messages} incidents a run, ${settings.runs} runs; AMQP / HTTP = ${fixed(median(amqp) / median(http), 2)}\n${table(rows)}`;
}

if (isMain(import.meta.url)) console.log(`\n${formatDeskAmqpResult(await runDeskAmqpBench())}`);

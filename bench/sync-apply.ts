import { sql } from 'kysely';
import type pg from 'pg';
import { flagValue } from './settings.js';
import { cpuMs, fixed, median, table } from './stats.js';
import { type SyncNode, startClient, startHub, waitBootstrapped } from './sync-nodes.js';

/**
 * What applying one hub change costs a client node, the work behind every propagation figure: a hub and a client
 * in this process, the client's sync loop stopped; the hub writes pings and the client applies them one per
 * `SyncService.receive`, as a streamed change arrives. Per apply: CPU time, wall time and SQL statements sent to
 * the client's PGlite. Baseline in the same run: the same kind of row upserted on the client in a plain
 * transaction, without the log, the vector, the clock and the checks.
 *
 *   node --import tsx bench/sync-apply.ts [--applies 300]
 */
const applies = Number(flagValue(process.argv.slice(2), '--applies') ?? 300);
const WARMUP = 50;

/** Counts the statements the node's pool sends while `counting` is on. */
function countStatements(node: SyncNode) {
  const counter = { counting: false, statements: 0 };
  const pool = node.node.platform.database.pool;
  const wrapped = new WeakSet<pg.PoolClient>();
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  (pool as { connect: () => Promise<pg.PoolClient> }).connect = async () => {
    const client = await connect();
    if (!wrapped.has(client)) {
      wrapped.add(client);
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        if (counter.counting) counter.statements += 1;
        return query(...args);
      };
    }
    return client;
  };
  return counter;
}

/** Runs `work` once per item, answering CPU and wall milliseconds per run. */
async function timed<T>(items: T[], work: (item: T) => Promise<unknown>) {
  const cpu: number[] = [];
  const wall: number[] = [];
  for (const item of items) {
    const [cpu0, wall0] = [cpuMs(), performance.now()];
    await work(item);
    cpu.push(cpuMs() - cpu0);
    wall.push(performance.now() - wall0);
  }
  return { cpu, wall };
}

const hub = await startHub();
const client = await startClient(hub.url, await hub.enrollmentCode(), 'bench-apply');
try {
  await waitBootstrapped(client);
  const syncModule = client.node.modules.find((module) => module.name === 'sync');
  await syncModule?.stop?.();
  const from = await client.sync.vector();
  for (let id = 1; id <= WARMUP + applies; id++) {
    await sql`insert into benchsync.pings (id) values (${id})`.execute(hub.node.platform.db);
  }
  const { changes } = await hub.sync.changesBeyond(from, WARMUP + applies + 1_000);
  const pings = changes.filter((change) => change.table === 'benchsync.pings');
  await client.sync.receive(
    null,
    changes.filter((change) => change.table !== 'benchsync.pings'),
  );
  for (const change of pings.slice(0, WARMUP)) await client.sync.receive(null, [change]);

  const counter = countStatements(client);
  counter.counting = true;
  const kontor = await timed(pings.slice(WARMUP), (change) => client.sync.receive(null, [change]));
  const statements = counter.statements / applies;
  counter.counting = false;
  const db = client.node.platform.db;
  const rows = Array.from({ length: applies }, (_, i) => -1 - i);
  const plain = await timed(rows, (id) =>
    db.transaction().execute(async (trx) => {
      // As an apply does: a replicated write that is not this node's own change (the trigger logs nothing).
      await sql`select set_config('kontor.applying', 'on', true)`.execute(trx);
      await sql`insert into benchsync.pings (id, sent_at) values (${id}, now())
          on conflict (id) do update set sent_at = excluded.sent_at`.execute(trx);
    }),
  );
  const row = (name: string, run: { cpu: number[]; wall: number[] }, perApply: string) => [
    name,
    String(run.cpu.length),
    fixed(median(run.cpu), 2),
    fixed(median(run.wall), 2),
    perApply,
  ];
  console.log(`\nApplying one hub change on a client (PGlite in memory), ${applies} times after ${WARMUP} unrecorded`);
  console.log(
    table([
      ['run', 'count', 'CPU ms (median)', 'wall ms (median)', 'statements each'],
      row('plain transaction: the row alone (baseline)', plain, '4'),
      row('Kontor: SyncService.receive of one change', kontor, fixed(statements, 1)),
    ]),
  );
  console.log(`CPU ratio to the baseline: ${fixed(median(kontor.cpu) / median(plain.cpu), 1)}x`);
} finally {
  await client.close();
  await hub.close();
}

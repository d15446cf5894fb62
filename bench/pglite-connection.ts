import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';
import { pglitePoolConfig } from '../apps/server/src/platform/db/pglite-connection.js';
import { flagValue } from './settings.js';
import { cpuMs, fixed, median, table } from './stats.js';

/**
 * What a statement with parameters costs through node-postgres on PGlite: Kontor's connection
 * (platform/db/pglite-connection.ts: a statement's protocol messages in one call into the database, each text
 * parsed once) against PGlite's own adapter (one call per message, every statement parsed anew), the baseline. Two PGlite databases in memory in this process, the
 * same work on each, taken in turns of 20 transactions so that a noisy machine weighs on both alike. Each
 * transaction is what a small write does: begin, a read, an upsert, an insert, an update, commit.
 *
 *   node --import tsx bench/pglite-connection.ts [--transactions 2000]
 */
const transactions = Number(flagValue(process.argv.slice(2), '--transactions') ?? 2_000);
const TURN = 20;
const WARMUP = 200;

async function database(config: (pglite: PGlite) => pg.PoolConfig) {
  const pglite = await PGlite.create();
  const pool = new pg.Pool(config(pglite));
  await pool.query(`create table counters (id int primary key, n int not null);
    create table entries (id serial primary key, counter int not null, at timestamptz not null default now())`);
  let next = 0;
  const work = async () => {
    const client = await pool.connect();
    try {
      const id = next++ % 100;
      await client.query('begin');
      await client.query('select n from counters where id = $1', [id]);
      await client.query(
        'insert into counters (id, n) values ($1, 1) on conflict (id) do update set n = counters.n + 1',
        [id],
      );
      await client.query('insert into entries (counter) values ($1)', [id]);
      await client.query('update counters set n = n where id = $1 and n > $2', [id, 0]);
      await client.query('commit');
    } finally {
      client.release();
    }
  };
  return { work, close: () => pool.end().then(() => pglite.close()) };
}

const runs = {
  adapter: await database((pglite) => createPgConfig(pglite) as pg.PoolConfig),
  kontor: await database(pglitePoolConfig),
};
const cpu: Record<keyof typeof runs, number[]> = { adapter: [], kontor: [] };
try {
  for (const run of Object.values(runs)) for (let i = 0; i < WARMUP; i++) await run.work();
  for (let done = 0; done < transactions; done += TURN) {
    for (const [name, run] of Object.entries(runs) as Array<[keyof typeof runs, (typeof runs)['kontor']]>) {
      for (let i = 0; i < TURN; i++) {
        const before = cpuMs();
        await run.work();
        cpu[name].push(cpuMs() - before);
      }
    }
  }
} finally {
  await Promise.all(Object.values(runs).map((run) => run.close()));
}
console.log(`\nA small write transaction (6 statements, 4 with parameters) on PGlite in memory, ${transactions} each`);
console.log(
  table([
    ['connection', 'CPU ms (median)'],
    ["PGlite's node-postgres adapter (baseline)", fixed(median(cpu.adapter), 3)],
    ["Kontor's connection", fixed(median(cpu.kontor), 3)],
  ]),
);
console.log(`CPU ratio to the baseline: ${fixed(median(cpu.kontor) / median(cpu.adapter), 2)}`);

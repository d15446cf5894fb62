import { type CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { incidentsRepository } from '../apps/server/src/desk/incidents-repository.js';
import { compileIncidentFilter } from '../apps/server/src/desk/query-fields.js';
import type { DeskDb } from '../apps/server/src/desk/tables.js';
import { namedDatabase, startDeskHub } from './desk-hub.js';
import { fillIncidents, INCIDENTS } from './desk-incidents-data.js';
import { percentile } from './latency.js';
import { isMain } from './main.js';
import { flagValue, redact } from './settings.js';
import { fixed, median, table } from './stats.js';

// The desk's filter language over a million incidents on PostgreSQL (docs/benchmarks.md, "Desk filters"):
// five typical filters (docs/query-language.md) through the HTTP API of a real hub, a 50-row first page each,
// against the database's own floor measured in the same run: EXPLAIN (ANALYZE) of the very SQL the hub runs
// (its page query and its capped count, which the hub runs side by side).
// node --import tsx bench/desk-filters.ts [--requests 30] [--fresh] [--pg-url postgres://…]

export const FILTERS = [
  'status:open priority:>=high',
  'assignee:me status:open',
  'created:>-7d category:network',
  '"vpn down"',
  'client:"ACME AB" -label:duplicate',
];
const DATABASE = 'kontor_bench_desk_1m';
const WARMUP = 3;
const EXPLAIN_RUNS = 7;

export interface FilterFigure {
  filter: string;
  total: string;
  p50: number;
  p95: number;
  pageFloor: number;
  countFloor: number;
}

interface Settings {
  requests: number;
  fresh: boolean;
  pgUrl: string;
}

function readSettings(argv = process.argv.slice(2)): Settings {
  return {
    requests: Number(flagValue(argv, '--requests') ?? process.env.BENCH_REQUESTS ?? 30),
    fresh: argv.includes('--fresh'),
    pgUrl: flagValue(argv, '--pg-url') ?? process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}

/**
 * The page and count queries the hub's repository sends for `filter` (as `userId`), captured from a Kysely over
 * `pool`: the very SQL and parameters the hub runs, to EXPLAIN.
 */
export function hubSql(pool: pg.Pool) {
  const captured: CompiledQuery[] = [];
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  return async (filter: string, userId: string) => {
    captured.length = 0;
    await incidentsRepository.list(db as unknown as DeskDb, {
      where: compileIncidentFilter(filter, { userId, now: new Date() }),
      sort: 'created',
      limit: 50,
    });
    const [page, count] = captured;
    if (!page || !count) throw new Error(`${filter}: the repository sent no page and count query`);
    return { page, count };
  };
}

async function executionMs(client: pg.Client, query: CompiledQuery): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < EXPLAIN_RUNS; i++) {
    const result = await client.query(`explain (analyze, format json) ${query.sql}`, [...query.parameters]);
    runs.push((result.rows[0]['QUERY PLAN'][0] as { 'Execution Time': number })['Execution Time']);
  }
  return median(runs);
}

export async function runDeskFiltersBench(settings = readSettings()): Promise<FilterFigure[]> {
  const url = await namedDatabase(settings.pgUrl, DATABASE, settings.fresh);
  console.log(`database ${redact(url)}`);
  // The hub migrates the database (and so builds the indexes under test) before anything is filled.
  let hub = await startDeskHub(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from desk.incidents');
    if ((rows[0]?.n ?? 0) < INCIDENTS) {
      console.log(`filling ${INCIDENTS} incidents (once; --fresh fills again)`);
      await hub.stop();
      await client.query('truncate desk.incidents cascade');
      await fillIncidents(client, hub.adminId);
      hub = await startDeskHub(url);
    } else console.log(`${rows[0]?.n} incidents already there`);

    const sqlOf = hubSql(pool);
    const figures: FilterFigure[] = [];
    for (const filter of FILTERS) {
      const request = `${hub.url}/api/desk/incidents?limit=50&q=${encodeURIComponent(filter)}`;
      const times: number[] = [];
      let total = '';
      for (let i = 0; i < WARMUP + settings.requests; i++) {
        const startedAt = performance.now();
        const response = await fetch(request, { headers: hub.headers });
        const page = (await response.json()) as { total: number; totalCapped?: boolean; incidents: unknown[] };
        const elapsed = performance.now() - startedAt;
        if (response.status !== 200) throw new Error(`${filter}: ${response.status} ${JSON.stringify(page)}`);
        if (i >= WARMUP) times.push(elapsed);
        total = `${page.total.toLocaleString('en')}${page.totalCapped ? '+' : ''}`;
      }
      const queries = await sqlOf(filter, hub.adminId);
      const sorted = times.sort((a, b) => a - b);
      const figure = {
        filter,
        total,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        pageFloor: await executionMs(client, queries.page),
        countFloor: await executionMs(client, queries.count),
      };
      figures.push(figure);
      console.log(`  ${filter}: p50 ${fixed(figure.p50, 1)} ms, p95 ${fixed(figure.p95, 1)} ms`);
    }
    return figures;
  } finally {
    await client.end();
    await pool.end().catch(() => undefined);
    await hub.stop();
  }
}

export function formatDeskFiltersResult(figures: FilterFigure[], requests: number): string {
  const rows = [
    ['filter (50-row first page)', 'matches', 'p50 ms', 'p95 ms', 'SQL page ms', 'SQL count ms', 'p95 / floor'],
    ...figures.map((figure) => {
      const floor = Math.max(figure.pageFloor, figure.countFloor);
      return [
        figure.filter,
        figure.total,
        fixed(figure.p50, 1),
        fixed(figure.p95, 1),
        fixed(figure.pageFloor, 1),
        fixed(figure.countFloor, 1),
        `${fixed(figure.p95 / floor, 1)}x`,
      ];
    }),
  ];
  return `Desk filters over ${INCIDENTS.toLocaleString('en')} incidents, ${requests} requests each (HTTP, sequential); floor = EXPLAIN (ANALYZE) execution time, median of ${EXPLAIN_RUNS}\n${table(rows)}`;
}

if (isMain(import.meta.url)) {
  const settings = readSettings();
  const figures = await runDeskFiltersBench(settings);
  console.log(`\n${formatDeskFiltersResult(figures, settings.requests)}`);
}

import { shopSearchQuery } from '@kontor/contracts';
import { type CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { PostgresSearchEngine } from '../apps/server/src/commerce/search/postgres-search-engine.js';
import { ProductListings } from '../apps/server/src/commerce/search/product-listings.js';
import { ZeroResultLog } from '../apps/server/src/commerce/search/zero-results.js';
import { systemContext } from '../apps/server/src/platform/context.js';
import type { Platform } from '../apps/server/src/platform/platform.js';
import { commerceDatabase, readCatalogSettings } from './commerce-data.js';
import { startDeskHub } from './desk-hub.js';
import { load, startBare } from './http.js';
import { percentile } from './latency.js';
import { isMain } from './main.js';
import { flagValue } from './settings.js';
import { fixed, median, table } from './stats.js';

// The shop's faceted search on PostgreSQL (docs/commerce-search.md): five typical searches through the HTTP API of
// a real hub over the generated catalog (bench/commerce-data.ts), each next to its own floor measured in the same run:
// EXPLAIN (ANALYZE) of the very statements the hub's search sends for it (captured from the same service code). Then
// the product-list API (a category page's search) under load, next to a bare Fastify route in the same process.
// node --import tsx bench/commerce-search.ts [--products 100000] [--requests 30] [--duration 5] [--rounds 3] [--fresh]

export const SEARCHES = [
  { name: 'text "propeller"', query: 'q=propeller' },
  { name: 'category + brand', query: 'facet.category=motorer-och-delar&facet.brand=yamaha' },
  { name: 'fitment Yamaha F40 2015', query: 'facet.fitment=yamaha-f40-2015' },
  { name: 'price range + attribute', query: 'facet.price=50000-200000&facet.material=aluminium' },
  { name: 'text + two facets', query: `q=${encodeURIComponent('flytväst')}&facet.size=l&facet.colour=red` },
];
/** The product list of a category page: its first 24 products and the facets. */
const PRODUCT_LIST = 'facet.category=propellrar';
const WARMUP = 3;
const EXPLAIN_RUNS = 5;

interface Settings {
  requests: number;
  duration: number;
  rounds: number;
  connections: number;
}

function readSettings(argv = process.argv.slice(2)): Settings {
  const number = (flag: string, fallback: number) => Number(flagValue(argv, flag) ?? fallback);
  return {
    requests: number('--requests', 30),
    duration: number('--duration', 5),
    rounds: number('--rounds', 3),
    connections: number('--connections', 10),
  };
}

export interface SearchFigure {
  name: string;
  query: string;
  total: number;
  textMatch: string;
  p50: number;
  p95: number;
  statements: number;
  /** EXPLAIN ANALYZE execution times of the search's statements: summed (one after another) and the longest. */
  sqlSum: number;
  sqlMax: number;
}

export interface ListFigure {
  bareReqPerSec: number;
  listReqPerSec: number;
  listP99Ms: number;
  failures: number;
}

/** The statements the hub's search sends for `query`, captured from the same service code over `pool`. */
export function searchSql(pool: pg.Pool) {
  const captured: CompiledQuery[] = [];
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  const platform = {
    config: { commerceLocales: ['sv', 'en'] },
    db,
    logger: pino({ level: 'silent' }),
  } as unknown as Platform;
  const listings = new ProductListings(
    platform,
    // Without the count cache: every search sends all its statements, as the first one after a change does.
    new PostgresSearchEngine(platform.db, { defaultLocale: 'sv', countCacheMs: 0 }),
    new ZeroResultLog(platform.db),
  );
  return async (query: string) => {
    captured.length = 0;
    const params: Record<string, string | string[]> = {};
    for (const [key, value] of new URLSearchParams(query)) {
      const before = params[key];
      params[key] = before === undefined ? value : [before, value].flat();
    }
    await listings.search(systemContext('bench'), shopSearchQuery.parse(params));
    return [...captured];
  };
}

async function executionMs(client: pg.PoolClient, query: CompiledQuery): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < EXPLAIN_RUNS; i++) {
    const result = await client.query(`explain (analyze, format json) ${query.sql}`, [...query.parameters]);
    runs.push((result.rows[0]['QUERY PLAN'][0] as { 'Execution Time': number })['Execution Time']);
  }
  return median(runs);
}

export async function runCommerceSearchBench(settings = readSettings(), log = console.log) {
  const catalog = readCatalogSettings();
  const url = await commerceDatabase(catalog, log);
  const hub = await startDeskHub(url, { commerceRateLimitPerMinute: 1_000_000_000 });
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const bare = await startBare();
  try {
    const sqlOf = searchSql(pool);
    const figures: SearchFigure[] = [];
    for (const search of SEARCHES) {
      const request = `${hub.url}/api/shop/search?${search.query}`;
      const times: number[] = [];
      let answer = { total: 0, textMatch: '' };
      for (let i = 0; i < WARMUP + settings.requests; i++) {
        const startedAt = performance.now();
        const response = await fetch(request);
        const body = await response.json();
        const elapsed = performance.now() - startedAt;
        if (response.status !== 200) throw new Error(`${search.name}: ${response.status} ${JSON.stringify(body)}`);
        if (i >= WARMUP) times.push(elapsed);
        answer = body as typeof answer;
      }
      const statements = await sqlOf(search.query);
      const client = await pool.connect();
      const floors: number[] = [];
      try {
        for (const statement of statements) floors.push(await executionMs(client, statement));
      } finally {
        client.release();
      }
      const sorted = times.sort((a, b) => a - b);
      const figure: SearchFigure = {
        ...search,
        total: answer.total,
        textMatch: answer.textMatch,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        statements: statements.length,
        sqlSum: floors.reduce((sum, ms) => sum + ms, 0),
        sqlMax: Math.max(...floors),
      };
      figures.push(figure);
      log(`  ${search.name}: ${figure.total} hits, p50 ${fixed(figure.p50, 1)} ms, p95 ${fixed(figure.p95, 1)} ms`);
    }

    const targets = [
      { name: 'bare Fastify GET /hello', url: `${bare.url}/hello`, headers: {} },
      { name: `GET /api/shop/search?${PRODUCT_LIST}`, url: `${hub.url}/api/shop/search?${PRODUCT_LIST}`, headers: {} },
    ];
    const rounds = targets.map(() => [] as Array<{ reqPerSec: number; p99Ms: number; failures: number }>);
    for (let round = 1; round <= settings.rounds; round++) {
      for (const [i, target] of targets.entries()) {
        await load(target, settings.connections, Math.min(2, settings.duration));
        const result = await load(target, settings.connections, settings.duration);
        rounds[i]?.push(result);
        log(`  round ${round}/${settings.rounds} ${target.name}: ${fixed(result.reqPerSec)} req/s`);
      }
    }
    const list: ListFigure = {
      bareReqPerSec: median((rounds[0] ?? []).map((r) => r.reqPerSec)),
      listReqPerSec: median((rounds[1] ?? []).map((r) => r.reqPerSec)),
      listP99Ms: median((rounds[1] ?? []).map((r) => r.p99Ms)),
      failures: (rounds[1] ?? []).reduce((sum, r) => sum + r.failures, 0),
    };
    return { products: catalog.products, figures, list };
  } finally {
    await bare.close();
    await pool.end().catch(() => undefined);
    await hub.stop();
  }
}

export function formatCommerceSearchResult(
  result: Awaited<ReturnType<typeof runCommerceSearchBench>>,
  settings: Settings,
): string {
  const rows = [
    [
      'search (24 hits + facet counts)',
      'hits',
      'match',
      'p50 ms',
      'p95 ms',
      'stmts',
      'SQL sum ms',
      'SQL max ms',
      'p95 / sum',
    ],
    ...result.figures.map((figure) => [
      `${figure.name}  [${figure.query}]`,
      String(figure.total),
      figure.textMatch,
      fixed(figure.p50, 1),
      fixed(figure.p95, 1),
      String(figure.statements),
      fixed(figure.sqlSum, 1),
      fixed(figure.sqlMax, 1),
      `${fixed(figure.p95 / figure.sqlSum, 1)}x`,
    ]),
  ];
  const { list } = result;
  const listRows = [
    ['HTTP, one process each, medians', 'req/s', 'ratio to bare'],
    ['bare Fastify GET /hello', fixed(list.bareReqPerSec), '1.00'],
    [
      `product list GET /api/shop/search?${PRODUCT_LIST} (p99 ${fixed(list.listP99Ms, 1)} ms${list.failures ? `, ${list.failures} failures!` : ''})`,
      fixed(list.listReqPerSec),
      fixed(list.listReqPerSec / list.bareReqPerSec, 3),
    ],
  ];
  return [
    `Shop search over ${result.products.toLocaleString('en')} products, ${settings.requests} requests each (HTTP, sequential);`,
    `floor = EXPLAIN (ANALYZE) execution time of each statement the search sends, median of ${EXPLAIN_RUNS}`,
    '(the hub sends them side by side on PostgreSQL: its latency lies between the longest and the sum; it keeps counts',
    'over the whole shop for 30 s, which the floor, a cold search, does not)',
    table(rows),
    '',
    `Product-list API under load (autocannon, ${settings.connections} connections, ${settings.duration} s, ${settings.rounds} rounds)`,
    table(listRows),
  ].join('\n');
}

if (isMain(import.meta.url)) {
  const settings = readSettings();
  const result = await runCommerceSearchBench(settings);
  console.log(`\n${formatCommerceSearchResult(result, settings)}`);
}

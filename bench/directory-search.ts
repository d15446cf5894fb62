import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DirectoryEntry } from '@kontor/contracts';
import { sql } from 'kysely';
import { loadConfig } from '../apps/server/src/config.js';
import { DirectoryService } from '../apps/server/src/directory/directory-service.js';
import { swedishSortKey } from '../apps/server/src/directory/text-keys.js';
import { createNode, type KontorNode } from '../apps/server/src/node.js';
import { systemContext } from '../apps/server/src/platform/context.js';
import { generateDirectory, loadDirectory } from './directory-data.js';
import { ADMIN_PASSWORD } from './kontor-node.js';
import { isMain } from './main.js';
import { createThrowawayDatabase } from './postgres.js';
import { flagValue, readSettings } from './settings.js';
import { fixed, median, table } from './stats.js';

/*
 * Directory search at scale (docs/benchmarks.md, "Directory search"):
 *   node --import tsx bench/directory-search.ts [--people 50000] [--search-rounds 3] [--pg-url URL|off]
 * A fresh node on in-memory PGlite and one on a throw-away PostgreSQL database, each with the demo region and
 * `--people` invented people bulk-loaded (bench/directory-data.ts); every keystroke of the queries below is
 * searched through the route, through DirectoryService.search alone, and as a bare btree prefix lookup of the
 * same text in the people's sort-key index (the baseline), interleaved, `--search-rounds` times.
 * EXPLAIN ANALYZE of single queries: bench/directory-explain.ts.
 */

/**
 * What people type, one key at a time (so one- and two-letter prefixes too): names without diacritics and with
 * a typo, a name as written, a function by its name and its unit's, a unit, a title, numbers of the region and
 * of the demo, and common names that match thousands.
 */
const TYPED = [
  'goran akeson',
  'Märta Sjöberg',
  'lindkvist',
  'jourhavande iva',
  'akutmottagningen',
  'enhetschef ortoped',
  'sjukskoterska kumla',
  '019-601 23',
  '08-465 004 1',
  'anna andersson',
];
const QUERIES = TYPED.flatMap((text) => Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1))).filter(
  (query) => query.trim() !== '',
);
const argv = process.argv.slice(2);
/** `--people N` invented people (with units, functions and contact points) on top of the demo region. */
const PEOPLE = Number(flagValue(argv, '--people') ?? process.env.BENCH_PEOPLE ?? 50_000);
const ROUNDS = Number(flagValue(argv, '--search-rounds') ?? process.env.BENCH_SEARCH_ROUNDS ?? 3);
const LIMIT = 20;

interface Series {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

interface StoreFigures {
  store: string;
  rows: { units: number; people: number; functions: number; contacts: number };
  loadSeconds: number;
  searches: number;
  /** GET /api/directory/search through Fastify (inject), signed in: what the web app waits for. */
  route: Series;
  /** DirectoryService.search, as the route calls it, without HTTP. */
  service: Series;
  /** The same keystroke as a prefix of the Swedish sort key: btree range scan, 20 rows. */
  baseline: Series;
  slowest: Array<{ query: string; ms: number }>;
  /** Every query's results as titles, to compare the stores. */
  answers: Map<string, string[]>;
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * p) - 1)] ?? Number.NaN;
const series = (values: number[]): Series => ({
  p50: median(values),
  p95: percentile(values, 0.95),
  p99: percentile(values, 0.99),
  max: Math.max(...values),
});

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

async function count(node: KontorNode, table: string): Promise<number> {
  const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(node.platform.db);
  return result.rows[0]?.n ?? 0;
}

async function measure(store: string, node: KontorNode): Promise<StoreFigures> {
  const db = node.platform.db;
  const root = await sql<{ id: string }>`select id from directory.units where parent_id is null`.execute(db);
  const [loadMs] = await timed(() => loadDirectory(db, generateDirectory(PEOPLE, root.rows[0]?.id ?? '')));

  const login = await node.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', password: ADMIN_PASSWORD },
  });
  const cookie = `kontor_session=${login.cookies.find((c) => c.name === 'kontor_session')?.value}`;
  const route = async (q: string): Promise<DirectoryEntry[]> => {
    const response = await node.app.inject({ url: '/api/directory/search', query: { q }, headers: { cookie } });
    if (response.statusCode !== 200) throw new Error(`search ${q}: ${response.statusCode} ${response.body}`);
    return response.json().results;
  };
  const directory = new DirectoryService(node.platform);
  const ctx = systemContext('bench');
  const service = (q: string) => directory.search(ctx, q, LIMIT);
  // Through the index the search itself reads people by (migration 0003, people_sort_key).
  const baseline = (q: string) =>
    sql`select id, given_name, family_name, title, unit_id from directory.people
      where sort_key collate "C" >= ${swedishSortKey(q)} order by sort_key collate "C" limit ${LIMIT}`.execute(db);

  const answers = new Map<string, string[]>();
  for (const q of QUERIES) {
    // Warm-up (plans, caches) and the answers the stores are compared by.
    answers.set(
      q,
      (await route(q)).map((entry) => `${entry.kind} ${entry.title} · ${entry.subtitle}`),
    );
    await service(q);
    await baseline(q);
  }
  const routeMs: number[] = [];
  const serviceMs: number[] = [];
  const baselineMs: number[] = [];
  const perQuery = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const q of QUERIES) {
      const [ms] = await timed(() => route(q));
      routeMs.push(ms);
      perQuery.set(q, [...(perQuery.get(q) ?? []), ms]);
      serviceMs.push((await timed(() => service(q)))[0]);
      baselineMs.push((await timed(() => baseline(q)))[0]);
    }
  }
  const slowest = [...perQuery]
    .map(([query, times]) => ({ query, ms: median(times) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);
  return {
    store,
    rows: {
      units: await count(node, 'directory.units'),
      people: await count(node, 'directory.people'),
      functions: await count(node, 'directory.functions'),
      contacts: await count(node, 'directory.contact_points'),
    },
    loadSeconds: loadMs / 1000,
    searches: routeMs.length,
    route: series(routeMs),
    service: series(serviceMs),
    baseline: series(baselineMs),
    slowest,
    answers,
  };
}

async function onStore(store: string, databaseUrl?: string): Promise<StoreFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kontor-bench-directory-'));
  const config = loadConfig({
    flags: { dataDir, adminPassword: ADMIN_PASSWORD, logLevel: 'silent', databaseUrl, syncDiscovery: false },
    env: {},
  });
  const node = await createNode(config, databaseUrl ? {} : { store: { kind: 'pglite', dir: 'memory' } });
  try {
    return await measure(store, node);
  } finally {
    await node.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runDirectorySearchBench(pgUrl: string): Promise<{ figures: StoreFigures[]; skipped: string[] }> {
  const figures = [await onStore('PGlite')];
  const postgres = await createThrowawayDatabase(pgUrl);
  if ('skipped' in postgres) return { figures, skipped: [postgres.skipped] };
  try {
    figures.push(await onStore('PostgreSQL', postgres.database.url));
  } finally {
    await postgres.database.drop();
  }
  return { figures, skipped: [] };
}

/**
 * How many queries answer alike on both stores: the same entries in the same order, or else the same names in
 * the same order. Among entries of equal name (twenty "Jourhavande läkare" of different units) the page is filled
 * by id, and the demo region's ids are random per database, so those may be other units' entries of that name.
 */
function compareStores([a, b]: StoreFigures[]): string | null {
  if (!a || !b) return null;
  let same = 0;
  let sameNames = 0;
  const differing: string[] = [];
  const names = (answer: string[]) => answer.map((entry) => entry.split(' · ')[0]);
  for (const [query, answer] of a.answers) {
    const other = b.answers.get(query) ?? [];
    if (JSON.stringify(answer) === JSON.stringify(other)) same += 1;
    else if (JSON.stringify(names(answer)) === JSON.stringify(names(other))) sameNames += 1;
    else differing.push(JSON.stringify(query));
  }
  return (
    `results: identical on ${a.store} and ${b.store} for ${same} of ${a.answers.size} queries` +
    (sameNames ? `, the same names in the same order for ${sameNames} (equal names filled by id)` : '') +
    (differing.length ? `; DIFFERENT for ${differing.join(', ')}` : '')
  );
}

export function formatDirectorySearchResult({ figures, skipped }: Awaited<ReturnType<typeof runDirectorySearchBench>>) {
  const rows: string[][] = [];
  for (const f of figures) {
    const line = (what: string, s: Series, ratio: boolean) => [
      `${f.store}: ${what}`,
      fixed(s.p50, 2),
      fixed(s.p95, 2),
      fixed(s.p99, 2),
      fixed(s.max, 1),
      ratio ? `${fixed(s.p50 / f.baseline.p50, 0)}x` : '',
      ratio ? `${fixed(s.p95 / f.baseline.p95, 0)}x` : '',
    ];
    rows.push(line('bare btree prefix lookup (baseline)', f.baseline, false));
    rows.push(line('DirectoryService.search', f.service, true));
    rows.push(line('GET /api/directory/search', f.route, true));
  }
  const first = figures[0];
  return [
    `Directory search as you type: ${QUERIES.length} keystrokes of ${TYPED.length} queries x ${ROUNDS} rounds, limit ${LIMIT}` +
      (first
        ? ` (${first.rows.people} people, ${first.rows.units} units, ${first.rows.functions} functions, ${first.rows.contacts} contact points)`
        : ''),
    table([['store: path', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'p50 ratio', 'p95 ratio'], ...rows]),
    ...figures.map(
      (f) =>
        `${f.store}: loaded in ${fixed(f.loadSeconds, 1)} s; slowest (median over rounds): ` +
        f.slowest.map((s) => `${JSON.stringify(s.query)} ${fixed(s.ms, 1)} ms`).join(', '),
    ),
    ...[compareStores(figures)].filter((line): line is string => line !== null),
    ...skipped.map((reason) => `skipped: ${reason}`),
  ].join('\n');
}

if (isMain(import.meta.url)) {
  console.log(formatDirectorySearchResult(await runDirectorySearchBench(readSettings(argv).pgUrl)));
}

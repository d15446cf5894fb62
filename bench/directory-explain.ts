import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../apps/server/src/config.js';
import { searchTerms } from '../apps/server/src/directory/directory-service.js';
import { type StatementRunner, searchRepository } from '../apps/server/src/directory/search-repository.js';
import { createNode } from '../apps/server/src/node.js';
import { generateDirectory, loadDirectory } from './directory-data.js';
import { ADMIN_PASSWORD } from './kontor-node.js';
import { createThrowawayDatabase } from './postgres.js';
import { flagValue } from './settings.js';

/**
 * EXPLAIN ANALYZE of the directory search on the benchmark's data, to see where a slow query spends its time:
 * `node --import tsx bench/directory-explain.ts [--people N] [--pg-url URL] "query" "another query" ...`
 * (PGlite in memory without --pg-url).
 */
const argv = process.argv.slice(2);
const people = Number(flagValue(argv, '--people') ?? 50_000);
const pgUrl = flagValue(argv, '--pg-url');
const queries = argv.filter((arg, i) => !arg.startsWith('--') && !argv[i - 1]?.startsWith('--'));

const postgres = pgUrl ? await createThrowawayDatabase(pgUrl) : null;
if (postgres && 'skipped' in postgres) throw new Error(postgres.skipped);
const databaseUrl = postgres?.database.url;
const dataDir = mkdtempSync(join(tmpdir(), 'kontor-bench-explain-'));
const config = loadConfig({
  flags: { dataDir, adminPassword: ADMIN_PASSWORD, logLevel: 'silent', databaseUrl, syncDiscovery: false },
  env: {},
});
const node = await createNode(config, databaseUrl ? {} : { store: { kind: 'pglite', dir: 'memory' } });
try {
  const db = node.platform.db;
  const root = await sql<{ id: string }>`select id from directory.units where parent_id is null`.execute(db);
  await loadDirectory(db, generateDirectory(people, root.rows[0]?.id ?? ''));
  for (const query of queries) {
    const { words, number } = searchTerms(query);
    const plans: string[] = [];
    const explain: StatementRunner = async (statement, trx) => {
      const plan = await sql<{ 'QUERY PLAN': string }>`explain (analyze, costs off) ${statement}`.execute(trx);
      plans.push(plan.rows.map((row) => row['QUERY PLAN']).join('\n'));
      return statement.execute(trx);
    };
    await searchRepository.search(db.withTables(), words, number, 20); // warm
    const started = performance.now();
    await searchRepository.search(db.withTables(), words, number, 20);
    const ms = performance.now() - started;
    const times: string[] = [];
    const timing: StatementRunner = async (statement, trx) => {
      const start = performance.now();
      const result = await statement.execute(trx);
      times.push(`${(performance.now() - start).toFixed(1)} ms (${result.rows.length} rows)`);
      return result;
    };
    await searchRepository.search(db.withTables(), words, number, 20, timing);
    const hits = await searchRepository.search(db.withTables(), words, number, 20, explain);
    console.log(`\n=== ${JSON.stringify(query)}: ${hits.length} hits in ${ms.toFixed(1)} ms; ${times.join(', ')}`);
    for (const plan of plans) console.log(`---\n${plan}`);
  }
} finally {
  await node.close();
  rmSync(dataDir, { recursive: true, force: true });
  await postgres?.database.drop();
}

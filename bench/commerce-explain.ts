import pg from 'pg';
import { searchSql } from './commerce-search.js';
import { flagValue } from './settings.js';

/**
 * EXPLAIN (ANALYZE, BUFFERS) of every statement the shop's search sends for the given query strings, on the database
 * bench/commerce-data.ts filled, to see where a slow search spends its time:
 * `node --import tsx bench/commerce-explain.ts [--db-url URL] "facet.category=propellrar" "q=propeller" …`
 */
const argv = process.argv.slice(2);
const url = flagValue(argv, '--db-url') ?? 'postgres://postgres@127.0.0.1:5432/kontor_bench_commerce_100000';
const queries = argv.filter((arg, i) => !arg.startsWith('--') && !argv[i - 1]?.startsWith('--'));

const pool = new pg.Pool({ connectionString: url, max: 2 });
try {
  const sqlOf = searchSql(pool);
  for (const query of queries) {
    for (const statement of await sqlOf(query)) {
      const plan = await pool.query(`explain (analyze, buffers) ${statement.sql}`, [...statement.parameters]);
      const head = statement.sql.replace(/\s+/g, ' ').trim().slice(0, 100);
      console.log(`== ${query}: ${head}\n${plan.rows.map((row) => row['QUERY PLAN']).join('\n')}\n`);
    }
  }
} finally {
  await pool.end();
}

import pg from 'pg';
import { hubSql } from './desk-filters.js';
import { flagValue } from './settings.js';

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the desk list's page and count queries for filters, on the database that
 * bench/desk-filters.ts filled, as its admin (`assignee:me`), to see where a slow filter spends its time:
 * `node --import tsx bench/desk-explain.ts [--db-url URL] "status:open priority:>=high" …`
 */
const argv = process.argv.slice(2);
const url = flagValue(argv, '--db-url') ?? 'postgres://postgres@127.0.0.1:5432/kontor_bench_desk_1m';
const filters = argv.filter((arg, i) => !arg.startsWith('--') && !argv[i - 1]?.startsWith('--'));

const pool = new pg.Pool({ connectionString: url, max: 2 });
try {
  const admin = await pool.query<{ id: string }>(`select id from identity.users where username = 'admin'`);
  const sqlOf = hubSql(pool);
  for (const filter of filters) {
    const queries = await sqlOf(filter, admin.rows[0]?.id as string);
    for (const [name, query] of Object.entries(queries)) {
      const plan = await pool.query(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]);
      console.log(`== ${filter} (${name})\n${plan.rows.map((row) => row['QUERY PLAN']).join('\n')}\n`);
    }
  }
} finally {
  await pool.end();
}

import { sql } from 'kysely';
import type { Db } from '../../src/platform/platform.js';

/** Simulated time starts here: in the past, so no stamp is ever "too far ahead" of a node's real clock. */
const ORIGIN_MS = Date.parse('2020-01-01T00:00:00Z');

/**
 * Gives a node a clock the harness sets. The capture trigger stamps changes with `clock_timestamp()`; a function
 * of that name in a schema searched before `pg_catalog` answers the simulated time instead, so which of two
 * writes is the later one (last writer wins) follows the schedule, not how fast the machine ran it.
 */
export async function installSimulatedClock(db: Db) {
  await sql
    .raw(`create schema sim_clock;
    create function sim_clock.clock_timestamp() returns timestamptz language sql volatile
      as $$ select current_setting('sim_clock.now')::timestamptz $$;
    set search_path to sim_clock, pg_catalog, "$user", public;`)
    .execute(db);
  await setClock(db, 0);
}

/** Sets the node's clock to `ms` milliseconds of simulated time. */
export async function setClock(db: Db, ms: number) {
  await sql`select set_config('sim_clock.now', ${new Date(ORIGIN_MS + ms).toISOString()}, false)`.execute(db);
}

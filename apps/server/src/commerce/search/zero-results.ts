import type { ZeroResultsReport } from '@kontor/contracts';
import { sql } from 'kysely';
import { badRequest } from '../../platform/http/errors.js';
import type { Db } from '../../platform/platform.js';
import { loggableQuery } from './search-text.js';

/** The shop's days are Stockholm's. */
export const SHOP_TIME_ZONE = 'Europe/Stockholm';
/** How long the log keeps a day's searches. */
export const ZERO_RESULT_RETENTION_DAYS = 400;

const DAY_MS = 86_400_000;
const shopDay = (at: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: SHOP_TIME_ZONE }).format(at);
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * Searches whose text found nothing, even fuzzily (migration 0002): per shop day, locale and folded query, with what
 * could name a person blanked out (search-text.ts, loggableQuery). Admins read it to learn what the catalog lacks.
 */
export class ZeroResultLog {
  constructor(readonly db: Db) {}

  async record(locale: string, q: string): Promise<void> {
    const query = loggableQuery(q);
    if (!query) return;
    await sql`
      insert into commerce.search_zero_results (day, locale, query)
      values ((now() at time zone ${SHOP_TIME_ZONE})::date, ${locale}, ${query})
      on conflict (day, locale, query) do update
        set searches = commerce.search_zero_results.searches + 1, last_seen = now()`.execute(this.db);
  }

  /** The most frequent zero-result queries of a period of shop days (the last 30 when not given), inclusive. */
  async report(period: { from?: string; to?: string; locale?: string; limit: number }): Promise<ZeroResultsReport> {
    const to = period.to ?? shopDay(new Date());
    const from = period.from ?? addDays(to, -29);
    if (from > to) {
      throw badRequest('commerce.bad_period', 'The period ends before it begins', [
        { path: 'querystring.from', message: `is after to (${to})` },
      ]);
    }
    const locale = period.locale ? sql`and locale = ${period.locale}` : sql``;
    const rows = await sql<{ query: string; locale: string; searches: number; days: number; last_seen: Date }>`
      select query, locale, sum(searches)::int as searches, count(*)::int as days, max(last_seen) as last_seen
      from commerce.search_zero_results
      where day between ${from}::date and ${to}::date ${locale}
      group by query, locale
      order by 3 desc, 5 desc, 1
      limit ${period.limit}`.execute(this.db);
    return {
      from,
      to,
      timeZone: SHOP_TIME_ZONE,
      items: rows.rows.map((row) => ({
        query: row.query,
        locale: row.locale,
        searches: row.searches,
        days: row.days,
        lastSeen: new Date(row.last_seen).toISOString(),
      })),
    };
  }

  /** Forgets days older than the retention period. */
  async prune(db: Db): Promise<void> {
    await sql`delete from commerce.search_zero_results
      where day < (now() at time zone ${SHOP_TIME_ZONE})::date - ${ZERO_RESULT_RETENTION_DAYS}::int`.execute(db);
  }
}

import type { IncidentPriority, IncidentStatus } from '@kontor/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/platform.js';

/** The statuses in which an incident is still being worked (the filter language's `status:open`). */
export const OPEN_STATUSES = ['new', 'in_progress', 'waiting'] as const satisfies readonly IncidentStatus[];
const OPEN = sql`(${sql.join(OPEN_STATUSES.map((status) => sql.lit(status)))})`;

/** A first response that came late, or has not come and is overdue. */
const RESPONSE_BREACHED = (now: RawBuilder<Date>) =>
  sql<boolean>`(i.first_response_at > i.response_due_at or (i.first_response_at is null and ${now} > i.response_due_at))`;
/** The same for the resolution. */
const RESOLUTION_BREACHED = (now: RawBuilder<Date>) =>
  sql<boolean>`(i.resolved_at > i.resolution_due_at or (i.resolved_at is null and ${now} > i.resolution_due_at))`;

export interface Period {
  /** The filter over `desk.incidents as i`; `true` for every incident. */
  where: RawBuilder<boolean>;
  now: Date;
  timeZone: string;
  days: number;
}

/**
 * The dashboard's figures, each aggregated in the database: a day is a calendar day in the organisation's
 * time zone, and the period is the last `days` of them, today included.
 */
export const dashboardRepository = {
  async openByPriority(db: Db, { where }: Pick<Period, 'where'>) {
    const { rows } = await sql<{ priority: IncidentPriority; n: number }>`
      select i.priority, count(*)::int as n from desk.incidents i
      where i.status in ${OPEN} and ${where}
      group by i.priority`.execute(db);
    return rows;
  },

  /** Every open incident by priority and status: the Prometheus gauge, read at each scrape. */
  async openByPriorityAndStatus(db: Db) {
    const { rows } = await sql<{ priority: IncidentPriority; status: IncidentStatus; n: number }>`
      select i.priority, i.status, count(*)::int as n from desk.incidents i
      where i.status in ${OPEN} group by i.priority, i.status`.execute(db);
    return rows;
  },

  async perDay(db: Db, period: Period) {
    const { where, timeZone } = period;
    const { now, start } = bounds(period);
    const perDayOf = (column: RawBuilder<Date>, extra: RawBuilder<boolean>) => sql`
      select (${column} at time zone ${timeZone})::date as day, count(*)::int as n from desk.incidents i
      where ${column} >= ${start} and ${column} <= ${now} and ${extra} and ${where} group by 1`;
    const { rows } = await sql<{
      day: string;
      created: number;
      resolved: number;
      response_breaches: number;
      resolution_breaches: number;
    }>`
      with days as (
        select generate_series((${start} at time zone ${timeZone})::date, (${now} at time zone ${timeZone})::date,
          interval '1 day')::date as day
      ),
      created as (${perDayOf(sql`i.created_at`, sql`true`)}),
      resolved as (${perDayOf(sql`i.resolved_at`, sql`true`)}),
      response as (${perDayOf(sql`i.response_due_at`, RESPONSE_BREACHED(now))}),
      resolution as (${perDayOf(sql`i.resolution_due_at`, RESOLUTION_BREACHED(now))})
      select to_char(d.day, 'YYYY-MM-DD') as day, coalesce(c.n, 0) as created, coalesce(r.n, 0) as resolved,
        coalesce(sr.n, 0) as response_breaches, coalesce(sl.n, 0) as resolution_breaches
      from days d
        left join created c on c.day = d.day
        left join resolved r on r.day = d.day
        left join response sr on sr.day = d.day
        left join resolution sl on sl.day = d.day
      order by d.day`.execute(db);
    return rows;
  },

  async breachedOpen(db: Db, period: Pick<Period, 'where' | 'now'>) {
    const now = sql<Date>`${period.now}::timestamptz`;
    const { rows } = await sql<{ response: number; resolution: number }>`
      select count(*) filter (where ${RESPONSE_BREACHED(now)})::int as response,
        count(*) filter (where ${RESOLUTION_BREACHED(now)})::int as resolution
      from desk.incidents i where i.status in ${OPEN} and ${period.where}`.execute(db);
    return rows[0] ?? { response: 0, resolution: 0 };
  },

  async timeToResolve(db: Db, period: Period) {
    const { now, start } = bounds(period);
    const { rows } = await sql<{ priority: IncidentPriority; n: number; mean: number | null; median: number | null }>`
      select i.priority, count(*)::int as n,
        avg(extract(epoch from i.resolved_at - i.created_at))::float8 as mean,
        percentile_cont(0.5) within group (order by extract(epoch from i.resolved_at - i.created_at))::float8 as median
      from desk.incidents i
      where i.resolved_at >= ${start} and i.resolved_at <= ${now} and ${period.where}
      group by i.priority`.execute(db);
    return rows;
  },
};

/** Now, and the midnight that begins the period's first day in the organisation's time zone. */
function bounds({ now, timeZone, days }: Period) {
  const at = sql<Date>`${now}::timestamptz`;
  const start = sql<Date>`((date_trunc('day', ${at} at time zone ${timeZone}) - ${days - 1}::int * interval '1 day') at time zone ${timeZone})`;
  return { now: at, start };
}

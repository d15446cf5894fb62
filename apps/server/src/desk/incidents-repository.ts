import { INCIDENT_COUNT_CAP, type IncidentStatus } from '@kontor/contracts';
import { type Insertable, type RawBuilder, sql, type Updateable } from 'kysely';
import { afterCursor, decodeCursor, type IncidentSort, orderColumns, PAGE_KEY_COLUMNS } from './incident-paging.js';
import type { ActivityRow, DeskDb, IncidentRow, ListTable, StoredActivity, StoredIncident } from './tables.js';

export interface IncidentFilter {
  /** Only the incidents this user reported (a requester's own, or an agent's "mine"). */
  requesterUserId?: string;
  /** A compiled filter-language expression over `desk.incidents as i`. */
  where?: RawBuilder<boolean>;
  sort: IncidentSort;
  limit: number;
  /** The `nextCursor` of the page before; the first page without it. */
  cursor?: string;
}

export interface IncidentListPage {
  rows: Array<StoredIncident & { page_created: string; page_updated: string; page_rank: number }>;
  /** Whether rows follow the last one. */
  more: boolean;
  total: number;
  totalCapped: boolean;
}

function selectIncidents(db: DeskDb) {
  return db
    .selectFrom('desk.incidents as i')
    .leftJoin('desk.categories as c', 'c.id', 'i.category_id')
    .leftJoin('desk.groups as g', 'g.id', 'i.group_id')
    .selectAll('i')
    .select(['c.name as category_name', 'g.name as group_name']);
}

/** Incidents and their timelines: the SQL of `desk.incidents` and `desk.activities`. */
export const incidentsRepository = {
  /** The next INC number, taken before the insert so the row is written whole (its search text names it). */
  async nextNumber(db: DeskDb): Promise<number> {
    const { rows } = await sql<{ number: string }>`select nextval('desk.incident_number') as number`.execute(db);
    return Number(rows[0]?.number);
  },

  async insert(db: DeskDb, row: Insertable<IncidentRow>): Promise<string> {
    const inserted = await db.insertInto('desk.incidents').values(row).returning('id').executeTakeFirstOrThrow();
    return inserted.id;
  },

  async get(db: DeskDb, id: string): Promise<StoredIncident | undefined> {
    return (await selectIncidents(db).where('i.id', '=', id).executeTakeFirst()) as StoredIncident | undefined;
  },

  /** Locks the incident until the transaction ends: two agents changing it take turns. */
  async lock(db: DeskDb, id: string): Promise<boolean> {
    const row = await db.selectFrom('desk.incidents').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    return row !== undefined;
  },

  async update(db: DeskDb, id: string, changes: Updateable<IncidentRow>): Promise<void> {
    await db
      .updateTable('desk.incidents')
      .set({ ...changes, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  },

  async setStatus(db: DeskDb, id: string, status: IncidentStatus): Promise<void> {
    await db
      .updateTable('desk.incidents')
      .set({
        status,
        updated_at: sql<Date>`now()`,
        // Reopening clears the times; resolving or closing sets them (a close keeps when it was resolved).
        resolved_at:
          status === 'resolved'
            ? sql<Date>`now()`
            : status === 'closed'
              ? sql<Date>`coalesce(resolved_at, now())`
              : null,
        closed_at: status === 'closed' ? sql<Date>`now()` : null,
      })
      .where('id', '=', id)
      .execute();
  },

  async markFirstResponse(db: DeskDb, id: string): Promise<void> {
    await db
      .updateTable('desk.incidents')
      .set({ first_response_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('first_response_at', 'is', null)
      .execute();
  },

  async touch(db: DeskDb, id: string): Promise<void> {
    await db.updateTable('desk.incidents').set({ updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
  },

  /** One keyset page in the filter's order, and the count of matches up to INCIDENT_COUNT_CAP. */
  async list(db: DeskDb, filter: IncidentFilter): Promise<IncidentListPage> {
    const conditions: RawBuilder<boolean>[] = [];
    if (filter.requesterUserId) conditions.push(sql<boolean>`i.requester_user_id = ${filter.requesterUserId}`);
    if (filter.where) conditions.push(filter.where);
    const matching = conditions.length > 0 ? sql.join(conditions, sql` and `) : sql`true`;
    const after = filter.cursor ? afterCursor(decodeCursor(filter.sort, filter.cursor)) : sql<boolean>`true`;
    let query = selectIncidents(db)
      .select([
        PAGE_KEY_COLUMNS.page_created.as('page_created'),
        PAGE_KEY_COLUMNS.page_updated.as('page_updated'),
        PAGE_KEY_COLUMNS.page_rank.as('page_rank'),
      ])
      .where(() => sql<boolean>`${matching} and ${after}`);
    for (const column of orderColumns(filter.sort)) query = query.orderBy(column, 'desc');
    // Counting stops past the cap: a filter matching a million incidents costs no full count on every page.
    const count = sql<{ n: number }>`select count(*)::int as n from (
      select 1 from desk.incidents i where ${matching} limit ${INCIDENT_COUNT_CAP + 1}) matches`;
    const [rows, counted] = await Promise.all([query.limit(filter.limit + 1).execute(), count.execute(db)]);
    const n = Number(counted.rows[0]?.n ?? 0);
    return {
      rows: rows.slice(0, filter.limit) as IncidentListPage['rows'],
      more: rows.length > filter.limit,
      total: Math.min(n, INCIDENT_COUNT_CAP),
      totalCapped: n > INCIDENT_COUNT_CAP,
    };
  },

  async addActivity(db: DeskDb, row: Insertable<ActivityRow>): Promise<void> {
    await db.insertInto('desk.activities').values(row).execute();
  },

  async timeline(db: DeskDb, incidentId: string, withInternal: boolean): Promise<StoredActivity[]> {
    let query = db.selectFrom('desk.activities').selectAll().where('incident_id', '=', incidentId);
    if (!withInternal) query = query.where('internal', '=', false);
    return query.orderBy('id').execute();
  },

  async count(db: DeskDb): Promise<number> {
    const row = await db
      .selectFrom('desk.incidents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};

/** Categories and groups: the same short list twice. */
export const listsRepository = {
  async all(db: DeskDb, table: ListTable) {
    const rows = await db.selectFrom(table).select(['id', 'name', 'active']).execute();
    const collator = new Intl.Collator('sv');
    return rows.sort((a, b) => collator.compare(a.name, b.name));
  },
  async get(db: DeskDb, table: ListTable, id: string) {
    return db.selectFrom(table).select(['id', 'name', 'active']).where('id', '=', id).executeTakeFirst();
  },
  async byName(db: DeskDb, table: ListTable, name: string) {
    return db
      .selectFrom(table)
      .select(['id', 'name', 'active'])
      .where(sql<string>`lower(name)`, '=', name.toLowerCase())
      .executeTakeFirst();
  },
  async insert(db: DeskDb, table: ListTable, row: { id: string; name: string; active: boolean }) {
    await db.insertInto(table).values(row).execute();
  },
  async update(db: DeskDb, table: ListTable, id: string, changes: { name?: string; active?: boolean }) {
    await db
      .updateTable(table)
      .set({ ...changes, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  },
};

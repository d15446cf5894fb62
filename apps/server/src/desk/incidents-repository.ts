import type { IncidentStatus } from '@kontor/contracts';
import { type Insertable, type RawBuilder, sql, type Updateable } from 'kysely';
import type { ActivityRow, DeskDb, IncidentRow, ListTable, StoredActivity, StoredIncident } from './tables.js';

export interface IncidentFilter {
  /** Only the incidents this user reported (a requester's own, or an agent's "mine"). */
  requesterUserId?: string;
  /** A compiled filter-language expression over `desk.incidents as i`. */
  where?: RawBuilder<boolean>;
  sort: 'created' | 'updated' | 'priority';
  limit: number;
  offset: number;
}

const PRIORITY_RANK = sql<number>`case i.priority when 'critical' then 4 when 'high' then 3 when 'normal' then 2 else 1 end`;

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

  async list(db: DeskDb, filter: IncidentFilter): Promise<{ rows: StoredIncident[]; total: number }> {
    let query = selectIncidents(db);
    let count = db.selectFrom('desk.incidents as i').select((eb) => eb.fn.countAll<number>().as('n'));
    if (filter.requesterUserId) {
      query = query.where('i.requester_user_id', '=', filter.requesterUserId);
      count = count.where('i.requester_user_id', '=', filter.requesterUserId);
    }
    if (filter.where) {
      const where = filter.where;
      query = query.where(() => where);
      count = count.where(() => where);
    }
    if (filter.sort === 'priority') query = query.orderBy(PRIORITY_RANK, 'desc').orderBy('i.created_at', 'desc');
    else if (filter.sort === 'updated') query = query.orderBy('i.updated_at', 'desc');
    else query = query.orderBy('i.created_at', 'desc');
    const [rows, total] = await Promise.all([
      query.orderBy('i.id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
      count.executeTakeFirstOrThrow(),
    ]);
    return { rows: rows as StoredIncident[], total: Number(total.n) };
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

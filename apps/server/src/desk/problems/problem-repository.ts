import type { ProblemStatus } from '@kontor/contracts';
import { type Insertable, sql } from 'kysely';
import type { ProblemsDb, ProblemTables, StoredExport, StoredProblem, StoredRule } from './tables.js';

/** Incidents still to be worked: those a closing problem resolves and a rule counts. */
export const OPEN_INCIDENT_STATUSES = ['new', 'in_progress', 'waiting'] as const;

function selectProblems(db: ProblemsDb) {
  return db
    .selectFrom('desk.problems as p')
    .leftJoin('desk.categories as c', 'c.id', 'p.category_id')
    .leftJoin('desk.problem_rules as r', 'r.id', 'p.rule_id')
    .selectAll('p')
    .select((eb) => [
      'c.name as category_name',
      'r.name as rule_name',
      eb
        .selectFrom('desk.problem_incidents as l')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('l.problem_id', '=', 'p.id')
        .as('incident_count'),
      eb
        .selectFrom('desk.problem_incidents as l')
        .innerJoin('desk.incidents as i', 'i.id', 'l.incident_id')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('l.problem_id', '=', 'p.id')
        .where('i.status', 'in', OPEN_INCIDENT_STATUSES)
        .as('open_incident_count'),
    ]);
}

/** Problems, their links, history and exports: the SQL of migrations/0006_problems.sql. */
export const problemRepository = {
  async get(db: ProblemsDb, id: string): Promise<StoredProblem | undefined> {
    return (await selectProblems(db).where('p.id', '=', id).executeTakeFirst()) as StoredProblem | undefined;
  },

  /** Locks the problem until the transaction ends: a second close waits for the first and then sees it closed. */
  async lock(db: ProblemsDb, id: string): Promise<boolean> {
    return (
      (await db.selectFrom('desk.problems').select('id').where('id', '=', id).forUpdate().executeTakeFirst()) !==
      undefined
    );
  },

  async list(db: ProblemsDb, status: ProblemStatus | undefined, limit: number): Promise<StoredProblem[]> {
    let query = selectProblems(db);
    if (status) query = query.where('p.status', '=', status);
    return (await query
      .orderBy('p.created_at', 'desc')
      .orderBy('p.id', 'desc')
      .limit(limit)
      .execute()) as StoredProblem[];
  },

  async insert(db: ProblemsDb, row: Insertable<ProblemTables['desk.problems']>): Promise<void> {
    await db.insertInto('desk.problems').values(row).execute();
  },

  async close(db: ProblemsDb, id: string, closing: { resolution: string; closedBy: string | null }): Promise<void> {
    await db
      .updateTable('desk.problems')
      .set({
        status: 'closed',
        resolution: closing.resolution,
        closed_by: closing.closedBy,
        closed_at: sql<Date>`now()`,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .execute();
    await db.updateTable('desk.problem_incidents').set({ problem_open: false }).where('problem_id', '=', id).execute();
  },

  async touch(db: ProblemsDb, id: string): Promise<void> {
    await db.updateTable('desk.problems').set({ updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
  },

  async link(db: ProblemsDb, problemId: string, incidentIds: readonly string[]): Promise<void> {
    if (incidentIds.length === 0) return;
    await db
      .insertInto('desk.problem_incidents')
      .values(incidentIds.map((incident_id) => ({ problem_id: problemId, incident_id })))
      .execute();
  },

  async unlink(db: ProblemsDb, problemId: string, incidentId: string): Promise<boolean> {
    const deleted = await db
      .deleteFrom('desk.problem_incidents')
      .where('problem_id', '=', problemId)
      .where('incident_id', '=', incidentId)
      .executeTakeFirst();
    return Number(deleted.numDeletedRows) > 0;
  },

  /** The linked incidents, oldest first, with what the problem page and a closing need of each. */
  async incidents(db: ProblemsDb, problemId: string) {
    return db
      .selectFrom('desk.problem_incidents as l')
      .innerJoin('desk.incidents as i', 'i.id', 'l.incident_id')
      .select([
        'i.id',
        'i.number',
        'i.title',
        'i.status',
        'i.channel',
        'i.requester_user_id',
        'i.requester_name',
        'i.requester_email',
        'i.created_at',
        'l.linked_at',
      ])
      .where('l.problem_id', '=', problemId)
      .orderBy('i.created_at')
      .orderBy('i.id')
      .execute();
  },

  /** Of `ids`, those that exist and the open problem each is in (if any); `lock`ed until the transaction ends. */
  async incidentsByIds(db: ProblemsDb, ids: readonly string[], lock: boolean) {
    if (ids.length === 0) return [];
    const query = db
      .selectFrom('desk.incidents as i')
      .leftJoin('desk.problem_incidents as l', (join) =>
        join.onRef('l.incident_id', '=', 'i.id').on('l.problem_open', '=', true),
      )
      .leftJoin('desk.problems as p', 'p.id', 'l.problem_id')
      .select(['i.id', 'p.number as open_problem_number'])
      .where('i.id', 'in', ids)
      // One order for every locker, so two transactions locking overlapping incidents cannot deadlock.
      .orderBy('i.id');
    return lock ? query.forUpdate(['i']).execute() : query.execute();
  },

  async addActivity(db: ProblemsDb, row: Insertable<ProblemTables['desk.problem_activities']>): Promise<void> {
    await db.insertInto('desk.problem_activities').values(row).execute();
  },

  async timeline(db: ProblemsDb, problemId: string) {
    return db
      .selectFrom('desk.problem_activities as a')
      .leftJoin('desk.incidents as i', 'i.id', 'a.incident_id')
      .selectAll('a')
      .select('i.number as incident_number')
      .where('a.problem_id', '=', problemId)
      .orderBy('a.id')
      .execute();
  },

  /** The latest export of each of `problemIds`. */
  async latestExports(db: ProblemsDb, problemIds: readonly string[]): Promise<Map<string, StoredExport>> {
    if (problemIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('desk.problem_exports')
      .selectAll()
      .where('problem_id', 'in', problemIds)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    const latest = new Map<string, StoredExport>();
    for (const row of rows) if (!latest.has(row.problem_id)) latest.set(row.problem_id, row);
    return latest;
  },
};

/** The administrators' rules. */
export const ruleRepository = {
  async all(db: ProblemsDb, onlyActive = false): Promise<StoredRule[]> {
    let query = db
      .selectFrom('desk.problem_rules as r')
      .leftJoin('desk.categories as c', 'c.id', 'r.category_id')
      .selectAll('r')
      .select('c.name as category_name');
    if (onlyActive) query = query.where('r.active', '=', true);
    return (await query.orderBy('r.created_at').orderBy('r.id').execute()) as StoredRule[];
  },
  async get(db: ProblemsDb, id: string): Promise<StoredRule | undefined> {
    return (await this.all(db)).find((rule) => rule.id === id);
  },
  async insert(db: ProblemsDb, row: Insertable<ProblemTables['desk.problem_rules']>): Promise<void> {
    await db.insertInto('desk.problem_rules').values(row).execute();
  },
  async update(db: ProblemsDb, id: string, changes: Partial<Insertable<ProblemTables['desk.problem_rules']>>) {
    await db
      .updateTable('desk.problem_rules')
      .set({ ...changes, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  },
};

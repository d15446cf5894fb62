import type { IncidentPriority } from '@kontor/contracts';
import { type Insertable, sql, type Updateable } from 'kysely';
import type { IncidentRow, StoredIncident } from '../tables.js';
import type { BusinessCalendar, OpeningHours } from './business-hours.js';
import type { SlaDb, SlaNoticeKind, SlaTables } from './tables.js';

/** A calendar row as the service hands it over: hours as the array. */
type CalendarInsert = Omit<Insertable<SlaTables['desk.calendars']>, 'hours'> & {
  hours: ReadonlyArray<OpeningHours | null>;
};

/** An incident's clock columns, as the SLA job reads them. */
export type ClockColumns = Pick<
  StoredIncident,
  | 'id'
  | 'status'
  | 'priority'
  | 'created_at'
  | 'first_response_at'
  | 'response_due_at'
  | 'response_warn_at'
  | 'resolution_due_at'
  | 'resolution_warn_at'
  | 'waiting_since'
  | 'sla_paused_minutes'
>;

/** Calendars, policies and the SLA job's markers: the SQL of desk/sla. */
export const slaRepository = {
  calendars: (db: SlaDb) => db.selectFrom('desk.calendars').selectAll().orderBy('name').orderBy('id').execute(),

  calendar: (db: SlaDb, id: string) =>
    db.selectFrom('desk.calendars').selectAll().where('id', '=', id).executeTakeFirst(),

  calendarByName: (db: SlaDb, name: string) =>
    db
      .selectFrom('desk.calendars')
      .select('id')
      .where(sql<string>`lower(name)`, '=', name.toLowerCase())
      .executeTakeFirst(),

  async insertCalendar(db: SlaDb, row: CalendarInsert) {
    await db
      .insertInto('desk.calendars')
      .values({ ...row, hours: JSON.stringify(row.hours) })
      .execute();
  },

  async updateCalendar(db: SlaDb, id: string, row: Omit<CalendarInsert, 'id'>) {
    await db
      .updateTable('desk.calendars')
      .set({ ...row, hours: JSON.stringify(row.hours), updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  },

  policies: (db: SlaDb) => db.selectFrom('desk.sla_policies').selectAll().execute(),

  /** The policy of a priority with its calendar, or undefined when that priority has none. */
  async policyOf(db: SlaDb, priority: IncidentPriority) {
    const row = await db
      .selectFrom('desk.sla_policies as p')
      .innerJoin('desk.calendars as c', 'c.id', 'p.calendar_id')
      .select(['p.response_minutes', 'p.resolution_minutes', 'c.time_zone', 'c.hours', 'c.holidays'])
      .where('p.priority', '=', priority)
      .executeTakeFirst();
    if (!row) return undefined;
    const calendar: BusinessCalendar = { timeZone: row.time_zone, hours: row.hours, holidays: row.holidays };
    return { responseMinutes: row.response_minutes, resolutionMinutes: row.resolution_minutes, calendar };
  },

  async setPolicy(db: SlaDb, row: Insertable<SlaTables['desk.sla_policies']>) {
    await db
      .insertInto('desk.sla_policies')
      .values(row)
      .onConflict((oc) =>
        oc.column('priority').doUpdateSet({
          calendar_id: row.calendar_id,
          response_minutes: row.response_minutes,
          resolution_minutes: row.resolution_minutes,
          updated_at: sql<Date>`now()`,
        }),
      )
      .execute();
  },

  async deletePolicy(db: SlaDb, priority: IncidentPriority) {
    await db.deleteFrom('desk.sla_policies').where('priority', '=', priority).execute();
  },

  /** Writes clock columns without touching `updated_at`: the clocks are not a change anyone made. */
  async setClocks(db: SlaDb, id: string, clocks: Updateable<IncidentRow>) {
    await db.updateTable('desk.incidents').set(clocks).where('id', '=', id).execute();
  },

  /**
   * Open incidents whose warning time has come on a clock that still runs and whose breach was not yet told.
   * The oldest due first; `limit` keeps one run short, the next run takes the rest.
   */
  async due(db: SlaDb, limit: number): Promise<ClockColumns[]> {
    const told = (kind: SlaNoticeKind, due: 'response_due_at' | 'resolution_due_at') =>
      sql<boolean>`not exists (select 1 from desk.sla_notices n where n.incident_id = i.id and n.kind = ${kind} and n.due_at = i.${sql.ref(due)})`;
    return db
      .selectFrom('desk.incidents as i')
      .select([
        'i.id',
        'i.status',
        'i.priority',
        'i.created_at',
        'i.first_response_at',
        'i.response_due_at',
        'i.response_warn_at',
        'i.resolution_due_at',
        'i.resolution_warn_at',
        'i.waiting_since',
        'i.sla_paused_minutes',
      ])
      .where('i.status', 'not in', ['resolved', 'closed'])
      .where((eb) =>
        eb.or([
          eb.and([
            eb('i.first_response_at', 'is', null),
            eb('i.response_warn_at', '<=', sql<Date>`now()`),
            told('response_breach', 'response_due_at'),
          ]),
          eb.and([
            eb('i.status', '<>', 'waiting'),
            eb('i.resolution_warn_at', '<=', sql<Date>`now()`),
            told('resolution_breach', 'resolution_due_at'),
          ]),
        ]),
      )
      .orderBy(sql`least(i.response_due_at, i.resolution_due_at)`)
      .limit(limit)
      .execute() as Promise<ClockColumns[]>;
  },

  /** Marks a notice as told; false when it already was (another run, or a repeat). */
  async markNotice(db: SlaDb, incidentId: string, kind: SlaNoticeKind, dueAt: Date): Promise<boolean> {
    const inserted = await db
      .insertInto('desk.sla_notices')
      .values({ incident_id: incidentId, kind, due_at: dueAt })
      .onConflict((oc) => oc.doNothing())
      .returning('kind')
      .executeTakeFirst();
    return inserted !== undefined;
  },
};

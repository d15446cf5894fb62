import type { EntryState } from '@kontor/contracts';
import { sql } from 'kysely';
import type { EntryRow, VisitorsDb, VisitorsTables } from './tables.js';

export type StoredEntry = Omit<EntryRow, 'submitted_at'> & { submitted_at: Date };
export type PresenceRow = VisitorsTables['visitors.presence'];

export interface EntryFilter {
  state?: EntryState;
  /** Folded words, each of which must occur in the entry's search text. */
  words: string[];
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

const containing = (word: string) => `%${word.replace(/[\\%_]/g, '\\$&')}%`;

/** Visits and who is in the building: the SQL of `visitors.entries` and `visitors.presence`. */
export const entriesRepository = {
  /** `submitted_at` defaults to now; the demo gives its past visits their times. */
  async insert(db: VisitorsDb, row: Omit<EntryRow, 'submitted_at'> & { submitted_at?: Date }): Promise<StoredEntry> {
    return (await db
      .insertInto('visitors.entries')
      .values(row)
      .returningAll()
      .executeTakeFirstOrThrow()) as StoredEntry;
  },

  async get(db: VisitorsDb, id: string): Promise<StoredEntry | undefined> {
    return (await db.selectFrom('visitors.entries').selectAll().where('id', '=', id).executeTakeFirst()) as
      | StoredEntry
      | undefined;
  },

  /** The entry, locked until the transaction ends: a second receptionist acting on it waits, then sees the change. */
  async lock(db: VisitorsDb, id: string): Promise<StoredEntry | undefined> {
    return (await db.selectFrom('visitors.entries').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()) as
      | StoredEntry
      | undefined;
  },

  /** The active entry holding a card, locked. */
  async lockHolder(db: VisitorsDb, card: number): Promise<StoredEntry | undefined> {
    return (await db
      .selectFrom('visitors.entries')
      .selectAll()
      .where('card', '=', card)
      .where('state', '=', 'active')
      .forUpdate()
      .executeTakeFirst()) as StoredEntry | undefined;
  },

  /** The database's clock: the scanner's lockout compares the database's own times with it. */
  async now(db: VisitorsDb): Promise<Date> {
    return (await sql<{ now: Date }>`select now() as now`.execute(db)).rows[0]?.now ?? new Date();
  },

  /** When a card was last given back, if ever. */
  async lastReturnOf(db: VisitorsDb, card: number): Promise<Date | null> {
    const row = await db
      .selectFrom('visitors.entries')
      .select((eb) => eb.fn.max('exited_at').as('at'))
      .where('card', '=', card)
      .where('state', '=', 'closed')
      .executeTakeFirst();
    return (row?.at as Date | null | undefined) ?? null;
  },

  /** The guest who has waited longest (the scanner hands a free card to them), locked. */
  async lockFirstWaiting(db: VisitorsDb): Promise<StoredEntry | undefined> {
    return (await db
      .selectFrom('visitors.entries')
      .selectAll()
      .where('state', '=', 'waiting')
      .orderBy('submitted_at')
      .orderBy('id')
      .limit(1)
      .forUpdate()
      .executeTakeFirst()) as StoredEntry | undefined;
  },

  async update(
    db: VisitorsDb,
    id: string,
    changes: Partial<Omit<EntryRow, 'id' | 'submitted_at' | 'card_given_at' | 'exited_at'>> & {
      card_given_at?: 'now';
      exited_at?: 'now';
    },
  ): Promise<StoredEntry> {
    const { card_given_at, exited_at, ...rest } = changes;
    return (await db
      .updateTable('visitors.entries')
      .set({
        ...rest,
        ...(card_given_at && { card_given_at: sql<Date>`now()` }),
        ...(exited_at && { exited_at: sql<Date>`now()` }),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()) as StoredEntry;
  },

  async delete(db: VisitorsDb, id: string) {
    await db.deleteFrom('visitors.entries').where('id', '=', id).execute();
  },

  async list(db: VisitorsDb, filter: EntryFilter): Promise<{ rows: StoredEntry[]; total: number }> {
    let query = db.selectFrom('visitors.entries');
    if (filter.state) query = query.where('state', '=', filter.state);
    for (const word of filter.words) query = query.where('search_text', 'like', containing(word));
    if (filter.from) query = query.where('submitted_at', '>=', filter.from);
    if (filter.to) query = query.where('submitted_at', '<', filter.to);
    // Waiting guests are served in the order they came; every other list shows the latest first.
    const direction = filter.state === 'waiting' ? 'asc' : 'desc';
    const [rows, count] = await Promise.all([
      query
        .selectAll()
        .orderBy('submitted_at', direction)
        .orderBy('id', direction)
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows: rows as StoredEntry[], total: count.n };
  },

  async countWaiting(db: VisitorsDb): Promise<number> {
    const row = await db
      .selectFrom('visitors.entries')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('state', '=', 'waiting')
      .executeTakeFirstOrThrow();
    return row.n;
  },

  /** Active visits per card type (the type stored when the card was given). */
  async activeByType(db: VisitorsDb): Promise<Array<{ type: string | null; count: number }>> {
    return db
      .selectFrom('visitors.entries')
      .select(['card_type as type', sql<number>`count(*)::int`.as('count')])
      .where('state', '=', 'active')
      .groupBy('card_type')
      .orderBy('card_type')
      .execute();
  },

  /** When cards were given and given back since `since`: the main panel's timeline. */
  async movementsSince(db: VisitorsDb, since: Date): Promise<Array<{ given: Date | null; exited: Date | null }>> {
    return db
      .selectFrom('visitors.entries')
      .select(['card_given_at as given', 'exited_at as exited'])
      .where((eb) => eb.or([eb('card_given_at', '>=', since), eb('exited_at', '>=', since)]))
      .execute();
  },

  /** What the reports count: every visit submitted in [from, to). */
  async forReport(db: VisitorsDb, from: Date, to: Date) {
    return db
      .selectFrom('visitors.entries')
      .select(['id', 'first_name', 'last_name', 'company', 'host_name', 'submitted_at', 'anonymised_at'])
      .where('submitted_at', '>=', from)
      .where('submitted_at', '<', to)
      .execute();
  },

  /** Closed visits that ended before `before` and still hold the guest's personal data (retention's work). */
  async closedBefore(db: VisitorsDb, before: Date) {
    return db
      .selectFrom('visitors.entries')
      .select(['id', 'company', 'host_name'])
      .where('state', '=', 'closed')
      .where('anonymised_at', 'is', null)
      .where('exited_at', '<', before)
      .forUpdate()
      .execute();
  },

  /**
   * Clears the guest's names, purpose and notes from a closed visit. Company, host, card and times stay for the
   * reports; the search text is what those leave.
   */
  async anonymise(db: VisitorsDb, id: string, searchText: string) {
    await db
      .updateTable('visitors.entries')
      .set({
        first_name: '',
        last_name: '',
        purpose: '',
        notes: '',
        locale: null,
        host_email: null,
        anonymised_at: sql<Date>`now()`,
        search_text: searchText,
      })
      .where('id', '=', id)
      .execute();
  },

  async insertPresence(db: VisitorsDb, row: PresenceRow) {
    await db.insertInto('visitors.presence').values(row).execute();
  },

  async deletePresence(db: VisitorsDb, entryId: string) {
    await db.deleteFrom('visitors.presence').where('entry_id', '=', entryId).execute();
  },

  async presence(db: VisitorsDb): Promise<PresenceRow[]> {
    return db.selectFrom('visitors.presence').selectAll().execute();
  },
};

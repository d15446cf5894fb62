import { type Insertable, type QueryCreator, sql, type Updateable } from 'kysely';
import { containing, narrowsByTrigrams } from '../text.js';
import type { ClientPosition, ClientRow, ClientsDb, ClientsTables, StoredClient } from './clients-tables.js';

/** pg_trgm word similarity from which a search word counts as a misspelling of a word of the name. */
export const TYPO_SIMILARITY = 0.5;

const columns = [
  'id',
  'ref',
  'legacy_id as legacyId',
  'legacy_version as legacyVersion',
  'name',
  'sort_name as sortName',
  'email',
  'phone',
  'org_number as orgNumber',
  'city',
  'version',
  'created_at as createdAt',
  'updated_at as updatedAt',
  'migrated_at as migratedAt',
] as const;

export interface ClientFilter {
  /** Folded words; each must be in the folded name, or be a likely misspelling of a word in it. */
  words: string[];
  after?: ClientPosition;
  limit: number;
}

/** The SQL of `crm_clients.clients`. */
export const clientsRepository = {
  /**
   * Clients in (sort_name, ref) byte order, strictly after `after`. With words it must run in a transaction: the
   * typo threshold of pg_trgm's `<%` (which its trigram index serves) is set for that transaction only.
   */
  async page(db: ClientsDb, filter: ClientFilter): Promise<StoredClient[]> {
    if (filter.words.length > 0)
      await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(TYPO_SIMILARITY)}, true)`.execute(db);
    const select = (from: QueryCreator<ClientsTables>) => {
      let query = from.selectFrom('crm_clients.clients').select(columns);
      for (const word of filter.words)
        query = query.where((eb) =>
          eb.or([eb('sort_name', 'like', containing(word)), sql<boolean>`${word} <% sort_name`]),
        );
      const { after } = filter;
      if (after)
        query = query.where((eb) => eb(eb.refTuple('sort_name', 'ref'), '>', eb.tuple(after.sortName, after.ref)));
      return query;
    };
    if (!filter.words.some(narrowsByTrigrams))
      return select(db).orderBy('sort_name').orderBy('ref').limit(filter.limit).execute();
    // Walking the list's index and testing each row costs a scan of the table when the matches sort late (a rare
    // name, a misspelt one); the trigram index finds them at once, and sorting a few is cheap. The fence keeps the
    // planner from walking the index anyway on its (poor) estimate of how many rows match.
    return db
      .with((cte) => cte('matches').materialized(), select)
      .selectFrom('matches')
      .selectAll()
      .orderBy('sortName')
      .orderBy('ref')
      .limit(filter.limit)
      .execute();
  },

  async byRefs(db: ClientsDb, refs: string[]): Promise<StoredClient[]> {
    if (refs.length === 0) return [];
    return db.selectFrom('crm_clients.clients').select(columns).where('ref', 'in', refs).execute();
  },

  async get(db: ClientsDb, ref: string): Promise<StoredClient | undefined> {
    return db.selectFrom('crm_clients.clients').select(columns).where('ref', '=', ref).executeTakeFirst();
  },

  /** The client, locked until the transaction ends: concurrent edits of one client take turns. */
  async lock(db: ClientsDb, ref: string): Promise<StoredClient | undefined> {
    return db.selectFrom('crm_clients.clients').select(columns).where('ref', '=', ref).forUpdate().executeTakeFirst();
  },

  async insert(db: ClientsDb, row: Insertable<ClientRow>): Promise<StoredClient> {
    return db.insertInto('crm_clients.clients').values(row).returning(columns).executeTakeFirstOrThrow();
  },

  async update(db: ClientsDb, id: string, changes: Updateable<ClientRow>): Promise<StoredClient> {
    return db
      .updateTable('crm_clients.clients')
      .set({ ...changes, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirstOrThrow();
  },

  /**
   * Inserts the legacy records not here yet in one statement, migrated now; returns how many went in. Any unique
   * column is an arbiter: a concurrent import of the same record collides on `ref` as well as on `legacy_id`, and
   * naming only one would let the other raise instead of skipping.
   */
  async insertNew(db: ClientsDb, rows: Omit<Insertable<ClientRow>, 'migrated_at'>[]): Promise<number> {
    if (rows.length === 0) return 0;
    const result = await db
      .insertInto('crm_clients.clients')
      .values(rows.map((row) => ({ ...row, migrated_at: sql<Date>`now()` })))
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  },

  async counts(db: ClientsDb): Promise<{ migrated: number; createdHere: number }> {
    const row = await db
      .selectFrom('crm_clients.clients')
      .select([
        sql<number>`count(*) filter (where legacy_id is not null)::int`.as('migrated'),
        sql<number>`count(*) filter (where legacy_id is null)::int`.as('createdHere'),
      ])
      .executeTakeFirstOrThrow();
    return { migrated: row.migrated, createdHere: row.createdHere };
  },

  async legacyIdsIn(db: ClientsDb, legacyIds: string[]): Promise<string[]> {
    if (legacyIds.length === 0) return [];
    const rows = await db
      .selectFrom('crm_clients.clients')
      .select('legacy_id')
      .where('legacy_id', 'in', legacyIds)
      .execute();
    return rows.flatMap((row) => (row.legacy_id === null ? [] : [row.legacy_id]));
  },
};

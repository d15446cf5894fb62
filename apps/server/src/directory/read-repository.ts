import type { ContactPoint, Notice, UnitSummary } from '@kontor/contracts';
import { sql } from 'kysely';
import type { DirectoryDb } from './tables.js';

/** Swedish order: the stored keys compared byte by byte, the same on PGlite and PostgreSQL (text-keys.ts). */
const bySortKey = (column: string) => sql`${sql.ref(column)} collate "C"`;

export type ContactOwner = 'unit_id' | 'person_id' | 'function_id';
export type OwnedContact = ContactPoint & { ownerId: string };

export interface PersonRow {
  id: string;
  givenName: string;
  familyName: string;
  title: string;
  unitId: string;
  unitName: string;
}

export interface FunctionRow {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  holderId: string | null;
  holderName: string | null;
}

type PeopleFilter = { unitId: string } | { ids: string[] } | 'all';
type FunctionsFilter = { unitId: string } | { holderId: string } | { ids: string[] } | 'all';

const unitColumns = ['u.id', 'u.parent_id as parentId', 'u.kind', 'u.name'] as const;

export const readRepository = {
  async units(db: DirectoryDb): Promise<Array<UnitSummary & { description: string }>> {
    return db
      .selectFrom('directory.units as u')
      .select([...unitColumns, 'u.description'])
      .orderBy(bySortKey('u.sort_key'))
      .execute();
  },

  /** These units with their parent's name: what a search result or a favourite shows. */
  async unitsWithParent(
    db: DirectoryDb,
    ids: string[],
  ): Promise<Array<{ id: string; name: string; parentName: string | null }>> {
    if (ids.length === 0) return [];
    return db
      .selectFrom('directory.units as u')
      .leftJoin('directory.units as parent', 'parent.id', 'u.parent_id')
      .select(['u.id', 'u.name', 'parent.name as parentName'])
      .where('u.id', 'in', ids)
      .execute();
  },

  async unit(db: DirectoryDb, id: string): Promise<(UnitSummary & { description: string }) | undefined> {
    return db
      .selectFrom('directory.units as u')
      .select([...unitColumns, 'u.description'])
      .where('u.id', '=', id)
      .executeTakeFirst();
  },

  async children(db: DirectoryDb, parentId: string): Promise<UnitSummary[]> {
    return db
      .selectFrom('directory.units as u')
      .select(unitColumns)
      .where('u.parent_id', '=', parentId)
      .orderBy(bySortKey('u.sort_key'))
      .execute();
  },

  /** The ancestors of a unit, the root first; the unit itself is not included. */
  async path(db: DirectoryDb, id: string): Promise<UnitSummary[]> {
    const result = await sql<UnitSummary & { depth: number }>`
      with recursive up as (
        select parent_id, 1 as depth from directory.units where id = ${id}
        union all
        select u.parent_id, up.depth + 1 from directory.units u join up on u.id = up.parent_id
          where up.depth < 50
      )
      select u.id, u.parent_id as "parentId", u.kind, u.name, up.depth
        from up join directory.units u on u.id = up.parent_id
        order by up.depth desc`.execute(db);
    return result.rows.map(({ depth: _depth, ...unit }) => unit);
  },

  /** Whether `candidate` is `id` or lies below it: a unit cannot be moved under itself. */
  async isWithin(db: DirectoryDb, candidate: string, id: string): Promise<boolean> {
    const result = await sql<{ found: boolean }>`
      with recursive up as (
        select id, parent_id, 1 as depth from directory.units where id = ${candidate}
        union all
        select u.id, u.parent_id, up.depth + 1 from directory.units u join up on u.id = up.parent_id
          where up.depth < 50
      )
      select exists (select 1 from up where id = ${id}) as found`.execute(db);
    return result.rows[0]?.found ?? false;
  },

  async people(db: DirectoryDb, filter: PeopleFilter): Promise<PersonRow[]> {
    let query = db
      .selectFrom('directory.people as p')
      .innerJoin('directory.units as u', 'u.id', 'p.unit_id')
      .select([
        'p.id',
        'p.given_name as givenName',
        'p.family_name as familyName',
        'p.title',
        'p.unit_id as unitId',
        'u.name as unitName',
      ])
      .orderBy(bySortKey('p.sort_key'));
    if (filter !== 'all' && 'unitId' in filter) query = query.where('p.unit_id', '=', filter.unitId);
    if (filter !== 'all' && 'ids' in filter) {
      if (filter.ids.length === 0) return [];
      query = query.where('p.id', 'in', filter.ids);
    }
    return query.execute();
  },

  async functions(db: DirectoryDb, filter: FunctionsFilter): Promise<FunctionRow[]> {
    let query = db
      .selectFrom('directory.functions as f')
      .innerJoin('directory.units as u', 'u.id', 'f.unit_id')
      .leftJoin('directory.people as p', 'p.id', 'f.holder_id')
      .select([
        'f.id',
        'f.name',
        'f.unit_id as unitId',
        'u.name as unitName',
        'f.holder_id as holderId',
        sql<string | null>`p.given_name || ' ' || p.family_name`.as('holderName'),
      ])
      .orderBy(bySortKey('u.sort_key'))
      .orderBy(bySortKey('f.sort_key'));
    if (filter !== 'all' && 'unitId' in filter) query = query.where('f.unit_id', '=', filter.unitId);
    if (filter !== 'all' && 'holderId' in filter) query = query.where('f.holder_id', '=', filter.holderId);
    if (filter !== 'all' && 'ids' in filter) {
      if (filter.ids.length === 0) return [];
      query = query.where('f.id', 'in', filter.ids);
    }
    return query.execute();
  },

  /** The contact points of these owners (all of them when `ids` is 'all'), the highest priority first. */
  async contacts(db: DirectoryDb, owner: ContactOwner, ids: string[] | 'all'): Promise<OwnedContact[]> {
    if (ids !== 'all' && ids.length === 0) return [];
    let query = db
      .selectFrom('directory.contact_points as c')
      .select([
        'c.id',
        'c.kind',
        'c.label',
        'c.value',
        'c.priority',
        sql<string>`${sql.ref(`c.${owner}`)}`.as('ownerId'),
      ])
      .where(`c.${owner}`, 'is not', null)
      .orderBy('c.priority')
      .orderBy(bySortKey('c.label'))
      .orderBy('c.id');
    if (ids !== 'all') query = query.where(`c.${owner}`, 'in', ids);
    return query.execute();
  },

  /** A unit's notices, newest first; only those published by now unless `includeHidden`. */
  async notices(db: DirectoryDb, unitId: string, includeHidden: boolean): Promise<Notice[]> {
    let query = db
      .selectFrom('directory.notices')
      .select(['id', 'unit_id as unitId', 'kind', 'title', 'body', 'publish_at as publishAt', 'unpublished'])
      .where('unit_id', '=', unitId)
      .orderBy('publish_at', 'desc')
      .orderBy('id');
    if (!includeHidden) query = query.where('unpublished', '=', false).where('publish_at', '<=', sql<Date>`now()`);
    const rows = await query.execute();
    return rows.map((row) => ({ ...row, publishAt: row.publishAt.toISOString() }));
  },

  /** When anything in the directory last changed on this node. */
  async changedAt(db: DirectoryDb): Promise<Date | null> {
    const result = await sql<{ at: Date | null }>`
      select greatest(
        (select max(updated_at) from directory.units), (select max(updated_at) from directory.people),
        (select max(updated_at) from directory.functions), (select max(updated_at) from directory.contact_points),
        (select max(updated_at) from directory.notices)) as at`.execute(db);
    return result.rows[0]?.at ?? null;
  },
};

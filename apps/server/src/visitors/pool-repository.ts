import type { CardStatus, CardType } from '@kontor/contracts';
import { sql } from 'kysely';
import type { VisitorsDb } from './tables.js';

export interface StoredCard {
  number: number;
  status: CardStatus;
  note: string;
  holderEntryId: string | null;
}

/** The card pool and its types: the SQL of `visitors.card_types` and `visitors.cards`. */
export const poolRepository = {
  async types(db: VisitorsDb): Promise<CardType[]> {
    return db
      .selectFrom('visitors.card_types')
      .select(['key', 'name', 'range_from as from', 'range_to as to'])
      .orderBy('position')
      .orderBy('range_from')
      .execute();
  },

  /** Serialises changes of the ranges (and the checks against them) across hub instances. */
  async lockTypes(db: VisitorsDb) {
    await sql`lock table visitors.card_types in share row exclusive mode`.execute(db);
  },

  async replaceTypes(db: VisitorsDb, types: CardType[]) {
    await db.deleteFrom('visitors.card_types').execute();
    if (types.length === 0) return;
    await db
      .insertInto('visitors.card_types')
      .values(
        types.map((type, position) => ({
          key: type.key,
          name: type.name,
          range_from: type.from,
          range_to: type.to,
          position,
        })),
      )
      .execute();
  },

  /** Every card with the entry holding it now, by number; `numbers` narrows it. */
  async cards(db: VisitorsDb, numbers?: number[]): Promise<StoredCard[]> {
    if (numbers?.length === 0) return [];
    let query = db
      .selectFrom('visitors.cards as c')
      .leftJoin('visitors.entries as e', (join) => join.onRef('e.card', '=', 'c.number').on('e.state', '=', 'active'))
      .select(['c.number', 'c.status', 'c.note', 'e.id as holderEntryId'])
      .orderBy('c.number');
    if (numbers) query = query.where('c.number', 'in', numbers);
    return query.execute();
  },

  /** The card, locked: a scan decides on it (release its holder or hand it out) without another scan between. */
  async lockCard(db: VisitorsDb, number: number) {
    return db
      .selectFrom('visitors.cards')
      .select(['number', 'status', 'note'])
      .where('number', '=', number)
      .forUpdate()
      .executeTakeFirst();
  },

  async holderOf(db: VisitorsDb, number: number): Promise<string | undefined> {
    const row = await db
      .selectFrom('visitors.entries')
      .select('id')
      .where('card', '=', number)
      .where('state', '=', 'active')
      .executeTakeFirst();
    return row?.id;
  },

  /** Adds the numbers not yet in the pool; returns how many were new. */
  async addCards(db: VisitorsDb, from: number, to: number): Promise<number> {
    const numbers = Array.from({ length: to - from + 1 }, (_, index) => ({
      number: from + index,
      status: 'available' as const,
      note: '',
    }));
    const result = await db
      .insertInto('visitors.cards')
      .values(numbers)
      .onConflict((oc) => oc.column('number').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  },

  async updateCard(db: VisitorsDb, number: number, status: CardStatus, note: string) {
    await db
      .updateTable('visitors.cards')
      .set({ status, note, updated_at: sql<Date>`now()` })
      .where('number', '=', number)
      .execute();
  },
};

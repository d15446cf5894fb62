import { type Insertable, type Selectable, sql } from 'kysely';
import type { CheckoutDb, CheckoutTables } from './tables.js';

export type DiscountCodeRow = Selectable<CheckoutTables['commerce.discount_codes']>;
export type DiscountRuleRow = Selectable<CheckoutTables['commerce.discount_rules']>;
type CodeValues = Omit<Insertable<CheckoutTables['commerce.discount_codes']>, 'id' | 'used_count'>;
type RuleValues = Omit<Insertable<CheckoutTables['commerce.discount_rules']>, 'id'>;

const json = (value: unknown) => JSON.stringify(value);

/** The SQL of discount codes and automatic discount rules. */
export const discountRepository = {
  async codes(db: CheckoutDb): Promise<DiscountCodeRow[]> {
    return db.selectFrom('commerce.discount_codes').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
  },

  async code(db: CheckoutDb, id: string, lock = false): Promise<DiscountCodeRow | undefined> {
    let query = db.selectFrom('commerce.discount_codes').selectAll().where('id', '=', id);
    if (lock) query = query.forUpdate();
    return query.executeTakeFirst();
  },

  /** A code as a customer typed it: letter case does not matter. */
  async codeByText(db: CheckoutDb, text: string): Promise<DiscountCodeRow | undefined> {
    return db
      .selectFrom('commerce.discount_codes')
      .selectAll()
      .where(sql<string>`lower(code)`, '=', text.toLowerCase())
      .executeTakeFirst();
  },

  async insertCode(db: CheckoutDb, id: string, values: CodeValues): Promise<DiscountCodeRow> {
    return db
      .insertInto('commerce.discount_codes')
      .values({ ...values, id, amounts: json(values.amounts) as never, min_order: json(values.min_order) as never })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async updateCode(db: CheckoutDb, id: string, values: CodeValues): Promise<DiscountCodeRow | undefined> {
    return db
      .updateTable('commerce.discount_codes')
      .set({
        ...values,
        amounts: json(values.amounts) as never,
        min_order: json(values.min_order) as never,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  },

  async deleteCode(db: CheckoutDb, id: string): Promise<DiscountCodeRow | undefined> {
    return db.deleteFrom('commerce.discount_codes').where('id', '=', id).returningAll().executeTakeFirst();
  },

  /**
   * Counts one use of a code, under its row lock, unless that would pass its limit; false when it is used up (a
   * concurrent checkout took the last use).
   */
  async countUse(db: CheckoutDb, id: string): Promise<boolean> {
    const row = await db
      .updateTable('commerce.discount_codes')
      .set({ used_count: sql<number>`used_count + 1` })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('usage_limit', 'is', null), eb('used_count', '<', eb.ref('usage_limit'))]))
      .returning('id')
      .executeTakeFirst();
    return Boolean(row);
  },

  async rules(db: CheckoutDb): Promise<DiscountRuleRow[]> {
    return db.selectFrom('commerce.discount_rules').selectAll().orderBy('created_at').orderBy('id').execute();
  },

  async rule(db: CheckoutDb, id: string, lock = false): Promise<DiscountRuleRow | undefined> {
    let query = db.selectFrom('commerce.discount_rules').selectAll().where('id', '=', id);
    if (lock) query = query.forUpdate();
    return query.executeTakeFirst();
  },

  /** The rules in force at `at`, oldest first (the order in which equal percentages are weighed). */
  async rulesInForce(db: CheckoutDb, at: Date): Promise<DiscountRuleRow[]> {
    return db
      .selectFrom('commerce.discount_rules')
      .selectAll()
      .where('active', '=', true)
      .where((eb) => eb.or([eb('starts_at', 'is', null), eb('starts_at', '<=', at)]))
      .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', at)]))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },

  async insertRule(db: CheckoutDb, id: string, values: RuleValues): Promise<DiscountRuleRow> {
    return db
      .insertInto('commerce.discount_rules')
      .values({ ...values, id, name: json(values.name) as never, definition: json(values.definition) })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async updateRule(db: CheckoutDb, id: string, values: RuleValues): Promise<DiscountRuleRow | undefined> {
    return db
      .updateTable('commerce.discount_rules')
      .set({
        ...values,
        name: json(values.name) as never,
        definition: json(values.definition),
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  },

  async deleteRule(db: CheckoutDb, id: string): Promise<DiscountRuleRow | undefined> {
    return db.deleteFrom('commerce.discount_rules').where('id', '=', id).returningAll().executeTakeFirst();
  },
};

import { type Selectable, sql } from 'kysely';
import type { CheckoutDb, CheckoutTables } from './tables.js';

export type CartRow = Selectable<CheckoutTables['commerce.carts']>;
export interface CartLineRow {
  sku: string;
  quantity: number;
}

/** The SQL of carts and their lines. */
export const cartRepository = {
  async byId(db: CheckoutDb, id: string): Promise<CartRow | undefined> {
    return db.selectFrom('commerce.carts').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async byTokenHash(db: CheckoutDb, tokenHash: string, lock = false): Promise<CartRow | undefined> {
    let query = db.selectFrom('commerce.carts').selectAll().where('token_hash', '=', tokenHash);
    if (lock) query = query.forUpdate();
    return query.executeTakeFirst();
  },

  async byUser(db: CheckoutDb, userId: string, lock = false): Promise<CartRow | undefined> {
    let query = db.selectFrom('commerce.carts').selectAll().where('user_id', '=', userId);
    if (lock) query = query.forUpdate();
    return query.executeTakeFirst();
  },

  async createGuest(db: CheckoutDb, id: string, tokenHash: string, currency: string): Promise<CartRow> {
    return db
      .insertInto('commerce.carts')
      .values({ id, token_hash: tokenHash, user_id: null, currency, discount_code: null })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** The customer's cart, created when missing; two first requests at once end with the same one. */
  async ensureForUser(db: CheckoutDb, id: string, userId: string, currency: string): Promise<CartRow> {
    await db
      .insertInto('commerce.carts')
      .values({ id, token_hash: null, user_id: userId, currency, discount_code: null })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
    const cart = await cartRepository.byUser(db, userId, true);
    if (!cart) throw new Error(`the cart of user ${userId} vanished while it was created`);
    return cart;
  },

  /** A guest cart becomes the signed-in customer's own: no cookie opens it any more. */
  async adopt(db: CheckoutDb, cartId: string, userId: string) {
    await db
      .updateTable('commerce.carts')
      .set({ user_id: userId, token_hash: null, updated_at: sql<Date>`now()` })
      .where('id', '=', cartId)
      .execute();
  },

  /** Adds the lines of `fromId` to `intoId` (quantities add up, to 999 at most), then deletes `fromId`. */
  async mergeInto(db: CheckoutDb, fromId: string, intoId: string) {
    await sql`
      insert into commerce.cart_lines (cart_id, sku, quantity, added_at)
      select ${intoId}, sku, quantity, added_at from commerce.cart_lines where cart_id = ${fromId}
      on conflict (cart_id, sku) do update set quantity = least(999, commerce.cart_lines.quantity + excluded.quantity)
    `.execute(db);
    await db.deleteFrom('commerce.carts').where('id', '=', fromId).execute();
  },

  async lines(db: CheckoutDb, cartId: string): Promise<CartLineRow[]> {
    return db
      .selectFrom('commerce.cart_lines')
      .select(['sku', 'quantity'])
      .where('cart_id', '=', cartId)
      .orderBy('added_at')
      .orderBy('sku')
      .execute();
  },

  async setLine(db: CheckoutDb, cartId: string, sku: string, quantity: number) {
    await db
      .insertInto('commerce.cart_lines')
      .values({ cart_id: cartId, sku, quantity })
      .onConflict((oc) => oc.columns(['cart_id', 'sku']).doUpdateSet({ quantity }))
      .execute();
  },

  async deleteLine(db: CheckoutDb, cartId: string, sku: string): Promise<boolean> {
    const result = await db
      .deleteFrom('commerce.cart_lines')
      .where('cart_id', '=', cartId)
      .where('sku', '=', sku)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },

  /** Empties the cart (after checkout, or on request): lines and code go, the cart and its cookie stay. */
  async empty(db: CheckoutDb, cartId: string) {
    await db.deleteFrom('commerce.cart_lines').where('cart_id', '=', cartId).execute();
    await db
      .updateTable('commerce.carts')
      .set({ discount_code: null, updated_at: sql<Date>`now()` })
      .where('id', '=', cartId)
      .execute();
  },

  async update(db: CheckoutDb, cartId: string, changes: { currency?: string; discount_code?: string | null }) {
    await db
      .updateTable('commerce.carts')
      .set({ ...changes, updated_at: sql<Date>`now()` })
      .where('id', '=', cartId)
      .execute();
  },

  /**
   * The units a customer's cart and a guest cart hold together, counted as merging them would (a SKU in both up to
   * 999): the number the shop's header shows. One query, however many lines there are.
   */
  async itemCount(db: CheckoutDb, owner: { userId: string | null; tokenHash: string | null }): Promise<number> {
    const { userId, tokenHash } = owner;
    if (!userId && !tokenHash) return 0;
    const perSku = db
      .selectFrom('commerce.cart_lines as l')
      .innerJoin('commerce.carts as c', 'c.id', 'l.cart_id')
      .select(sql<number>`least(999, sum(l.quantity))`.as('quantity'))
      .where((eb) =>
        eb.or([
          ...(userId ? [eb('c.user_id', '=', userId)] : []),
          ...(tokenHash ? [eb('c.token_hash', '=', tokenHash)] : []),
        ]),
      )
      .groupBy('l.sku');
    const row = await db
      .selectFrom(perSku.as('per_sku'))
      .select(sql<number>`coalesce(sum(per_sku.quantity), 0)::int`.as('units'))
      .executeTakeFirstOrThrow();
    return row.units;
  },

  /** Guest carts nobody touched since `before`; answers how many went. */
  async deleteGuestCartsBefore(db: CheckoutDb, before: Date): Promise<number> {
    const result = await db
      .deleteFrom('commerce.carts')
      .where('user_id', 'is', null)
      .where('updated_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};

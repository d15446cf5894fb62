import { sql } from 'kysely';
import type { CatalogDb } from './tables.js';

export interface StockState {
  on_hand: number;
  backorder: boolean;
  low_stock_threshold: number;
  low_stock_alerted_at: Date | null;
}

const STATE = ['on_hand', 'backorder', 'low_stock_threshold', 'low_stock_alerted_at'] as const;

/** Stock levels: the SQL of commerce.stock. Every take is one conditional statement, so none goes below zero. */
export const stockRepository = {
  /** Takes `quantity` if that many are there; nothing (undefined) otherwise. */
  takeIfThere: (db: CatalogDb, variantId: string, quantity: number) =>
    db
      .updateTable('commerce.stock')
      .set({ on_hand: sql`on_hand - ${quantity}`, updated_at: new Date() })
      .where('variant_id', '=', variantId)
      .where('on_hand', '>=', quantity)
      .returning(STATE)
      .executeTakeFirst() as Promise<StockState | undefined>,

  /** The level, locked until the transaction ends: what is decided on it holds. */
  lock: (db: CatalogDb, variantId: string) =>
    db
      .selectFrom('commerce.stock')
      .select(STATE)
      .where('variant_id', '=', variantId)
      .forUpdate()
      .executeTakeFirst() as Promise<StockState | undefined>,

  setOnHand: (db: CatalogDb, variantId: string, onHand: number) =>
    db
      .updateTable('commerce.stock')
      .set({ on_hand: onHand, updated_at: new Date() })
      .where('variant_id', '=', variantId)
      .returning(STATE)
      .executeTakeFirstOrThrow() as Promise<StockState>,

  /** Marks the level alerted unless it was; true when this call marked it (so only one caller sends the alert). */
  async markAlerted(db: CatalogDb, variantId: string, at: Date): Promise<boolean> {
    const row = await db
      .updateTable('commerce.stock')
      .set({ low_stock_alerted_at: at })
      .where('variant_id', '=', variantId)
      .where('low_stock_alerted_at', 'is', null)
      .returning('variant_id')
      .executeTakeFirst();
    return Boolean(row);
  },

  /** Puts stock back; a level above its threshold again may be alerted again when it next falls. */
  restore: (db: CatalogDb, variantId: string, quantity: number) =>
    db
      .updateTable('commerce.stock')
      .set({
        on_hand: sql`on_hand + ${quantity}`,
        low_stock_alerted_at: sql`case when on_hand + ${quantity} > low_stock_threshold then null else low_stock_alerted_at end`,
        updated_at: new Date(),
      })
      .where('variant_id', '=', variantId)
      .returning(STATE)
      .executeTakeFirst() as Promise<StockState | undefined>,

  /** Sets a level as counted by an admin. */
  set: (db: CatalogDb, variantId: string, level: { onHand: number; backorder: boolean; lowStockThreshold: number }) =>
    db
      .insertInto('commerce.stock')
      .values({
        variant_id: variantId,
        on_hand: level.onHand,
        backorder: level.backorder,
        low_stock_threshold: level.lowStockThreshold,
      })
      .onConflict((oc) =>
        oc.column('variant_id').doUpdateSet({
          on_hand: level.onHand,
          backorder: level.backorder,
          low_stock_threshold: level.lowStockThreshold,
          low_stock_alerted_at: sql`case when ${level.onHand} > ${level.lowStockThreshold} then null
            else commerce.stock.low_stock_alerted_at end`,
          updated_at: new Date(),
        }),
      )
      .returning(STATE)
      .executeTakeFirstOrThrow() as Promise<StockState>,

  /** Variants at or below their low-stock threshold, lowest first. */
  low: (db: CatalogDb, limit: number) =>
    db
      .selectFrom('commerce.stock as s')
      .innerJoin('commerce.variants as v', 'v.id', 's.variant_id')
      .innerJoin('commerce.products as p', 'p.id', 'v.product_id')
      .select([
        's.variant_id',
        'v.product_id',
        'v.sku',
        'p.name',
        's.on_hand',
        's.low_stock_threshold',
        's.backorder',
        's.low_stock_alerted_at',
      ])
      .where(sql<boolean>`s.on_hand <= s.low_stock_threshold`)
      .where('v.active', '=', true)
      .orderBy('s.on_hand')
      .orderBy('v.sku')
      .limit(limit)
      .execute(),

  /** What an alert names: the SKU and the product's name. */
  describe: (db: CatalogDb, variantId: string) =>
    db
      .selectFrom('commerce.variants as v')
      .innerJoin('commerce.products as p', 'p.id', 'v.product_id')
      .select(['v.id', 'v.sku', 'v.product_id', 'v.option_values', 'p.name'])
      .where('v.id', '=', variantId)
      .executeTakeFirst(),
};

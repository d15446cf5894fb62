import type { RequestContext } from '../../platform/context.js';
import type { FieldError } from '../../platform/http/errors.js';
import { notFound } from '../../platform/http/errors.js';
import type { Db, Platform } from '../../platform/platform.js';
import { stateConflict, unprocessable } from '../errors.js';
import type { SearchIndex } from '../search/search-index.js';
import { catalogDb, isoOrNull } from './catalog-context.js';
import { sendLowStockAlert } from './low-stock-mail.js';
import { priceRepository } from './price-repository.js';
import { productRepository } from './product-repository.js';
import { availabilityOf, toStockLevel } from './product-view.js';
import { stockRepository as repo, type StockState } from './stock-repository.js';

export interface StockLine {
  variantId: string;
  sku: string;
  quantity: number;
}

const validQuantities = (lines: StockLine[]) => {
  const problems: FieldError[] = lines.flatMap((line, index) =>
    Number.isInteger(line.quantity) && line.quantity >= 0
      ? []
      : [{ path: `lines.${index}.quantity`, message: 'must be a whole number from 0' }],
  );
  if (problems.length > 0) throw unprocessable('invalid_quantity', 'A quantity cannot be taken or restored', problems);
};

export class StockService {
  /** `search`, when given, hears of variants whose availability changed (in stock → low → out). */
  constructor(
    readonly platform: Platform,
    private readonly search?: SearchIndex,
  ) {}

  /**
   * Takes stock for an order inside the caller's transaction; never lets `on_hand` fall below zero. A variant that
   * allows backorder takes what is there and reports the rest as backordered. Throws 409 `commerce.out_of_stock`
   * with one error per short SKU (path `lines.<i>.quantity`, naming what is available). Alerts admins once when a
   * level reaches its low-stock threshold.
   *
   * Each take is one conditional UPDATE (`on_hand >= quantity`), so 50 checkouts racing for the last item take it
   * once; the others wait for its row lock and find it gone. When it throws, the caller's transaction must roll
   * back (what the other lines took goes back with it). Lines are taken in variant order, so two orders sharing
   * variants never wait for each other crosswise.
   */
  async take(trx: Db, lines: StockLine[]): Promise<Array<{ variantId: string; backordered: number }>> {
    validQuantities(lines);
    const db = catalogDb(trx);
    const order = lines
      .map((line, index) => ({ line, index }))
      .sort((a, b) => a.line.variantId.localeCompare(b.line.variantId));
    const backordered = new Map<number, number>();
    const short: FieldError[] = [];
    const changed = new Set<string>();
    for (const { line, index } of order) {
      if (line.quantity === 0) continue;
      let before: StockState | undefined;
      let after = await repo.takeIfThere(db, line.variantId, line.quantity);
      if (after) before = { ...after, on_hand: after.on_hand + line.quantity };
      else {
        before = await repo.lock(db, line.variantId);
        if (before?.backorder) {
          after = await repo.setOnHand(db, line.variantId, 0);
          backordered.set(index, line.quantity - before.on_hand);
        } else {
          short.push({
            path: `lines.${index}.quantity`,
            message: `only ${before?.on_hand ?? 0} of ${line.sku} are available`,
          });
          continue;
        }
      }
      if (availabilityOf(before) !== availabilityOf(after)) changed.add(line.variantId);
      if (after.on_hand <= after.low_stock_threshold && !after.low_stock_alerted_at)
        await this.#alert(trx, line.variantId, after);
    }
    if (short.length > 0)
      throw stateConflict('out_of_stock', 'Some items are not in stock in the quantity asked for', short);
    await this.#availabilityChanged(trx, [...changed]);
    return lines.map((line, index) => ({ variantId: line.variantId, backordered: backordered.get(index) ?? 0 }));
  }

  /**
   * On hand and the backorder rule per variant, read in `db` (a transaction sees its own takes); a variant without
   * a level has none and takes no backorders.
   */
  async levels(db: Db, variantIds: string[]): Promise<Map<string, { onHand: number; backorder: boolean }>> {
    const rows = await productRepository.stockOf(catalogDb(db), variantIds);
    return new Map(rows.map((row) => [row.variant_id, { onHand: row.on_hand, backorder: row.backorder }]));
  }

  /**
   * Puts stock back (a cancelled or returned order): the quantities that were taken, i.e. each line's quantity
   * less what `take` reported backordered. A level back above its threshold may be alerted again.
   */
  async restore(trx: Db, lines: StockLine[]): Promise<void> {
    validQuantities(lines);
    const db = catalogDb(trx);
    const changed: string[] = [];
    for (const line of [...lines].sort((a, b) => a.variantId.localeCompare(b.variantId))) {
      if (line.quantity === 0) continue;
      const after = await repo.restore(db, line.variantId, line.quantity);
      if (after && availabilityOf(after) !== availabilityOf({ ...after, on_hand: after.on_hand - line.quantity }))
        changed.push(line.variantId);
    }
    await this.#availabilityChanged(trx, changed);
  }

  /** Sets a level as counted, with its backorder rule and threshold (admin; audited). */
  async setLevel(
    ctx: RequestContext,
    variantId: string,
    level: { onHand: number; backorder: boolean; lowStockThreshold: number },
  ) {
    return this.platform.transaction(async (trx) => {
      const db = catalogDb(trx);
      const variant = await repo.describe(db, variantId);
      if (!variant) throw notFound('The variant');
      const before = await repo.lock(db, variantId);
      const after = await repo.set(db, variantId, level);
      await this.platform.audit.record(trx, ctx, {
        action: 'commerce.stock.set',
        entity: 'commerce.variant',
        entityId: variantId,
        before: before && {
          sku: variant.sku,
          ...toStockLevel({ ...before, variant_id: variantId, updated_at: new Date() }),
        },
        after: { sku: variant.sku, ...toStockLevel({ ...after, variant_id: variantId, updated_at: new Date() }) },
      });
      await this.search?.reindex(trx, [variant.product_id]);
      return toStockLevel({ ...after, variant_id: variantId, updated_at: new Date() });
    });
  }

  /** Variants at or below their low-stock threshold (out of stock included), lowest first. */
  async lowStock(_ctx: RequestContext, limit = 500) {
    const rows = await repo.low(catalogDb(this.platform.db), limit);
    return {
      items: rows.map((row) => ({
        variantId: row.variant_id,
        productId: row.product_id,
        sku: row.sku,
        productName: row.name,
        onHand: row.on_hand,
        lowStockThreshold: row.low_stock_threshold,
        backorder: row.backorder,
        alertedAt: isoOrNull(row.low_stock_alerted_at),
      })),
    };
  }

  /** Marks the level alerted (once: of two takes that both reach it, one wins) and mails the catalog's keepers. */
  async #alert(trx: Db, variantId: string, level: StockState) {
    const at = new Date();
    const db = catalogDb(trx);
    if (!(await repo.markAlerted(db, variantId, at))) return;
    const variant = await repo.describe(db, variantId);
    if (!variant) return;
    await sendLowStockAlert(this.platform, trx, {
      variantId,
      sku: variant.sku,
      productName: variant.name,
      onHand: level.on_hand,
      threshold: level.low_stock_threshold,
      backorder: level.backorder,
      alertedAt: at,
    });
  }

  async #availabilityChanged(trx: Db, variantIds: string[]) {
    if (!this.search || variantIds.length === 0) return;
    await this.search.reindex(trx, await priceRepository.productIdsOfVariants(catalogDb(trx), variantIds));
  }
}

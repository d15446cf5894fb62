// STUB by the lead: the catalog helper replaces the body; the exported signatures are what checkout uses.
import type { Db, Platform } from '../../platform/platform.js';

export interface StockLine {
  variantId: string;
  sku: string;
  quantity: number;
}

export class StockService {
  constructor(readonly platform: Platform) {}

  /**
   * Takes stock for an order inside the caller's transaction; never lets `on_hand` fall below zero. A variant that
   * allows backorder takes what is there and reports the rest as backordered. Throws 409 `commerce.out_of_stock`
   * with one error per short SKU (path `lines.<i>.quantity`, naming what is available). Alerts admins once when a
   * level reaches its low-stock threshold.
   */
  async take(_trx: Db, _lines: StockLine[]): Promise<Array<{ variantId: string; backordered: number }>> {
    throw new Error('not built yet');
  }

  /** Puts stock back (a cancelled or returned order). */
  async restore(_trx: Db, _lines: StockLine[]): Promise<void> {
    throw new Error('not built yet');
  }
}

// STUB by the lead: the catalog helper replaces the body; the exported signatures are what checkout and search use.
import type { Db, Platform } from '../../platform/platform.js';

/** One cart or order line priced now: what the customer pays per unit, VAT included for consumer prices. */
export interface PricedLine {
  variantId: string;
  productId: string;
  sku: string;
  /** In the request's locale (falls back to sv). */
  name: string;
  optionValues: Record<string, string>;
  quantity: number;
  unitPriceMinor: number;
  /** The retail price without a campaign; equals unitPriceMinor when no sale list applies. */
  regularPriceMinor: number;
  /** Lowest consumer price of the 30 days before the current reduction; null when not reduced. */
  lowestPrice30dMinor: number | null;
  vatRateBp: number;
  weightGrams: number;
  bulky: boolean;
  categoryIds: string[];
}

export interface PriceRequest {
  currency: string;
  locale: string;
  lines: Array<{ sku: string; quantity: number }>;
  /** Defaults to now. */
  at?: Date;
}

export class PricingService {
  constructor(readonly platform: Platform) {}

  /**
   * Prices lines from the database (never from the request). Throws 422 `commerce.unknown_sku` (path
   * `lines.<i>.sku`) for an unknown or unpublished SKU, `commerce.unsold_currency` (path `currency`) for a currency
   * the shop does not sell in, `commerce.no_price` when a variant has no price in that currency.
   */
  async priceLines(_db: Db, _request: PriceRequest): Promise<PricedLine[]> {
    throw new Error('not built yet');
  }
}

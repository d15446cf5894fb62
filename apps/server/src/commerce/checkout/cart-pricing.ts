import type { CartLine, ShopCart } from '@kontor/contracts';
import { AppError } from '../../platform/http/errors.js';
import type { PricedLine, PricingService } from '../catalog/pricing-service.js';
import type { ShopReadService } from '../catalog/shop-read-service.js';
import type { StockService } from '../catalog/stock-service.js';
import type { CartLineRow } from './cart-repository.js';
import { applyDiscounts, type CodeRefusal, type DiscountLine, type DiscountResult } from './discount-rules.js';
import type { CodeUnusable, DiscountService } from './discount-service.js';
import type { CheckoutDb } from './tables.js';

type Availability = CartLine['availability'];
export type PricedCartLine = PricedLine & {
  lineTotalMinor: number;
  discountMinor: number;
  totalMinor: number;
  vatMinor: number;
  availability: Availability;
};

/** A cart priced by the server from the catalog, with its discounts: what the cart answer and checkout both show. */
export interface PricedCart {
  currency: string;
  currencies: string[];
  lines: PricedCartLine[];
  unavailable: Array<{ sku: string; quantity: number; reason: 'unknown_sku' | 'no_price' }>;
  discounts: DiscountLine[];
  discountCode: { code: string; applied: boolean; reason: CodeRefusal | CodeUnusable | null } | null;
  /** The code that took effect, for counting its use at checkout. */
  appliedCodeId: string | null;
  totals: Omit<DiscountResult, 'lines' | 'discounts' | 'code'> & {
    itemCount: number;
    weightGrams: number;
    bulky: boolean;
  };
}

export interface CartPriceRequest {
  currency: string;
  currencies: string[];
  locale: string;
  lines: CartLineRow[];
  discountCode: string | null;
  at: Date;
}

const SKIPPABLE = new Set(['commerce.unknown_sku', 'commerce.no_price']);

/**
 * Prices a cart: catalog prices (PricingService), then discounts (applyDiscounts) on what each product belongs to
 * (ShopReadService.reach), then availability (StockService.levels). Every read goes through the catalog's services
 * with the caller's `db`, so a checkout prices its cart inside its own transaction.
 */
export class CartPricer {
  constructor(
    private readonly catalog: { pricing: PricingService; read: ShopReadService; stock: StockService },
    private readonly discounts: DiscountService,
  ) {}

  async price(db: CheckoutDb, request: CartPriceRequest): Promise<PricedCart> {
    const { priced, unavailable } = await this.#priceSellable(db, request);
    const facts = await this.catalog.read.reach(db, [...new Set(priced.map((line) => line.productId))]);
    const rules = await this.discounts.rulesInForce(db, request.at);
    const code = request.discountCode ? await this.discounts.offer(db, request.discountCode, request.at) : null;
    const result = applyDiscounts({
      currency: request.currency,
      locale: request.locale,
      rules,
      code: code && 'offer' in code ? code.offer : null,
      lines: priced.map((line) => {
        const fact = facts.get(line.productId);
        return {
          sku: line.sku,
          productId: line.productId,
          brandId: fact?.brandId ?? null,
          categoryIds: [...new Set([...line.categoryIds, ...(fact?.categoryIds ?? [])])],
          quantity: line.quantity,
          unitPriceMinor: line.unitPriceMinor,
          vatRateBp: line.vatRateBp,
        };
      }),
    });
    const stock = await this.catalog.stock.levels(
      db,
      priced.map((line) => line.variantId),
    );
    const lines = priced.map((line, index): PricedCartLine => {
      const level = stock.get(line.variantId) ?? { onHand: 0, backorder: false };
      const status = level.onHand >= line.quantity ? 'in_stock' : level.backorder ? 'backorder' : 'out_of_stock';
      const discounted = result.lines[index];
      return {
        ...line,
        lineTotalMinor: discounted?.lineTotalMinor ?? 0,
        discountMinor: discounted?.discountMinor ?? 0,
        totalMinor: discounted?.totalMinor ?? 0,
        vatMinor: discounted?.vatMinor ?? 0,
        availability: { status, onHand: level.onHand },
      };
    });
    let discountCode: PricedCart['discountCode'] = null;
    if (request.discountCode && code) {
      if ('unusable' in code) discountCode = { code: request.discountCode, applied: false, reason: code.unusable };
      else if (result.code?.applied) discountCode = { code: code.offer.code, applied: true, reason: null };
      else discountCode = { code: code.offer.code, applied: false, reason: result.code?.reason ?? null };
    }
    return {
      currency: request.currency,
      currencies: request.currencies,
      lines,
      unavailable,
      discounts: result.discounts,
      discountCode,
      appliedCodeId: discountCode?.applied && code && 'offer' in code ? code.offer.id : null,
      totals: {
        subtotalMinor: result.subtotalMinor,
        discountMinor: result.discountMinor,
        totalMinor: result.totalMinor,
        vatMinor: result.vatMinor,
        vatByRate: result.vatByRate,
        itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
        weightGrams: lines.reduce((sum, line) => sum + line.weightGrams * line.quantity, 0),
        bulky: lines.some((line) => line.bulky),
      },
    };
  }

  /**
   * Prices what the shop still sells. A line whose SKU was unpublished, or has no price in the cart's currency, is set
   * aside (the customer sees it and removes it) instead of failing the whole cart.
   */
  async #priceSellable(db: CheckoutDb, request: CartPriceRequest) {
    let pending = request.lines;
    const unavailable: PricedCart['unavailable'] = [];
    while (pending.length > 0) {
      try {
        const priced = await this.catalog.pricing.priceLines(db, {
          currency: request.currency,
          locale: request.locale,
          at: request.at,
          lines: pending.map(({ sku, quantity }) => ({ sku, quantity })),
        });
        return { priced, unavailable };
      } catch (error) {
        if (!(error instanceof AppError) || !SKIPPABLE.has(error.code)) throw error;
        const reason = error.code === 'commerce.no_price' ? 'no_price' : 'unknown_sku';
        const bad = new Set(
          (error.extra.errors ?? [])
            .map((field) => /^lines\.(\d+)\b/.exec(field.path)?.[1])
            .filter((index): index is string => index !== undefined)
            .map(Number),
        );
        if (bad.size === 0) throw error;
        for (const index of bad) {
          const line = pending[index];
          if (line) unavailable.push({ sku: line.sku, quantity: line.quantity, reason });
        }
        pending = pending.filter((_, index) => !bad.has(index));
      }
    }
    return { priced: [] as PricedLine[], unavailable };
  }
}

/** The public cart answer. */
export function toShopCart(id: string | null, cart: PricedCart): ShopCart {
  return {
    id,
    currency: cart.currency,
    currencies: cart.currencies,
    lines: cart.lines.map((line) => ({
      sku: line.sku,
      variantId: line.variantId,
      productId: line.productId,
      name: line.name,
      optionValues: line.optionValues,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      regularPriceMinor: line.regularPriceMinor,
      lowestPrice30dMinor: line.lowestPrice30dMinor,
      vatRateBp: line.vatRateBp,
      lineTotalMinor: line.lineTotalMinor,
      discountMinor: line.discountMinor,
      totalMinor: line.totalMinor,
      vatMinor: line.vatMinor,
      weightGrams: line.weightGrams,
      bulky: line.bulky,
      availability: line.availability,
    })),
    unavailableLines: cart.unavailable,
    discounts: cart.discounts,
    discountCode: cart.discountCode,
    totals: cart.totals,
  };
}

import type { FieldError } from '../../platform/http/errors.js';
import type { Db, Platform } from '../../platform/platform.js';
import { unprocessable } from '../errors.js';
import { catalogDb } from './catalog-context.js';
import { byVariantCurrency } from './price-history.js';
import { priceRepository } from './price-repository.js';
import { consumerPrice, lowestPrice30d, stockholmDay, volumeTiers } from './price-rules.js';
import { productRepository } from './product-repository.js';
import { localized } from './translations.js';

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

/** What a variant costs a consumer now in one currency (quantity 1), with its volume tiers. */
export interface VariantPrice {
  variantId: string;
  currency: string;
  unitPriceMinor: number;
  regularPriceMinor: number;
  lowestPrice30dMinor: number | null;
  tiers: Array<{ minQuantity: number; unitPriceMinor: number }>;
}

const MAX_QUANTITY = 100_000;

export class PricingService {
  constructor(readonly platform: Platform) {}

  /**
   * Prices lines from the database (never from the request). Throws 422 `commerce.unknown_sku` (path
   * `lines.<i>.sku`) for an unknown or unpublished SKU, `commerce.unsold_currency` (path `currency`) for a currency
   * the shop does not sell in, `commerce.no_price` when a variant has no price in that currency.
   * Also 422 `commerce.invalid_quantity` (path `lines.<i>.quantity`) for a quantity that is not a whole number from 1.
   */
  async priceLines(db: Db, request: PriceRequest): Promise<PricedLine[]> {
    const at = request.at ?? new Date();
    const catalog = catalogDb(db);
    await this.assertSold(db, request.currency);
    const quantities: FieldError[] = request.lines.flatMap((line, index) =>
      Number.isInteger(line.quantity) && line.quantity >= 1 && line.quantity <= MAX_QUANTITY
        ? []
        : [{ path: `lines.${index}.quantity`, message: `must be a whole number from 1 to ${MAX_QUANTITY}` }],
    );
    if (quantities.length > 0) throw unprocessable('invalid_quantity', 'A quantity cannot be ordered', quantities);

    const variants = new Map(
      (await productRepository.sellableBySku(catalog, [...new Set(request.lines.map((line) => line.sku))])).map(
        (row) => [row.sku, row],
      ),
    );
    const unknown = request.lines.flatMap((line, index) =>
      variants.has(line.sku) ? [] : [{ path: `lines.${index}.sku`, message: `no product is sold as ${line.sku}` }],
    );
    if (unknown.length > 0) throw unprocessable('unknown_sku', 'The shop does not sell some of these SKUs', unknown);

    const variantIds = [...new Set([...variants.values()].map((variant) => variant.id))];
    const prices = byVariantCurrency(await priceRepository.applicable(catalog, variantIds, request.currency, at));
    const missing = request.lines.flatMap((line, index) => {
      const variant = variants.get(line.sku);
      return variant && prices.has(`${variant.id}:${request.currency}`)
        ? []
        : [{ path: `lines.${index}.sku`, message: `${line.sku} has no price in ${request.currency}` }];
    });
    if (missing.length > 0)
      throw unprocessable('no_price', `Some items cannot be bought in ${request.currency}`, missing);

    const history = await priceRepository.history(catalog, variantIds, request.currency, at);
    const vat = await priceRepository.vatRatesOn(catalog, stockholmDay(at));
    const categories = await productRepository.categoryIdsOf(catalog, [
      ...new Set([...variants.values()].map((variant) => variant.product_id)),
    ]);
    return request.lines.map((line) => {
      const variant = variants.get(line.sku) as NonNullable<ReturnType<typeof variants.get>>;
      const rows = prices.get(`${variant.id}:${request.currency}`) ?? [];
      const price = consumerPrice(rows, line.quantity) as NonNullable<ReturnType<typeof consumerPrice>>;
      const single = consumerPrice(rows, 1) ?? price;
      return {
        variantId: variant.id,
        productId: variant.product_id,
        sku: variant.sku,
        name: localized(variant.name, request.locale),
        optionValues: variant.option_values,
        quantity: line.quantity,
        unitPriceMinor: price.unitPriceMinor,
        regularPriceMinor: price.regularPriceMinor,
        lowestPrice30dMinor: lowestPrice30d(history.get(`${variant.id}:${request.currency}`) ?? [], at, single),
        vatRateBp: vat.get(variant.vat_class) ?? 0,
        weightGrams: variant.weight_grams,
        bulky: variant.bulky,
        categoryIds: categories.get(variant.product_id) ?? [],
      };
    });
  }

  /** Throws 422 `commerce.unsold_currency` (path `currency`) unless the shop sells in this currency now. */
  async assertSold(db: Db, currency: string): Promise<void> {
    const row = await priceRepository.currency(catalogDb(db), currency);
    if (!row?.active)
      throw unprocessable('unsold_currency', `The shop does not sell in ${currency}`, [
        { path: 'currency', message: `is not one of the shop's currencies` },
      ]);
  }

  /** Some SKUs the shop sells in the currency (published, active, priced): what demo orders are made of. */
  async pricedSkus(db: Db, currency: string, limit: number): Promise<string[]> {
    return productRepository.pricedSkus(catalogDb(db), currency, limit);
  }

  /** The currencies the shop sells in now, in display order. */
  async soldCurrencies(db: Db): Promise<string[]> {
    return (await priceRepository.currencies(catalogDb(db))).filter((row) => row.active).map((row) => row.code);
  }

  /**
   * What these variants cost a consumer at `at` (default now), quantity 1, per currency (all when `currency` is null),
   * with the 30-day lowest price and volume tiers: for the search documents, the product page and admin. Variants
   * without a price in a currency have no entry for it.
   */
  async currentPrices(db: Db, variantIds: string[], currency: string | null, at = new Date()): Promise<VariantPrice[]> {
    const catalog = catalogDb(db);
    const grouped = byVariantCurrency(await priceRepository.applicable(catalog, variantIds, currency, at));
    const reduced = [...grouped].filter(([, rows]) => {
      const price = consumerPrice(rows, 1);
      return price && price.unitPriceMinor < price.regularPriceMinor;
    });
    const history = await priceRepository.history(
      catalog,
      [...new Set(reduced.map(([key]) => key.split(':')[0] as string))],
      currency,
      at,
    );
    const result: VariantPrice[] = [];
    for (const [key, rows] of grouped) {
      const price = consumerPrice(rows, 1);
      if (!price) continue;
      const [variantId, code] = key.split(':') as [string, string];
      result.push({
        variantId,
        currency: code,
        unitPriceMinor: price.unitPriceMinor,
        regularPriceMinor: price.regularPriceMinor,
        lowestPrice30dMinor: lowestPrice30d(history.get(key) ?? [], at, price),
        tiers: volumeTiers(rows),
      });
    }
    return result;
  }

  /** The VAT rate of each VAT class on the shop's day of `at`, in basis points. */
  async vatRates(db: Db, at = new Date()): Promise<Map<string, number>> {
    return priceRepository.vatRatesOn(catalogDb(db), stockholmDay(at));
  }
}

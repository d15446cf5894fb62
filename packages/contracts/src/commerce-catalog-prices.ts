// The shop's catalog API, its money and stock: currencies, VAT, price lists, prices, low stock (docs/commerce.md).
import { z } from 'zod';
import { catalogCurrencyCode, catalogVatClasses } from './commerce-catalog.js';

const minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

// Currencies, VAT, price lists, prices

export const catalogCurrency = z.object({
  code: z.string(),
  exponent: z.number().int(),
  active: z.boolean(),
  position: z.number().int(),
});
export const catalogCurrencyInput = z.strictObject({
  exponent: z.number().int().min(0).max(3).default(2),
  active: z.boolean().default(true),
  position: z.number().int().min(0).max(1000).default(0),
});
export const catalogCurrencyList = z.object({ currencies: z.array(catalogCurrency) });
export const catalogVatRate = z.object({
  vatClass: z.enum(catalogVatClasses),
  rateBp: z.number().int(),
  validFrom: z.iso.date(),
  validTo: z.iso.date().nullable(),
});
export const catalogVatRateList = z.object({ rates: z.array(catalogVatRate) });

export const catalogPriceListKinds = ['retail', 'sale', 'b2b'] as const;
export const catalogPriceList = z.object({
  id: z.uuid(),
  code: z.string(),
  kind: z.enum(catalogPriceListKinds),
  name: z.string(),
  includesVat: z.boolean(),
  startsAt: z.iso.datetime().nullable(),
  endsAt: z.iso.datetime().nullable(),
  priority: z.number().int(),
  active: z.boolean(),
  /** Running now: active and inside its window. */
  running: z.boolean(),
  priceCount: z.number().int(),
});
export type CatalogPriceList = z.infer<typeof catalogPriceList>;
/** Only sale lists (campaigns) are created here; b2b lists come with the B2B issue. */
export const catalogSaleListInput = z.strictObject({
  code: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/),
  name: z.string().trim().min(1).max(120),
  startsAt: z.iso.datetime({ offset: true }).nullable().default(null),
  endsAt: z.iso.datetime({ offset: true }).nullable().default(null),
  priority: z.number().int().min(-1000).max(1000).default(0),
  active: z.boolean().default(true),
});
export const catalogPriceListPatch = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  startsAt: z.iso.datetime({ offset: true }).nullable().optional(),
  endsAt: z.iso.datetime({ offset: true }).nullable().optional(),
  priority: z.number().int().min(-1000).max(1000).optional(),
  active: z.boolean().optional(),
});
export const catalogPriceListList = z.object({ priceLists: z.array(catalogPriceList) });

export const catalogPriceTier = z.strictObject({
  amountMinor: minor,
  minQuantity: z.number().int().min(1).max(1_000_000).default(1),
  validFrom: z.iso.datetime({ offset: true }).nullable().default(null),
  validTo: z.iso.datetime({ offset: true }).nullable().default(null),
});
/** Replaces the prices of one catalogVariant in one list and catalogCurrency (an empty list removes them). */
export const catalogPriceSetInput = z.strictObject({
  variantId: z.uuid(),
  currency: catalogCurrencyCode,
  prices: z.array(catalogPriceTier).max(50),
});
export const catalogPriceRow = z.object({
  id: z.uuid(),
  priceListId: z.uuid(),
  priceListCode: z.string(),
  variantId: z.uuid(),
  currency: z.string(),
  amountMinor: z.number().int(),
  minQuantity: z.number().int(),
  validFrom: z.iso.datetime().nullable(),
  validTo: z.iso.datetime().nullable(),
});
export const catalogPriceRowList = z.object({ prices: z.array(catalogPriceRow) });
/** A price of one list with the variant and product it is for: the rows of a price list's page. */
export const catalogListPrice = catalogPriceRow.extend({
  sku: z.string(),
  productId: z.uuid(),
  productName: z.record(z.string(), z.string()),
});
export const catalogListPrices = z.object({ prices: z.array(catalogListPrice) });
export const catalogPriceHistoryRow = z.object({
  currency: z.string(),
  amountMinor: z.number().int(),
  regularMinor: z.number().int().nullable(),
  effectiveFrom: z.iso.datetime(),
});
export const catalogVariantPrices = z.object({
  prices: z.array(catalogPriceRow),
  /** What a consumer pays now, per catalogCurrency sold (quantity 1). */
  current: z.array(
    z.object({
      currency: z.string(),
      unitPriceMinor: z.number().int(),
      regularPriceMinor: z.number().int(),
      lowestPrice30dMinor: z.number().int().nullable(),
    }),
  ),
  history: z.array(catalogPriceHistoryRow),
});

// Stock

export const catalogLowStockRow = z.object({
  variantId: z.uuid(),
  productId: z.uuid(),
  sku: z.string(),
  productName: z.record(z.string(), z.string()),
  onHand: z.number().int(),
  lowStockThreshold: z.number().int(),
  backorder: z.boolean(),
  alertedAt: z.iso.datetime().nullable(),
});
export const catalogLowStockList = z.object({ items: z.array(catalogLowStockRow) });

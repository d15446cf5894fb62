// The shop's public read API of the catalog (docs/commerce.md): what every visitor browses.
import { z } from 'zod';
import {
  catalogAttributeTypes,
  catalogAttributeValue,
  catalogAvailabilities,
  catalogCurrencyCode,
  catalogFitmentInput,
  catalogLocale,
} from './commerce-catalog.js';

export const shopCatalogLocaleQuery = z.strictObject({ locale: catalogLocale.optional() });
export const shopCatalogProductQuery = z.strictObject({
  locale: catalogLocale.optional(),
  currency: catalogCurrencyCode.default('SEK'),
});
export interface ShopCatalogCategoryNode {
  id: string;
  slug: string;
  name: string;
  description: string;
  seoTitle: string;
  seoDescription: string;
  children: ShopCatalogCategoryNode[];
}
export const shopCatalogCategory: z.ZodType<ShopCatalogCategoryNode> = z.lazy(() =>
  z.object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    seoTitle: z.string(),
    seoDescription: z.string(),
    children: z.array(shopCatalogCategory),
  }),
);
export const shopCatalogCategoryTree = z.object({ locale: z.string(), categories: z.array(shopCatalogCategory) });

export const shopCatalogPrice = z.object({
  currency: z.string(),
  unitPriceMinor: z.number().int(),
  regularPriceMinor: z.number().int(),
  lowestPrice30dMinor: z.number().int().nullable(),
  vatRateBp: z.number().int(),
  /** Volume tiers beyond the first: from this quantity the unit price is … */
  tiers: z.array(z.object({ minQuantity: z.number().int(), unitPriceMinor: z.number().int() })),
});
export const shopCatalogVariant = z.object({
  id: z.uuid(),
  sku: z.string(),
  ean: z.string().nullable(),
  optionValues: z.record(z.string(), z.string()),
  attributes: z.record(z.string(), catalogAttributeValue),
  weightGrams: z.number().int(),
  availability: z.enum(catalogAvailabilities),
  /** Null when the catalogVariant has no price in the catalogCurrency asked for (it cannot be bought in it). */
  price: shopCatalogPrice.nullable(),
  fitments: z.array(catalogFitmentInput),
});
export const shopCatalogProduct = z.object({
  id: z.uuid(),
  slug: z.string(),
  locale: z.string(),
  currency: z.string(),
  name: z.string(),
  description: z.string(),
  seoTitle: z.string(),
  seoDescription: z.string(),
  brand: z.object({ slug: z.string(), name: z.string() }).nullable(),
  categories: z.array(z.object({ id: z.uuid(), slug: z.string(), name: z.string() })),
  bulky: z.boolean(),
  attributes: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      type: z.enum(catalogAttributeTypes),
      unit: z.string().nullable(),
      value: catalogAttributeValue,
      /** The enum option's label in the locale; the value itself otherwise. */
      label: z.string(),
    }),
  ),
  options: z.array(z.object({ key: z.string(), name: z.string(), values: z.array(z.string()) })),
  variants: z.array(shopCatalogVariant),
  media: z.array(z.object({ id: z.uuid(), url: z.string(), width: z.number(), height: z.number(), alt: z.string() })),
  updatedAt: z.iso.datetime(),
});
export type ShopCatalogProduct = z.infer<typeof shopCatalogProduct>;
/** The body of the 301 an old slug answers with: the Location header's URL, and the slug it names now. */
export const shopCatalogRedirect = z.object({ slug: z.string(), location: z.string() });

import type { Platform } from '../platform/platform.js';
import { createCatalogPart } from './catalog/catalog-part.js';
import { createCheckoutPart } from './checkout/checkout-part.js';
import { createOrdersPart } from './orders/orders-part.js';
import { createSearchPart } from './search/search-part.js';
import { createStorefrontPart } from './storefront/storefront-part.js';

/** Builds every part of the shop once; each part receives exactly the parts it calls. */
export function createCommerceParts(platform: Platform) {
  const search = createSearchPart(platform);
  const catalog = createCatalogPart(platform, search.index);
  const orders = createOrdersPart(platform, catalog);
  const checkout = createCheckoutPart(platform, catalog, orders);
  const storefront = createStorefrontPart(platform, catalog, search, checkout.cartCount);
  return { search, catalog, orders, checkout, storefront };
}
export type CommerceParts = ReturnType<typeof createCommerceParts>;

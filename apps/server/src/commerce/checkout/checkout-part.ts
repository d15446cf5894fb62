import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/platform.js';
import type { CatalogPart } from '../catalog/catalog-part.js';
import type { OrdersPart } from '../orders/orders-part.js';
import { discountAdminRoutes, shippingAdminRoutes } from './admin-routes.js';
import { CartPricer } from './cart-pricing.js';
import { cartRepository } from './cart-repository.js';
import { cartOwner, cartRoutes, GUEST_CART_DAYS } from './cart-routes.js';
import { CartService } from './cart-service.js';
import { checkoutRoutes } from './checkout-routes.js';
import { CheckoutService } from './checkout-service.js';
import { DiscountService } from './discount-service.js';
import { idempotency } from './idempotency.js';
import { seedCheckoutDemo } from './seed-demo.js';
import { ShippingService } from './shipping-service.js';
import type { CheckoutDb } from './tables.js';

export const CART_EXPIRY_JOB = 'commerce.cart_expiry';
export const IDEMPOTENCY_PRUNE_JOB = 'commerce.idempotency_prune';
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Carts, shipping rates, discounts and campaigns, and checkout itself. */
export function createCheckoutPart(platform: Platform, catalog: CatalogPart, orders: OrdersPart) {
  const discounts = new DiscountService(platform, catalog);
  const shipping = new ShippingService(platform, catalog.pricing);
  const carts = new CartService(platform, new CartPricer(catalog, discounts), catalog.pricing, discounts);
  const checkout = new CheckoutService(platform, carts, shipping, catalog.stock, orders.orders, orders.payments);

  // Guest carts untouched for 30 days go (a customer's cart stays with their account); expired keys go.
  platform.jobs.every(CART_EXPIRY_JOB, HOUR_MS, async ({ db, logger }) => {
    const deleted = await cartRepository.deleteGuestCartsBefore(
      db as CheckoutDb,
      new Date(Date.now() - GUEST_CART_DAYS * DAY_MS),
    );
    if (deleted > 0) logger.info({ deleted }, 'deleted guest carts untouched for 30 days');
  });
  platform.jobs.every(IDEMPOTENCY_PRUNE_JOB, HOUR_MS, async ({ db }) => {
    await idempotency.prune(db as CheckoutDb);
  });

  const options = {
    perMinute: platform.config.commerceRateLimitPerMinute,
    secureCookies: platform.config.publicUrl?.startsWith('https:') ?? false,
  };
  return {
    carts,
    shipping,
    discounts,
    checkout,
    /** How many units the requesting visitor's cart holds (their cookie or session): the storefront's header. */
    cartCount: (request: FastifyRequest) => carts.itemCount(cartOwner(request)),
    async register(app: FastifyInstance) {
      await app.register(cartRoutes, { carts, ...options });
      await app.register(checkoutRoutes, { checkout, shipping, ...options });
      await app.register(shippingAdminRoutes, { shipping });
      await app.register(discountAdminRoutes, { discounts });
    },
    seedDemo: () => seedCheckoutDemo(platform, catalog),
  };
}
export type CheckoutPart = ReturnType<typeof createCheckoutPart>;

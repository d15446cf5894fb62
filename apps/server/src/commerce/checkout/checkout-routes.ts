import {
  checkoutInput,
  checkoutResult,
  shippingCountries,
  shippingOptions,
  shippingOptionsQuery,
} from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applyCookie, cartOwner, shopTags } from './cart-routes.js';
import type { CheckoutService } from './checkout-service.js';
import { refusePriceFields } from './price-fields.js';
import type { ShippingService } from './shipping-service.js';

export interface CheckoutRouteOptions {
  checkout: CheckoutService;
  shipping: ShippingService;
  perMinute: number;
  secureCookies: boolean;
}

const checkoutHeaders = z.object({
  /** Stripe's rules (idempotency.ts): ≤ 255 visible ASCII characters, one per checkout attempt. */
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, 'expected visible ASCII characters, such as a UUID')
    .optional(),
});

/** Shipping options and checkout itself, public like the cart (guest checkout). */
export const checkoutRoutes: FastifyPluginAsyncZod<CheckoutRouteOptions> = async (
  app,
  { checkout, shipping, perMinute, secureCookies },
) => {
  app.get(
    '/api/shop/shipping-countries',
    {
      config: {
        access: { public: 'the address forms of guest checkout offer the countries the shop delivers to' },
        rateLimit: { max: perMinute * 10, timeWindow: '1 minute' },
      },
      schema: {
        tags: shopTags,
        summary: 'The countries the shop delivers to: those of shipping zones with an active method',
        response: { 200: shippingCountries },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { countries: await shipping.countries(request.ctx) };
    },
  );
  app.get(
    '/api/shop/shipping-options',
    {
      config: {
        access: { public: 'guests choose shipping for their own cart; the rate tables are public prices' },
        rateLimit: { max: perMinute * 10, timeWindow: '1 minute' },
      },
      schema: {
        tags: shopTags,
        summary:
          "Shipping options and prices for the caller's cart to a country (bulky goods: scheduled delivery only)",
        querystring: shippingOptionsQuery,
        response: { 200: shippingOptions },
      },
    },
    async (request) => checkout.shippingOptions(request.ctx, cartOwner(request), request.query.country),
  );
  app.post(
    '/api/shop/checkout',
    {
      config: {
        access: {
          public:
            'guest checkout needs no account; it only turns the caller’s own cart (cookie or session) into an order',
        },
        rateLimit: { max: perMinute, timeWindow: '1 minute' },
      },
      preValidation: refusePriceFields,
      schema: {
        tags: shopTags,
        summary: 'Places an order from the cart, priced by the server, and starts its payment; honours Idempotency-Key',
        headers: checkoutHeaders,
        body: checkoutInput,
        response: { 201: checkoutResult },
      },
    },
    async (request, reply) => {
      const answer = await checkout.checkout(
        request.ctx,
        cartOwner(request),
        request.body,
        request.headers['idempotency-key'],
      );
      applyCookie(reply, request, answer.cookie, secureCookies);
      return reply.code(201).send(answer.result);
    },
  );
};

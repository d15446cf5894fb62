import {
  cartCurrencyInput,
  cartDiscountCodeInput,
  cartLineInput,
  cartLineParams,
  cartLineUpdate,
  type ShopCart,
  shopCart,
} from '@kontor/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CartAnswer, CartOwner, CartService, CookieChange } from './cart-service.js';
import { isCartToken } from './cart-service.js';
import { refusePriceFields } from './price-fields.js';

export const CART_COOKIE = 'kontor_cart';
/** A guest cart lives 30 days after its last change (the expiry job deletes it then), and so does its cookie. */
export const GUEST_CART_DAYS = 30;
export const shopTags = ['shop'];

export interface ShopRouteOptions {
  carts: CartService;
  /** Public writes per client address and minute (commerceRateLimitPerMinute); reads get ten times as many. */
  perMinute: number;
  /** Mark the cookie Secure: the node is served over https (publicUrl). */
  secureCookies: boolean;
}

/** Whose cart a request is: the signed-in customer's (session or API token), and the guest cookie's. */
export function cartOwner(request: FastifyRequest): CartOwner {
  const actor = request.ctx.actor;
  const raw = request.cookies[CART_COOKIE];
  return {
    userId: actor && actor.via !== 'system' ? actor.userId : null,
    token: isCartToken(raw) ? raw : null,
  };
}

/** The guest cart cookie: httpOnly, SameSite=Lax (a link from a newsletter still opens the cart), Secure on https. */
export function applyCookie(reply: FastifyReply, request: FastifyRequest, change: CookieChange, secure: boolean) {
  if (!change) return;
  if ('clear' in change) {
    reply.clearCookie(CART_COOKIE, { path: '/' });
    return;
  }
  reply.setCookie(CART_COOKIE, change.set, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secure || request.protocol === 'https',
    maxAge: GUEST_CART_DAYS * 86_400,
  });
}

/**
 * The cart, public: a guest has no account and a customer's cart must work before they sign in. A cart is reached
 * only through its owner's credentials (the signed-in session, or the guest cookie's random token), so one caller
 * can never read or change another's. Cross-site requests carry neither credential: the session cookie is
 * SameSite=Strict and the cart cookie SameSite=Lax, which leaves it off cross-site POST, PATCH, PUT and DELETE.
 */
export const cartRoutes: FastifyPluginAsyncZod<ShopRouteOptions> = async (app, { carts, perMinute, secureCookies }) => {
  const why = 'guests shop without an account; a cart is reached only through its own cookie or session';
  const read = { access: { public: why }, rateLimit: { max: perMinute * 10, timeWindow: '1 minute' } };
  const write = { access: { public: why }, rateLimit: { max: perMinute, timeWindow: '1 minute' } };
  /** Every cart route answers the whole cart, priced by the server. */
  const schema = <Extra extends object>(summary: string, extra = {} as Extra) => ({
    tags: shopTags,
    summary,
    response: { 200: shopCart },
    ...extra,
  });
  /** Runs a request on the caller's cart, then sets or clears the guest cookie as the answer says. */
  const answer = async (
    request: FastifyRequest,
    reply: FastifyReply,
    run: (owner: CartOwner) => Promise<CartAnswer>,
  ): Promise<ShopCart> => {
    const { cart, cookie } = await run(cartOwner(request));
    applyCookie(reply, request, cookie, secureCookies);
    return cart;
  };

  app.get(
    '/api/shop/cart',
    {
      config: read,
      schema: schema("The caller's cart, priced by the server (a guest cart merges into a signed-in customer's)"),
    },
    (request, reply) => answer(request, reply, (owner) => carts.get(request.ctx, owner)),
  );
  app.post(
    '/api/shop/cart/lines',
    {
      config: write,
      preValidation: refusePriceFields,
      schema: schema(
        'Adds units of a SKU (1–999; added to what the cart holds); 422 for an unknown or unpublished SKU',
        { body: cartLineInput },
      ),
    },
    (request, reply) =>
      answer(request, reply, (owner) => carts.addLine(request.ctx, owner, request.body.sku, request.body.quantity)),
  );
  app.patch(
    '/api/shop/cart/lines/:sku',
    {
      config: write,
      preValidation: refusePriceFields,
      schema: schema('Sets the quantity of a line (1–999); DELETE removes it', {
        params: cartLineParams,
        body: cartLineUpdate,
      }),
    },
    (request, reply) =>
      answer(request, reply, (owner) => carts.setLine(request.ctx, owner, request.params.sku, request.body.quantity)),
  );
  app.delete(
    '/api/shop/cart/lines/:sku',
    { config: write, schema: schema('Removes a line', { params: cartLineParams }) },
    (request, reply) => answer(request, reply, (owner) => carts.removeLine(request.ctx, owner, request.params.sku)),
  );
  app.delete(
    '/api/shop/cart',
    { config: write, schema: schema('Empties the cart: its lines and its code') },
    (request, reply) => answer(request, reply, (owner) => carts.empty(request.ctx, owner)),
  );
  app.put(
    '/api/shop/cart/currency',
    {
      config: write,
      schema: schema('Switches the currency; 422 commerce.unsold_currency for one the shop does not sell in', {
        body: cartCurrencyInput,
      }),
    },
    (request, reply) => answer(request, reply, (owner) => carts.setCurrency(request.ctx, owner, request.body.currency)),
  );
  app.put(
    '/api/shop/cart/discount-code',
    {
      config: write,
      schema: schema('Puts a discount code in the cart (one per order; letter case does not count)', {
        body: cartDiscountCodeInput,
      }),
    },
    (request, reply) => answer(request, reply, (owner) => carts.applyCode(request.ctx, owner, request.body.code)),
  );
  app.delete(
    '/api/shop/cart/discount-code',
    { config: write, schema: schema('Takes the discount code out of the cart') },
    (request, reply) => answer(request, reply, (owner) => carts.removeCode(request.ctx, owner)),
  );
};

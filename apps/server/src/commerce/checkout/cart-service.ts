import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ShopCart } from '@kontor/contracts';
import type { RequestContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { Platform } from '../../platform/platform.js';
import type { PricingService } from '../catalog/pricing-service.js';
import { unprocessable } from '../errors.js';
import { type CartPricer, type PricedCart, toShopCart } from './cart-pricing.js';
import { type CartLineRow, type CartRow, cartRepository } from './cart-repository.js';
import type { DiscountService } from './discount-service.js';
import type { CheckoutDb } from './tables.js';

/** Who a cart request is for: a signed-in customer, a guest with a cart cookie, or both (then the carts merge). */
export interface CartOwner {
  userId: string | null;
  /** The guest cart cookie's token, when the request carried a well-formed one. */
  token: string | null;
}

/** What the answer does to the guest cart cookie: (re)set it with this token, clear it, or leave it. */
export type CookieChange = { set: string } | { clear: true } | null;

export interface CartAnswer {
  cart: ShopCart;
  cookie: CookieChange;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
export const isCartToken = (value: unknown): value is string => typeof value === 'string' && TOKEN.test(value);
/** The cookie's token is kept as its SHA-256 only: a copy of the database opens no one's cart. */
export const cartTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

const MAX_QUANTITY = 999;

/** The caller's cart and its changes. Every answer is the whole cart, priced by the server. */
export class CartService {
  constructor(
    private readonly platform: Platform,
    private readonly pricer: CartPricer,
    private readonly pricing: PricingService,
    private readonly discounts: DiscountService,
  ) {}

  /** The shop's language for a request: the caller's when the catalog is written in it, else the shop's default. */
  shopLocale(ctx: RequestContext): string {
    const locales = this.platform.config.commerceLocales;
    return locales.includes(ctx.locale) ? ctx.locale : (locales[0] ?? 'sv');
  }

  async get(ctx: RequestContext, owner: CartOwner): Promise<CartAnswer> {
    // A signed-in customer arriving with a guest cart: merge it now, so the first look shows one cart.
    if (owner.userId && owner.token) return this.#write(ctx, owner, { create: false }, async () => undefined);
    const db = this.platform.db as CheckoutDb;
    return { cart: await this.#answer(db, ctx, await this.current(db, owner)), cookie: null };
  }

  /** The caller's cart as it is, for reading: the customer's when signed in, else the guest cookie's. */
  async current(db: CheckoutDb, owner: CartOwner): Promise<CartRow | null> {
    if (owner.userId) return (await cartRepository.byUser(db, owner.userId)) ?? null;
    if (owner.token) return (await cartRepository.byTokenHash(db, cartTokenHash(owner.token))) ?? null;
    return null;
  }

  /**
   * How many units the caller's cart holds (with a guest cart a signed-in customer brought along, as they will merge):
   * the shop's header shows it on every page. A visitor with neither a session nor a cart cookie (a crawler) costs
   * no query.
   */
  async itemCount(owner: CartOwner): Promise<number> {
    return cartRepository.itemCount(this.platform.db as CheckoutDb, {
      userId: owner.userId,
      tokenHash: owner.token ? cartTokenHash(owner.token) : null,
    });
  }

  async addLine(ctx: RequestContext, owner: CartOwner, sku: string, quantity: number): Promise<CartAnswer> {
    return this.#write(ctx, owner, { create: true }, async (db, cart) => {
      const sold = await this.pricing.soldCurrencies(db);
      // A cart left in a currency the shop stopped selling in moves to the default one.
      const currency = sold.includes(cart.currency) ? cart.currency : (sold[0] ?? cart.currency);
      if (currency !== cart.currency) await cartRepository.update(db, cart.id, { currency });
      const known = await this.#sellable(db, ctx, currency, sku);
      const lines = await cartRepository.lines(db, cart.id);
      const existing = lines.find((line) => line.sku === known)?.quantity ?? 0;
      if (existing + quantity > MAX_QUANTITY)
        throw unprocessable('quantity_too_large', `At most ${MAX_QUANTITY} of one SKU; the cart holds ${existing}`, [
          {
            path: 'body.quantity',
            message: `at most ${MAX_QUANTITY - existing} more`,
            maximum: MAX_QUANTITY - existing,
          },
        ]);
      await cartRepository.setLine(db, cart.id, known, existing + quantity);
    });
  }

  async setLine(ctx: RequestContext, owner: CartOwner, sku: string, quantity: number): Promise<CartAnswer> {
    return this.#write(ctx, owner, { create: false }, async (db, cart) => {
      const line = await this.#line(db, cart, sku);
      await cartRepository.setLine(db, cart.id, line.sku, quantity);
    });
  }

  async removeLine(ctx: RequestContext, owner: CartOwner, sku: string): Promise<CartAnswer> {
    return this.#write(ctx, owner, { create: false }, async (db, cart) => {
      const line = await this.#line(db, cart, sku);
      await cartRepository.deleteLine(db, cart.id, line.sku);
    });
  }

  async empty(ctx: RequestContext, owner: CartOwner): Promise<CartAnswer> {
    return this.#write(ctx, owner, { create: false }, async (db, cart) => {
      await cartRepository.empty(db, cart.id);
    });
  }

  async setCurrency(ctx: RequestContext, owner: CartOwner, currency: string): Promise<CartAnswer> {
    return this.#write(ctx, owner, { create: true }, async (db, cart) => {
      const sold = await this.pricing.soldCurrencies(db);
      if (!sold.includes(currency))
        throw unprocessable('unsold_currency', `The shop does not sell in ${currency}`, [
          { path: 'body.currency', message: `not one of ${sold.join(', ')}` },
        ]);
      await cartRepository.update(db, cart.id, { currency });
    });
  }

  /** Puts a code in the cart; one per order, so it replaces any other. A code below its minimum stays, unapplied. */
  async applyCode(ctx: RequestContext, owner: CartOwner, text: string): Promise<CartAnswer> {
    return this.#write(ctx, owner, { create: true }, async (db, cart) => {
      const found = await this.discounts.offer(db, text, new Date());
      if ('unusable' in found) {
        const problems = {
          unknown: ['unknown_discount_code', 'No such discount code'],
          expired: ['discount_code_expired', 'The discount code is not valid now'],
          used_up: ['discount_code_used_up', 'The discount code has been used as many times as it may'],
        } as const;
        const [code, message] = problems[found.unusable];
        throw unprocessable(code, message, [{ path: 'body.code', message }]);
      }
      await cartRepository.update(db, cart.id, { discount_code: found.offer.code });
    });
  }

  async removeCode(ctx: RequestContext, owner: CartOwner): Promise<CartAnswer> {
    return this.#write(ctx, owner, { create: false }, async (db, cart) => {
      await cartRepository.update(db, cart.id, { discount_code: null });
    });
  }

  /**
   * The caller's cart inside `db`'s transaction, locked, merging a guest cart into a signed-in customer's (quantities
   * add up; the customer's own code wins). `create` makes a cart when there is none.
   */
  async open(
    db: CheckoutDb,
    owner: CartOwner,
    create: boolean,
  ): Promise<{ cart: CartRow | null; cookie: CookieChange }> {
    if (owner.userId) {
      let cart = await cartRepository.byUser(db, owner.userId, true);
      let cookie: CookieChange = null;
      if (owner.token) {
        cookie = { clear: true };
        const guest = await cartRepository.byTokenHash(db, cartTokenHash(owner.token), true);
        if (guest && cart) {
          await cartRepository.mergeInto(db, guest.id, cart.id);
          if (!cart.discount_code && guest.discount_code) {
            await cartRepository.update(db, cart.id, { discount_code: guest.discount_code });
            cart = { ...cart, discount_code: guest.discount_code };
          }
        } else if (guest) {
          await cartRepository.adopt(db, guest.id, owner.userId);
          cart = { ...guest, user_id: owner.userId, token_hash: null };
        }
      }
      if (!cart && create)
        cart = await cartRepository.ensureForUser(db, randomUUID(), owner.userId, await this.#defaultCurrency(db));
      return { cart: cart ?? null, cookie };
    }
    if (owner.token) {
      const cart = await cartRepository.byTokenHash(db, cartTokenHash(owner.token), true);
      // Every write renews the cookie's lifetime, as the expiry job counts from the last change.
      if (cart) return { cart, cookie: { set: owner.token } };
    }
    if (!create) return { cart: null, cookie: null };
    const token = newToken();
    const cart = await cartRepository.createGuest(
      db,
      randomUUID(),
      cartTokenHash(token),
      await this.#defaultCurrency(db),
    );
    return { cart, cookie: { set: token } };
  }

  /** Prices the cart's lines in its currency (the shop's default when it stopped selling in that one). */
  async priceCart(
    db: CheckoutDb,
    ctx: RequestContext,
    cart: CartRow | null,
    lines?: CartLineRow[],
  ): Promise<PricedCart> {
    const currencies = await this.pricing.soldCurrencies(db);
    const currency = cart && currencies.includes(cart.currency) ? cart.currency : (currencies[0] ?? 'SEK');
    return this.pricer.price(db, {
      currency,
      currencies,
      locale: this.shopLocale(ctx),
      lines: lines ?? (cart ? await cartRepository.lines(db, cart.id) : []),
      discountCode: cart?.discount_code ?? null,
      at: new Date(),
    });
  }

  async #write(
    ctx: RequestContext,
    owner: CartOwner,
    options: { create: boolean },
    change: (db: CheckoutDb, cart: CartRow) => Promise<void>,
  ): Promise<CartAnswer> {
    return this.platform.transaction(async (trx) => {
      const db = trx as CheckoutDb;
      const { cart, cookie } = await this.open(db, owner, options.create);
      if (cart) {
        await change(db, cart);
        await cartRepository.update(db, cart.id, {});
      } else if (options.create) {
        throw new Error('open() made no cart although asked to');
      }
      const fresh = cart ? ((await cartRepository.byId(db, cart.id)) ?? null) : null;
      return { cart: await this.#answer(db, ctx, fresh), cookie };
    });
  }

  async #answer(db: CheckoutDb, ctx: RequestContext, cart: CartRow | null): Promise<ShopCart> {
    return toShopCart(cart?.id ?? null, await this.priceCart(db, ctx, cart));
  }

  async #defaultCurrency(db: CheckoutDb): Promise<string> {
    return (await this.pricing.soldCurrencies(db))[0] ?? 'SEK';
  }

  /** The line of this SKU in the cart (letter case as the catalog writes it), or 404. */
  async #line(db: CheckoutDb, cart: CartRow | null, sku: string): Promise<CartLineRow> {
    if (!cart) throw notFound('The cart line');
    const lines = await cartRepository.lines(db, cart.id);
    const line =
      lines.find((candidate) => candidate.sku === sku) ??
      lines.find((candidate) => candidate.sku.toLowerCase() === sku.toLowerCase());
    if (!line) throw notFound('The cart line');
    return line;
  }

  /** The SKU as the catalog writes it, when it is published and priced in `currency`; else 422 naming body.sku. */
  async #sellable(db: CheckoutDb, ctx: RequestContext, currency: string, sku: string): Promise<string> {
    try {
      const [line] = await this.pricing.priceLines(db, {
        currency,
        locale: this.shopLocale(ctx),
        lines: [{ sku, quantity: 1 }],
      });
      if (!line)
        throw unprocessable('unknown_sku', `No product is sold as ${sku}`, [{ path: 'body.sku', message: 'unknown' }]);
      return line.sku;
    } catch (error) {
      if (error instanceof AppError && (error.code === 'commerce.unknown_sku' || error.code === 'commerce.no_price'))
        throw unprocessable(error.code.slice('commerce.'.length), error.message, [
          { path: 'body.sku', message: error.extra.errors?.[0]?.message ?? error.message },
        ]);
      throw error;
    }
  }
}

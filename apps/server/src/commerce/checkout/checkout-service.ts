import type { CheckoutResult, checkoutInput, ShippingOption, shippingOptions } from '@kontor/contracts';
import type { z } from 'zod';
import type { RequestContext } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import type { Db, Platform } from '../../platform/platform.js';
import type { StockService } from '../catalog/stock-service.js';
import { stateConflict, unprocessable } from '../errors.js';
import type { OrderDraft, OrderService, PostalAddress } from '../orders/order-service.js';
import type { PaymentsService } from '../payments/payments-service.js';
import type { PricedCart } from './cart-pricing.js';
import { cartRepository } from './cart-repository.js';
import { type CartOwner, type CartService, type CookieChange, cartTokenHash } from './cart-service.js';
import { discountRepository } from './discount-repository.js';
import { sumVatByRate } from './discount-rules.js';
import { idempotency, type PlacedOrder, replayError, requestHash } from './idempotency.js';
import type { ShippingService } from './shipping-service.js';
import type { CheckoutDb } from './tables.js';

type CheckoutInput = z.output<typeof checkoutInput>;
type ShippingOptions = z.infer<typeof shippingOptions>;

export interface CheckoutAnswer {
  result: CheckoutResult;
  cookie: CookieChange;
}

const cartEmpty = () =>
  unprocessable('cart_empty', 'The cart is empty: add something before checking out', [
    { path: 'cart.lines', message: 'is empty' },
  ]);

const address = (input: CheckoutInput['shippingAddress']): PostalAddress => ({
  name: input.name,
  company: input.company ?? null,
  line1: input.line1,
  line2: input.line2 ?? null,
  postalCode: input.postalCode,
  city: input.city,
  country: input.country,
  phone: input.phone ?? null,
});

/**
 * Checkout: the caller's cart becomes an order in one transaction (price again from the catalog, discounts, shipping,
 * stock, the order, the code's use, the cart emptied), then the payment is started. Nothing in the request is
 * believed about money: the server prices everything from the cart.
 */
export class CheckoutService {
  readonly #baseUrl: string;

  constructor(
    private readonly platform: Platform,
    private readonly carts: CartService,
    private readonly shipping: ShippingService,
    private readonly stock: StockService,
    private readonly orders: OrderService,
    private readonly payments: PaymentsService,
  ) {
    const { publicUrl, host, port } = platform.config;
    // Where the provider sends the customer back; the same base the orders part writes its links with.
    this.#baseUrl = (publicUrl ?? `http://${host}:${port}`).replace(/\/+$/, '');
  }

  /** The shipping options for the caller's cart (weight, bulky goods, currency) to a country. */
  async shippingOptions(ctx: RequestContext, owner: CartOwner, country: string): Promise<ShippingOptions> {
    const db = this.platform.db as CheckoutDb;
    const priced = await this.carts.priceCart(db, ctx, await this.carts.current(db, owner));
    const { zone, options } = await this.shipping.options(db, {
      country,
      currency: priced.currency,
      weightGrams: priced.totals.weightGrams,
      bulky: priced.totals.bulky,
      locale: this.carts.shopLocale(ctx),
      at: new Date(),
    });
    return {
      country,
      zone: zone?.code ?? null,
      currency: priced.currency,
      weightGrams: priced.totals.weightGrams,
      bulky: priced.totals.bulky,
      options,
    };
  }

  /** Checks out, honouring `Idempotency-Key` (idempotency.ts); a stored business error is thrown again as it was. */
  async checkout(
    ctx: RequestContext,
    owner: CartOwner,
    input: CheckoutInput,
    key: string | undefined,
  ): Promise<CheckoutAnswer> {
    const scope = owner.userId ? `user:${owner.userId}` : owner.token ? `cart:${cartTokenHash(owner.token)}` : null;
    // No account and no cart cookie: there is no cart, and nothing to remember a key for.
    if (!scope) throw cartEmpty();
    if (!key) return this.#run(ctx, owner, input, null, null);
    const db = this.platform.db as CheckoutDb;
    const claim = await idempotency.claim(
      db,
      scope,
      key,
      requestHash(input),
      this.platform.config.commerceIdempotencyHours,
    );
    if ('replay' in claim) {
      const error = replayError(claim.replay);
      if (error) throw error;
      return { result: (claim.replay as { body: CheckoutResult }).body, cookie: null };
    }
    let answer: CheckoutAnswer;
    try {
      answer = await this.#run(ctx, owner, input, { scope, key }, claim.run.resume);
    } catch (error) {
      // Thrown before any order was committed (payment failures are answers, not errors): keep a business error as
      // the key's answer; for anything else free the key, as nothing happened.
      if (error instanceof AppError && error.status < 500) {
        await idempotency.finish(db, scope, key, {
          status: error.status,
          error: { code: error.code, message: error.message, errors: error.extra.errors },
        });
      } else {
        await idempotency.release(db, scope, key);
      }
      throw error;
    }
    // Should this fail, the key stays claimed with its order: a retry after the stale lock resumes from the order.
    await idempotency.finish(db, scope, key, { status: 201, body: answer.result });
    return answer;
  }

  async #run(
    ctx: RequestContext,
    owner: CartOwner,
    input: CheckoutInput,
    claimed: { scope: string; key: string } | null,
    resume: PlacedOrder | null,
  ): Promise<CheckoutAnswer> {
    const placed = resume ? { order: resume, cookie: null } : await this.#place(ctx, owner, input, claimed);
    const payment = await this.#startPayment(ctx, placed.order, input.email);
    return { result: { order: placed.order, payment }, cookie: placed.cookie };
  }

  /** The one transaction: the order exists, with its stock taken and its cart emptied, or nothing happened. */
  async #place(
    ctx: RequestContext,
    owner: CartOwner,
    input: CheckoutInput,
    claimed: { scope: string; key: string } | null,
  ): Promise<{ order: PlacedOrder; cookie: CookieChange }> {
    return this.platform.transaction(async (trx) => {
      const db = trx as CheckoutDb;
      const { cart, cookie } = await this.carts.open(db, owner, false);
      const lines = cart ? await cartRepository.lines(db, cart.id) : [];
      if (!cart || lines.length === 0) throw cartEmpty();
      const priced = await this.carts.priceCart(db, ctx, cart, lines);
      this.#refuseUnsellable(priced, lines);
      const shipping = await this.#shipping(db, ctx, priced, input);
      if (priced.appliedCodeId && !(await discountRepository.countUse(db, priced.appliedCodeId)))
        throw stateConflict('discount_code_used_up', 'The discount code was used up a moment ago', [
          { path: 'cart.discountCode', message: 'used up' },
        ]);
      const taken = await this.#takeStock(trx, priced);
      const backordered = new Map(taken.map((entry) => [entry.variantId, entry.backordered]));
      const draft = this.#draft(priced, input, shipping, backordered, owner, ctx);
      const order = await this.orders.place(trx, ctx, draft);
      await cartRepository.empty(db, cart.id);
      const result: PlacedOrder = { ...order, currency: draft.currency, totalMinor: draft.totals.totalMinor };
      if (claimed) await idempotency.recordOrder(db, claimed.scope, claimed.key, result);
      return { order: result, cookie };
    });
  }

  /** Takes the stock; a shortage names the cart's lines (`cart.lines.<i>.quantity`), as the customer sees them. */
  async #takeStock(trx: Db, priced: PricedCart) {
    try {
      return await this.stock.take(
        trx,
        priced.lines.map((line) => ({ variantId: line.variantId, sku: line.sku, quantity: line.quantity })),
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'commerce.out_of_stock') throw error;
      throw new AppError(error.status, error.code, error.message, {
        ...error.extra,
        errors: error.extra.errors?.map((field) => ({ ...field, path: `cart.${field.path}` })),
      });
    }
  }

  /** Lines the shop no longer sells, or a code that does not take effect, stop the checkout: the customer decides. */
  #refuseUnsellable(priced: PricedCart, lines: Array<{ sku: string }>) {
    if (priced.unavailable.length > 0) {
      const noPrice = priced.unavailable.every((line) => line.reason === 'no_price');
      throw unprocessable(
        noPrice ? 'no_price' : 'unknown_sku',
        'Some items in the cart are no longer sold; remove them to check out',
        priced.unavailable.map((line) => ({
          path: `cart.lines.${lines.findIndex((candidate) => candidate.sku === line.sku)}.sku`,
          message:
            line.reason === 'no_price' ? `${line.sku} has no price in ${priced.currency}` : `${line.sku} is not sold`,
        })),
      );
    }
    if (priced.discountCode && !priced.discountCode.applied)
      throw unprocessable('discount_code_not_applicable', 'The discount code in the cart does not apply to it', [
        { path: 'cart.discountCode', message: priced.discountCode.reason ?? 'does not apply' },
      ]);
  }

  async #shipping(db: CheckoutDb, ctx: RequestContext, priced: PricedCart, input: CheckoutInput) {
    const country = input.shippingAddress.country;
    const { options } = await this.shipping.options(db, {
      country,
      currency: priced.currency,
      weightGrams: priced.totals.weightGrams,
      bulky: priced.totals.bulky,
      locale: this.carts.shopLocale(ctx),
      at: new Date(),
    });
    const option = options.find((candidate) => candidate.code === input.shippingMethod);
    if (!option)
      throw unprocessable('unknown_shipping_method', 'The shipping method cannot take this cart to that country', [
        {
          path: 'body.shippingMethod',
          message:
            options.length > 0
              ? `choose one of ${options.map((candidate) => candidate.code).join(', ')}`
              : `the shop has no delivery of this cart to ${country}`,
        },
      ]);
    return option;
  }

  #draft(
    priced: PricedCart,
    input: CheckoutInput,
    shipping: ShippingOption,
    backordered: Map<string, number>,
    owner: CartOwner,
    ctx: RequestContext,
  ): OrderDraft {
    const shippingVat = { rateBp: shipping.vatRateBp, grossMinor: shipping.amountMinor, vatMinor: shipping.vatMinor };
    const vatByRate = sumVatByRate([
      ...priced.lines.map((line) => ({ rateBp: line.vatRateBp, grossMinor: line.totalMinor, vatMinor: line.vatMinor })),
      shippingVat,
    ]);
    const shippingAddress = address(input.shippingAddress);
    return {
      customer: {
        userId: owner.userId,
        email: input.email,
        name: input.name,
        phone: input.phone ?? null,
        kind: input.customerKind,
        companyName: input.customerKind === 'company' ? (input.companyName ?? null) : null,
        orgNumber: input.customerKind === 'company' ? (input.orgNumber ?? null) : null,
      },
      currency: priced.currency,
      locale: this.carts.shopLocale(ctx),
      lines: priced.lines.map(({ lineTotalMinor: _, totalMinor: __, vatMinor: ___, availability: ____, ...line }) => ({
        ...line,
        backordered: backordered.get(line.variantId) ?? 0,
      })),
      shipping: {
        methodCode: shipping.code,
        name: shipping.name,
        amountMinor: shipping.amountMinor,
        vatRateBp: shipping.vatRateBp,
        scheduled: shipping.scheduled,
        address: shippingAddress,
      },
      billingAddress: input.billingAddress ? address(input.billingAddress) : shippingAddress,
      discountCode: priced.discountCode?.applied ? priced.discountCode.code : null,
      totals: {
        subtotalMinor: priced.totals.subtotalMinor,
        discountMinor: priced.totals.discountMinor,
        shippingMinor: shipping.amountMinor,
        totalMinor: priced.totals.totalMinor + shipping.amountMinor,
        vatMinor: vatByRate.reduce((sum, rate) => sum + rate.vatMinor, 0),
        vatByRate,
      },
    };
  }

  /** After commit: a provider that cannot be reached leaves the order `created`, payable again from its page. */
  async #startPayment(ctx: RequestContext, order: PlacedOrder, email: string): Promise<CheckoutResult['payment']> {
    const page = `${this.#baseUrl}/shop/orders/${order.id}?token=${encodeURIComponent(order.accessToken)}`;
    try {
      const started = await this.payments.start(ctx, {
        orderId: order.id,
        orderNumber: order.number,
        amountMinor: order.totalMinor,
        currency: order.currency,
        locale: this.carts.shopLocale(ctx),
        email,
        returnUrl: page,
        cancelUrl: `${page}&payment=cancelled`,
      });
      return { status: 'started', provider: started.provider, redirectUrl: started.redirectUrl, message: null };
    } catch (error) {
      this.platform.logger.warn({ err: error, orderId: order.id }, 'the payment of a new order could not be started');
      return {
        status: 'failed',
        provider: null,
        redirectUrl: null,
        message: 'The order is saved, but the payment could not be started. Try again from the order page.',
      };
    }
  }
}

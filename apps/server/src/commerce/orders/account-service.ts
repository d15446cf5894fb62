import { createHash, timingSafeEqual } from 'node:crypto';
import type { AccountOrder, ShopAddressInput, ShopSignupInput } from '@kontor/contracts';
import { createUserWithoutRoles } from '../../identity/index.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, notFound, unauthenticated } from '../../platform/http/errors.js';
import type { Platform } from '../../platform/platform.js';
import { stateConflict, unprocessable } from '../errors.js';
import type { PaymentsService } from '../payments/payments-service.js';
import type { CustomerService } from './customer-service.js';
import { type OrderParts, toAccountOrder, toCustomer, toOrderSummary } from './mappers.js';
import type { OrderAdminService } from './order-admin-service.js';
import type { OrderService } from './order-service.js';
import { displayNumber } from './order-states.js';
import { ordersRepository } from './orders-repository.js';
import type { OrdersDb } from './orders-tables.js';
import { receiptPdf } from './receipt-pdf.js';

/** Identity's username rule: a customer signs in with their e-mail address, so it must fit it. */
const USERNAME = /^[\p{L}\p{N}._@-]{2,64}$/u;

const sameToken = (given: string, stored: string) => {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(stored));
};

/**
 * A customer's own pages: their orders, receipts and saved addresses (signed in), a guest's one order by its link,
 * and signing up. Nobody reads an order that is not theirs: another's order answers 404, as an unknown one does.
 */
export class AccountService {
  readonly #db: OrdersDb;

  constructor(
    private readonly platform: Platform,
    private readonly customers: CustomerService,
    private readonly admin: OrderAdminService,
    private readonly orderService: OrderService,
    private readonly payments: PaymentsService,
  ) {
    this.#db = platform.db.withTables();
  }

  #user(ctx: RequestContext) {
    const actor = ctx.actor;
    if (!actor?.userId) throw unauthenticated();
    return { userId: actor.userId, username: actor.username, displayName: actor.displayName };
  }

  /** The signed-in user's customer record, made on first use (an account that never ordered has none yet). */
  async #customer(ctx: RequestContext) {
    const user = this.#user(ctx);
    const existing = await this.customers.findByUser(ctx, user.userId);
    if (existing) return existing;
    const email = user.username.includes('@') ? user.username : `${user.username}@invalid`;
    const row = await this.customers.ensureForUser(this.platform.db, {
      userId: user.userId,
      email,
      name: user.displayName,
      locale: ctx.actor?.locale ?? ctx.locale,
    });
    return toCustomer(row);
  }

  async me(ctx: RequestContext) {
    const user = this.#user(ctx);
    return { ...user, customer: (await this.customers.findByUser(ctx, user.userId)) ?? null };
  }

  async orders(ctx: RequestContext, page: { cursor?: number; limit: number }) {
    const { userId } = this.#user(ctx);
    const rows = await ordersRepository.list(this.#db, {
      userId,
      words: [],
      beforeNumber: page.cursor,
      limit: page.limit + 1,
    });
    const items = rows.slice(0, page.limit);
    return {
      items: items.map((row) => ({ ...toOrderSummary(row), reviewReason: null })),
      nextCursor: rows.length > page.limit ? (items.at(-1)?.number ?? null) : null,
    };
  }

  async #ownParts(ctx: RequestContext, id: string): Promise<OrderParts> {
    const { userId } = this.#user(ctx);
    const order = await ordersRepository.get(this.#db, id);
    if (!order || order.user_id !== userId) throw notFound(`Order ${id}`);
    return this.admin.parts(id);
  }

  async #guestParts(id: string, token: string): Promise<OrderParts> {
    const order = await ordersRepository.get(this.#db, id);
    if (!order || !sameToken(token, order.access_token)) throw notFound(`Order ${id}`);
    return this.admin.parts(id);
  }

  async order(ctx: RequestContext, id: string): Promise<AccountOrder> {
    return toAccountOrder(await this.#ownParts(ctx, id));
  }

  async guestOrder(_ctx: RequestContext, id: string, token: string): Promise<AccountOrder> {
    return toAccountOrder(await this.#guestParts(id, token));
  }

  /** Opens (or reopens) the payment of an unpaid order of the customer's: where to send them to pay. */
  async pay(ctx: RequestContext, id: string) {
    return this.#pay(ctx, await this.#ownParts(ctx, id));
  }

  async guestPay(ctx: RequestContext, id: string, token: string) {
    return this.#pay(ctx, await this.#guestParts(id, token));
  }

  async #pay(ctx: RequestContext, { order }: OrderParts) {
    const page = this.orderService.orderLink(order);
    return this.payments.start(ctx, {
      orderId: order.id,
      orderNumber: order.number,
      amountMinor: order.total_minor,
      currency: order.currency,
      locale: order.locale,
      email: order.email,
      returnUrl: page,
      cancelUrl: `${page}&payment=cancelled`,
    });
  }

  /** Back from the payment page: asks the provider now rather than waiting for its webhook, then shows the order. */
  async guestRefresh(ctx: RequestContext, id: string, token: string): Promise<AccountOrder> {
    await this.#guestParts(id, token);
    await this.payments.sync(ctx, id);
    return toAccountOrder(await this.admin.parts(id));
  }

  async receipt(ctx: RequestContext, id: string): Promise<{ filename: string; pdf: Buffer }> {
    return this.#receipt(await this.#ownParts(ctx, id));
  }

  async guestReceipt(_ctx: RequestContext, id: string, token: string): Promise<{ filename: string; pdf: Buffer }> {
    return this.#receipt(await this.#guestParts(id, token));
  }

  async #receipt(parts: OrderParts) {
    if (!parts.order.paid_at)
      throw stateConflict(
        'no_receipt_yet',
        `Order ${displayNumber(parts.order.number)} is not paid; its receipt exists once it is`,
      );
    return { filename: `kvitto-${displayNumber(parts.order.number)}.pdf`, pdf: await receiptPdf(parts) };
  }

  async addresses(ctx: RequestContext) {
    const customer = await this.customers.findByUser(ctx, this.#user(ctx).userId);
    return { items: customer ? await this.customers.addresses(ctx, customer.id) : [] };
  }

  async addAddress(ctx: RequestContext, input: ShopAddressInput) {
    const customer = await this.#customer(ctx);
    return this.customers.addAddress(ctx, customer.id, input);
  }

  async updateAddress(ctx: RequestContext, id: string, input: ShopAddressInput) {
    const customer = await this.customers.findByUser(ctx, this.#user(ctx).userId);
    if (!customer) throw notFound(`Address ${id}`);
    return this.customers.updateAddress(ctx, customer.id, id, input);
  }

  async deleteAddress(ctx: RequestContext, id: string) {
    const customer = await this.customers.findByUser(ctx, this.#user(ctx).userId);
    if (!customer) throw notFound(`Address ${id}`);
    await this.customers.deleteAddress(ctx, customer.id, id);
  }

  /**
   * A new customer account: a Kontor user with no roles, whose username is the e-mail address (lower case), and its
   * customer record, in one transaction. Audited as identity audits the users it creates.
   */
  async signUp(ctx: RequestContext, input: ShopSignupInput) {
    const email = input.email.trim().toLowerCase();
    if (!USERNAME.test(email))
      throw unprocessable('email_not_usable', 'This e-mail address cannot be used to sign in', [
        {
          path: 'body.email',
          message: 'letters, digits and . _ @ - only, at most 64 characters (it becomes the sign-in name)',
        },
      ]);
    try {
      return await this.platform.transaction(async (trx) => {
        const userId = await createUserWithoutRoles(trx, {
          username: email,
          displayName: input.name,
          email,
          password: input.password,
        });
        const customer = await this.customers.ensureForUser(trx, {
          userId,
          email,
          name: input.name,
          locale: input.locale ?? ctx.locale,
        });
        await this.platform.audit.record(trx, ctx, {
          action: 'user.create',
          entity: 'user',
          entityId: userId,
          after: { username: email, displayName: input.name, email, roles: [], via: 'shop sign-up' },
        });
        return { userId, username: email, customerId: customer.id };
      });
    } catch (error) {
      if (error instanceof AppError && error.code === 'identity.username_taken')
        throw stateConflict('account_exists', 'An account with this e-mail address exists; sign in instead', [
          { path: 'body.email', message: 'has an account' },
        ]);
      throw error;
    }
  }
}

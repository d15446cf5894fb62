import { randomUUID } from 'node:crypto';
import type { ShopOrderDetail, ShopOrderListQuery, ShopOrderRefundInput } from '@kontor/contracts';
import type { RequestContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { Platform } from '../../platform/platform.js';
import type { PaymentsService } from '../payments/payments-service.js';
import type { RefundService } from '../payments/refund-service.js';
import { type OrderParts, refundableOf, toOrderDetail, toOrderSummary } from './mappers.js';
import type { OrderService, StatusChange } from './order-service.js';
import { badTransition, canMove, parseDisplayNumber } from './order-states.js';
import { ordersRepository } from './orders-repository.js';
import type { OrdersDb, ShopOrderStatus } from './orders-tables.js';
import { dayRange } from './shop-days.js';
import { searchWords } from './text-search.js';

/**
 * What staff with `commerce.orders` do with orders: find them, read their history and payments, move them along
 * (ship with a tracking number, deliver, cancel, take back), and give money back. Every move and refund is audited.
 */
export class OrderAdminService {
  readonly #db: OrdersDb;

  constructor(
    private readonly platform: Platform,
    private readonly orders: OrderService,
    private readonly payments: PaymentsService,
    private readonly refunds: RefundService,
  ) {
    this.#db = platform.db.withTables();
  }

  async list(_ctx: RequestContext, query: ShopOrderListQuery) {
    if (query.from && query.to && query.from > query.to)
      throw new AppError(400, 'validation_failed', 'The period ends before it begins', {
        errors: [{ path: 'querystring.to', message: 'is before from' }],
      });
    const text = query.q?.trim() ?? '';
    const number = text ? parseDisplayNumber(text) : undefined;
    const rows = await ordersRepository.list(this.#db, {
      status: query.status,
      from: query.from ? dayRange(query.from, query.from).start : undefined,
      to: query.to ? dayRange(query.to, query.to).end : undefined,
      number,
      words: number === undefined ? searchWords(text) : [],
      needsReview: query.review === undefined ? undefined : query.review === 'true',
      beforeNumber: query.cursor,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    return {
      items: page.map(toOrderSummary),
      nextCursor: rows.length > query.limit ? (page.at(-1)?.number ?? null) : null,
    };
  }

  async parts(id: string): Promise<OrderParts> {
    const order = await ordersRepository.get(this.#db, id);
    if (!order) throw notFound(`Order ${id}`);
    const [lines, events, money] = await Promise.all([
      ordersRepository.lines(this.#db, id),
      ordersRepository.events(this.#db, id),
      this.payments.ofOrder(id),
    ]);
    return { order, lines, events, ...money };
  }

  async detail(_ctx: RequestContext, id: string): Promise<ShopOrderDetail> {
    return toOrderDetail(await this.parts(id));
  }

  ship(ctx: RequestContext, id: string, input: { trackingNumber: string; note?: string }) {
    return this.#move(ctx, id, 'shipped', { trackingNumber: input.trackingNumber, note: input.note ?? null });
  }

  deliver(ctx: RequestContext, id: string, note?: string) {
    return this.#move(ctx, id, 'delivered', { note: note ?? null });
  }

  /** Goods came back; the money goes back with a refund (full refund → refunded). */
  takeBack(ctx: RequestContext, id: string, note?: string) {
    return this.#move(ctx, id, 'returned', { note: note ?? null });
  }

  /**
   * Cancels an order. A paid one gets its money back first, through the provider: if that fails, the order stays
   * as it was. Stock comes back with the cancellation.
   */
  async cancel(ctx: RequestContext, id: string, note?: string): Promise<ShopOrderDetail> {
    const parts = await this.parts(id);
    if (!canMove(parts.order.status, 'cancelled'))
      throw badTransition(parts.order.number, parts.order.status, 'cancelled');
    if (refundableOf(parts.payments) > 0) {
      await this.refunds.refund(ctx, id, {
        requestKey: `cancel:${id}`,
        reason: note ? `Cancelled: ${note}` : 'Order cancelled',
        cancelling: true,
      });
    }
    return this.#move(ctx, id, 'cancelled', { note: note ?? null });
  }

  async refund(ctx: RequestContext, id: string, input: ShopOrderRefundInput, idempotencyKey: string | undefined) {
    return this.refunds.refund(ctx, id, {
      amountMinor: input.amountMinor,
      reason: input.reason ?? null,
      // Without a key each request is a refund of its own, as Stripe treats a request without one.
      requestKey: idempotencyKey ?? `request:${randomUUID()}`,
    });
  }

  async clearReview(ctx: RequestContext, id: string, note?: string): Promise<ShopOrderDetail> {
    await this.platform.transaction((trx) => this.orders.clearReview(trx, ctx, id, note ?? null));
    return this.detail(ctx, id);
  }

  async #move(ctx: RequestContext, id: string, to: ShopOrderStatus, change: StatusChange): Promise<ShopOrderDetail> {
    await this.platform.transaction((trx) => this.orders.move(trx, ctx, id, to, change));
    return this.detail(ctx, id);
  }
}

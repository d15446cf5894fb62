import { randomBytes, randomUUID } from 'node:crypto';
import type { RequestContext } from '../../platform/context.js';
import { notFound } from '../../platform/http/errors.js';
import type { Db, Platform } from '../../platform/platform.js';
import type { PricedLine } from '../catalog/pricing-service.js';
import type { StockService } from '../catalog/stock-service.js';
import { unprocessable } from '../errors.js';
import { vatOf } from '../money.js';
import { CustomerService } from './customer-service.js';
import { confirmationMail, type OrderForMail, shippedMail } from './order-mails.js';
import { badTransition, canMove, displayNumber, reachedAtColumn } from './order-states.js';
import { ordersRepository, type StoredOrder } from './orders-repository.js';
import type { OrdersDb, OrdersTables, ShopOrderStatus } from './orders-tables.js';

export interface PostalAddress {
  name: string;
  company?: string | null;
  line1: string;
  line2?: string | null;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  phone?: string | null;
}

/** Everything an order needs, priced and checked by checkout; `place` stores it as the order's snapshot. */
export interface OrderDraft {
  customer: {
    userId: string | null;
    email: string;
    name: string;
    phone?: string | null;
    kind: 'person' | 'company';
    companyName?: string | null;
    orgNumber?: string | null;
  };
  currency: string;
  locale: string;
  lines: Array<PricedLine & { backordered: number; discountMinor: number }>;
  shipping: {
    methodCode: string;
    name: string;
    amountMinor: number;
    vatRateBp: number;
    /** Bulky goods: delivered on an agreed day, not as a parcel. */
    scheduled: boolean;
    address: PostalAddress;
  };
  billingAddress: PostalAddress;
  discountCode: string | null;
  totals: {
    subtotalMinor: number;
    discountMinor: number;
    shippingMinor: number;
    totalMinor: number;
    vatMinor: number;
    vatByRate: Array<{ rateBp: number; baseMinor: number; vatMinor: number }>;
  };
}

export interface StatusChange {
  note?: string | null;
  trackingNumber?: string | null;
}

/** Who did it, as the order's history names them: a guest has no account, so their e-mail address says who. */
const actorOf = (ctx: RequestContext, fallback: string) => ({
  actor_id: ctx.actor?.userId ?? null,
  actor_name: ctx.actor?.username ?? fallback,
});

/**
 * Orders: placing one (checkout's transaction), and every move of its state machine (order-states.ts) with its
 * history entry, audit record and what follows from it: the confirmation e-mail when paid, the shipping notice when
 * shipped, the stock back when cancelled.
 */
export class OrderService {
  readonly customers: CustomerService;
  readonly #baseUrl: string;

  constructor(
    readonly platform: Platform,
    private readonly stock?: StockService,
  ) {
    this.customers = new CustomerService(platform);
    const { publicUrl, host, port } = platform.config;
    this.#baseUrl = (publicUrl ?? `http://${host}:${port}`).replace(/\/+$/, '');
  }

  /** Stores a new order in state `created` with its line snapshots and first history entry. */
  async place(
    trx: Db,
    ctx: RequestContext,
    draft: OrderDraft,
  ): Promise<{ id: string; number: number; accessToken: string }> {
    if (draft.lines.length === 0)
      throw unprocessable('empty_order', 'An order needs at least one line', [{ path: 'lines', message: 'is empty' }]);
    const db = trx.withTables<OrdersTables>();
    const customer = await this.customers.resolveForOrder(trx, draft.customer, draft.locale);
    const id = randomUUID();
    const accessToken = randomBytes(24).toString('base64url');
    const order = await ordersRepository.insert(db, {
      id,
      status: 'created',
      customer_id: customer.id,
      user_id: draft.customer.userId,
      email: draft.customer.email.trim(),
      customer_name: draft.customer.name,
      customer_kind: draft.customer.kind,
      company_name: draft.customer.kind === 'company' ? (draft.customer.companyName ?? null) : null,
      org_number: draft.customer.kind === 'company' ? (draft.customer.orgNumber ?? null) : null,
      phone: draft.customer.phone ?? null,
      currency: draft.currency,
      locale: draft.locale,
      subtotal_minor: draft.totals.subtotalMinor,
      discount_minor: draft.totals.discountMinor,
      shipping_minor: draft.totals.shippingMinor,
      total_minor: draft.totals.totalMinor,
      vat_minor: draft.totals.vatMinor,
      vat_by_rate: JSON.stringify(draft.totals.vatByRate),
      shipping: JSON.stringify(draft.shipping),
      billing_address: JSON.stringify(draft.billingAddress),
      discount_code: draft.discountCode,
      access_token: accessToken,
    });
    await ordersRepository.insertLines(
      db,
      draft.lines.map((line, position) => {
        const total = line.unitPriceMinor * line.quantity - line.discountMinor;
        return {
          order_id: id,
          position,
          variant_id: line.variantId,
          product_id: line.productId,
          sku: line.sku,
          name: line.name,
          option_values: JSON.stringify(line.optionValues ?? {}),
          quantity: line.quantity,
          unit_price_minor: line.unitPriceMinor,
          regular_price_minor: line.regularPriceMinor,
          discount_minor: line.discountMinor,
          total_minor: total,
          vat_rate_bp: line.vatRateBp,
          vat_minor: vatOf(total, line.vatRateBp),
          backordered: line.backordered,
        };
      }),
    );
    await ordersRepository.addEvent(db, {
      order_id: id,
      ...actorOf(ctx, `guest:${draft.customer.email}`),
      kind: 'status',
      from_status: null,
      to_status: 'created',
    });
    return { id, number: order.number, accessToken };
  }

  /** Where the customer (or a guest with the link) reads the order. */
  orderLink(order: Pick<StoredOrder, 'id' | 'access_token'>): string {
    return `${this.#baseUrl}/shop/orders/${order.id}?token=${encodeURIComponent(order.access_token)}`;
  }

  /**
   * Moves an order to `to` in the caller's transaction, the order locked: concurrent moves happen one after the
   * other and the second is judged on the first's result. Throws 409 commerce.bad_transition for a move the state
   * machine does not allow, 404 for an unknown order.
   */
  async move(
    trx: Db,
    ctx: RequestContext,
    orderId: string,
    to: ShopOrderStatus,
    change: StatusChange = {},
  ): Promise<StoredOrder> {
    const db = trx.withTables<OrdersTables>();
    const order = await ordersRepository.lock(db, orderId);
    if (!order) throw notFound(`Order ${orderId}`);
    if (!canMove(order.status, to)) throw badTransition(order.number, order.status, to);
    const trackingNumber = change.trackingNumber ?? null;
    await ordersRepository.update(db, orderId, {
      status: to,
      reachedAt: reachedAtColumn[to],
      ...(trackingNumber !== null && { tracking_number: trackingNumber }),
    });
    await ordersRepository.addEvent(db, {
      order_id: orderId,
      ...actorOf(ctx, 'system'),
      kind: 'status',
      from_status: order.status,
      to_status: to,
      note: change.note ?? null,
      tracking_number: trackingNumber,
    });
    await this.platform.audit.record(trx, ctx, {
      action: 'commerce.order.status',
      entity: 'commerce.order',
      entityId: orderId,
      before: { number: displayNumber(order.number), status: order.status },
      after: {
        number: displayNumber(order.number),
        status: to,
        ...(change.note && { note: change.note }),
        ...(trackingNumber && { trackingNumber }),
      },
    });
    const after = (await ordersRepository.get(db, orderId)) as StoredOrder;
    await this.#consequences(trx, db, after, to, trackingNumber);
    return after;
  }

  /** What a move brings with it, in the same transaction: e-mails queue only if the move commits. */
  async #consequences(trx: Db, db: OrdersDb, order: StoredOrder, to: ShopOrderStatus, trackingNumber: string | null) {
    if (to === 'paid') await this.platform.mail.enqueue(trx, confirmationMail(await this.forMail(db, order)));
    if (to === 'shipped')
      await this.platform.mail.enqueue(trx, shippedMail(await this.forMail(db, order), trackingNumber ?? ''));
    if (to === 'cancelled') {
      // What was taken from stock goes back; backordered units were never taken.
      const lines = (await ordersRepository.lines(db, order.id))
        .map((line) => ({ variantId: line.variant_id, sku: line.sku, quantity: line.quantity - line.backordered }))
        .filter((line) => line.quantity > 0);
      if (lines.length > 0 && this.stock) await this.stock.restore(trx, lines);
    }
  }

  async forMail(db: OrdersDb, order: StoredOrder): Promise<OrderForMail> {
    return { order, lines: await ordersRepository.lines(db, order.id), link: this.orderLink(order) };
  }

  /**
   * Marks an order for an admin's eyes (a payment that does not match it), with a history entry; the order's
   * status stays. Idempotent: the same reason twice records it once.
   */
  async flagForReview(trx: Db, ctx: RequestContext, orderId: string, reason: string): Promise<void> {
    const db = trx.withTables<OrdersTables>();
    const order = await ordersRepository.lock(db, orderId);
    if (!order || order.review_reason === reason) return;
    await ordersRepository.update(db, orderId, { review_reason: reason });
    await ordersRepository.addEvent(db, {
      order_id: orderId,
      ...actorOf(ctx, 'system'),
      kind: 'review',
      note: reason,
    });
    await this.platform.audit.record(trx, ctx, {
      action: 'commerce.order.review',
      entity: 'commerce.order',
      entityId: orderId,
      before: { reviewReason: order.review_reason },
      after: { reviewReason: reason },
    });
  }

  /** Ends a manual review: an admin looked, and says what they found. */
  async clearReview(trx: Db, ctx: RequestContext, orderId: string, note: string | null): Promise<void> {
    const db = trx.withTables<OrdersTables>();
    const order = await ordersRepository.lock(db, orderId);
    if (!order) throw notFound(`Order ${orderId}`);
    if (order.review_reason === null) return;
    await ordersRepository.update(db, orderId, { review_reason: null });
    await ordersRepository.addEvent(db, { order_id: orderId, ...actorOf(ctx, 'system'), kind: 'review', note });
    await this.platform.audit.record(trx, ctx, {
      action: 'commerce.order.review',
      entity: 'commerce.order',
      entityId: orderId,
      before: { reviewReason: order.review_reason },
      after: { reviewReason: null, ...(note && { note }) },
    });
  }

  /** A fact about an order's money (a payment taken, failed or refunded) in its history. */
  async note(trx: Db, ctx: RequestContext, orderId: string, kind: 'payment' | 'refund' | 'note', note: string) {
    await ordersRepository.addEvent(trx.withTables<OrdersTables>(), {
      order_id: orderId,
      ...actorOf(ctx, 'system'),
      kind,
      note,
    });
  }
}

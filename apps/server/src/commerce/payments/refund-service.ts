import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../platform/context.js';
import { notFound } from '../../platform/http/errors.js';
import type { Db, Platform } from '../../platform/platform.js';
import { formatMoney } from '../money.js';
import type { OrderRefundView } from '../orders/mappers.js';
import { refundMail } from '../orders/order-mails.js';
import type { OrderService } from '../orders/order-service.js';
import { displayNumber } from '../orders/order-states.js';
import { ordersRepository, type StoredOrder } from '../orders/orders-repository.js';
import type { OrdersDb } from '../orders/orders-tables.js';
import { nothingToRefund, overRefund, providerFailed, refundKeyReused, refundRefused } from './payment-errors.js';
import { ProviderError } from './payment-provider.js';
import {
  type PaymentsTables,
  paymentsRepository,
  type StoredPayment,
  type StoredRefund,
} from './payments-repository.js';
import { type PaymentsService, toRefundView } from './payments-service.js';

export interface RefundAsk {
  /** Omitted: everything still refundable. */
  amountMinor?: number;
  reason?: string | null;
  /** The request's Idempotency-Key: the same key answers the same refund. */
  requestKey: string;
  /** The refund is the money of a cancellation: the customer's e-mail says so. */
  cancelling?: boolean;
}

const tables = (trx: Db) => ({ orders: trx.withTables() as OrdersDb, payments: trx.withTables<PaymentsTables>() });

/**
 * Money back through the provider: full or partial, never more than was taken and not yet given back (concurrent
 * refunds included: the order is locked while one is reserved), idempotent per request key, audited. The provider is
 * called outside any transaction with the refund's id as its idempotency key, so a retry after a timeout cannot give
 * money back twice.
 */
export class RefundService {
  constructor(
    private readonly platform: Platform,
    private readonly orders: OrderService,
    private readonly payments: PaymentsService,
  ) {}

  async refund(ctx: RequestContext, orderId: string, ask: RefundAsk): Promise<OrderRefundView & { replayed: boolean }> {
    const reserved = await this.platform.transaction(async (trx) => {
      const db = tables(trx);
      const order = await ordersRepository.lock(db.orders, orderId);
      if (!order) throw notFound(`Order ${orderId}`);
      const earlier = await paymentsRepository.refundByKey(db.payments, orderId, ask.requestKey);
      if (earlier) {
        if (ask.amountMinor !== undefined && ask.amountMinor !== earlier.amount_minor) throw refundKeyReused();
        return { refund: earlier, order, replayed: true };
      }
      const payment = await this.#refundablePayment(db.payments, orderId);
      // Out or on its way: the larger of the provider's figure (synced by webhooks into refunded_minor) and all of
      // ours, not their sum. A concurrent refund the provider has already made, still pending here until its call
      // returns, is in both. The provider refuses whatever would go beyond the payment.
      const available = payment
        ? payment.amount_minor -
          Math.max(
            payment.refunded_minor,
            await paymentsRepository.refundedSum(db.payments, payment.id, ['pending', 'succeeded']),
          )
        : 0;
      if (!payment || available <= 0) throw nothingToRefund(displayNumber(order.number));
      const amount = ask.amountMinor ?? available;
      if (amount > available) throw overRefund(displayNumber(order.number), amount, available);
      // A shop without the payment's provider cannot give the money back: refuse before anything is written.
      this.payments.provider(payment.provider);
      const refund = await paymentsRepository.insertRefund(db.payments, {
        id: randomUUID(),
        payment_id: payment.id,
        order_id: orderId,
        request_key: ask.requestKey,
        amount_minor: amount,
        currency: payment.currency,
        status: 'pending',
        reason: ask.reason ?? null,
        provider_refund_id: null,
        failure_message: null,
        created_by_id: ctx.actor?.userId ?? null,
        created_by_name: ctx.actor?.username ?? 'system',
      });
      await this.platform.audit.record(trx, ctx, {
        action: 'commerce.order.refund',
        entity: 'commerce.order',
        entityId: orderId,
        before: { number: displayNumber(order.number), refundedMinor: payment.refunded_minor },
        after: {
          number: displayNumber(order.number),
          refundId: refund.id,
          amountMinor: amount,
          currency: payment.currency,
          reason: ask.reason ?? null,
          status: 'pending',
        },
      });
      return { refund, order, replayed: false };
    });
    if (reserved.refund.status === 'failed') throw refundRefused(reserved.refund.failure_message ?? 'refused');
    if (reserved.refund.status !== 'pending') return { ...toRefundView(reserved.refund), replayed: true };
    // Pending: new, or a retry of one whose provider call did not finish. Both send the same idempotency key.
    const settled = await this.#settle(ctx, reserved.order, reserved.refund, ask.cancelling ?? false);
    return { ...toRefundView(settled), replayed: reserved.replayed };
  }

  /** The payment money can come back from: the latest one that took money. */
  async #refundablePayment(
    db: ReturnType<typeof tables>['payments'],
    orderId: string,
  ): Promise<StoredPayment | undefined> {
    const payments = await paymentsRepository.forOrder(db, orderId);
    return payments.filter((payment) => ['captured', 'partially_refunded'].includes(payment.status)).at(-1);
  }

  async #settle(
    ctx: RequestContext,
    order: StoredOrder,
    refund: StoredRefund,
    cancelling: boolean,
  ): Promise<StoredRefund> {
    const payment = (await paymentsRepository.get(this.platform.db.withTables(), refund.payment_id)) as StoredPayment;
    const provider = this.payments.provider(payment.provider);
    let outcome: Awaited<ReturnType<typeof provider.refund>>;
    try {
      if (!payment.intent_id) throw new ProviderError('the payment has no provider payment id to refund', null);
      outcome = await provider.refund({
        intentId: payment.intent_id,
        amountMinor: refund.amount_minor,
        idempotencyKey: `kontor-refund-${refund.id}`,
        reason: refund.reason,
      });
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      // The provider said no (4xx): this refund will not happen, and its amount is free again. Unreachable or 5xx:
      // it may have happened; it stays pending, and the same request key retries it with the same idempotency key.
      const refused = error.status !== null && error.status >= 400 && error.status < 500 && error.status !== 409;
      if (!refused) throw providerFailed('refund the payment', error.message);
      await this.#fail(ctx, order, refund, error.message);
      throw refundRefused(error.message);
    }
    if (outcome.status === 'failed') {
      await this.#fail(ctx, order, refund, outcome.failureMessage ?? 'refused by the provider');
      throw refundRefused(outcome.failureMessage ?? 'refused by the provider');
    }
    return this.platform.transaction(async (trx) => {
      const db = tables(trx);
      const locked = (await ordersRepository.lock(db.orders, order.id)) as StoredOrder;
      const current = (await paymentsRepository.lock(db.payments, payment.id)) as StoredPayment;
      const again = (await paymentsRepository.refundByKey(db.payments, order.id, refund.request_key)) as StoredRefund;
      if (again.status !== 'pending') return again;
      // A provider that accepted a refund (Stripe: succeeded, or pending on its way) has committed the money back.
      await paymentsRepository.updateRefund(db.payments, refund.id, {
        status: 'succeeded',
        provider_refund_id: outcome.id,
      });
      // Ours are counted by their rows; the provider's figure (synced by webhooks) also holds refunds made elsewhere.
      // The larger of the two is what is back, and a webhook that came first is not counted twice.
      const ours = await paymentsRepository.refundedSum(db.payments, payment.id, ['succeeded']);
      const refunded = Math.min(current.amount_minor, Math.max(current.refunded_minor, ours));
      await paymentsRepository.update(db.payments, payment.id, {
        refunded_minor: refunded,
        status: refunded >= current.amount_minor ? 'refunded' : 'partially_refunded',
      });
      const money = formatMoney(refund.amount_minor, refund.currency, 'en');
      await this.orders.note(
        trx,
        ctx,
        order.id,
        'refund',
        `Refunded ${money}${refund.reason ? `: ${refund.reason}` : ''}`,
      );
      await this.platform.audit.record(trx, ctx, {
        action: 'commerce.order.refund',
        entity: 'commerce.order',
        entityId: order.id,
        before: { refundId: refund.id, status: 'pending' },
        after: { refundId: refund.id, status: 'succeeded', providerRefundId: outcome.id, refundedMinor: refunded },
      });
      await this.platform.mail.enqueue(
        trx,
        refundMail(await this.orders.forMail(db.orders, locked), {
          id: refund.id,
          amountMinor: refund.amount_minor,
          cancelled: cancelling,
        }),
      );
      // A returned order whose money is all back is done.
      if (locked.status === 'returned' && refunded >= current.amount_minor)
        await this.orders.move(trx, ctx, order.id, 'refunded', { note: 'All money returned' });
      return (await paymentsRepository.refundByKey(db.payments, order.id, refund.request_key)) as StoredRefund;
    });
  }

  async #fail(ctx: RequestContext, order: StoredOrder, refund: StoredRefund, message: string): Promise<void> {
    await this.platform.transaction(async (trx) => {
      const db = tables(trx);
      await paymentsRepository.updateRefund(db.payments, refund.id, { status: 'failed', failure_message: message });
      await this.orders.note(trx, ctx, order.id, 'refund', `Refund failed: ${message}`);
      await this.platform.audit.record(trx, ctx, {
        action: 'commerce.order.refund',
        entity: 'commerce.order',
        entityId: order.id,
        before: { refundId: refund.id, status: 'pending' },
        after: { refundId: refund.id, status: 'failed', failureMessage: message },
      });
    });
  }
}

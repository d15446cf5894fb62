import { randomUUID } from 'node:crypto';
import { type RequestContext, systemContext } from '../../platform/context.js';
import { notFound } from '../../platform/http/errors.js';
import type { Db, Platform } from '../../platform/platform.js';
import { formatMoney } from '../money.js';
import type { OrderPaymentView, OrderRefundView } from '../orders/mappers.js';
import type { OrderService } from '../orders/order-service.js';
import { displayNumber } from '../orders/order-states.js';
import { ordersRepository, type StoredOrder } from '../orders/orders-repository.js';
import type { OrdersDb } from '../orders/orders-tables.js';
import {
  orderNotPayable,
  paymentsUnavailable,
  providerFailed,
  unknownProvider,
  webhookRefused,
} from './payment-errors.js';
import { type PaymentProvider, ProviderError, type ProviderPayment } from './payment-provider.js';
import {
  type PaymentsDb,
  type PaymentsTables,
  paymentsRepository,
  type StoredPayment,
  type StoredRefund,
} from './payments-repository.js';
import { StripeProvider } from './stripe-provider.js';

export interface PaymentStart {
  orderId: string;
  orderNumber: number;
  amountMinor: number;
  currency: string;
  locale: string;
  email: string;
  /** Where the provider sends the customer back after paying, and after giving up. */
  returnUrl: string;
  cancelUrl: string;
}

/** Attempts the customer can still pay at: a new start sends them back to the same page. */
const OPEN = new Set(['pending', 'requires_action']);
/** Money was taken (some of it may be back already). */
export const MONEY_TAKEN = new Set(['captured', 'partially_refunded', 'refunded']);

export const toPaymentView = (row: StoredPayment): OrderPaymentView => ({
  id: row.id,
  provider: row.provider,
  reference: row.reference,
  status: row.status,
  amountMinor: row.amount_minor,
  refundedMinor: row.refunded_minor,
  currency: row.currency,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export const toRefundView = (row: StoredRefund): OrderRefundView => ({
  id: row.id,
  paymentId: row.payment_id,
  amountMinor: row.amount_minor,
  currency: row.currency,
  status: row.status,
  reason: row.reason,
  failureMessage: row.failure_message,
  createdByName: row.created_by_name,
  createdAt: row.created_at.toISOString(),
  settledAt: row.settled_at?.toISOString() ?? null,
});

/** The state a payment is in, with what we know was given back: our refunds count even before the provider says. */
function settledStatus(fetched: ProviderPayment, refundedMinor: number): StoredPayment['status'] {
  if (!MONEY_TAKEN.has(fetched.status)) return fetched.status;
  if (refundedMinor >= fetched.amountMinor && fetched.amountMinor > 0) return 'refunded';
  return refundedMinor > 0 ? 'partially_refunded' : 'captured';
}

/** The card provider from the settings, when it is set up. */
export function configuredProviders(platform: Platform): PaymentProvider[] {
  const { commerceStripeApiUrl, commerceStripeSecretKey, commerceStripeWebhookSecret } = platform.config;
  if (!commerceStripeSecretKey || !commerceStripeWebhookSecret) return [];
  return [
    new StripeProvider({
      apiUrl: commerceStripeApiUrl,
      secretKey: commerceStripeSecretKey,
      webhookSecret: commerceStripeWebhookSecret,
    }),
  ];
}

/**
 * Payments at providers: opening one for an order (idempotent per order), and the provider's webhooks, which only
 * say "look at this payment": the state is re-fetched from the provider, and an order becomes paid only when the
 * money taken is its total in its currency. The same event delivered any number of times, even at once, changes
 * things once (UNIQUE provider + event id, and the order's own state machine).
 */
export class PaymentsService {
  readonly #providers: Map<string, PaymentProvider>;
  readonly #db: PaymentsDb;

  constructor(
    readonly platform: Platform,
    private readonly orders: OrderService,
    providers: PaymentProvider[] = configuredProviders(platform),
  ) {
    this.#providers = new Map(providers.map((provider) => [provider.name, provider]));
    this.#db = platform.db.withTables();
  }

  /** The provider that takes cards, if one is set up. */
  get card(): PaymentProvider | undefined {
    return this.#providers.get('stripe');
  }

  provider(name: string): PaymentProvider {
    const provider = this.#providers.get(name);
    if (!provider) throw unknownProvider(name);
    return provider;
  }

  /** Opens a payment at the provider (idempotent per order) and answers where to send the customer to pay. */
  async start(ctx: RequestContext, payment: PaymentStart): Promise<{ provider: string; redirectUrl: string }> {
    const provider = this.card;
    if (!provider) throw paymentsUnavailable();
    const { attempt, order } = await this.platform.transaction(async (trx) => {
      const db = trx.withTables<PaymentsTables>();
      const order = await ordersRepository.lock(trx.withTables(), payment.orderId);
      if (!order) throw notFound(`Order ${payment.orderId}`);
      const attempts = (await paymentsRepository.forOrder(db, order.id)).filter(
        (row) => row.provider === provider.name,
      );
      // A cancelled order's page stays closed even if its payment page would still take a card.
      if (order.status !== 'created') throw orderNotPayable(displayNumber(order.number), order.status);
      const open = attempts.filter((row) => OPEN.has(row.status)).at(-1);
      if (open) return { attempt: open, order };
      const attempt = await paymentsRepository.insert(db, {
        id: randomUUID(),
        order_id: order.id,
        provider: provider.name,
        attempt: (attempts.at(-1)?.attempt ?? 0) + 1,
        status: 'pending',
        // The order's own total, never the caller's figure.
        amount_minor: order.total_minor,
        currency: order.currency,
        reference: null,
        intent_id: null,
        redirect_url: null,
        failure_message: null,
      });
      return { attempt, order };
    });
    if (attempt.redirect_url) return { provider: provider.name, redirectUrl: attempt.redirect_url };
    // Outside the transaction: a slow provider holds no lock. A concurrent start of the same attempt sends the same
    // idempotency key, so the provider answers both with one session.
    let opened: Awaited<ReturnType<PaymentProvider['createPayment']>>;
    try {
      opened = await provider.createPayment({
        paymentId: attempt.id,
        orderId: order.id,
        orderLabel: displayNumber(order.number),
        amountMinor: attempt.amount_minor,
        currency: attempt.currency,
        locale: order.locale,
        email: order.email,
        returnUrl: payment.returnUrl,
        cancelUrl: payment.cancelUrl,
        idempotencyKey: `kontor-order-${order.id}-payment-${attempt.attempt}`,
      });
    } catch (error) {
      if (error instanceof ProviderError) throw providerFailed('open a payment', error.message);
      throw error;
    }
    await paymentsRepository.update(this.#db, attempt.id, {
      reference: opened.reference,
      intent_id: opened.intentId,
      redirect_url: opened.redirectUrl,
    });
    this.platform.logger.info(
      { orderId: order.id, provider: provider.name, reference: opened.reference, requestId: ctx.requestId },
      'payment opened',
    );
    return { provider: provider.name, redirectUrl: opened.redirectUrl };
  }

  /**
   * One webhook delivery, its raw body as received. Refuses a bad signature (400) or an unknown provider (404);
   * answers `duplicate` for an event handled before. A provider that cannot be reached for the re-fetch makes it a
   * 502, so the provider delivers the event again later.
   */
  async handleWebhook(
    ctx: RequestContext,
    providerName: string,
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<{ duplicate: boolean }> {
    const provider = this.provider(providerName);
    const verdict = provider.verifyWebhook(rawBody, headers);
    if (!verdict.ok) throw webhookRefused(verdict.reason);
    const { event } = verdict;
    if (await paymentsRepository.eventSeen(this.#db, provider.name, event.id)) return { duplicate: true };

    let local = await paymentsRepository.byProviderId(this.#db, provider.name, event);
    let fetched: ProviderPayment | null = null;
    if (event.intentId || event.reference || local) {
      try {
        fetched = await provider.fetchStatus({
          intentId: event.intentId ?? local?.intent_id ?? null,
          reference: event.reference ?? local?.reference ?? null,
        });
      } catch (error) {
        if (error instanceof ProviderError) throw providerFailed('be asked about the payment', error.message);
        throw error;
      }
    }
    if (!local && fetched?.paymentId && /^[0-9a-f-]{36}$/i.test(fetched.paymentId)) {
      const named = await paymentsRepository.get(this.#db, fetched.paymentId);
      if (named?.provider === provider.name) local = named;
    }
    const actorCtx: RequestContext = { ...ctx, actor: systemContext(`payments:${provider.name}`).actor };
    const paymentId = local?.id ?? null;
    return this.platform.transaction(async (trx) => {
      const fresh = await paymentsRepository.recordEvent(trx.withTables(), {
        provider: provider.name,
        eventId: event.id,
        type: event.type,
        paymentId,
        payload: event.payload,
      });
      if (!fresh) return { duplicate: true };
      if (paymentId && fetched) await this.#apply(trx, actorCtx, paymentId, fetched);
      else this.platform.logger.info({ eventId: event.id, type: event.type }, 'payment event about no payment of ours');
      return { duplicate: false };
    });
  }

  /**
   * Brings our record of a payment to the provider's current state, and the order with it. Locks the order first,
   * then the payment, as refunds do, so the two never wait for each other crosswise.
   */
  async #apply(trx: Db, ctx: RequestContext, paymentId: string, fetched: ProviderPayment): Promise<void> {
    const db = trx.withTables<PaymentsTables>();
    const ordersDb: OrdersDb = trx.withTables();
    const known = await paymentsRepository.get(db, paymentId);
    if (!known) return;
    const order = (await ordersRepository.lock(ordersDb, known.order_id)) as StoredOrder;
    const payment = (await paymentsRepository.lock(db, paymentId)) as StoredPayment;
    const refunded = Math.max(payment.refunded_minor, Math.min(fetched.amountRefundedMinor, payment.amount_minor));
    const status = settledStatus(fetched, refunded);
    if (status !== payment.status || refunded !== payment.refunded_minor || !payment.intent_id) {
      await paymentsRepository.update(db, paymentId, {
        status,
        refunded_minor: refunded,
        intent_id: payment.intent_id ?? fetched.intentId,
        failure_message: status === 'failed' ? fetched.failureMessage : payment.failure_message,
      });
    }
    if (status !== payment.status) {
      const money = formatMoney(fetched.amountMinor, fetched.currency, 'en');
      const detail = status === 'failed' && fetched.failureMessage ? `: ${fetched.failureMessage}` : '';
      await this.orders.note(
        trx,
        ctx,
        order.id,
        'payment',
        `${payment.provider} payment of ${money} ${status}${detail}`,
      );
    }
    if (!MONEY_TAKEN.has(status)) return;
    const matches =
      fetched.amountMinor === order.total_minor &&
      fetched.currency === order.currency &&
      fetched.amountMinor === payment.amount_minor;
    if (!matches) {
      await this.orders.flagForReview(
        trx,
        ctx,
        order.id,
        `The ${payment.provider} payment ${fetched.intentId} took ${formatMoney(fetched.amountMinor, fetched.currency, 'en')}; ` +
          `the order's total is ${formatMoney(order.total_minor, order.currency, 'en')}. Not marked paid.`,
      );
      return;
    }
    if (order.status === 'created') {
      await this.orders.move(trx, ctx, order.id, 'paid', {
        note: `Paid by card (${payment.provider} ${fetched.intentId})`,
      });
    } else if (order.status === 'cancelled' && status === 'captured') {
      await this.orders.flagForReview(
        trx,
        ctx,
        order.id,
        `The order was cancelled, then paid (${payment.provider} ${fetched.intentId}): refund the payment.`,
      );
    }
  }

  /**
   * Asks the provider about an order's unsettled payments and applies what it says, as a webhook would: for the
   * customer who is back from the payment page before the provider's event. Idempotent like the webhook: an order
   * already paid stays paid once, with one e-mail. A provider that cannot be reached changes nothing.
   */
  async sync(ctx: RequestContext, orderId: string): Promise<void> {
    const unsettled = (await paymentsRepository.forOrder(this.#db, orderId)).filter(
      (payment) => ['pending', 'requires_action', 'failed'].includes(payment.status) && payment.reference,
    );
    const actorCtx: RequestContext = { ...ctx, actor: systemContext('payments:sync').actor };
    for (const payment of unsettled) {
      const provider = this.#providers.get(payment.provider);
      if (!provider) continue;
      let fetched: ProviderPayment | null;
      try {
        fetched = await provider.fetchStatus({ intentId: payment.intent_id, reference: payment.reference });
      } catch (error) {
        if (!(error instanceof ProviderError)) throw error;
        this.platform.logger.warn({ err: error, orderId }, 'could not ask the payment provider about a payment');
        continue;
      }
      if (fetched) {
        const current = fetched;
        await this.platform.transaction((trx) => this.#apply(trx, actorCtx, payment.id, current));
      }
    }
  }

  /** An order's payments and refunds, oldest first, for its detail pages. */
  async ofOrder(orderId: string): Promise<{ payments: OrderPaymentView[]; refunds: OrderRefundView[] }> {
    const [payments, refunds] = await Promise.all([
      paymentsRepository.forOrder(this.#db, orderId),
      paymentsRepository.refundsForOrder(this.#db, orderId),
    ]);
    return { payments: payments.map(toPaymentView), refunds: refunds.map(toRefundView) };
  }
}

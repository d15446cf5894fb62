import type { ShopPaymentStatus } from '@kontor/contracts';
import {
  type OpenedPayment,
  type PaymentProvider,
  type PaymentRequest,
  ProviderError,
  type ProviderPayment,
  type ProviderRefund,
  type RefundRequest,
  type WebhookVerdict,
} from './payment-provider.js';
import { encodeStripeForm, type FormValue } from './stripe-form.js';
import { verifyStripeSignature } from './stripe-signature.js';

export interface StripeSettings {
  /** https://api.stripe.com, or a server speaking its protocol (examples/stripe-standin). */
  apiUrl: string;
  secretKey: string;
  webhookSecret: string;
  timeoutMs?: number;
}

interface StripeIntent {
  id: string;
  status: string;
  amount: number;
  currency: string;
  metadata?: Record<string, string>;
  last_payment_error?: { message?: string; code?: string } | null;
  latest_charge?: string | { id: string; amount_refunded?: number } | null;
}

interface StripeSession {
  id: string;
  url: string | null;
  payment_intent: string | StripeIntent | null;
  status: string;
}

/** Stripe's PaymentIntent states as the shop's payment states (payments table, docs/commerce.md). */
function statusOf(intent: StripeIntent, refunded: number): ShopPaymentStatus {
  switch (intent.status) {
    case 'succeeded':
      if (refunded >= intent.amount && intent.amount > 0) return 'refunded';
      return refunded > 0 ? 'partially_refunded' : 'captured';
    case 'requires_capture':
      return 'authorized';
    case 'requires_action':
      return 'requires_action';
    case 'canceled':
      return 'canceled';
    case 'requires_payment_method':
      // Back here after a decline: the attempt failed (the customer may still try another card).
      return intent.last_payment_error ? 'failed' : 'pending';
    default:
      return 'pending';
  }
}

const idOf = (value: string | { id: string } | null | undefined): string | null =>
  value ? (typeof value === 'string' ? value : value.id) : null;

/**
 * The card provider, speaking Stripe's API: Checkout Sessions for the hosted payment page, PaymentIntents for the
 * state of the money, Refunds, and signed webhook events. Requests are form-encoded with the secret key as Bearer.
 */
export class StripeProvider implements PaymentProvider {
  readonly name = 'stripe';

  constructor(private readonly settings: StripeSettings) {}

  async createPayment(request: PaymentRequest): Promise<OpenedPayment> {
    const metadata = { kontor_payment_id: request.paymentId, kontor_order_id: request.orderId };
    const session = await this.#call<StripeSession>(
      'POST',
      '/v1/checkout/sessions',
      {
        mode: 'payment',
        client_reference_id: request.orderId,
        customer_email: request.email,
        // Stripe knows sv and en (and more); anything else lets it pick from the browser.
        locale: ['sv', 'en'].includes(request.locale) ? request.locale : 'auto',
        success_url: request.returnUrl,
        cancel_url: request.cancelUrl,
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: request.currency.toLowerCase(),
              unit_amount: request.amountMinor,
              product_data: { name: `WestGear ${request.orderLabel}` },
            },
          },
        ],
        metadata,
        payment_intent_data: { metadata, description: `WestGear ${request.orderLabel}` },
      },
      request.idempotencyKey,
    );
    if (!session.url) throw new ProviderError('Stripe answered a Checkout Session without a payment page URL', 502);
    return {
      reference: session.id,
      intentId: idOf(session.payment_intent),
      redirectUrl: session.url,
      status: 'pending',
    };
  }

  async fetchStatus(ids: { intentId: string | null; reference: string | null }): Promise<ProviderPayment | null> {
    let intentId = ids.intentId;
    if (!intentId && ids.reference) {
      const session = await this.#call<StripeSession>(
        'GET',
        `/v1/checkout/sessions/${encodeURIComponent(ids.reference)}`,
      );
      intentId = idOf(session.payment_intent);
    }
    // Stripe makes the PaymentIntent when the customer pays: until then there is nothing to fetch.
    if (!intentId) return null;
    const intent = await this.#call<StripeIntent>(
      'GET',
      `/v1/payment_intents/${encodeURIComponent(intentId)}?expand[]=latest_charge`,
    );
    const charge = typeof intent.latest_charge === 'object' ? intent.latest_charge : null;
    const refunded = charge?.amount_refunded ?? 0;
    return {
      intentId: intent.id,
      paymentId: intent.metadata?.kontor_payment_id ?? null,
      status: statusOf(intent, refunded),
      amountMinor: intent.amount,
      currency: intent.currency.toUpperCase(),
      amountRefundedMinor: refunded,
      failureMessage: intent.last_payment_error?.message ?? null,
    };
  }

  verifyWebhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): WebhookVerdict {
    const header = headers['stripe-signature'];
    const verdict = verifyStripeSignature(
      this.settings.webhookSecret,
      typeof header === 'string' ? header : undefined,
      rawBody,
    );
    if (verdict !== 'valid') return { ok: false, reason: verdict };
    let event: { id?: unknown; type?: unknown; data?: { object?: Record<string, unknown> } };
    try {
      event = JSON.parse(rawBody.toString('utf8'));
    } catch {
      return { ok: false, reason: 'unreadable' };
    }
    const object = event.data?.object ?? {};
    if (typeof event.id !== 'string' || typeof event.type !== 'string') return { ok: false, reason: 'unreadable' };
    // Which payment the event is about; what state it is in is fetched from Stripe, not read from here.
    const kind = object.object;
    const intentId =
      kind === 'payment_intent'
        ? idOf(object.id as string)
        : idOf(object.payment_intent as string | { id: string } | null);
    const reference = kind === 'checkout.session' ? idOf(object.id as string) : null;
    return { ok: true, event: { id: event.id, type: event.type, intentId, reference, payload: event } };
  }

  async refund(request: RefundRequest): Promise<ProviderRefund> {
    const refund = await this.#call<{ id: string; status: string; failure_reason?: string | null }>(
      'POST',
      '/v1/refunds',
      {
        payment_intent: request.intentId,
        amount: request.amountMinor,
        reason: 'requested_by_customer',
        metadata: { kontor_refund_id: request.idempotencyKey, note: request.reason ?? undefined },
      },
      request.idempotencyKey,
    );
    const status = refund.status === 'succeeded' ? 'succeeded' : refund.status === 'failed' ? 'failed' : 'pending';
    return { id: refund.id, status, failureMessage: refund.failure_reason ?? null };
  }

  async #call<T>(
    method: 'GET' | 'POST',
    path: string,
    params?: Record<string, FormValue>,
    idempotencyKey?: string,
  ): Promise<T> {
    const url = `${this.settings.apiUrl.replace(/\/+$/, '')}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${this.settings.secretKey}`,
          ...(params && { 'content-type': 'application/x-www-form-urlencoded' }),
          ...(idempotencyKey && { 'idempotency-key': idempotencyKey }),
        },
        ...(params && { body: encodeStripeForm(params) }),
        signal: AbortSignal.timeout(this.settings.timeoutMs ?? 20_000),
      });
    } catch (error) {
      throw new ProviderError(`Stripe could not be reached: ${(error as Error).message}`, null);
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ProviderError(`Stripe answered ${response.status} without JSON`, response.status);
    }
    if (!response.ok) {
      const error = (body as { error?: { message?: string; code?: string; type?: string } }).error;
      throw new ProviderError(
        `Stripe refused ${method} ${path.split('?')[0]}: ${error?.message ?? response.status}`,
        response.status,
        error?.code ?? error?.type ?? null,
      );
    }
    return body as T;
  }
}

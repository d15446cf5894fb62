import type { ShopPaymentStatus } from '@kontor/contracts';

/** What the shop asks a provider to collect: one order's total, once. */
export interface PaymentRequest {
  /** Our payment's id: the provider keeps it (Stripe: metadata) and names it back in its events. */
  paymentId: string;
  orderId: string;
  /** WG-100001, for the provider's page and the customer's bank statement. */
  orderLabel: string;
  amountMinor: number;
  currency: string;
  locale: string;
  email: string;
  returnUrl: string;
  cancelUrl: string;
  /** The same key for a retry of the same attempt: the provider answers the first result, never a second payment. */
  idempotencyKey: string;
}

export interface OpenedPayment {
  /** The provider's id of what the customer pays at (Stripe: the Checkout Session). */
  reference: string;
  /** The provider's payment, when it exists already (Stripe: the PaymentIntent). */
  intentId: string | null;
  redirectUrl: string;
  status: ShopPaymentStatus;
}

/** The provider's current truth about a payment, fetched from it (never taken from a webhook's body). */
export interface ProviderPayment {
  intentId: string;
  /** Our payment id as we gave it to the provider; null when the payment is not one of ours. */
  paymentId: string | null;
  status: ShopPaymentStatus;
  amountMinor: number;
  /** Upper case, ISO 4217. */
  currency: string;
  amountRefundedMinor: number;
  failureMessage: string | null;
}

/** A webhook event whose signature holds: only its id and what it is about are trusted, not its state. */
export interface VerifiedEvent {
  id: string;
  type: string;
  /** The provider's payment the event is about, or the object to resolve it from. */
  intentId: string | null;
  reference: string | null;
  payload: unknown;
}

export type WebhookVerdict =
  | { ok: true; event: VerifiedEvent }
  | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'forged' | 'unreadable' };

export interface RefundRequest {
  intentId: string;
  amountMinor: number;
  /** Our refund's id: a retried call gives back the same refund at the provider. */
  idempotencyKey: string;
  reason?: string | null;
}

export interface ProviderRefund {
  id: string;
  status: 'pending' | 'succeeded' | 'failed';
  failureMessage: string | null;
}

/**
 * A payment provider: Stripe's protocol now; Klarna and Swish are later adapters of the same shape. Every call that
 * creates something carries an idempotency key, so a retry after a timeout never charges or refunds twice.
 */
export interface PaymentProvider {
  /** The path segment of its webhook: POST /api/shop/payments/webhook/<name>. */
  readonly name: string;
  createPayment(request: PaymentRequest): Promise<OpenedPayment>;
  /** The provider's current state of a payment, by its intent id, or by the reference when no intent is known. */
  fetchStatus(ids: { intentId: string | null; reference: string | null }): Promise<ProviderPayment | null>;
  verifyWebhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): WebhookVerdict;
  refund(request: RefundRequest): Promise<ProviderRefund>;
}

/** The provider could not be reached or answered an error: the caller's attempt failed and may be retried. */
export class ProviderError extends Error {
  override name = 'ProviderError';
  constructor(
    message: string,
    readonly status: number | null,
    /** The provider's own error code (Stripe: `amount_too_large`, `idempotency_key_in_use` …). */
    readonly providerCode: string | null = null,
  ) {
    super(message);
  }
}

import { AppError } from '../../platform/http/errors.js';
import { stateConflict, unprocessable } from '../errors.js';

/** No card provider is set up on this hub (commerceStripeSecretKey and commerceStripeWebhookSecret). */
export const paymentsUnavailable = () =>
  new AppError(
    503,
    'commerce.payments_unavailable',
    'Card payments are not available in this shop right now; the shop has no payment provider set up',
    { retryAfterSeconds: 300 },
  );

/** The provider failed or could not be reached: a retry is safe, every call carries its idempotency key. */
export const providerFailed = (what: string, detail: string) =>
  new AppError(502, 'commerce.payment_provider_failed', `The payment provider could not ${what}: ${detail}`, {
    retryAfterSeconds: 5,
  });

export const unknownProvider = (name: string) =>
  new AppError(404, 'commerce.unknown_payment_provider', `No payment provider named ${name} is set up in this shop`);

const webhookRefusals = {
  missing: 'The Stripe-Signature header is missing',
  malformed: 'The Stripe-Signature header is not t=<unix seconds>,v1=<hex HMAC-SHA256>',
  stale: 'The Stripe-Signature timestamp is more than 5 minutes away from now (a replay?)',
  forged: 'The Stripe-Signature signature does not match the body with this endpoint’s secret',
  unreadable: 'The signed body is not an event (JSON with an id and a type)',
} as const;

export const webhookRefused = (reason: keyof typeof webhookRefusals) =>
  new AppError(400, 'commerce.webhook_signature_invalid', webhookRefusals[reason], {
    errors: [{ path: 'headers.stripe-signature', message: reason, code: 'webhook_signature_invalid' }],
  });

export const orderNotPayable = (number: string, status: string) =>
  stateConflict('order_not_payable', `Order ${number} is ${status}; only a created order can be paid`);

export const nothingToRefund = (number: string) =>
  stateConflict('nothing_to_refund', `Order ${number} has no money taken that is not given back already`);

export const overRefund = (number: string, requested: number, available: number) =>
  unprocessable(
    'over_refund',
    `Order ${number} has ${available} (minor units) left to refund; ${requested} is more than that`,
    [{ path: 'body.amountMinor', message: `at most ${available}`, maximum: available }],
  );

export const refundKeyReused = () =>
  stateConflict(
    'idempotency_key_reused',
    'This Idempotency-Key was used for a refund with other parameters; use a new key for a new refund',
  );

/** The provider refused the refund for good (Stripe: 4xx); the same request key answers this again. */
export const refundRefused = (message: string) =>
  stateConflict('refund_refused', `The payment provider refused the refund: ${message}`);

import { randomBytes } from 'node:crypto';
import type { PageSession } from './hosted-page.js';

/** A fresh id in Stripe's style (`pi_3Nx…`). */
export const stripeId = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`;
const now = () => Math.floor(Date.now() / 1000);

export interface Intent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  status: 'requires_payment_method' | 'succeeded' | 'canceled';
  metadata: Record<string, string>;
  description: string | null;
  latest_charge: string | null;
  last_payment_error: null | { type: string; code: string; decline_code: string; message: string };
  created: number;
  livemode: false;
}

export interface Session {
  id: string;
  object: 'checkout.session';
  mode: 'payment';
  amount_total: number;
  amount_subtotal: number;
  currency: string;
  client_reference_id: string | null;
  customer_email: string | null;
  locale: string;
  metadata: Record<string, string>;
  payment_intent: string;
  payment_status: 'unpaid' | 'paid';
  status: 'open' | 'complete' | 'expired';
  success_url: string;
  cancel_url: string | null;
  url: string | null;
  created: number;
  expires_at: number;
  livemode: false;
}

export interface Charge {
  id: string;
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  refunded: boolean;
  currency: string;
  payment_intent: string;
  paid: boolean;
  status: 'succeeded' | 'failed';
  failure_code: string | null;
  payment_method_details: { type: 'card'; card: { brand: 'visa'; last4: string } };
  created: number;
  livemode: false;
}

export interface Refund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  charge: string;
  payment_intent: string;
  status: 'succeeded';
  reason: string | null;
  metadata: Record<string, string>;
  created: number;
}

export interface StripeEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  type: string;
  data: { object: unknown };
  livemode: false;
  pending_webhooks: number;
  request: { id: null; idempotency_key: null };
}

/** The stand-in's objects, in memory, and the changes the hosted page and the API make to them. */
export class StandinStore {
  readonly sessions = new Map<string, Session>();
  readonly intents = new Map<string, Intent>();
  readonly charges = new Map<string, Charge>();
  readonly refunds = new Map<string, Refund>();
  readonly events: StripeEvent[] = [];
  readonly #productNames = new Map<string, string>();

  intent(data: { amount: number; currency: string; metadata: Record<string, string>; description: string | null }) {
    const intent: Intent = {
      id: stripeId('pi'),
      object: 'payment_intent',
      amount: data.amount,
      amount_received: 0,
      currency: data.currency,
      status: 'requires_payment_method',
      metadata: data.metadata,
      description: data.description,
      latest_charge: null,
      last_payment_error: null,
      created: now(),
      livemode: false,
    };
    this.intents.set(intent.id, intent);
    return intent;
  }

  session(data: {
    amount: number;
    currency: string;
    successUrl: string;
    cancelUrl: string | null;
    clientReferenceId: string | null;
    customerEmail: string | null;
    locale: string;
    metadata: Record<string, string>;
    paymentIntent: string;
    productName: string;
    baseUrl: string;
  }) {
    const id = stripeId('cs_test');
    const session: Session = {
      id,
      object: 'checkout.session',
      mode: 'payment',
      amount_total: data.amount,
      amount_subtotal: data.amount,
      currency: data.currency,
      client_reference_id: data.clientReferenceId,
      customer_email: data.customerEmail,
      locale: data.locale,
      metadata: data.metadata,
      payment_intent: data.paymentIntent,
      payment_status: 'unpaid',
      status: 'open',
      success_url: data.successUrl,
      cancel_url: data.cancelUrl,
      url: `${data.baseUrl}/pay/${id}`,
      created: now(),
      expires_at: now() + 86_400,
      livemode: false,
    };
    this.sessions.set(id, session);
    this.#productNames.set(id, data.productName);
    return session;
  }

  pageOf(session: Session): PageSession {
    return {
      id: session.id,
      amount: session.amount_total,
      currency: session.currency,
      locale: session.locale,
      productName: this.#productNames.get(session.id) ?? 'Order',
      cancelUrl: session.cancel_url,
      successUrl: session.success_url,
    };
  }

  /** Stripe fills `{CHECKOUT_SESSION_ID}` in the success URL with the session's id. */
  successUrl(session: Session): string {
    return session.success_url.replaceAll('{CHECKOUT_SESSION_ID}', session.id);
  }

  #charge(intent: Intent, digits: string, succeeded: boolean): Charge {
    const charge: Charge = {
      id: stripeId('ch'),
      object: 'charge',
      amount: intent.amount,
      amount_captured: succeeded ? intent.amount : 0,
      amount_refunded: 0,
      refunded: false,
      currency: intent.currency,
      payment_intent: intent.id,
      paid: succeeded,
      status: succeeded ? 'succeeded' : 'failed',
      failure_code: succeeded ? null : 'card_declined',
      payment_method_details: { type: 'card', card: { brand: 'visa', last4: digits.slice(-4) } },
      created: now(),
      livemode: false,
    };
    this.charges.set(charge.id, charge);
    intent.latest_charge = charge.id;
    return charge;
  }

  decline(intent: Intent, digits: string) {
    this.#charge(intent, digits, false);
    intent.status = 'requires_payment_method';
    intent.last_payment_error = {
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'generic_decline',
      message: 'Your card was declined.',
    };
  }

  succeed(intent: Intent, session: Session, digits: string) {
    this.#charge(intent, digits, true);
    intent.status = 'succeeded';
    intent.amount_received = intent.amount;
    intent.last_payment_error = null;
    session.status = 'complete';
    session.payment_status = 'paid';
  }

  chargeOfIntent(intentId: string): Charge | undefined {
    const intent = this.intents.get(intentId);
    return intent?.latest_charge ? this.charges.get(intent.latest_charge) : undefined;
  }

  refund(charge: Charge, amount: number, reason: string | null, metadata: Record<string, string>): Refund {
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded >= charge.amount;
    const refund: Refund = {
      id: stripeId('re'),
      object: 'refund',
      amount,
      currency: charge.currency,
      charge: charge.id,
      payment_intent: charge.payment_intent,
      status: 'succeeded',
      reason,
      metadata,
      created: now(),
    };
    this.refunds.set(refund.id, refund);
    return refund;
  }

  /** An event carries a snapshot of its object as it was when the event happened, as Stripe's do. */
  event(type: string, object: unknown): StripeEvent {
    const event: StripeEvent = {
      id: stripeId('evt'),
      object: 'event',
      api_version: '2024-06-20',
      created: now(),
      type,
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
    };
    this.events.push(event);
    return event;
  }
}

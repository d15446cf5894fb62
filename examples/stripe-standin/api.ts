import type { IncomingMessage } from 'node:http';
import { canonical, type FormTree, parseForm } from './form.js';
import type { Charge, Intent, Refund, Session, StandinStore } from './store.js';

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export class StripeError {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly message: string,
    readonly extra: { code?: string; param?: string; decline_code?: string } = {},
  ) {}
  reply(): Reply {
    return { status: this.status, body: { error: { type: this.type, message: this.message, ...this.extra } } };
  }
}

export const invalid = (message: string, param?: string, code?: string) =>
  new StripeError(400, 'invalid_request_error', message, {
    ...(param && { param }),
    ...(code && { code }),
  });

export const text = (value: FormTree | undefined): string | undefined =>
  typeof value === 'string' ? value : undefined;
const record = (value: FormTree | undefined): Record<string, string> => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
};
function integer(value: FormTree | undefined, param: string, min: number): number {
  const raw = text(value);
  if (raw === undefined || !/^-?\d+$/.test(raw)) throw invalid(`Invalid integer: ${raw ?? '(missing)'}`, param);
  const number = Number(raw);
  if (number < min) throw invalid(`This value must be greater than or equal to ${min}.`, param);
  return number;
}

/** Stripe's API as the stand-in speaks it: Checkout Sessions, PaymentIntents, Refunds, with Idempotency-Key. */
export class StandinApi {
  readonly #idempotency = new Map<string, { fingerprint: string; reply: Reply | null }>();

  constructor(
    private readonly store: StandinStore,
    private readonly secretKey: string,
    private readonly emit: (type: string, object: Intent | Session | Charge | Refund) => void,
    private readonly baseUrl: () => string,
    private readonly log: (line: string) => void,
  ) {}

  createSession(params: Record<string, FormTree>): Reply {
    if (text(params.mode) !== 'payment') throw invalid('The stand-in only speaks mode=payment.', 'mode');
    const successUrl = text(params.success_url);
    if (!successUrl || !/^https?:\/\//.test(successUrl)) throw invalid('Not a valid URL', 'success_url', 'url_invalid');
    const cancelUrl = text(params.cancel_url) ?? null;
    const items = params.line_items;
    if (!Array.isArray(items) || items.length === 0)
      throw invalid('line_items is required in payment mode.', 'line_items');
    let currency: string | null = null;
    let amount = 0;
    let productName = '';
    items.forEach((item, index) => {
      const line = item as Record<string, FormTree>;
      const priceData = line.price_data as Record<string, FormTree> | undefined;
      if (!priceData || typeof priceData !== 'object')
        throw invalid('The stand-in knows line_items with price_data only.', `line_items[${index}][price_data]`);
      const lineCurrency = text(priceData.currency)?.toLowerCase();
      if (!lineCurrency || !/^[a-z]{3}$/.test(lineCurrency))
        throw invalid('Invalid currency', `line_items[${index}][price_data][currency]`);
      if (currency && currency !== lineCurrency)
        throw invalid('All line items must have the same currency.', `line_items[${index}][price_data][currency]`);
      currency = lineCurrency;
      const unitAmount = integer(priceData.unit_amount, `line_items[${index}][price_data][unit_amount]`, 0);
      const quantity = integer(line.quantity, `line_items[${index}][quantity]`, 1);
      const product = priceData.product_data as Record<string, FormTree> | undefined;
      const name = text(product?.name);
      if (!name) throw invalid('Missing required param.', `line_items[${index}][price_data][product_data][name]`);
      productName ||= name;
      amount += unitAmount * quantity;
    });
    if (amount <= 0)
      throw invalid(
        'The Checkout Session’s total amount due must add up to more than zero.',
        'line_items',
        'amount_too_small',
      );
    const intentData = (params.payment_intent_data ?? {}) as Record<string, FormTree>;
    const intent = this.store.intent({
      amount,
      currency: currency as unknown as string,
      metadata: record(intentData.metadata),
      description: text(intentData.description) ?? null,
    });
    const session = this.store.session({
      amount,
      currency: currency as unknown as string,
      successUrl,
      cancelUrl,
      clientReferenceId: text(params.client_reference_id) ?? null,
      customerEmail: text(params.customer_email) ?? null,
      locale: text(params.locale) ?? 'auto',
      metadata: record(params.metadata),
      paymentIntent: intent.id,
      productName,
      baseUrl: this.baseUrl(),
    });
    this.log(`checkout session ${session.id} for ${amount} ${currency}`);
    return { status: 200, body: session };
  }

  createRefund(params: Record<string, FormTree>): Reply {
    const intentId = text(params.payment_intent);
    const chargeId = text(params.charge);
    const charge = intentId
      ? this.store.chargeOfIntent(intentId)
      : chargeId
        ? this.store.charges.get(chargeId)
        : undefined;
    if (!intentId && !chargeId) throw invalid('One of charge or payment_intent is required.', 'payment_intent');
    if (intentId && !this.store.intents.has(intentId))
      throw invalid(`No such payment_intent: '${intentId}'`, 'payment_intent', 'resource_missing');
    if (charge?.status !== 'succeeded')
      throw invalid(
        'This PaymentIntent does not have a successful charge to refund.',
        'payment_intent',
        'charge_not_refundable',
      );
    const remaining = charge.amount - charge.amount_refunded;
    if (remaining <= 0)
      throw invalid(`Charge ${charge.id} has already been refunded.`, 'amount', 'charge_already_refunded');
    const amount = params.amount === undefined ? remaining : integer(params.amount, 'amount', 1);
    if (amount > remaining)
      throw invalid(
        `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`,
        'amount',
        'amount_too_large',
      );
    const refund = this.store.refund(charge, amount, text(params.reason) ?? null, record(params.metadata));
    this.emit('charge.refunded', charge);
    return { status: 200, body: refund };
  }

  /** One API request: Bearer (or Basic) secret key; POSTs honour Idempotency-Key with Stripe's rules. */
  handle(request: IncomingMessage, path: string, query: URLSearchParams, body: string): Reply {
    const auth = request.headers.authorization ?? '';
    const presented = auth.startsWith('Bearer ')
      ? auth.slice(7)
      : auth.startsWith('Basic ')
        ? Buffer.from(auth.slice(6), 'base64').toString().split(':')[0]
        : undefined;
    if (presented !== this.secretKey) {
      return new StripeError(
        401,
        'invalid_request_error',
        presented ? `Invalid API Key provided: ${presented.slice(0, 8)}…` : 'You did not provide an API key.',
      ).reply();
    }
    const method = request.method ?? 'GET';
    const params = method === 'POST' ? parseForm(body) : {};
    /** A GET of one object: `/v1/<collection>/<id>`, or 404 in Stripe's words. */
    const retrieve = <T>(collection: string, objectName: string, objects: Map<string, T>): T | undefined => {
      if (method !== 'GET' || !path.startsWith(`/v1/${collection}/`)) return undefined;
      const id = path.slice(`/v1/${collection}/`.length);
      const found = objects.get(id);
      if (!found)
        throw new StripeError(404, 'invalid_request_error', `No such ${objectName}: '${id}'`, {
          code: 'resource_missing',
          param: 'id',
        });
      return found;
    };
    const route = (): Reply => {
      if (method === 'POST' && path === '/v1/checkout/sessions') return this.createSession(params);
      if (method === 'POST' && path === '/v1/refunds') return this.createRefund(params);
      const session = retrieve('checkout/sessions', 'checkout.session', this.store.sessions);
      if (session) return { status: 200, body: session };
      const intent = retrieve('payment_intents', 'payment_intent', this.store.intents);
      if (intent) {
        const charge = intent.latest_charge ? this.store.charges.get(intent.latest_charge) : undefined;
        const expand = query.getAll('expand[]').includes('latest_charge');
        return { status: 200, body: expand && charge ? { ...intent, latest_charge: charge } : intent };
      }
      const refund = retrieve('refunds', 'refund', this.store.refunds);
      if (refund) return { status: 200, body: refund };
      throw new StripeError(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path}).`);
    };
    const run = (): Reply => {
      try {
        return route();
      } catch (error) {
        if (error instanceof StripeError) return error.reply();
        throw error;
      }
    };

    const key = method === 'POST' ? request.headers['idempotency-key'] : undefined;
    if (typeof key !== 'string') return run();
    if (key.length > 255)
      return invalid(
        'Idempotency-Key must be at most 255 characters long.',
        undefined,
        'idempotency_key_too_long',
      ).reply();
    const fingerprint = `${method} ${path} ${canonical(params)}`;
    const scoped = `${this.secretKey}:${key}`;
    const seen = this.#idempotency.get(scoped);
    if (seen) {
      if (seen.fingerprint !== fingerprint) {
        return new StripeError(
          400,
          'idempotency_error',
          `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        ).reply();
      }
      if (!seen.reply)
        return new StripeError(
          409,
          'idempotency_error',
          'There is currently another in-progress request using this Stripe API key and idempotency key. Please try again later.',
          { code: 'idempotency_key_in_use' },
        ).reply();
      return { ...seen.reply, headers: { ...seen.reply.headers, 'idempotent-replayed': 'true' } };
    }
    this.#idempotency.set(scoped, { fingerprint, reply: null });
    const reply = run();
    // Stripe saves the result once the endpoint ran, errors included, but not a request refused as invalid.
    if (reply.status === 400) this.#idempotency.delete(scoped);
    else this.#idempotency.set(scoped, { fingerprint, reply });
    return { ...reply, headers: { ...reply.headers, 'idempotency-key': key } };
  }
}

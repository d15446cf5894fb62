import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { type StripeStandin, startStripeStandin } from '../../../examples/stripe-standin/standin.js';
import type { CatalogPart } from '../src/commerce/catalog/catalog-part.js';
import type { OrderDraft } from '../src/commerce/orders/order-service.js';
import { createOrdersPart } from '../src/commerce/orders/orders-part.js';
import type { PaymentProvider } from '../src/commerce/payments/payment-provider.js';
import type { RequestContext } from '../src/platform/context.js';
import type { StoreLocation } from '../src/platform/db/database.js';
import { type SmtpTestServer, startSmtpTestServer } from './smtp-test-server.js';
import { startTestNode, type TestNode } from './test-node.js';

export const WEBHOOK_SECRET = 'whsec_test_orders_0123456789';
export const SECRET_KEY = 'sk_test_orders_0123456789';

export const guestContext = (): RequestContext => ({ actor: null, requestId: `test-${randomUUID()}`, locale: 'sv' });

const address = {
  name: 'Anna Svensson',
  line1: 'Hamngatan 4',
  postalCode: '211 22',
  city: 'Malmö',
  country: 'SE',
  phone: '+46701234567',
};

/** A priced order as checkout hands it over: a propeller for a Yamaha F40 and a life jacket, PostNord to Malmö. */
export function draftOf(overrides: Partial<OrderDraft> & { email?: string; userId?: string | null } = {}): OrderDraft {
  const lines: OrderDraft['lines'] = overrides.lines ?? [
    {
      variantId: randomUUID(),
      productId: randomUUID(),
      sku: 'PROP-YF40-13X11',
      name: 'Aluminiumpropeller 13 × 11 för Yamaha F40',
      optionValues: { pitch: '11' },
      quantity: 1,
      unitPriceMinor: 129_900,
      regularPriceMinor: 129_900,
      lowestPrice30dMinor: null,
      vatRateBp: 2500,
      weightGrams: 1500,
      bulky: false,
      categoryIds: [],
      backordered: 0,
      discountMinor: 0,
    },
    {
      variantId: randomUUID(),
      productId: randomUUID(),
      sku: 'VEST-150N-L',
      name: 'Flytväst 150N',
      optionValues: { size: 'L' },
      quantity: 2,
      unitPriceMinor: 89_900,
      regularPriceMinor: 99_900,
      lowestPrice30dMinor: 89_900,
      vatRateBp: 2500,
      weightGrams: 800,
      bulky: false,
      categoryIds: [],
      backordered: 1,
      discountMinor: 10_000,
    },
  ];
  const subtotal = lines.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0);
  const discount = lines.reduce((sum, line) => sum + line.discountMinor, 0);
  const shipping = 9_900;
  const total = subtotal - discount + shipping;
  const vat = Math.round((total * 2500) / 12_500);
  return {
    customer: {
      userId: overrides.userId ?? null,
      email: overrides.email ?? 'anna.svensson@example.org',
      name: 'Anna Svensson',
      phone: '+46701234567',
      kind: 'person',
    },
    currency: 'SEK',
    locale: 'sv',
    lines,
    shipping: {
      methodCode: 'postnord-parcel',
      name: 'PostNord paket',
      amountMinor: shipping,
      vatRateBp: 2500,
      scheduled: false,
      address,
    },
    billingAddress: address,
    discountCode: null,
    totals: {
      subtotalMinor: subtotal,
      discountMinor: discount,
      shippingMinor: shipping,
      totalMinor: total,
      vatMinor: vat,
      vatByRate: [{ rateBp: 2500, baseMinor: total - vat, vatMinor: vat }],
    },
    ...overrides,
  };
}

/** Stock is the catalog's; these tests count what comes back to it. */
export function countingStock() {
  const restored: Array<{ sku: string; quantity: number }> = [];
  const catalog = {
    stock: {
      restore: async (_trx: unknown, lines: Array<{ sku: string; quantity: number }>) => {
        restored.push(...lines);
      },
    },
  } as unknown as CatalogPart;
  return { catalog, restored };
}

export interface ShopRig {
  node: TestNode;
  smtp: SmtpTestServer;
  standin: StripeStandin;
  baseUrl: string;
  /** The orders part on the node's platform: what checkout calls. */
  part: ReturnType<typeof createOrdersPart>;
  place(draft?: OrderDraft): Promise<{ id: string; number: number; accessToken: string }>;
  /** Places an order and opens its payment; answers the order and the stand-in's session id. */
  placeAndStart(draft?: OrderDraft): Promise<{ id: string; number: number; accessToken: string; sessionId: string }>;
  /** Places an order and pays it at the stand-in with a card that succeeds; resolves once the webhooks are in. */
  placePaid(draft?: OrderDraft): Promise<{ id: string; number: number; accessToken: string; sessionId: string }>;
  orderStatus(id: string): Promise<string>;
  /** Counts of the stock the orders part gave back to the catalog. */
  restored: Array<{ sku: string; quantity: number }>;
  close(): Promise<void>;
}

/** A hub with e-mail going to a real SMTP server and card payments going to the Stripe stand-in. */
export async function startShopRig(
  store: { create(): Promise<{ location: StoreLocation; release: () => Promise<void> }> },
  options: { providers?: PaymentProvider[]; demo?: boolean } = {},
): Promise<ShopRig> {
  const smtp = await startSmtpTestServer();
  const standin = await startStripeStandin({
    webhookSecret: WEBHOOK_SECRET,
    secretKey: SECRET_KEY,
    retry: { attempts: 5, baseMs: 20 },
  });
  const created = await store.create();
  const node = await startTestNode(created.location, {
    demo: options.demo ?? false,
    smtpUrl: smtp.url,
    mailRetryBaseMs: 10,
    commerceStripeApiUrl: standin.url,
    commerceStripeSecretKey: SECRET_KEY,
    commerceStripeWebhookSecret: WEBHOOK_SECRET,
  });
  const baseUrl = await node.app.listen({ host: '127.0.0.1', port: 0 });
  standin.setWebhookUrl(`${baseUrl}/api/shop/payments/webhook/stripe`);
  const { catalog, restored } = countingStock();
  const part = createOrdersPart(node.platform, catalog, options.providers);
  const place = (draft = draftOf()) =>
    node.platform.transaction((trx) => part.orders.place(trx, guestContext(), draft));
  const placeAndStart = async (draft = draftOf()) => {
    const order = await place(draft);
    const started = await part.payments.start(guestContext(), {
      orderId: order.id,
      orderNumber: order.number,
      amountMinor: draft.totals.totalMinor,
      currency: draft.currency,
      locale: draft.locale,
      email: draft.customer.email,
      returnUrl: `${baseUrl}/shop/orders/${order.id}?token=${order.accessToken}`,
      cancelUrl: `${baseUrl}/shop/checkout`,
    });
    const sessionId = new URL(started.redirectUrl).pathname.split('/').at(-1) as string;
    return { ...order, sessionId };
  };
  return {
    node,
    smtp,
    standin,
    baseUrl,
    part,
    place,
    placeAndStart,
    restored,
    async placePaid(draft = draftOf()) {
      const order = await placeAndStart(draft);
      const paid = await standin.pay(order.sessionId, '4242 4242 4242 4242');
      if (paid.status !== 303) throw new Error(`the stand-in did not take the card: ${paid.status}`);
      await standin.settle();
      return order;
    },
    async orderStatus(id) {
      const row = await sql<{ status: string }>`select status from commerce.orders where id = ${id}`.execute(
        node.platform.db,
      );
      return row.rows[0]?.status ?? 'missing';
    },
    async close() {
      await standin.settle();
      await node.close();
      await created.release();
      await standin.close();
      await smtp.close();
    },
  };
}

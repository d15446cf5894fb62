import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { systemContext } from '../../platform/context.js';
import type { Platform } from '../../platform/platform.js';
import type { PricingService } from '../catalog/pricing-service.js';
import { vatOf } from '../money.js';
import { type PaymentsTables, paymentsRepository } from '../payments/payments-repository.js';
import type { OrderDraft, OrderService } from './order-service.js';
import { reachedAtColumn } from './order-states.js';
import { ordersRepository } from './orders-repository.js';
import type { OrdersTables, ShopOrderStatus } from './orders-tables.js';

/** Demo customers are recognisable by their domain, which no mail server answers. */
const DEMO_DOMAIN = 'demo.westgear.example';

const people = [
  { name: 'Anna Lindqvist', city: 'Göteborg', postalCode: '413 01', line1: 'Masthuggstorget 3', locale: 'sv' },
  { name: 'Johan Ekström', city: 'Stockholm', postalCode: '111 48', line1: 'Skeppsbron 22', locale: 'sv' },
  { name: 'Maria Nyberg', city: 'Luleå', postalCode: '972 31', line1: 'Storgatan 41', locale: 'sv' },
  { name: 'Peter Holm', city: 'Kalmar', postalCode: '392 31', line1: 'Larmgatan 8', locale: 'sv' },
  { name: 'Emma Wilson', city: 'Malmö', postalCode: '211 20', line1: 'Stortorget 9', locale: 'en' },
  { name: 'Lars Berg', city: 'Strömstad', postalCode: '452 30', line1: 'Södra Hamngatan 5', locale: 'sv' },
];

/** Where each demo order got to, oldest first: the admin list and the reports show a little of everything. */
const paths: ShopOrderStatus[][] = [
  ['paid', 'shipped', 'delivered'],
  ['paid', 'shipped', 'delivered'],
  ['paid', 'shipped', 'delivered', 'returned'],
  ['paid', 'shipped', 'delivered'],
  ['paid', 'shipped'],
  ['cancelled'],
  ['paid', 'shipped', 'delivered'],
  ['paid', 'shipped'],
  ['paid'],
  ['paid'],
  [],
  ['paid'],
];

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z ]/g, '')
    .replace(/ /g, '.');

/**
 * A month of WestGear orders for the admin pages and reports: priced from the catalog's demo products through its
 * pricing service, paid by card, some shipped and delivered. Written as history (no e-mails are sent for them).
 * Safe to run twice: it does nothing once demo orders exist, or when the catalog has nothing to sell.
 */
export async function seedOrdersDemo(platform: Platform, orders: OrderService, pricing: PricingService) {
  const existing = await sql<{ n: number }>`
    select count(*)::int as n from commerce.orders where email like ${`%@${DEMO_DOMAIN}`}`.execute(platform.db);
  if (Number(existing.rows[0]?.n) > 0) return;
  const skus = await pricing.pricedSkus(platform.db, 'SEK', 12);
  if (skus.length === 0) return;
  const ctx = systemContext('demo');
  const now = Date.now();

  for (const [index, path] of paths.entries()) {
    const person = people[index % people.length] as (typeof people)[number];
    const picked = [...new Set([skus[index % skus.length], skus[(index * 5 + 3) % skus.length]])].filter(
      (sku): sku is string => Boolean(sku),
    );
    let lines: Awaited<ReturnType<PricingService['priceLines']>>;
    try {
      lines = await pricing.priceLines(platform.db, {
        currency: 'SEK',
        locale: person.locale,
        lines: picked.map((sku, at) => ({ sku, quantity: at === 0 ? 1 : 1 + (index % 3) })),
      });
    } catch {
      continue;
    }
    const address = {
      name: person.name,
      line1: person.line1,
      postalCode: person.postalCode,
      city: person.city,
      country: 'SE',
    };
    const shipping = { methodCode: 'postnord-parcel', name: 'PostNord', amountMinor: 9_900, vatRateBp: 2500 };
    const rates = new Map<number, { baseMinor: number; vatMinor: number }>();
    const add = (rateBp: number, gross: number) => {
      const rate = rates.get(rateBp) ?? { baseMinor: 0, vatMinor: 0 };
      const vat = vatOf(gross, rateBp);
      rate.vatMinor += vat;
      rate.baseMinor += gross - vat;
      rates.set(rateBp, rate);
    };
    for (const line of lines) add(line.vatRateBp, line.unitPriceMinor * line.quantity);
    add(shipping.vatRateBp, shipping.amountMinor);
    const subtotal = lines.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0);
    const vatByRate = [...rates].map(([rateBp, rate]) => ({ rateBp, ...rate }));
    const draft: OrderDraft = {
      customer: {
        userId: null,
        email: `${slug(person.name)}@${DEMO_DOMAIN}`,
        name: person.name,
        kind: 'person',
      },
      currency: 'SEK',
      locale: person.locale,
      lines: lines.map((line) => ({ ...line, backordered: 0, discountMinor: 0 })),
      shipping: { ...shipping, scheduled: lines.some((line) => line.bulky), address },
      billingAddress: address,
      discountCode: null,
      totals: {
        subtotalMinor: subtotal,
        discountMinor: 0,
        shippingMinor: shipping.amountMinor,
        totalMinor: subtotal + shipping.amountMinor,
        vatMinor: vatByRate.reduce((sum, rate) => sum + rate.vatMinor, 0),
        vatByRate,
      },
    };
    // Spread over the last 30 days, a little after nine in the morning.
    const placedAt = new Date(now - (30 - index * 2.5) * 86_400_000);
    await platform.transaction(async (trx) => {
      const { id } = await orders.place(trx, ctx, draft);
      const tdb = trx.withTables<OrdersTables & PaymentsTables>();
      await tdb.updateTable('commerce.orders').set({ created_at: placedAt }).where('id', '=', id).execute();
      await tdb.updateTable('commerce.order_events').set({ at: placedAt }).where('order_id', '=', id).execute();
      if (path[0] === 'paid')
        await paymentsRepository.insert(tdb, {
          id: randomUUID(),
          order_id: id,
          provider: 'stripe',
          attempt: 1,
          reference: `cs_demo_${id.slice(0, 8)}`,
          intent_id: `pi_demo_${id.slice(0, 8)}`,
          redirect_url: null,
          status: 'captured',
          amount_minor: draft.totals.totalMinor,
          currency: 'SEK',
          failure_message: null,
        });
      let from: ShopOrderStatus = 'created';
      for (const [step, to] of path.entries()) {
        const at = new Date(placedAt.getTime() + (step === 0 ? 600_000 : step * 86_400_000));
        const tracking = to === 'shipped' ? `00370712345${String(100_000 + index).slice(1)}SE` : null;
        await tdb
          .updateTable('commerce.orders')
          .set({ status: to, [reachedAtColumn[to]]: at, ...(tracking && { tracking_number: tracking }) })
          .where('id', '=', id)
          .execute();
        await ordersRepository.addEvent(tdb, {
          order_id: id,
          at,
          actor_id: null,
          actor_name: to === 'paid' ? 'system:payments:stripe' : 'system:demo',
          kind: 'status',
          from_status: from,
          to_status: to,
          tracking_number: tracking,
        });
        from = to;
      }
    });
  }
}

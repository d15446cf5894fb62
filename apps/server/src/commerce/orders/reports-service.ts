import type { SalesReport, TopProductsReport } from '@kontor/contracts';
import { sql } from 'kysely';
import type { RequestContext } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import type { Db, Platform } from '../../platform/platform.js';
import { dayRange, SHOP_TIME_ZONE } from './shop-days.js';

/** The longest period a report covers in one request: a little over two years of days. */
const MAX_DAYS = 800;

function checkPeriod(from: string, to: string) {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days < 0)
    throw new AppError(400, 'validation_failed', 'The period ends before it begins', {
      errors: [{ path: 'querystring.to', message: 'is before from' }],
    });
  if (days > MAX_DAYS)
    throw new AppError(400, 'validation_failed', `A report covers at most ${MAX_DAYS} days`, {
      errors: [{ path: 'querystring.to', message: `at most ${MAX_DAYS} days after from`, maximum: MAX_DAYS }],
    });
}

interface Money {
  orders: number;
  totalMinor: number;
  vatMinor: number;
  netMinor: number;
  refundedMinor: number;
}
const empty = (): Money => ({ orders: 0, totalMinor: 0, vatMinor: 0, netMinor: 0, refundedMinor: 0 });

/**
 * The shop's figures (`commerce.reports`), in shop days (Europe/Stockholm). Sales count an order on the day it was
 * paid, whatever happened to it later; money given back counts on the day it was refunded, so a day's figures never
 * change after the day.
 */
export class ReportsService {
  readonly #db: Db;

  constructor(platform: Platform) {
    this.#db = platform.db;
  }

  async sales(_ctx: RequestContext, query: { from: string; to: string; currency?: string }): Promise<SalesReport> {
    checkPeriod(query.from, query.to);
    const { start, end } = dayRange(query.from, query.to);
    const currency = query.currency ? sql`and currency = ${query.currency}` : sql``;
    const sold = await sql<{ day: string; currency: string; orders: number; total: number; vat: number }>`
      select to_char((paid_at at time zone ${SHOP_TIME_ZONE})::date, 'YYYY-MM-DD') as day, currency,
        count(*)::int as orders, sum(total_minor)::bigint as total, sum(vat_minor)::bigint as vat
      from commerce.orders
      where paid_at >= ${start} and paid_at < ${end} ${currency}
      group by 1, 2`.execute(this.#db);
    const refunded = await sql<{ day: string; currency: string; amount: number }>`
      select to_char((settled_at at time zone ${SHOP_TIME_ZONE})::date, 'YYYY-MM-DD') as day, currency,
        sum(amount_minor)::bigint as amount
      from commerce.refunds
      where status = 'succeeded' and settled_at >= ${start} and settled_at < ${end} ${currency}
      group by 1, 2`.execute(this.#db);

    const days = new Map<string, Money & { day: string; currency: string }>();
    const row = (day: string, code: string) => {
      const key = `${day} ${code}`;
      let entry = days.get(key);
      if (!entry) {
        entry = { day, currency: code, ...empty() };
        days.set(key, entry);
      }
      return entry;
    };
    for (const sale of sold.rows) {
      const entry = row(sale.day, sale.currency);
      entry.orders = Number(sale.orders);
      entry.totalMinor = Number(sale.total);
      entry.vatMinor = Number(sale.vat);
      entry.netMinor = entry.totalMinor - entry.vatMinor;
    }
    for (const refund of refunded.rows) row(refund.day, refund.currency).refundedMinor = Number(refund.amount);
    const sorted = [...days.values()].sort(
      (a, b) => a.day.localeCompare(b.day) || a.currency.localeCompare(b.currency),
    );

    const totals = new Map<string, Money & { currency: string }>();
    for (const day of sorted) {
      const total = totals.get(day.currency) ?? { currency: day.currency, ...empty() };
      total.orders += day.orders;
      total.totalMinor += day.totalMinor;
      total.vatMinor += day.vatMinor;
      total.netMinor += day.netMinor;
      total.refundedMinor += day.refundedMinor;
      totals.set(day.currency, total);
    }
    return {
      from: query.from,
      to: query.to,
      timeZone: SHOP_TIME_ZONE,
      days: sorted,
      totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    };
  }

  /**
   * The products that sold most in a period and currency, by revenue (VAT included, after line discounts) or by
   * units. Orders cancelled or refunded in full do not count: those goods did not stay sold.
   */
  async topProducts(
    _ctx: RequestContext,
    query: { from: string; to: string; currency: string; by: 'revenue' | 'quantity'; limit: number },
  ): Promise<TopProductsReport> {
    checkPeriod(query.from, query.to);
    const { start, end } = dayRange(query.from, query.to);
    const order = query.by === 'revenue' ? sql`revenue desc, quantity desc` : sql`quantity desc, revenue desc`;
    const rows = await sql<{ product_id: string; name: string; quantity: number; revenue: number; orders: number }>`
      select l.product_id, (array_agg(l.name order by o.paid_at desc))[1] as name,
        sum(l.quantity)::bigint as quantity, sum(l.total_minor)::bigint as revenue,
        count(distinct l.order_id)::int as orders
      from commerce.order_lines l
      join commerce.orders o on o.id = l.order_id
      where o.paid_at >= ${start} and o.paid_at < ${end} and o.currency = ${query.currency}
        and o.status not in ('cancelled', 'refunded')
      group by l.product_id
      order by ${order}, l.product_id
      limit ${query.limit}`.execute(this.#db);
    return {
      from: query.from,
      to: query.to,
      currency: query.currency,
      by: query.by,
      items: rows.rows.map((item) => ({
        productId: item.product_id,
        name: item.name,
        quantity: Number(item.quantity),
        revenueMinor: Number(item.revenue),
        orders: Number(item.orders),
      })),
    };
  }
}

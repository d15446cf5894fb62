import type { Order, OrderListQuery } from '@kontor/contracts';
import type { RequestContext } from '../platform/context.js';
import { type ExportFormat, toCsv, toXlsx } from '../platform/files/spreadsheet.js';
import type { OrderService } from './order-service.js';

/** Column names are stable codes, not translated, so a supplier's script can read them. */
const HEADER = [
  'order_number',
  'unit',
  'status',
  'delivery',
  'placed_at',
  'placed_by',
  'requested_date',
  'delivery_address',
  'article_number',
  'article',
  'quantity',
  'unit_of_issue',
  'pack_size',
  'note',
];
const PAGE = 500;

/** One row per order line, so a spreadsheet sums quantities per article without unpacking anything. */
export function orderRows(orders: Order[]): string[][] {
  return [
    HEADER,
    ...orders.flatMap((order) =>
      order.lines.map((line) => [
        order.number,
        order.unitName,
        order.status,
        order.delivery ?? '',
        order.createdAt,
        order.createdByName,
        order.requestedDate,
        order.deliveryAddress,
        line.articleNumber,
        line.name,
        String(line.quantity),
        line.unit,
        String(line.packSize),
        order.note,
      ]),
    ),
  ];
}

export class OrderExport {
  constructor(private readonly orders: OrderService) {}

  async export(ctx: RequestContext, filters: Omit<OrderListQuery, 'limit' | 'offset'>, format: ExportFormat) {
    const all: Order[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.orders.list(ctx, { ...filters, limit: PAGE, offset });
      all.push(...page.orders);
      if (page.orders.length < PAGE) break;
    }
    const rows = orderRows(all);
    return format === 'csv' ? toCsv(rows) : toXlsx(rows, 'Orders', all[0]?.lastChangedAt ?? null);
  }
}

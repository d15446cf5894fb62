import type { FeedItem, FeedPage } from '@kontor/contracts';
import type { OrderService } from './order-service.js';
import type { SuppliesDb } from './tables.js';

/**
 * What happened to orders on this node, in the order it happened (`supplies.feed_events`, written by triggers
 * whether an order was placed here or arrived by replication). Suppliers' services page through it with a cursor;
 * the webhooks push the same items.
 */
export class SupplierFeed {
  constructor(
    private readonly db: SuppliesDb,
    private readonly orders: OrderService,
  ) {}

  async page(after: number, limit: number): Promise<FeedPage> {
    const events = await this.db
      .selectFrom('supplies.feed_events')
      .selectAll()
      .where('seq', '>', String(after))
      .orderBy('seq')
      .limit(limit)
      .execute();
    const orders = new Map(
      (await this.orders.byIds([...new Set(events.map((event) => event.order_id))])).map((order) => [order.id, order]),
    );
    const items = events.flatMap((event): FeedItem[] => {
      const found = orders.get(event.order_id);
      if (!found) return [];
      const {
        delivery: _delivery,
        deliveryReason: _reason,
        deliveryChangedAt: _changedAt,
        editable: _editable,
        originNodeName: _name,
        ...order
      } = found;
      return [{ cursor: Number(event.seq), kind: event.kind, at: new Date(event.at).toISOString(), order }];
    });
    return { items, next: events.length > 0 ? Number(events.at(-1)?.seq) : after };
  }
}

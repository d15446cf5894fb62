import type { Order, OrderStatus } from '@kontor/contracts';

/** What a badge says about an order, most urgent first: the hub's refusal, then "only here", then the status. */
export type OrderBadgeKind = 'rejected' | 'local' | 'sent' | Exclude<OrderStatus, 'new'>;

export const orderBadgeColors: Record<OrderBadgeKind, string> = {
  rejected: 'red',
  local: 'yellow',
  sent: 'blue',
  received: 'indigo',
  confirmed: 'teal',
  delivered: 'green',
  cancelled: 'gray',
  withdrawn: 'gray',
};

/**
 * A nurse's first question is whether the order reached the hub: a refusal or a change still waiting on this
 * node outranks whatever status the hub gave before. A new order the hub holds is simply "sent".
 */
export function orderBadge(order: Pick<Order, 'status' | 'delivery' | 'deliveryReason'>): {
  kind: OrderBadgeKind;
  reason: string | null;
} {
  if (order.delivery === 'rejected') return { kind: 'rejected', reason: order.deliveryReason };
  if (order.delivery === 'local') return { kind: 'local', reason: null };
  if (order.status === 'new') return { kind: 'sent', reason: null };
  return { kind: order.status, reason: null };
}

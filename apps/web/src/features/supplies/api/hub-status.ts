import type { HubOrderStatus, OrderStatus } from '@kontor/contracts';

/** The hub's status moves forward only, as the server allows (supplies/order-service.ts): offered buttons match. */
const NEXT_STATUSES: Record<OrderStatus, readonly HubOrderStatus[]> = {
  new: ['received', 'confirmed', 'cancelled'],
  received: ['confirmed', 'delivered', 'cancelled'],
  confirmed: ['delivered', 'cancelled'],
  delivered: [],
  cancelled: [],
  withdrawn: [],
};

export const nextStatuses = (status: OrderStatus) => NEXT_STATUSES[status];

/** The step the supply room usually takes next, for the one highlighted button. */
export function usualNextStatus(status: OrderStatus): HubOrderStatus | null {
  return nextStatuses(status).find((next) => next !== 'cancelled') ?? null;
}

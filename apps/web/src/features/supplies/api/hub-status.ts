import { type HubOrderStatus, nextStatuses, type OrderStatus } from '@kontor/contracts';

/** The step the supply room usually takes next, for the one highlighted button. */
export function usualNextStatus(status: OrderStatus): HubOrderStatus | null {
  return nextStatuses(status).find((next) => next !== 'cancelled') ?? null;
}

import type { DeliveryState, OrderStatus } from '@kontor/contracts';

/** The hub's queue: what still waits for someone at the hub (new or received, not yet confirmed). */
export const OPEN_STATUSES = 'open';

/** What the filter form holds: dates as the date inputs give them (YYYY-MM-DD). */
export interface OrderFilters {
  unitId: string;
  status: OrderStatus | typeof OPEN_STATUSES | '';
  delivery: DeliveryState | '';
  q: string;
  from: string;
  to: string;
  openRequests: boolean;
}

export const noOrderFilters: OrderFilters = {
  unitId: '',
  status: '',
  delivery: '',
  q: '',
  from: '',
  to: '',
  openRequests: false,
};

export const hubQueueFilters: OrderFilters = { ...noOrderFilters, status: OPEN_STATUSES };

/** The statuses to ask for, one request each; `undefined` asks for every status. */
export function filterStatuses(filters: OrderFilters): Array<OrderStatus | undefined> {
  if (filters.status === OPEN_STATUSES) return ['new', 'received'];
  return [filters.status || undefined];
}

/** The query string of GET /api/supplies/orders (and of its export) for one status. */
export function orderQuery(filters: OrderFilters, status: OrderStatus | undefined) {
  return {
    unitId: filters.unitId || undefined,
    status,
    delivery: filters.delivery || undefined,
    q: filters.q.trim() || undefined,
    openRequests: filters.openRequests ? 'true' : undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
  };
}

/**
 * The export's address with the list's filters, so the file holds what the screen shows. The export takes one
 * status: the queue's "new or received" exports both by leaving the status out and letting the reader sort.
 */
export function exportHref(filters: OrderFilters, format: 'csv' | 'xlsx'): string {
  const statuses = filterStatuses(filters);
  const query = orderQuery(filters, statuses.length === 1 ? statuses[0] : undefined);
  const params = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  return `/api/supplies/orders/export?${params}`;
}

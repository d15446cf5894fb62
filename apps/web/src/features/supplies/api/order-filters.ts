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

/** The statuses to ask for, comma-separated as the API takes them; `undefined` asks for every status. */
export function filterStatuses(filters: OrderFilters): string | undefined {
  const open: OrderStatus[] = ['new', 'received'];
  if (filters.status === OPEN_STATUSES) return open.join(',');
  return filters.status || undefined;
}

/** The query string of GET /api/supplies/orders (and of its export). */
export function orderQuery(filters: OrderFilters) {
  return {
    unitId: filters.unitId || undefined,
    status: filterStatuses(filters),
    delivery: filters.delivery || undefined,
    q: filters.q.trim() || undefined,
    openRequests: filters.openRequests ? 'true' : undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
  };
}

/** The export's address with the list's filters, so the file holds what the screen shows. */
export function exportHref(filters: OrderFilters, format: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(orderQuery(filters))) if (value) params.set(key, value);
  return `/api/supplies/orders/export?${params}`;
}

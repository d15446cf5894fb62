import type { ShopOrderStatus } from '@kontor/contracts';

/** What the order list is filtered by, as the form holds it: empty strings are "any". */
export interface OrderFilters {
  status: ShopOrderStatus | '';
  from: string;
  to: string;
  q: string;
  review: boolean;
}

export const noOrderFilters: OrderFilters = { status: '', from: '', to: '', q: '', review: false };

/** The list's query string; an empty filter is left out rather than sent empty (the server refuses `status=`). */
export function orderListQuery(filters: OrderFilters, cursor: number | undefined, limit: number) {
  return {
    status: filters.status || undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
    q: filters.q.trim() || undefined,
    review: filters.review ? 'true' : undefined,
    cursor,
    limit,
  };
}

import type { ShopOrderDetail, ShopOrderRefundInput, ShopOrderSummary } from '@kontor/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../app/api-client';
import { type OrderFilters, orderListQuery } from './order-filters';

const ordersKey = ['commerce', 'orders'] as const;
const orderKey = (id: string) => [...ordersKey, 'one', id] as const;
const PAGE_SIZE = 50;

type OrderPage = { items: ShopOrderSummary[]; nextCursor: number | null };

/** The list, a page at a time: each page continues after the last order number of the one before (keyset). */
export function useOrders(filters: OrderFilters) {
  return useInfiniteQuery({
    queryKey: [...ordersKey, 'list', filters],
    queryFn: ({ signal, pageParam }) =>
      api<OrderPage>('/api/commerce/orders', { signal, query: orderListQuery(filters, pageParam, PAGE_SIZE) }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useOrder(id: string) {
  return useQuery({
    queryKey: orderKey(id),
    queryFn: ({ signal }) => api<ShopOrderDetail>(orderPath(id), { signal }),
  });
}

const orderPath = (id: string, rest = '') => `/api/commerce/orders/${encodeURIComponent(id)}${rest}`;

/** Every move answers the order as it now is: it goes straight into the cache, the lists re-read. */
function useOrderMove<Input>(move: (input: Input) => Promise<ShopOrderDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: move,
    onSuccess: async (order) => {
      queryClient.setQueryData(orderKey(order.id), order);
      await queryClient.invalidateQueries({ queryKey: [...ordersKey, 'list'] });
    },
  });
}

export type NoteMove = 'deliver' | 'return' | 'cancel' | 'review/resolve';

export const useShipOrder = () =>
  useOrderMove(({ id, trackingNumber, note }: { id: string; trackingNumber: string; note?: string }) =>
    api<ShopOrderDetail>(orderPath(id, '/ship'), { method: 'POST', body: { trackingNumber, note: note || undefined } }),
  );

export const useMoveOrder = () =>
  useOrderMove(({ id, move, note }: { id: string; move: NoteMove; note?: string }) =>
    api<ShopOrderDetail>(orderPath(id, `/${move}`), { method: 'POST', body: note ? { note } : {} }),
  );

/**
 * A refund carries an Idempotency-Key made once per dialog: a retried click (or a lost answer) gives the same
 * refund back instead of paying twice.
 */
export function useRefundOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input, key }: { id: string; input: ShopOrderRefundInput; key: string }) =>
      api(orderPath(id, '/refunds'), { method: 'POST', body: input, headers: { 'idempotency-key': key } }),
    onSuccess: async (_refund, { id }) => {
      await queryClient.invalidateQueries({ queryKey: ordersKey });
      await queryClient.invalidateQueries({ queryKey: orderKey(id) });
    },
  });
}

import type { CrmOrder, CrmOrderInput, CrmOrderPage } from '@kontor/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { crmKey } from './clients-api';
import { type CrmOrderFilters, orderListQuery } from './order-filters';

const ordersKey = [...crmKey, 'orders'] as const;

/** Orders newest first, a page at a time by the facade's cursor; `partial` as for clients. */
export function useOrderPages(filters: CrmOrderFilters, limit = 50) {
  const query = useInfiniteQuery({
    queryKey: [...ordersKey, 'list', filters, limit],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<CrmOrderPage>('/api/crm/orders', { signal, query: orderListQuery(filters, pageParam, limit) }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    retry: false,
  });
  return {
    ...query,
    orders: query.data?.pages.flatMap((page) => page.items) ?? [],
    partial: query.data?.pages.some((page) => page.partial) ?? false,
  };
}

export function useCreateOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CrmOrderInput) => api<CrmOrder>('/api/crm/orders', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmKey }),
  });
}

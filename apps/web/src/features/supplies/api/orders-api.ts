import type {
  ChangeRequestInput,
  HubOrderStatus,
  Order,
  OrderEdit,
  OrderInput,
  RequestDecisionInput,
} from '@kontor/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { useLiveTopic } from '../../../app/live-events';
import { suppliesKey } from './catalog-api';
import { type OrderFilters, orderQuery } from './order-filters';

const ordersKey = [...suppliesKey, 'orders'] as const;
const orderKey = (id: string) => [...ordersKey, 'one', id] as const;
const LIST_LIMIT = 200;

type OrderPage = { orders: Order[]; total: number };

export function useOrders(filters: OrderFilters) {
  return useQuery({
    queryKey: [...ordersKey, 'list', filters],
    queryFn: ({ signal }) =>
      api<OrderPage>('/api/supplies/orders', { signal, query: { ...orderQuery(filters), limit: LIST_LIMIT } }),
    placeholderData: keepPreviousData,
  });
}

export function useOrder(id: string) {
  return useQuery({
    queryKey: orderKey(id),
    queryFn: () => api<Order>(`/api/supplies/orders/${encodeURIComponent(id)}`),
  });
}

/**
 * Re-reads every order on screen when one changes on this node: placed, sent to the hub, refused by it, or given
 * a status there. The badge "Saved locally" turns "Sent" this way, without a reload.
 */
export function useOrdersLive() {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ordersKey });
  return useLiveTopic('supplies.orders', refresh, refresh);
}

/** Every order action answers the order as it now is: it goes straight into the cache, the lists re-read. */
function useOrderAction<Input>(action: (input: Input) => Promise<Order>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: async (order) => {
      queryClient.setQueryData(orderKey(order.id), order);
      await queryClient.invalidateQueries({ queryKey: [...ordersKey, 'list'] });
    },
  });
}

const orderPath = (id: string, rest = '') => `/api/supplies/orders/${encodeURIComponent(id)}${rest}`;

export const usePlaceOrder = () =>
  useOrderAction((input: OrderInput) => api<Order>('/api/supplies/orders', { method: 'POST', body: input }));

export const useEditOrder = () =>
  useOrderAction(({ id, input }: { id: string; input: OrderEdit }) =>
    api<Order>(orderPath(id), { method: 'PUT', body: input }),
  );

export const useWithdrawOrder = () =>
  useOrderAction((id: string) => api<Order>(orderPath(id, '/withdraw'), { method: 'POST' }));

export const useRequestChange = () =>
  useOrderAction(({ id, input }: { id: string; input: ChangeRequestInput }) =>
    api<Order>(orderPath(id, '/requests'), { method: 'POST', body: input }),
  );

export const useSetOrderStatus = () =>
  useOrderAction(({ id, status, reason = '' }: { id: string; status: HubOrderStatus; reason?: string }) =>
    api<Order>(orderPath(id, '/status'), { method: 'POST', body: { status, reason } }),
  );

export const useDecideRequest = () =>
  useOrderAction(({ requestId, input }: { requestId: string; input: RequestDecisionInput }) =>
    api<Order>(`/api/supplies/requests/${encodeURIComponent(requestId)}/decision`, { method: 'POST', body: input }),
  );

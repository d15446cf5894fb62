import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import type { AccountOrder } from '../lib/shop-types';
import { shopKey, shopPaths } from './shop-paths';

export const orderKey = (id: string) => [...shopKey, 'order', id] as const;

/**
 * An order seen through its access token (a guest's link), or as its signed-in owner when there is no token.
 * `interval` polls while the payment's webhook is awaited.
 */
export function useShopOrder(
  id: string,
  token: string | null,
  interval: (order: AccountOrder | undefined) => number | false,
) {
  return useQuery({
    queryKey: [...orderKey(id), token],
    queryFn: ({ signal }) =>
      token
        ? api<AccountOrder>(shopPaths.order(id), { signal, query: { token } })
        : api<AccountOrder>(shopPaths.accountOrder(id), { signal }),
    refetchInterval: (query) => interval(query.state.data),
    // The customer comes back from the payment page: always ask, never show a cached "awaiting payment".
    staleTime: 0,
  });
}

/** The payment provider's page for another try (`shopPaymentStarted`): where to send the browser. */
export interface PaymentRestart {
  provider: string;
  redirectUrl: string;
}

/** Pays an unpaid order again: through its link's token for a guest, as its owner when signed in. */
export function useRestartPayment(id: string, token: string | null) {
  return useMutation({
    mutationFn: () =>
      token
        ? api<PaymentRestart>(shopPaths.orderPayment(id), { method: 'POST', query: { token } })
        : api<PaymentRestart>(shopPaths.accountOrderPayment(id), { method: 'POST' }),
  });
}

/**
 * Back from the payment page: the server asks the provider for the payment's state at once (the webhook may be
 * late) and answers the order, which replaces the cached one. Only for a link with its token.
 */
export function useRefreshPayment(id: string, token: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<AccountOrder>(shopPaths.orderPaymentRefresh(id), { method: 'POST', query: { token: token ?? undefined } }),
    onSuccess: (order) => queryClient.setQueryData([...orderKey(id), token], order),
  });
}

/** The receipt as a PDF: through the token for a guest, through the session for the account's own orders. */
export const receiptHref = (id: string, token: string | null) =>
  token ? shopPaths.orderReceipt(id, token) : shopPaths.accountReceipt(id);

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../../app/api-client';
import { attemptKey, browserStorage, hasPendingAttempt, keepsKey, retireAttempt } from '../lib/checkout-attempt';
import type { CheckoutInput, CheckoutResult, ShippingCountries, ShippingOptions } from '../lib/shop-types';
import { cartKey } from './cart-api';
import { shopKey, shopPaths } from './shop-paths';

/** Shipping options and prices for the caller's cart to a country (they depend on its weight and currency). */
export function useShippingOptions(country: string, currency: string | undefined) {
  const valid = /^[A-Z]{2}$/.test(country);
  return useQuery({
    queryKey: [...shopKey, 'shipping', country, currency],
    queryFn: ({ signal }) => api<ShippingOptions>(shopPaths.shippingOptions, { signal, query: { country } }),
    enabled: valid && Boolean(currency),
    placeholderData: keepPreviousData,
  });
}

/** The countries the shop delivers to, for the address forms; they change when an admin edits the rate tables. */
export function useShippingCountries() {
  return useQuery({
    queryKey: [...shopKey, 'shipping-countries'],
    queryFn: ({ signal }) => api<ShippingCountries>(shopPaths.shippingCountries, { signal }),
    staleTime: 5 * 60_000,
  });
}

const storage = browserStorage();

/** Whether an earlier attempt in this tab got no answer: the order may have been placed after all. */
export const checkoutAttemptPending = () => hasPendingAttempt(storage);

/**
 * Places the order. The Idempotency-Key of the attempt is kept in sessionStorage (lib/checkout-attempt.ts): a
 * double click, a retry after a network error or a reload sends the same key, and the server answers once.
 */
export function usePlaceOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CheckoutInput) => {
      const key = attemptKey(storage, body);
      try {
        const result = await api<CheckoutResult>(shopPaths.checkout, {
          method: 'POST',
          body,
          headers: { 'idempotency-key': key },
        });
        retireAttempt(storage);
        return result;
      } catch (error) {
        if (!(error instanceof ApiError) || !keepsKey(error)) retireAttempt(storage);
        throw error;
      }
    },
    onSettled: async () => {
      // The cart is emptied by a placed order, and the account's order list has one more.
      await queryClient.invalidateQueries({ queryKey: cartKey });
      await queryClient.invalidateQueries({ queryKey: [...shopKey, 'account', 'orders'] });
    },
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../../app/api-client';
import { useMe } from '../../auth/api/session';
import type {
  AccountOrderPage,
  ShopAccount,
  ShopAddress,
  ShopAddressInput,
  SignupInput,
  SignupResult,
} from '../lib/shop-types';
import { shopKey, shopPaths } from './shop-paths';

export const accountKey = [...shopKey, 'account'] as const;
const addressesKey = [...accountKey, 'addresses'] as const;

/** The signed-in customer's account (null for a guest: the shop never sends a guest to sign in). */
export function useShopAccount() {
  const { data: me } = useMe();
  return useQuery({
    queryKey: [...accountKey, me?.id ?? null],
    queryFn: async ({ signal }) => {
      try {
        return await api<ShopAccount>(shopPaths.account, { signal, allowUnauthorized: true });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    enabled: Boolean(me),
  });
}

export function useSignup() {
  return useMutation({
    mutationFn: (input: SignupInput) =>
      api<SignupResult>(shopPaths.account, { method: 'POST', body: input, allowUnauthorized: true }),
  });
}

export function useAccountOrders(enabled: boolean) {
  return useQuery({
    queryKey: [...accountKey, 'orders'],
    queryFn: ({ signal }) => api<AccountOrderPage>(shopPaths.accountOrders, { signal, query: { limit: 50 } }),
    enabled,
    // An order's status moves on the server (paid, shipped): the list is asked for whenever it is shown.
    staleTime: 0,
  });
}

export function useAddresses(enabled: boolean) {
  return useQuery({
    queryKey: addressesKey,
    queryFn: async ({ signal }) => (await api<{ items: ShopAddress[] }>(shopPaths.accountAddresses, { signal })).items,
    enabled,
  });
}

function useAddressChange<Input, Output>(request: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    // Setting one address as default clears the flag on another: ask for the whole list again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: addressesKey }),
  });
}

export const useCreateAddress = () =>
  useAddressChange((input: ShopAddressInput) =>
    api<ShopAddress>(shopPaths.accountAddresses, { method: 'POST', body: input }),
  );

export const useUpdateAddress = () =>
  useAddressChange(({ id, input }: { id: string; input: ShopAddressInput }) =>
    api<ShopAddress>(shopPaths.accountAddress(id), { method: 'PUT', body: input }),
  );

export const useDeleteAddress = () =>
  useAddressChange((id: string) => api<void>(shopPaths.accountAddress(id), { method: 'DELETE' }));

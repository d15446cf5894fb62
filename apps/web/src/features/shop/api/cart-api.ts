import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import type { ShopCart } from '../lib/shop-types';
import { shopKey, shopPaths } from './shop-paths';

export const cartKey = [...shopKey, 'cart'] as const;

/** The caller's cart, priced by the server; it follows the signed-in customer (the server merges a guest cart). */
export function useCart() {
  return useQuery({
    queryKey: cartKey,
    queryFn: ({ signal }) => api<ShopCart>(shopPaths.cart, { signal }),
    staleTime: 10_000,
  });
}

/**
 * A change of the cart. Every cart route answers with the whole cart, which replaces the cached one; what depends
 * on the cart's weight and currency (shipping options) is asked again.
 */
function useCartChange<Input>(request: (input: Input) => Promise<ShopCart>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (cart) => {
      queryClient.setQueryData(cartKey, cart);
      void queryClient.invalidateQueries({ queryKey: [...shopKey, 'shipping'] });
    },
  });
}

export const useSetQuantity = () =>
  useCartChange(({ sku, quantity }: { sku: string; quantity: number }) =>
    api<ShopCart>(shopPaths.cartLine(sku), { method: 'PATCH', body: { quantity } }),
  );

export const useRemoveLine = () =>
  useCartChange((sku: string) => api<ShopCart>(shopPaths.cartLine(sku), { method: 'DELETE' }));

export const useSetCurrency = () =>
  useCartChange((currency: string) => api<ShopCart>(shopPaths.cartCurrency, { method: 'PUT', body: { currency } }));

export const useApplyCode = () =>
  useCartChange((code: string) => api<ShopCart>(shopPaths.cartDiscountCode, { method: 'PUT', body: { code } }));

export const useRemoveCode = () => useCartChange(() => api<ShopCart>(shopPaths.cartDiscountCode, { method: 'DELETE' }));

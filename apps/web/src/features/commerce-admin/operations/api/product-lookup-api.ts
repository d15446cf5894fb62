import type { CatalogProduct } from '@kontor/contracts';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../../../app/api-client';
import { catalogPaths } from '../../catalog/api/catalog-paths';
import { type ProductPage, productKey } from '../../catalog/api/products-api';
import { catalogKey } from '../../catalog/api/taxonomy-api';

/** Products whose slug, name or SKU holds the text, for a discount to aim at (marketing may read products). */
export function useProductSearch(text: string) {
  return useQuery({
    queryKey: [...catalogKey, 'products', 'lookup', text],
    queryFn: ({ signal }) => api<ProductPage>(catalogPaths.products, { signal, query: { q: text.trim(), limit: 20 } }),
    select: (page) => page.products,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** The products a rule names, by id (the same cache as the catalog's product editor), for their names. */
export function useProductsById(ids: string[]) {
  return useQueries({
    queries: [...new Set(ids)].map((id) => ({
      queryKey: productKey(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => api<CatalogProduct>(catalogPaths.product(id), { signal }),
      retry: false,
      staleTime: 5 * 60_000,
    })),
    combine: (results) =>
      new Map(results.flatMap((result) => (result.data ? [[result.data.id, result.data] as const] : []))),
  });
}

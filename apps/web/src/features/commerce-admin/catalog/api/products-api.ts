import type { CatalogMediaList, CatalogProduct, catalogProductPage, catalogVariantPrices } from '@kontor/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../../app/api-client';
import { type UploadOptions, uploadFile } from '../../../../app/file-upload';
import { catalogPaths } from './catalog-paths';
import { catalogKey } from './taxonomy-api';

export type ProductPage = z.infer<typeof catalogProductPage>;
export type ProductSummary = ProductPage['products'][number];
export type VariantPricesAnswer = z.infer<typeof catalogVariantPrices>;

const productsKey = [...catalogKey, 'products'] as const;
export const productKey = (id: string) => [...catalogKey, 'product', id] as const;
export const variantPricesKey = (variantId: string) => [...catalogKey, 'variant-prices', variantId] as const;

export interface ProductFilter {
  q: string;
  status: '' | 'draft' | 'published';
  brandId: string;
  categoryId: string;
}

const PAGE_SIZE = 50;

/** Pages of products, newest change first; each next page starts after the last row of the one before. */
export function useProductPages(filter: ProductFilter) {
  return useInfiniteQuery({
    queryKey: [...productsKey, filter],
    queryFn: ({ pageParam, signal }) =>
      api<ProductPage>(catalogPaths.products, {
        signal,
        query: {
          q: filter.q.trim(),
          status: filter.status,
          brandId: filter.brandId,
          categoryId: filter.categoryId,
          limit: PAGE_SIZE,
          cursor: pageParam,
        },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useProduct(id: string | null) {
  return useQuery({
    queryKey: productKey(id ?? ''),
    queryFn: ({ signal }) => api<CatalogProduct>(catalogPaths.product(id ?? ''), { signal }),
    enabled: id !== null,
  });
}

/** After a save or an upload: the product and the lists that show it are read again. */
export function useRefreshCatalog() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: catalogKey });
}

export const fetchVariantPrices = (variantId: string, signal?: AbortSignal) =>
  api<VariantPricesAnswer>(catalogPaths.variantPrices(variantId), { signal });

/** The picture types the server takes (MEDIA_TYPES); it reads the real type from the bytes. */
export const MEDIA_ACCEPT = 'image/png,image/jpeg,image/webp,image/svg+xml';

export const sendMedia = (file: File, options: UploadOptions, productId: string, alt: { sv: string; en: string }) =>
  uploadFile<CatalogMediaList['media'][number]>(
    `${catalogPaths.productMedia(productId)}?${new URLSearchParams({ altSv: alt.sv, altEn: alt.en })}`,
    file,
    file.type || 'application/octet-stream',
    options,
  );

export function useMediaActions(productId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: productKey(productId) });
  const setAlt = useMutation({
    mutationFn: ({ id, alt }: { id: string; alt: Record<string, string> }) =>
      api(catalogPaths.media(id), { method: 'PATCH', body: { alt } }),
    onSuccess: refresh,
  });
  const reorder = useMutation({
    mutationFn: (ids: string[]) =>
      api<CatalogMediaList>(catalogPaths.productMediaOrder(productId), { method: 'PUT', body: { ids } }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api<void>(catalogPaths.media(id), { method: 'DELETE' }),
    onSuccess: refresh,
  });
  return { setAlt, reorder, remove, refresh };
}

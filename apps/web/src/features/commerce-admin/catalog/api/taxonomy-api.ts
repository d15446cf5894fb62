import type {
  CatalogAttribute,
  CatalogBrand,
  CatalogCategory,
  catalogAttributeInput,
  catalogBrandInput,
  catalogCategoryInput,
  catalogCategoryMove,
  catalogCategoryPatch,
} from '@kontor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../../app/api-client';
import { catalogPaths } from './catalog-paths';

export const catalogKey = ['commerce', 'catalog'] as const;
const brandsKey = [...catalogKey, 'brands'] as const;
const categoriesKey = [...catalogKey, 'categories'] as const;
const attributesKey = [...catalogKey, 'attributes'] as const;

/** A minute is fresh enough for lists that only the few catalog admins change. */
const TAXONOMY_STALE_MS = 60_000;

export function useBrands() {
  return useQuery({
    queryKey: brandsKey,
    queryFn: ({ signal }) => api<{ brands: CatalogBrand[] }>(catalogPaths.brands, { signal }),
    select: (data) => data.brands,
    staleTime: TAXONOMY_STALE_MS,
  });
}

export function useCategories() {
  return useQuery({
    queryKey: categoriesKey,
    queryFn: ({ signal }) => api<{ categories: CatalogCategory[] }>(catalogPaths.categories, { signal }),
    select: (data) => data.categories,
    staleTime: TAXONOMY_STALE_MS,
  });
}

export function useAttributes() {
  return useQuery({
    queryKey: attributesKey,
    queryFn: ({ signal }) => api<{ attributes: CatalogAttribute[] }>(catalogPaths.attributes, { signal }),
    select: (data) => [...data.attributes].sort((a, b) => a.position - b.position || a.key.localeCompare(b.key)),
    staleTime: TAXONOMY_STALE_MS,
  });
}

/** Renaming a brand or category changes what products and the shop show: everything of the catalog is re-read. */
export function useCatalogMutation<V, T>(mutationFn: (variables: V) => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogKey }) });
}

export type BrandInput = z.input<typeof catalogBrandInput>;

export const useSaveBrand = () =>
  useCatalogMutation(({ id, input }: { id: string | null; input: BrandInput }) =>
    id
      ? api<CatalogBrand>(catalogPaths.brand(id), { method: 'PATCH', body: input })
      : api<CatalogBrand>(catalogPaths.brands, { method: 'POST', body: input }),
  );

export const useDeleteBrand = () =>
  useCatalogMutation((id: string) => api<void>(catalogPaths.brand(id), { method: 'DELETE' }));

export type CategoryInput = z.input<typeof catalogCategoryInput>;
export type CategoryPatch = z.input<typeof catalogCategoryPatch>;

export const useCreateCategory = () =>
  useCatalogMutation((input: CategoryInput) =>
    api<CatalogCategory>(catalogPaths.categories, { method: 'POST', body: input }),
  );

export const useUpdateCategory = () =>
  useCatalogMutation(({ id, patch }: { id: string; patch: CategoryPatch }) =>
    api<CatalogCategory>(catalogPaths.category(id), { method: 'PATCH', body: patch }),
  );

export const useMoveCategory = () =>
  useCatalogMutation(({ id, move }: { id: string; move: z.input<typeof catalogCategoryMove> }) =>
    api<CatalogCategory>(catalogPaths.categoryMove(id), { method: 'POST', body: move }),
  );

export const useDeleteCategory = () =>
  useCatalogMutation((id: string) => api<void>(catalogPaths.category(id), { method: 'DELETE' }));

export type AttributeInput = z.input<typeof catalogAttributeInput>;

export const useSaveAttribute = () =>
  useCatalogMutation(({ key, input }: { key: string; input: AttributeInput }) =>
    api<CatalogAttribute>(catalogPaths.attribute(key), { method: 'PUT', body: input }),
  );

export const useDeleteAttribute = () =>
  useCatalogMutation((key: string) => api<void>(catalogPaths.attribute(key), { method: 'DELETE' }));

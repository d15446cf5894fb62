import type { CatalogBrand, CatalogCategory } from '@kontor/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../../app/api-client';

/**
 * The catalog's categories and brands a campaign can aim at. They need `commerce.catalog`: a marketer without it
 * gets the server's refusal, shown where the choice would be.
 */
export function useCampaignTargets(enabled: boolean) {
  const categories = useQuery({
    queryKey: ['commerce', 'campaign-targets', 'categories'],
    queryFn: ({ signal }) => api<{ categories: CatalogCategory[] }>('/api/commerce/categories', { signal }),
    enabled,
    retry: false,
  });
  const brands = useQuery({
    queryKey: ['commerce', 'campaign-targets', 'brands'],
    queryFn: ({ signal }) => api<{ brands: CatalogBrand[] }>('/api/commerce/brands', { signal }),
    enabled,
    retry: false,
  });
  return { categories, brands };
}

import type {
  Article,
  ArticleInput,
  OrderingUnit,
  StandardOrder,
  StandardOrderInput,
  SupplyCategory,
  UnitMembers,
} from '@kontor/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { useLiveTopic } from '../../../app/live-events';

export const suppliesKey = ['supplies'] as const;
const catalogKey = [...suppliesKey, 'catalog'] as const;
const favouritesKey = (unitId: string) => [...suppliesKey, 'favourites', unitId] as const;
const standardOrdersKey = (unitId: string) => [...suppliesKey, 'standard-orders', unitId] as const;

/** The catalog changes rarely (on the hub, then by sync): a few minutes' cache spares the search round trips. */
const CATALOG_STALE_MS = 5 * 60_000;

export function useCategories() {
  return useQuery({
    queryKey: [...catalogKey, 'categories'],
    queryFn: () => api<SupplyCategory[]>('/api/supplies/categories'),
    staleTime: CATALOG_STALE_MS,
  });
}

export interface ArticleSearch {
  q: string;
  categoryId: string;
  includeInactive?: boolean;
  limit?: number;
}

/** Results for what is typed so far; the previous results stay on screen while the next ones load. */
export function useArticles(search: ArticleSearch, enabled = true) {
  const q = search.q.trim();
  return useQuery({
    queryKey: [...catalogKey, 'articles', { ...search, q }],
    queryFn: ({ signal }) =>
      api<{ articles: Article[]; total: number }>('/api/supplies/articles', {
        signal,
        query: {
          q,
          categoryId: search.categoryId,
          includeInactive: search.includeInactive ? 'true' : undefined,
          limit: search.limit ?? 100,
        },
      }),
    placeholderData: keepPreviousData,
    staleTime: CATALOG_STALE_MS,
    enabled,
  });
}

const INDEX_PAGE = 500;
const byId = (articles: Article[]) => new Map(articles.map((article) => [article.id, article]));

/**
 * Every article, withdrawn ones included, by id: to tell which lines of a cart or a standard order can still be
 * ordered. The catalog holds a few hundred articles; it is read in pages of the API's largest size.
 */
export function useCatalogIndex() {
  return useQuery({
    queryKey: [...catalogKey, 'index'],
    queryFn: async ({ signal }) => {
      const articles: Article[] = [];
      for (;;) {
        const page = await api<{ articles: Article[]; total: number }>('/api/supplies/articles', {
          signal,
          query: { includeInactive: 'true', limit: INDEX_PAGE, offset: articles.length },
        });
        articles.push(...page.articles);
        if (page.articles.length === 0 || articles.length >= page.total) return articles;
      }
    },
    select: byId,
    staleTime: CATALOG_STALE_MS,
  });
}

export function useSaveArticle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: ArticleInput }) =>
      id
        ? api<Article>(`/api/supplies/articles/${encodeURIComponent(id)}`, { method: 'PUT', body: input })
        : api<Article>('/api/supplies/articles', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogKey }),
  });
}

export function useOrderingUnits() {
  return useQuery({
    queryKey: [...suppliesKey, 'units'],
    queryFn: () => api<OrderingUnit[]>('/api/supplies/units'),
  });
}

/** Favourites belong to the unit, so everyone ordering for it shares the same short list. */
export function useFavourites(unitId: string) {
  return useQuery({
    queryKey: favouritesKey(unitId),
    queryFn: () => api<FavouriteList>(`/api/supplies/units/${encodeURIComponent(unitId)}/favourites`),
    select: (data) => new Set(data.articleIds),
  });
}

type FavouriteList = { unitId: string; articleIds: string[] };

/** Both answer the unit's favourites as they now are. */
export function useToggleFavourite(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ articleId, favourite }: { articleId: string; favourite: boolean }) =>
      api<FavouriteList>(
        `/api/supplies/units/${encodeURIComponent(unitId)}/favourites/${encodeURIComponent(articleId)}`,
        { method: favourite ? 'PUT' : 'DELETE' },
      ),
    onSuccess: (list) => queryClient.setQueryData(favouritesKey(unitId), list),
  });
}

/** Another workstation of the unit changed its favourites or standard orders: re-read them. */
export function useUnitListsLive() {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: [...suppliesKey, 'favourites'] });
    void queryClient.invalidateQueries({ queryKey: [...suppliesKey, 'standard-orders'] });
  };
  return useLiveTopic('supplies.lists', refresh, refresh);
}

export function useStandardOrders(unitId: string) {
  return useQuery({
    queryKey: standardOrdersKey(unitId),
    queryFn: () => api<StandardOrder[]>(`/api/supplies/units/${encodeURIComponent(unitId)}/standard-orders`),
  });
}

export function useSaveStandardOrder(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: StandardOrderInput }) =>
      id
        ? api<StandardOrder>(`/api/supplies/standard-orders/${encodeURIComponent(id)}`, { method: 'PUT', body: input })
        : api<StandardOrder>('/api/supplies/standard-orders', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: standardOrdersKey(unitId) }),
  });
}

export function useDeleteStandardOrder(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<void>(`/api/supplies/standard-orders/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: standardOrdersKey(unitId) }),
  });
}

export function useUnitMembers(unitId: string | null) {
  return useQuery({
    queryKey: [...suppliesKey, 'members', unitId],
    queryFn: () => api<UnitMembers>(`/api/supplies/units/${encodeURIComponent(unitId ?? '')}/members`),
    enabled: unitId !== null,
  });
}

export function useSaveUnitMembers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, userIds }: { unitId: string; userIds: string[] }) =>
      api<UnitMembers>(`/api/supplies/units/${encodeURIComponent(unitId)}/members`, {
        method: 'PUT',
        body: { userIds },
      }),
    // Membership decides which units anyone may order for, this user included.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: suppliesKey }),
  });
}

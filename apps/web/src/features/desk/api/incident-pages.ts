import type { incidentPage } from '@kontor/contracts';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../app/api-client';
import { deskKey, type IncidentSort } from './desk-api';

const PAGE_SIZE = 50;

/**
 * The agents' incident list, a page at a time by the server's keyset cursor (docs/desk.md, "Paging"): "Load more"
 * continues exactly after the last row shown, however many incidents arrive meanwhile.
 */
export function useIncidentPages(search: { q?: string; sort: IncidentSort }) {
  const query = useInfiniteQuery({
    queryKey: [...deskKey, 'incidents', 'pages', search],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<z.infer<typeof incidentPage>>('/api/desk/incidents', {
        signal,
        query: { q: search.q?.trim() || undefined, sort: search.sort, limit: PAGE_SIZE, cursor: pageParam },
      }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const first = query.data?.pages[0];
  return {
    ...query,
    incidents: query.data?.pages.flatMap((page) => page.incidents),
    /** Counted up to 10,000 on the server; `capped` means there are more. */
    total: first ? { count: first.total, capped: first.totalCapped === true } : undefined,
  };
}

import type { DeskDashboard } from '@kontor/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { deskKey } from '../api/desk-api';

export interface DashboardSearch {
  q: string;
  filterId: string | null;
  days: number;
}

/** The desk's figures; under `deskKey`, so the desk's live events re-read them. */
export function useDashboard(search: DashboardSearch) {
  return useQuery({
    queryKey: [...deskKey, 'dashboard', search],
    queryFn: ({ signal }) =>
      api<DeskDashboard>('/api/desk/dashboard', {
        signal,
        query: { q: search.q.trim() || undefined, filterId: search.filterId ?? undefined, days: search.days },
      }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

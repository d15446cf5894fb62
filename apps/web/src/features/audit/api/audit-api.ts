import type { AuditPage } from '@kontor/contracts';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api-client';

export const auditQueryKey = ['admin', 'audit'] as const;
const PAGE_SIZE = 50;

/** What the filter form holds: dates as the date inputs give them (YYYY-MM-DD, the user's own day). */
export interface AuditFilters {
  actor: string;
  action: string;
  entity: string;
  from: string;
  to: string;
}

export const noFilters: AuditFilters = { actor: '', action: '', entity: '', from: '', to: '' };

/** A local calendar day to the instant it starts, or (for `to`) the last instant of it. */
function dayToIso(day: string, endOfDay: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = new Date(`${day}T${endOfDay ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: [...auditQueryKey, 'entries', filters],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam, signal }) =>
      api<AuditPage>('/api/admin/audit', {
        signal,
        query: {
          actor: filters.actor.trim(),
          action: filters.action,
          entity: filters.entity.trim(),
          from: dayToIso(filters.from, false),
          to: dayToIso(filters.to, true),
          before: pageParam,
          limit: PAGE_SIZE,
        },
      }),
    getNextPageParam: (last) => last.nextBefore,
  });
}

export function useAuditActions() {
  return useQuery({
    queryKey: [...auditQueryKey, 'actions'],
    queryFn: () => api<string[]>('/api/admin/audit/actions'),
    staleTime: 60_000,
  });
}

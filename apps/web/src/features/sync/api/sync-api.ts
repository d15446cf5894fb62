import type { Enrollment, SyncNode, SyncStatus } from '@kontor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';

export type { Enrollment, SyncNode, SyncStatus };

/** How often the header asks; a client syncs every few seconds, so this is as fresh as the eye needs. */
export const SYNC_STATUS_POLL_MS = 10_000;
/** A client whose last successful sync is older than this counts as offline. */
export const SYNC_FRESH_MS = 60_000;

export const syncStatusQueryKey = ['sync', 'status'] as const;
export const syncNodesQueryKey = ['sync', 'nodes'] as const;

export function useSyncStatus() {
  return useQuery({
    queryKey: syncStatusQueryKey,
    queryFn: () => api<SyncStatus>('/api/sync/status'),
    refetchInterval: SYNC_STATUS_POLL_MS,
    refetchOnWindowFocus: 'always',
    staleTime: 0,
  });
}

export function useSyncNodes() {
  return useQuery({ queryKey: syncNodesQueryKey, queryFn: () => api<SyncNode[]>('/api/sync/nodes') });
}

export function useCreateEnrollment() {
  return useMutation({ mutationFn: () => api<Enrollment>('/api/sync/enrollments', { method: 'POST' }) });
}

export function useRevokeNode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (nodeId: string) =>
      api<void>(`/api/sync/nodes/${encodeURIComponent(nodeId)}/revoke`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: syncNodesQueryKey }),
  });
}

export type SyncIndicatorState = 'hub' | 'synced' | 'offline' | 'not-enrolled';

/**
 * What the header shows. A client is synced only while its last sync is recent and the last attempt did not
 * fail; `reachable` is false when this node itself stopped answering, so the status shown is an old one.
 */
export function syncIndicatorState(status: SyncStatus, now: number, reachable = true): SyncIndicatorState {
  if (status.role === 'server') return 'hub';
  if (!status.enrolled) return 'not-enrolled';
  const fresh = status.lastSyncAt !== null && now - Date.parse(status.lastSyncAt) < SYNC_FRESH_MS;
  return fresh && status.lastError === null && reachable ? 'synced' : 'offline';
}

import type { Enrollment, SyncNode, SyncProblemCode, SyncStatus } from '@kontor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';

export type { Enrollment, SyncNode, SyncStatus };

/** How often the header asks while all is well: as fresh as the eye needs. */
export const SYNC_STATUS_POLL_MS = 10_000;
/**
 * How often it asks while the node shows as offline: the hub coming back is news the user waits for, and a badge
 * still saying "disconnected" beside an order already marked sent contradicts itself.
 */
export const SYNC_STATUS_OFFLINE_POLL_MS = 2_000;
/** A client whose last successful sync is older than this counts as offline. */
export const SYNC_FRESH_MS = 60_000;

export const syncStatusQueryKey = ['sync', 'status'] as const;
export const syncNodesQueryKey = ['sync', 'nodes'] as const;

/** `enabled: false` for visitors who have not signed in: the status is for signed-in users. */
export function useSyncStatus(enabled = true) {
  return useQuery({
    queryKey: syncStatusQueryKey,
    queryFn: () => api<SyncStatus>('/api/sync/status'),
    refetchInterval: ({ state }) => syncStatusPollMs(state.data, Date.now(), state.status !== 'error'),
    refetchOnWindowFocus: 'always',
    staleTime: 0,
    enabled,
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

/**
 * Both admin actions answer this node's new status: it goes straight into the cache, so every view of it (this
 * page, the header) shows the new role, epoch or hub at once. The node's role and the registry changed too.
 */
function useStatusChange<Input>(change: (input: Input) => Promise<SyncStatus>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: async (status) => {
      queryClient.setQueryData(syncStatusQueryKey, status);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: syncNodesQueryKey }),
        // useNodeInfo's role, which the shell and the directory's edit buttons go by.
        queryClient.invalidateQueries({ queryKey: ['node'] }),
      ]);
    },
  });
}

/** Makes this workstation the hub now, raising the epoch (POST /api/sync/promote). */
export function usePromoteNode() {
  return useStatusChange(() => api<SyncStatus>('/api/sync/promote', { method: 'POST' }));
}

/** Points this workstation at another address of its hub (PUT /api/sync/upstream). */
export function useSetUpstream() {
  return useStatusChange((url: string) => api<SyncStatus>('/api/sync/upstream', { method: 'PUT', body: { url } }));
}

/**
 * A hub address as the server takes it (an http or https URL), without a trailing slash as `kontor upstream set`
 * stores it; null when the text is not one.
 */
export function parseHubAddress(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.toString().replace(/\/$/, '');
}

export type SyncProblem = 'hub-unreachable' | 'not-enrolled' | 'shell-request' | 'failed';

/** The kind of trouble the node reports, so it can be said in the user's language beside its own words. */
export function syncProblem(code: SyncProblemCode): SyncProblem {
  return PROBLEMS[code];
}

const PROBLEMS: Record<SyncProblemCode, SyncProblem> = {
  hub_unreachable: 'hub-unreachable',
  not_enrolled: 'not-enrolled',
  // A request `kontor promote` or `kontor upstream set` left for the running node, which it could not do.
  request_failed: 'shell-request',
  failed: 'failed',
};

const LAG_UNITS: Array<['day' | 'hour' | 'minute', number]> = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** How far behind the hub this node is, in the largest whole unit: "42 seconds", "3 hours". */
export function lagText(language: string, seconds: number): string {
  const [unit, size] = LAG_UNITS.find(([, unitSeconds]) => seconds >= unitSeconds) ?? ['second', 1];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(
    Math.floor(seconds / size),
  );
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

/** When the header asks next: sooner while the node shows as offline (see SYNC_STATUS_OFFLINE_POLL_MS). */
export function syncStatusPollMs(status: SyncStatus | undefined, now: number, reachable: boolean): number {
  return status && syncIndicatorState(status, now, reachable) === 'offline'
    ? SYNC_STATUS_OFFLINE_POLL_MS
    : SYNC_STATUS_POLL_MS;
}

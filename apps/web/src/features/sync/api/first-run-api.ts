import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../../app/api-client';

/** What GET /api/sync/first-run tells: whether this node still waits to be enrolled, and whether it holds the data. */
export interface FirstRunState {
  role: 'server' | 'client';
  enrolled: boolean;
  ready: boolean;
}

/**
 * Where a node stands before anyone can sign in on it: a workstation first needs a hub (`enroll`), then the
 * organisation's data from it (`loading`); a hub, or a workstation that holds the data, is `ready`.
 */
export type FirstRunStep = 'enroll' | 'loading' | 'ready';

export function firstRunStep(state: FirstRunState): FirstRunStep {
  if (state.role === 'server' || state.ready) return 'ready';
  return state.enrolled ? 'loading' : 'enroll';
}

/** Loading the data takes seconds; asking each second shows the sign-in page soon after it is there. */
export const FIRST_RUN_POLL_MS = 1_000;

// Under 'node': the node's state outlives sessions, so signing in or out keeps it (see belongsToSession).
const firstRunQueryKey = ['node', 'first-run'] as const;

export function useFirstRun() {
  return useQuery({
    queryKey: firstRunQueryKey,
    queryFn: () => api<FirstRunState>('/api/sync/first-run'),
    // Only this page changes the answer, except while the data loads: then it is asked until it is there.
    staleTime: Number.POSITIVE_INFINITY,
    refetchInterval: (query) =>
      query.state.data && firstRunStep(query.state.data) === 'loading' ? FIRST_RUN_POLL_MS : false,
  });
}

export interface EnrollmentRequest {
  hubUrl: string;
  code: string;
}

/** Enrolls this workstation with a hub (POST /api/sync/first-run); the answer is the node's new state. */
export function useEnrollWorkstation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: EnrollmentRequest) =>
      api<FirstRunState>('/api/sync/first-run', { method: 'POST', body: request }),
    onSuccess: (state) => queryClient.setQueryData(firstRunQueryKey, state),
    onError: (error) => {
      // Enrolled meanwhile from another window or with `kontor enroll`: the page follows the node's real state.
      if (error instanceof ApiError && error.code === 'sync.already_enrolled')
        void queryClient.invalidateQueries({ queryKey: firstRunQueryKey });
    },
  });
}

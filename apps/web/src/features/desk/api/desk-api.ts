import type {
  DeskListEntry,
  Incident,
  IncidentDetail,
  IncidentInput,
  IncidentPatch,
  IncidentStatus,
} from '@kontor/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { useLiveTopic } from '../../../app/live-events';

export const deskKey = ['desk'] as const;
const DESK_API = '/api/desk';
const incidentPath = (id: string, rest = '') => `${DESK_API}/incidents/${encodeURIComponent(id)}${rest}`;

export type IncidentSort = 'created' | 'updated' | 'priority';
export interface IncidentPage {
  incidents: Incident[];
  total: number;
}
export interface FilterSuggestion {
  text: string;
  from: number;
  to: number;
  description?: string;
}

/** Incidents by the filter language; `mine`: only those the user reported. */
export function useIncidents(search: { q?: string; sort?: IncidentSort; mine?: boolean; limit?: number }) {
  return useQuery({
    queryKey: [...deskKey, 'incidents', search],
    queryFn: ({ signal }) =>
      api<IncidentPage>(`${DESK_API}/incidents`, {
        signal,
        query: {
          q: search.q?.trim() || undefined,
          sort: search.sort,
          mine: search.mine ? 'true' : undefined,
          limit: search.limit ?? 100,
        },
      }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useIncident(id: string) {
  return useQuery({
    queryKey: [...deskKey, 'incident', id],
    queryFn: ({ signal }) => api<IncidentDetail>(incidentPath(id), { signal }),
  });
}

/** Agents hear every change on the desk; lists and the open incident re-read. */
export function useDeskLive(enabled = true) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: deskKey });
  return useLiveTopic('desk', refresh, refresh, enabled);
}

export function useFilterSuggestions(q: string, cursor: number, enabled: boolean) {
  return useQuery({
    queryKey: [...deskKey, 'suggest', q, cursor],
    queryFn: async ({ signal }) =>
      (
        await api<{ suggestions: FilterSuggestion[] }>(`${DESK_API}/incidents/suggest`, {
          signal,
          query: { q, cursor },
        })
      ).suggestions,
    enabled,
    staleTime: 60_000,
  });
}

export function useCategories() {
  return useQuery({
    queryKey: [...deskKey, 'categories'],
    queryFn: async ({ signal }) =>
      (await api<{ entries: DeskListEntry[] }>(`${DESK_API}/categories`, { signal })).entries,
  });
}

export function useGroups(enabled = true) {
  return useQuery({
    queryKey: [...deskKey, 'groups'],
    queryFn: async ({ signal }) => (await api<{ entries: DeskListEntry[] }>(`${DESK_API}/groups`, { signal })).entries,
    enabled,
  });
}

export function useAgents(enabled = true) {
  return useQuery({
    queryKey: [...deskKey, 'agents'],
    queryFn: async ({ signal }) =>
      (await api<{ agents: Array<{ id: string; name: string }> }>(`${DESK_API}/agents`, { signal })).agents,
    enabled,
  });
}

function useDeskMutation<Input>(action: (input: Input) => Promise<IncidentDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: (detail) => {
      queryClient.setQueryData([...deskKey, 'incident', detail.id], detail);
      void queryClient.invalidateQueries({ queryKey: [...deskKey, 'incidents'] });
    },
  });
}

export const useCreateIncident = () =>
  useDeskMutation((input: IncidentInput) =>
    api<IncidentDetail>(`${DESK_API}/incidents`, { method: 'POST', body: input }),
  );

export const usePatchIncident = (id: string) =>
  useDeskMutation((patch: IncidentPatch) => api<IncidentDetail>(incidentPath(id), { method: 'PATCH', body: patch }));

export const useChangeStatus = (id: string) =>
  useDeskMutation((input: { status: IncidentStatus; comment?: string }) =>
    api<IncidentDetail>(incidentPath(id, '/status'), { method: 'POST', body: input }),
  );

export const useAddComment = (id: string) =>
  useDeskMutation((input: { body: string; internal: boolean }) =>
    api<IncidentDetail>(incidentPath(id, '/comments'), { method: 'POST', body: input }),
  );

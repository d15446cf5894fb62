import type { SavedFilter, SavedFilterInput, SavedFilterPatch } from '@kontor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { deskKey } from '../api/desk-api';

const filtersKey = [...deskKey, 'filters'] as const;
const FILTERS_API = '/api/desk/filters';
const filterPath = (id: string) => `${FILTERS_API}/${encodeURIComponent(id)}`;

/** My saved filters and those shared with my groups, pinned first. */
export function useSavedFilters() {
  return useQuery({
    queryKey: filtersKey,
    queryFn: async ({ signal }) => (await api<{ filters: SavedFilter[] }>(FILTERS_API, { signal })).filters,
  });
}

function useFilterMutation<Input, Output>(action: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    // Boards name saved filters in their columns: both re-read.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: deskKey }),
  });
}

export const useSaveFilter = () =>
  useFilterMutation((input: SavedFilterInput) => api<SavedFilter>(FILTERS_API, { method: 'POST', body: input }));

export const useUpdateFilter = () =>
  useFilterMutation(({ id, patch }: { id: string; patch: SavedFilterPatch }) =>
    api<SavedFilter>(filterPath(id), { method: 'PATCH', body: patch }),
  );

export const useDeleteFilter = () => useFilterMutation((id: string) => api<void>(filterPath(id), { method: 'DELETE' }));

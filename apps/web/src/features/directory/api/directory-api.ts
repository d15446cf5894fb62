import type {
  ContactInput,
  DirectoryBook,
  DirectoryEntry,
  DirectoryEntryKind,
  DirectorySearchResult,
  FunctionInput,
  NoticeInput,
  PersonDetail,
  PersonInput,
  UnitDetail,
  UnitInput,
  UnitSummary,
} from '@kontor/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { useLiveTopic } from '../../../app/live-events';
import { useMe } from '../../auth/api/session';

const root = ['directory'] as const;
const favouritesKey = [...root, 'favourites'] as const;

export function useDirectoryUnits() {
  return useQuery({ queryKey: [...root, 'units'], queryFn: () => api<UnitSummary[]>('/api/directory/units') });
}

export function useUnit(id: string) {
  return useQuery({
    queryKey: [...root, 'unit', id],
    queryFn: () => api<UnitDetail>(`/api/directory/units/${encodeURIComponent(id)}`),
  });
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: [...root, 'person', id],
    queryFn: () => api<PersonDetail>(`/api/directory/people/${encodeURIComponent(id)}`),
  });
}

/** Results for what is typed so far; the previous results stay on screen while the next ones load. */
export function useDirectorySearch(query: string) {
  const q = query.trim();
  return useQuery({
    queryKey: [...root, 'search', q],
    queryFn: ({ signal }) => api<DirectorySearchResult>('/api/directory/search', { query: { q }, signal }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useDirectoryBook() {
  return useQuery({ queryKey: [...root, 'book'], queryFn: () => api<DirectoryBook>('/api/directory/book') });
}

/** The signed-in user's favourites; a visitor who has not signed in has none (and may not ask). */
export function useFavourites() {
  const { data: me } = useMe();
  return useQuery({
    queryKey: favouritesKey,
    queryFn: () => api<DirectoryEntry[]>('/api/directory/favourites'),
    enabled: Boolean(me),
  });
}

export function useToggleFavourite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, id, favourite }: { kind: DirectoryEntryKind; id: string; favourite: boolean }) =>
      favourite
        ? api<void>('/api/directory/favourites', { method: 'POST', body: { kind, id } })
        : api<void>(`/api/directory/favourites/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: favouritesKey }),
  });
}

/**
 * Re-reads every directory page when an editor changes something (on this hub, or any instance of it). Live
 * events are for signed-in users; a visitor's pages re-read when the window regains focus. No status then.
 */
export function useDirectoryLive() {
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: root });
  const status = useLiveTopic('directory.changed', refresh, refresh, Boolean(me));
  return me ? status : undefined;
}

/** The records an editor changes, by the path their routes live under. */
export interface EditableInputs {
  units: UnitInput;
  people: PersonInput;
  functions: FunctionInput;
  contacts: ContactInput;
  notices: NoticeInput;
}

export function useSaveRecord<K extends keyof EditableInputs>(kind: K) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: EditableInputs[K] }) =>
      id
        ? api<{ id: string }>(`/api/directory/${kind}/${encodeURIComponent(id)}`, { method: 'PUT', body: input })
        : api<{ id: string }>(`/api/directory/${kind}`, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function useDeleteRecord(kind: keyof EditableInputs) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/directory/${kind}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

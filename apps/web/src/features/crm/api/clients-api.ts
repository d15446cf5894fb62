import type { CrmClient, CrmClientInput, CrmClientPage, CrmClientPatch } from '@kontor/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { isStaleVersion } from './crm-problems';

export const crmKey = ['crm'] as const;
const clientsKey = [...crmKey, 'clients'] as const;
const clientKey = (ref: string) => [...clientsKey, 'one', ref] as const;
const clientPath = (ref: string) => `/api/crm/clients/${encodeURIComponent(ref)}`;
const PAGE_SIZE = 50;

/**
 * The clients whose name holds the words, a page at a time by the facade's cursor (one position over both our
 * service and the legacy CRM, so "Load more" never repeats or skips a client). `partial`: some page was answered
 * without the legacy CRM.
 */
export function useClientPages(q: string) {
  const query = useInfiniteQuery({
    queryKey: [...clientsKey, 'list', q.trim()],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<CrmClientPage>('/api/crm/clients', {
        signal,
        query: { q: q.trim() || undefined, cursor: pageParam, limit: PAGE_SIZE },
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    retry: false,
  });
  return {
    ...query,
    clients: query.data?.pages.flatMap((page) => page.items) ?? [],
    partial: query.data?.pages.some((page) => page.partial) ?? false,
  };
}

/** A few clients by name, for choosing one in a form. */
export function useClientSearch(text: string) {
  return useQuery({
    queryKey: [...clientsKey, 'lookup', text.trim()],
    queryFn: ({ signal }) =>
      api<CrmClientPage>('/api/crm/clients', { signal, query: { q: text.trim() || undefined, limit: 20 } }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** One client as it is now; `initial` (from a list) shows at once while the fresh copy loads. */
export function useClient(ref: string, initial?: CrmClient) {
  return useQuery({
    queryKey: clientKey(ref),
    queryFn: ({ signal }) => api<CrmClient>(clientPath(ref), { signal }),
    enabled: ref !== '',
    initialData: initial,
    // A list's copy may be minutes old: read the client again, but show the list's meanwhile.
    initialDataUpdatedAt: 0,
    retry: false,
  });
}

/** After a save the lists re-read (the client may have moved into our service) and so do the migration's counts. */
function useClientSaved() {
  const queryClient = useQueryClient();
  return async (client: CrmClient) => {
    queryClient.setQueryData(clientKey(client.ref), client);
    await queryClient.invalidateQueries({ queryKey: crmKey, predicate: (query) => query.queryKey[2] !== 'one' });
  };
}

export function useCreateClient() {
  const saved = useClientSaved();
  return useMutation({
    mutationFn: (input: CrmClientInput) => api<CrmClient>('/api/crm/clients', { method: 'POST', body: input }),
    onSuccess: saved,
  });
}

export function useUpdateClient() {
  const saved = useClientSaved();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ref, patch }: { ref: string; patch: CrmClientPatch }) =>
      api<CrmClient>(clientPath(ref), { method: 'PATCH', body: patch }),
    onSuccess: saved,
    // Someone else saved first: the editor is shown the client as it now is, to edit again.
    onError: (error, { ref }) => {
      if (isStaleVersion(error)) void queryClient.invalidateQueries({ queryKey: clientKey(ref) });
    },
  });
}

import type { EntryState } from '@kontor/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { type LiveEvent, useLiveTopic } from '../../../app/live-events';
import type {
  EntryPage,
  EvacuationList,
  Overview,
  ScanResult,
  VisitorCard,
  VisitorCardType,
  VisitorEntry,
} from './types';

export const visitorsKey = ['visitors'] as const;
export const VISITORS_API = '/api/visitors';
const entryPath = (id: string, rest = '') => `${VISITORS_API}/entries/${encodeURIComponent(id)}${rest}`;
/** Reception shows everyone waiting and in the building at once; a busy lobby has tens, not hundreds. */
const LIVE_LIST_LIMIT = 500;

export interface EntrySearch {
  q?: string;
  from?: string;
  to?: string;
  limit?: number;
}

export function useEntries(state: EntryState, search: EntrySearch = {}, enabled = true) {
  return useQuery({
    queryKey: [...visitorsKey, 'entries', state, search],
    queryFn: ({ signal }) =>
      api<EntryPage>(`${VISITORS_API}/entries`, {
        signal,
        query: { state, q: search.q?.trim(), from: search.from, to: search.to, limit: search.limit ?? LIVE_LIST_LIMIT },
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOverview() {
  return useQuery({
    queryKey: [...visitorsKey, 'overview'],
    queryFn: ({ signal }) => api<Overview>(`${VISITORS_API}/overview`, { signal }),
  });
}

export function useEvacuationList() {
  return useQuery({
    queryKey: [...visitorsKey, 'evacuation'],
    queryFn: ({ signal }) => api<EvacuationList>(`${VISITORS_API}/evacuation`, { signal }),
  });
}

/** Free cards (sorted by number, as the original's dropdown), or the whole pool for the administrator. */
export function useCards(free: boolean) {
  return useQuery({
    queryKey: [...visitorsKey, 'cards', free ? 'free' : 'all'],
    queryFn: async ({ signal }) => {
      const { cards } = await api<{ cards: VisitorCard[] }>(`${VISITORS_API}/cards`, {
        signal,
        query: { free: free ? 'true' : undefined },
      });
      return [...cards].sort((a, b) => a.number - b.number);
    },
  });
}

/** The types change rarely: labels are computed from them on every screen that shows a card. */
export function useCardTypes() {
  return useQuery({
    queryKey: [...visitorsKey, 'card-types'],
    queryFn: async ({ signal }) => {
      const { types } = await api<{ types: VisitorCardType[] }>(`${VISITORS_API}/card-types`, { signal });
      return types;
    },
    staleTime: 5 * 60_000,
    // A workstation serves the evacuation list but not the types: labels then fall back to the card's number.
    retry: false,
  });
}

/**
 * Re-reads everything the visitors screens show whenever something changes (a guest at the kiosk, a card given
 * or released by another receptionist), and after the socket reconnects, as what was sent meanwhile is not
 * replayed. `onEvent` lets a page react further (a sound for a new guest).
 */
export function useVisitorsLive(onEvent?: (event: LiveEvent) => void) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: visitorsKey });
  return useLiveTopic(
    'visitors',
    (event) => {
      refresh();
      onEvent?.(event);
    },
    refresh,
  );
}

/** Every reception action changes lists, cards and counts alike: all are re-read, also after a refusal (409). */
function useReceptionAction<Input, Output>(action: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSettled: () => queryClient.invalidateQueries({ queryKey: visitorsKey }),
  });
}

export const useAssignCard = () =>
  useReceptionAction(({ id, card }: { id: string; card: number }) =>
    api<VisitorEntry>(entryPath(id, '/card'), { method: 'POST', body: { card } }),
  );

export const useRejectEntry = () =>
  useReceptionAction(({ id, reason }: { id: string; reason?: string }) =>
    api<void>(entryPath(id, '/reject'), { method: 'POST', body: reason ? { reason } : {} }),
  );

/** Reception's notes on a visit, saved as soon as the field is left. */
export const useSaveNotes = () =>
  useReceptionAction(({ id, notes }: { id: string; notes: string }) =>
    api<VisitorEntry>(entryPath(id), { method: 'PATCH', body: { notes } }),
  );

/** Sets the exit time and frees the card in one step; the notes typed meanwhile are saved with it. */
export const useReleaseEntry = () =>
  useReceptionAction(({ id, notes }: { id: string; notes?: string }) =>
    api<VisitorEntry>(entryPath(id, '/release'), { method: 'POST', body: notes === undefined ? {} : { notes } }),
  );

export const useScan = () =>
  useReceptionAction((code: string) => api<ScanResult>(`${VISITORS_API}/scan`, { method: 'POST', body: { code } }));

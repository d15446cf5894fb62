import { useMutation, useQuery } from '@tanstack/react-query';
import { api, type RequestOptions } from '../../../app/api-client';
import type { KioskEntryInput, KioskHost, KioskInvitation, KioskReceipt, KioskSettings } from './types';
import { VISITORS_API } from './visitors-api';

const KIOSK_API = `${VISITORS_API}/kiosk`;
const KIOSK_KEY_STORAGE = 'kontor.kioskKey';

/** The key of a registered kiosk tablet, opened once as `/kiosk?device=KEY` and kept in this browser. */
export function storedKioskKey(): string | null {
  try {
    return localStorage.getItem(KIOSK_KEY_STORAGE);
  } catch {
    return null;
  }
}

export function storeKioskKey(key: string) {
  try {
    localStorage.setItem(KIOSK_KEY_STORAGE, key);
  } catch {
    // Storage disabled: the key cannot be kept, and a kiosk that must be registered will be refused.
  }
}

/**
 * The kiosk asks as nobody: a 401 is its own answer, not a session that ended. A registered tablet names itself
 * with its key on every request.
 */
function kioskApi<T>(path: string, options: RequestOptions = {}) {
  const key = storedKioskKey();
  return api<T>(`${KIOSK_API}${path}`, {
    ...options,
    allowUnauthorized: true,
    headers: key ? { 'x-kiosk-key': key } : undefined,
  });
}

export function useKioskSettings() {
  return useQuery({
    queryKey: ['kiosk', 'settings'],
    queryFn: ({ signal }) => kioskApi<KioskSettings>('/settings', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** The directory's people, by name or unit; asked only from the second character on. */
export function useKioskHosts(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: ['kiosk', 'hosts', query],
    queryFn: async ({ signal }) =>
      (await kioskApi<{ hosts: KioskHost[] }>('/hosts', { signal, query: { q: query } })).hosts,
    enabled: query.length >= 2,
    staleTime: 60_000,
  });
}

export function useKioskInvitation(token: string | null) {
  return useQuery({
    queryKey: ['kiosk', 'invitation', token],
    queryFn: ({ signal }) => kioskApi<KioskInvitation>(`/invitations/${encodeURIComponent(token ?? '')}`, { signal }),
    enabled: Boolean(token),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function useSubmitKioskEntry() {
  return useMutation({
    mutationFn: (input: KioskEntryInput) => kioskApi<KioskReceipt>('/entries', { method: 'POST', body: input }),
  });
}

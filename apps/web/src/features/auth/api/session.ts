import type { Locale, Me } from '@kontor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from '../../../app/api-client';

export interface NodeInfo {
  organisation: string;
  role: 'server' | 'client';
  version: string;
  /** Anyone may read the contact directory here without signing in (a client node set up so). */
  publicDirectory: boolean;
}

export const meQueryKey = ['me'] as const;

/** The signed-in user, or null when nobody is (GET /api/me answers 401). */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('/api/me', { allowUnauthorized: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: Number.POSITIVE_INFINITY, retry: false });
}

export function useNodeInfo() {
  return useQuery({
    queryKey: ['node'],
    queryFn: () => api<NodeInfo>('/api/node'),
    staleTime: 5 * 60_000,
  });
}

/** `*` grants everything, as on the server. */
export function hasPermission(me: Pick<Me, 'permissions'> | null | undefined, permission: string): boolean {
  return Boolean(me && (me.permissions.includes('*') || me.permissions.includes(permission)));
}

/**
 * Whether the visitor may use what a permission opens: a signed-in user by their permissions, and anyone, signed
 * in or not, for what the node opens to everyone (reading the directory where `publicDirectory` is set).
 */
export function mayUse(
  me: Pick<Me, 'permissions'> | null | undefined,
  node: Pick<NodeInfo, 'publicDirectory'> | undefined,
  permission: string,
): boolean {
  return hasPermission(me, permission) || (permission === 'directory.read' && Boolean(node?.publicDirectory));
}

/** Whether the signed-in visitor may use what the permission opens (mayUse, for components). */
export function useMayUse(permission: string): boolean {
  const { data: me } = useMe();
  const { data: node } = useNodeInfo();
  return mayUse(me, node, permission);
}

/** True for cached answers that belong to one user's session; sign-in and sign-out drop them. */
export function belongsToSession(query: { queryKey: readonly unknown[] }) {
  return query.queryKey[0] !== 'node' && query.queryKey[0] !== 'me';
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { username: string; password: string }) =>
      api<Me>('/api/auth/login', { method: 'POST', body: credentials, allowUnauthorized: true }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      // Whatever was cached belongs to whoever was signed in before. `me` is overwritten, not removed:
      // removing it would strand the components that observe it.
      queryClient.removeQueries({ predicate: belongsToSession });
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/auth/logout', { method: 'POST', allowUnauthorized: true }),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: belongsToSession });
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}

export function saveLocale(locale: Locale) {
  return api<void>('/api/me/preferences', { method: 'PUT', body: { locale } });
}

import type { OidcStatus } from '@kontor/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api-client';

/** Whether this node offers single sign-on, its button label, and whether password sign-in is turned off. */
export function useOidcStatus() {
  return useQuery({
    queryKey: ['node', 'oidc'],
    queryFn: () => api<OidcStatus>('/api/auth/oidc'),
    staleTime: 5 * 60_000,
  });
}

/** The address that starts single sign-on and brings the user back to `returnTo` (a path of this app). */
export const oidcLoginHref = (returnTo: string) => `/api/auth/oidc/login?${new URLSearchParams({ returnTo })}`;

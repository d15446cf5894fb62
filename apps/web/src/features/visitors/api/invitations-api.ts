import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import type { Invitation, InvitationInput } from './types';
import { VISITORS_API, visitorsKey } from './visitors-api';

const invitationsKey = [...visitorsKey, 'invitations'] as const;

/** The invitations the signed-in host made. */
export function useMyInvitations() {
  return useQuery({
    queryKey: invitationsKey,
    queryFn: async ({ signal }) =>
      (await api<{ invitations: Invitation[] }>(`${VISITORS_API}/invitations`, { signal })).invitations,
  });
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InvitationInput) =>
      api<Invitation>(`${VISITORS_API}/invitations`, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey }),
  });
}

export function useWithdrawInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<void>(`${VISITORS_API}/invitations/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey }),
  });
}

/**
 * The QR code as an image source. An SVG shown through `<img>` runs no scripts and loads nothing, whatever it
 * holds, so the server's markup never enters this page's DOM.
 */
export const svgImageSource = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

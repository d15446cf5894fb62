import type { DeskListEntry } from '@kontor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { deskKey } from '../api/desk-api';

/** The administrators' two short lists, named as the API names them. */
export type DeskListKind = 'categories' | 'groups';
type Member = { id: string; name: string };

const membersPath = (groupId: string) => `/api/desk/groups/${encodeURIComponent(groupId)}/members`;

function useListMutation<Input, Output>(action: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    // The incident forms offer the same lists: everything under the desk re-reads.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: deskKey }),
  });
}

export const useAddListEntry = (kind: DeskListKind) =>
  useListMutation((input: { name: string }) =>
    api<DeskListEntry>(`/api/desk/${kind}`, { method: 'POST', body: input }),
  );

export const useChangeListEntry = (kind: DeskListKind) =>
  useListMutation(({ id, ...patch }: { id: string; name?: string; active?: boolean }) =>
    api<DeskListEntry>(`/api/desk/${kind}/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
  );

export function useGroupMembers(groupId: string) {
  return useQuery({
    queryKey: [...deskKey, 'group-members', groupId],
    queryFn: async ({ signal }) => (await api<{ members: Member[] }>(membersPath(groupId), { signal })).members,
  });
}

export const useSetGroupMembers = (groupId: string) =>
  useListMutation((userIds: string[]) =>
    api<{ members: Member[] }>(membersPath(groupId), { method: 'PUT', body: { userIds } }),
  );

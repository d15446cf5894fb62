import type { UserCreate, UserSummary, UserUpdate } from '@kontor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';

export const usersQueryKey = ['admin', 'users'] as const;

/** Readable with admin.users or admin.tokens, so the token form can offer users to act as. */
export function useUsers(enabled = true) {
  return useQuery({ queryKey: usersQueryKey, queryFn: () => api<UserSummary[]>('/api/admin/users'), enabled });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: usersQueryKey });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: UserCreate) => api<UserSummary>('/api/admin/users', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, ...input }: UserUpdate & { id: string }) =>
      api<UserSummary>(`/api/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      api<void>(`/api/admin/users/${encodeURIComponent(id)}/password`, { method: 'POST', body: { password } }),
  });
}

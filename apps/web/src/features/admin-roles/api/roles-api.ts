import type { Permission, Role, RoleInput } from '@kontor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';

export const rolesQueryKey = ['admin', 'roles'] as const;

/** Readable with admin.roles or admin.users, so the users page can offer roles to pick. */
export function useRoles(enabled = true) {
  return useQuery({ queryKey: rolesQueryKey, queryFn: () => api<Role[]>('/api/admin/roles'), enabled });
}

/** Readable with admin.roles or admin.tokens: what a role or a token can be given. */
export function usePermissionCatalog(enabled = true) {
  return useQuery({
    queryKey: ['admin', 'permissions'],
    queryFn: () => api<Permission[]>('/api/admin/permissions'),
    staleTime: 10 * 60_000,
    enabled,
  });
}

function useInvalidateRoles() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: rolesQueryKey }),
      // Users show their roles by name.
      queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
    ]);
}

export function useSaveRole() {
  const invalidate = useInvalidateRoles();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: RoleInput }) =>
      id
        ? api<Role>(`/api/admin/roles/${encodeURIComponent(id)}`, { method: 'PUT', body: input })
        : api<Role>('/api/admin/roles', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useDeleteRole() {
  const invalidate = useInvalidateRoles();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/admin/roles/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

/** `directory.read` belongs to the module `directory`: the part before the dot. */
export function groupByModule(permissions: Permission[]): Array<{ module: string; permissions: Permission[] }> {
  const groups = new Map<string, Permission[]>();
  for (const permission of permissions) {
    const module = permission.key.split('.')[0] ?? permission.key;
    groups.set(module, [...(groups.get(module) ?? []), permission]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([module, list]) => ({ module, permissions: list.sort((a, b) => a.key.localeCompare(b.key)) }));
}

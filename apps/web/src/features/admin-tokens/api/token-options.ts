import type { Permission, UserSummary } from '@kontor/contracts';
import { usePermissionCatalog, useRoles } from '../../admin-roles/api/roles-api';
import { useUsers } from '../../admin-users/api/users-api';
import { hasPermission, useMe } from '../../auth/api/session';

export interface TokenOptions {
  users: UserSummary[];
  defaultUserId: string | null;
  /** Still loading the users or the permission catalogue. */
  loading: boolean;
  error: unknown;
  /** The permissions a token for this user may be given. */
  permissionsFor: (userId: string | null) => Permission[];
}

function grants(held: Iterable<string>, key: string) {
  const set = new Set(held);
  return set.has('*') || set.has(key);
}

/**
 * What the token form can offer. The users and the permission catalogue are readable with admin.tokens. The
 * server lets a caller grant only what the caller holds, and a token never exceeds its user's permissions:
 * both narrow the list. The roles, which tell what another user holds, are readable with admin.roles or
 * admin.users only; without them the server caps the token when it is used.
 */
export function useTokenOptions(enabled: boolean): TokenOptions {
  const { data: me } = useMe();
  const users = useUsers(enabled);
  const catalog = usePermissionCatalog(enabled);
  const roles = useRoles(enabled && (hasPermission(me, 'admin.roles') || hasPermission(me, 'admin.users')));

  const heldBy = (userId: string): string[] | null => {
    if (userId === me?.id) return me.permissions;
    const user = users.data?.find((candidate) => candidate.id === userId);
    if (!user || !roles.data) return null;
    return user.roles.flatMap(({ id }) => roles.data.find((role) => role.id === id)?.permissions ?? []);
  };

  return {
    users: users.data ?? [],
    defaultUserId: me?.id ?? null,
    loading: users.isPending || catalog.isPending,
    error: users.error ?? catalog.error,
    permissionsFor: (userId) => {
      const held = userId ? heldBy(userId) : null;
      return (catalog.data ?? []).filter(
        (permission) => hasPermission(me, permission.key) && (held === null || grants(held, permission.key)),
      );
    },
  };
}

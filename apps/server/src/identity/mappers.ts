import type { ApiToken, Me, Role, UserSummary } from '@kontor/contracts';
import type { Actor } from '../platform/context.js';
import type { TokenRow } from './credentials-repository.js';
import type { RoleRow } from './roles-repository.js';
import type { UserRow } from './users-repository.js';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export const toUserSummary = (user: UserRow): UserSummary => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  email: user.email,
  disabled: user.disabled,
  locked: Boolean(user.lockedUntil && user.lockedUntil > new Date()),
  lockedUntil: user.lockedUntil && user.lockedUntil > new Date() ? user.lockedUntil.toISOString() : null,
  roles: user.roles,
  lastLoginAt: iso(user.lastLoginAt),
  createdAt: user.createdAt.toISOString(),
});

export const toRole = (role: RoleRow): Role => ({ ...role });

export const toApiToken = (token: TokenRow): ApiToken => ({
  id: token.id,
  name: token.name,
  userId: token.userId,
  username: token.username,
  permissions: token.permissions,
  createdAt: token.createdAt.toISOString(),
  expiresAt: iso(token.expiresAt),
  lastUsedAt: iso(token.lastUsedAt),
  revokedAt: iso(token.revokedAt),
});

export const toMe = (actor: Actor & { userId: string }): Me => ({
  id: actor.userId,
  username: actor.username,
  displayName: actor.displayName,
  locale: (actor.locale as Me['locale']) ?? null,
  permissions: [...actor.permissions].sort(),
  csrfToken: actor.csrfToken ?? '',
});

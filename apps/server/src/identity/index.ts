import { fileURLToPath } from 'node:url';
import { Outbox } from '../platform/events/outbox.js';
import { conflict } from '../platform/http/errors.js';
import type { Db, KontorModule } from '../platform/platform.js';
import { SYNC_APPLIED_TOPIC } from '../sync/index.js';
import { ActorCache } from './actor-cache.js';
import { adminRoutes } from './admin-routes.js';
import { IDENTITY_TOPICS, IdentityAdminService } from './admin-service.js';
import { AuthService } from './auth-service.js';
import { seedIdentityDemo } from './bootstrap.js';
import { oidcRoutes } from './oidc/oidc-routes.js';
import { OidcService } from './oidc/oidc-service.js';
import { oidcSettings } from './oidc/oidc-settings.js';
import { hashPassword } from './passwords.js';
import { authRoutes } from './routes.js';
import type { IdentityDb } from './tables.js';
import { usersRepository } from './users-repository.js';

export { ensureFirstAdmin } from './bootstrap.js';

/** A user's id by their username, for other modules' demo data. */
export const userIdByUsername = async (db: Db, username: string): Promise<string | undefined> =>
  (await usersRepository.findByUsername(db as IdentityDb, username))?.id;

/** Users who may sign in, by name, for modules that pick people (who orders for a unit). */
export const activeUsers = async (db: Db) =>
  (await usersRepository.list(db as IdentityDb))
    .filter((user) => !user.disabled)
    .map((user) => ({ id: user.id, username: user.username, displayName: user.displayName }));

/** Active users whose roles grant `permission`: whom a module may hand work that needs it. */
export const activeUsersHolding = async (db: Db, permission: string) =>
  (await usersRepository.activeHolding(db as IdentityDb, permission)).map((user) => ({
    id: user.id,
    username: user.username,
    displayName: user.displayName,
  }));

/** How to reach an active user: their e-mail address (null when their account has none) and chosen language. */
export const userContact = async (db: Db, userId: string) => {
  const user = await usersRepository.findById(db as IdentityDb, userId);
  if (!user || user.disabled) return undefined;
  return { id: user.id, displayName: user.displayName, email: user.email, locale: user.locale };
};

/** What a user may do, by their roles; other modules judge with it what a user did elsewhere (on another node). */
export const permissionsOfUser = async (db: Db, userId: string): Promise<ReadonlySet<string>> =>
  new Set(await usersRepository.permissionsOf(db as IdentityDb, userId));

/**
 * Creates a user who holds no roles: a shop customer signing up (commerce). Identity's rules hold: the username is
 * free, case aside (else 409 identity.username_taken), and the password is stored as an argon2id hash. `db` may be
 * the caller's transaction; the caller audits. Answers the new user's id.
 */
export async function createUserWithoutRoles(
  db: Db,
  user: { username: string; displayName: string; email: string | null; password: string },
): Promise<string> {
  const passwordHash = await hashPassword(user.password);
  const identityDb = db as IdentityDb;
  const taken = () => conflict('identity.username_taken', `The username ${user.username} is taken`);
  if (await usersRepository.findByUsername(identityDb, user.username)) throw taken();
  try {
    const id = await usersRepository.insert(identityDb, {
      username: user.username,
      displayName: user.displayName,
      email: user.email,
      passwordHash,
    });
    await Outbox.add(db, IDENTITY_TOPICS.users, { by: null });
    return id;
  } catch (error) {
    // Two sign-ups with one name at once: the unique index decides, and the second is told so.
    if ((error as { code?: string }).code === '23505') throw taken();
    throw error;
  }
}

/** Identity: users, roles, sessions, API tokens and single sign-on (OIDC). Its AuthService is the node's Authenticator. */
export function createIdentityModule(): KontorModule & { auth(): AuthService; admin(): IdentityAdminService } {
  let auth: AuthService | undefined;
  let admin: IdentityAdminService | undefined;
  let oidc: OidcService | null = null;
  const cache = new ActorCache();
  const ready = <T>(service: T | undefined): T => {
    if (!service) throw new Error('identity is used before the node registered it');
    return service;
  };
  return {
    name: 'identity',
    migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
    permissions: [
      { key: 'admin.users', description: 'Create, change, disable and unlock users' },
      { key: 'admin.roles', description: 'Define roles and the permissions they grant' },
      { key: 'admin.tokens', description: 'Create and revoke API tokens for integrations' },
    ],
    // Sign-in keeps working on a client whose hub is gone: users, roles and password hashes live on every node.
    // Failed sign-ins, lockouts, last sign-in and the chosen language stay with the node they happened on.
    replicated: [
      {
        table: 'identity.roles',
        policy: 'reference',
        key: ['id'],
        columns: ['id', 'name', 'description', 'permissions', 'system', 'created_at', 'updated_at'],
      },
      {
        table: 'identity.users',
        policy: 'reference',
        key: ['id'],
        columns: ['id', 'username', 'display_name', 'email', 'password_hash', 'disabled', 'created_at', 'updated_at'],
      },
      {
        table: 'identity.user_roles',
        policy: 'reference',
        key: ['user_id', 'role_id'],
        columns: ['user_id', 'role_id'],
      },
    ],
    topics: {
      [IDENTITY_TOPICS.users]: 'admin.users',
      [IDENTITY_TOPICS.roles]: 'admin.roles',
      [IDENTITY_TOPICS.tokens]: 'admin.tokens',
    },
    init(platform) {
      auth = new AuthService(platform, cache);
      admin = new IdentityAdminService(platform, cache);
      const sso = oidcSettings(platform.config);
      oidc = sso && new OidcService(platform, sso, auth, cache);
      // Another hub instance changed who may do what: forget every cached caller here too.
      platform.bus.subscribe((event) => {
        if (Object.values<string>(IDENTITY_TOPICS).includes(event.topic)) cache.clear();
        // Users or roles arrived from the hub (a client node): forget who was who.
        if (event.topic === SYNC_APPLIED_TOPIC) cache.clear();
      });
    },
    async register(app, platform) {
      await app.register(authRoutes, {
        auth: ready(auth),
        admin: ready(admin),
        secureCookies: platform.config.publicUrl?.startsWith('https:') ?? false,
        loginRateLimitPerMinute: platform.config.loginRateLimitPerMinute,
      });
      await app.register(oidcRoutes, {
        oidc,
        localLoginDisabled: platform.config.localLoginDisabled,
        publicUrl: platform.config.publicUrl,
        secureCookies: platform.config.publicUrl?.startsWith('https:') ?? false,
      });
      await app.register(adminRoutes, { admin: ready(admin), permissions: platform.permissions });
    },
    seedDemo: seedIdentityDemo,
    auth: () => ready(auth),
    admin: () => ready(admin),
  };
}

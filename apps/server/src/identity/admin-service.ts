import { randomUUID } from 'node:crypto';
import type { ApiTokenCreate, RoleInput, UserCreate, UserUpdate } from '@kontor/contracts';
import { hasPermission, type RequestContext } from '../platform/context.js';
import { Outbox } from '../platform/events/outbox.js';
import { AppError, badRequest, conflict, notFound } from '../platform/http/errors.js';
import type { Db, Platform } from '../platform/platform.js';
import type { ActorCache } from './actor-cache.js';
import { formatApiToken, randomSecret, sha256 } from './credentials.js';
import { sessionsRepository, type TokenRow, tokensRepository } from './credentials-repository.js';
import { hashPassword } from './passwords.js';
import { type RoleRow, rolesRepository } from './roles-repository.js';
import type { IdentityDb } from './tables.js';
import { type UserRow, usersRepository } from './users-repository.js';

/** Live topics of the admin pages; identity also listens to them to drop cached callers on every instance. */
export const IDENTITY_TOPICS = { users: 'admin.users', roles: 'admin.roles', tokens: 'admin.tokens' } as const;

const userSnapshot = (user: UserRow) => ({
  username: user.username,
  displayName: user.displayName,
  email: user.email,
  disabled: user.disabled,
  roles: user.roles.map((role) => role.name),
});
const roleSnapshot = (role: RoleRow) => ({
  name: role.name,
  description: role.description,
  permissions: role.permissions,
});
const tokenSnapshot = (token: TokenRow) => ({
  name: token.name,
  user: token.username,
  permissions: token.permissions,
  expiresAt: token.expiresAt?.toISOString() ?? null,
  revokedAt: token.revokedAt?.toISOString() ?? null,
});

/** Administration of users, roles and API tokens; every change is audited and announced live. */
export class IdentityAdminService {
  readonly #db: IdentityDb;

  constructor(
    private readonly platform: Platform,
    private readonly cache: ActorCache,
  ) {
    this.#db = platform.db.withTables();
  }

  listUsers = () => usersRepository.list(this.#db);
  listRoles = () => rolesRepository.list(this.#db);
  listTokens = () => tokensRepository.list(this.#db);

  async getUser(id: string): Promise<UserRow> {
    const user = await usersRepository.findById(this.#db, id);
    if (!user) throw notFound(`User ${id}`);
    return user;
  }

  async getUserByUsername(username: string): Promise<UserRow> {
    const user = await usersRepository.findByUsername(this.#db, username);
    if (!user) throw notFound(`User ${username}`);
    return user;
  }

  async createUser(ctx: RequestContext, input: UserCreate): Promise<UserRow> {
    const passwordHash = await hashPassword(input.password);
    return this.#change(ctx, IDENTITY_TOPICS.users, async (db, trx) => {
      if (await usersRepository.findByUsername(db, input.username)) {
        throw conflict('identity.username_taken', `The username ${input.username} is taken`);
      }
      await this.#checkRoles(db, input.roleIds ?? []);
      const id = await usersRepository.insert(db, {
        username: input.username,
        displayName: input.displayName,
        email: input.email ?? null,
        passwordHash,
      });
      await usersRepository.setRoles(db, id, input.roleIds ?? []);
      const created = await this.#mustFindUser(db, id);
      await this.platform.audit.record(trx, ctx, {
        action: 'user.create',
        entity: 'user',
        entityId: id,
        after: userSnapshot(created),
      });
      return created;
    });
  }

  async updateUser(ctx: RequestContext, id: string, input: UserUpdate): Promise<UserRow> {
    if (input.disabled && ctx.actor?.userId === id) {
      throw badRequest('identity.cannot_disable_self', 'You cannot disable your own account', [
        { path: 'body.disabled', message: 'you cannot disable your own account' },
      ]);
    }
    return this.#change(ctx, IDENTITY_TOPICS.users, async (db, trx) => {
      const before = await this.#mustFindUser(db, id);
      if (input.roleIds) {
        await this.#checkRoles(db, input.roleIds);
        await usersRepository.setRoles(db, id, input.roleIds);
      }
      await usersRepository.update(db, id, input);
      if (input.disabled) await sessionsRepository.deleteForUser(db, id);
      const after = await this.#mustFindUser(db, id);
      await this.platform.audit.record(trx, ctx, {
        action: input.unlock ? 'user.unlock' : 'user.update',
        entity: 'user',
        entityId: id,
        before: userSnapshot(before),
        after: userSnapshot(after),
      });
      return after;
    });
  }

  async setPassword(ctx: RequestContext, id: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.#change(ctx, IDENTITY_TOPICS.users, async (db, trx) => {
      await this.#mustFindUser(db, id);
      await usersRepository.update(db, id, { passwordHash, unlock: true });
      await sessionsRepository.deleteForUser(db, id);
      await this.platform.audit.record(trx, ctx, { action: 'user.password', entity: 'user', entityId: id });
    });
  }

  async createRole(ctx: RequestContext, input: RoleInput): Promise<RoleRow> {
    this.#checkPermissions(input.permissions);
    return this.#change(ctx, IDENTITY_TOPICS.roles, async (db, trx) => {
      if (await rolesRepository.findByName(db, input.name))
        throw conflict('identity.role_name_taken', `A role named ${input.name} exists`);
      const id = await rolesRepository.insert(db, {
        name: input.name,
        description: input.description ?? '',
        permissions: input.permissions,
      });
      const created = await this.#mustFindRole(db, id);
      await this.platform.audit.record(trx, ctx, {
        action: 'role.create',
        entity: 'role',
        entityId: id,
        after: roleSnapshot(created),
      });
      return created;
    });
  }

  async updateRole(ctx: RequestContext, id: string, input: RoleInput): Promise<RoleRow> {
    this.#checkPermissions(input.permissions);
    return this.#change(ctx, IDENTITY_TOPICS.roles, async (db, trx) => {
      const before = await this.#editableRole(db, id);
      const namesake = await rolesRepository.findByName(db, input.name);
      if (namesake && namesake.id !== id)
        throw conflict('identity.role_name_taken', `A role named ${input.name} exists`);
      await rolesRepository.update(db, id, {
        name: input.name,
        description: input.description ?? '',
        permissions: input.permissions,
      });
      const after = await this.#mustFindRole(db, id);
      await this.platform.audit.record(trx, ctx, {
        action: 'role.update',
        entity: 'role',
        entityId: id,
        before: roleSnapshot(before),
        after: roleSnapshot(after),
      });
      return after;
    });
  }

  async deleteRole(ctx: RequestContext, id: string): Promise<void> {
    await this.#change(ctx, IDENTITY_TOPICS.roles, async (db, trx) => {
      const role = await this.#editableRole(db, id);
      if (role.userCount > 0) {
        throw conflict(
          'identity.role_in_use',
          `The role ${role.name} is held by ${role.userCount} user(s); remove it from them first`,
        );
      }
      await rolesRepository.delete(db, id);
      await this.platform.audit.record(trx, ctx, {
        action: 'role.delete',
        entity: 'role',
        entityId: id,
        before: roleSnapshot(role),
      });
    });
  }

  async createToken(ctx: RequestContext, input: ApiTokenCreate): Promise<{ token: TokenRow; secret: string }> {
    this.#checkPermissions(input.permissions);
    const beyondCaller = input.permissions.filter((permission) => !hasPermission(ctx.actor, permission));
    if (beyondCaller.length > 0) {
      throw badRequest(
        'identity.permission_not_held',
        `You cannot grant what you do not hold: ${beyondCaller.join(', ')}`,
        [{ path: 'body.permissions', message: `not held by you: ${beyondCaller.join(', ')}` }],
      );
    }
    const secret = randomSecret();
    const expiresInDays = input.expiresInDays === undefined ? 90 : input.expiresInDays;
    return this.#change(ctx, IDENTITY_TOPICS.tokens, async (db, trx) => {
      await this.#mustFindUser(db, input.userId);
      const id = randomUUID();
      await tokensRepository.insert(db, {
        id,
        name: input.name,
        userId: input.userId,
        secretHash: sha256(secret),
        permissions: input.permissions,
        createdBy: ctx.actor?.userId ?? null,
        expiresAt: expiresInDays === null ? null : new Date(Date.now() + expiresInDays * 86_400_000),
      });
      const token = await this.#mustFindToken(db, id);
      await this.platform.audit.record(trx, ctx, {
        action: 'token.create',
        entity: 'token',
        entityId: id,
        after: tokenSnapshot(token),
      });
      return { token, secret: formatApiToken(id, secret) };
    });
  }

  async revokeToken(ctx: RequestContext, id: string): Promise<void> {
    await this.#change(ctx, IDENTITY_TOPICS.tokens, async (db, trx) => {
      const before = await this.#mustFindToken(db, id);
      await tokensRepository.revoke(db, id);
      const after = await this.#mustFindToken(db, id);
      await this.platform.audit.record(trx, ctx, {
        action: 'token.revoke',
        entity: 'token',
        entityId: id,
        before: tokenSnapshot(before),
        after: tokenSnapshot(after),
      });
    });
  }

  async setLocale(ctx: RequestContext, locale: string): Promise<void> {
    if (!ctx.actor?.userId) return;
    await usersRepository.update(this.#db, ctx.actor.userId, { locale });
    this.cache.clear();
  }

  /** One audited change: in a transaction, announced on `topic`, and no caller stays cached past it. */
  async #change<T>(ctx: RequestContext, topic: string, work: (db: IdentityDb, trx: Db) => Promise<T>): Promise<T> {
    const result = await this.platform.transaction(async (trx) => {
      const value = await work(trx.withTables(), trx);
      await Outbox.add(trx, topic, { by: ctx.actor?.username ?? null });
      return value;
    });
    this.cache.clear();
    return result;
  }

  async #checkRoles(db: IdentityDb, roleIds: string[]) {
    const existing = await rolesRepository.existingIds(db, roleIds);
    const missing = roleIds.filter((id) => !existing.has(id));
    if (missing.length > 0) {
      throw badRequest('identity.unknown_role', `Unknown role(s): ${missing.join(', ')}`, [
        { path: 'body.roleIds', message: `unknown role(s): ${missing.join(', ')}` },
      ]);
    }
  }

  #checkPermissions(permissions: string[]) {
    const unknown = permissions.filter((permission) => !this.platform.permissions.has(permission));
    if (unknown.length > 0) {
      throw badRequest('identity.unknown_permission', `Unknown permission(s): ${unknown.join(', ')}`, [
        { path: 'body.permissions', message: `unknown: ${unknown.join(', ')}` },
      ]);
    }
  }

  async #editableRole(db: IdentityDb, id: string): Promise<RoleRow> {
    const role = await this.#mustFindRole(db, id);
    if (role.system)
      throw new AppError(409, 'identity.system_role', `The role ${role.name} is built in and cannot be changed`);
    return role;
  }

  async #mustFindUser(db: IdentityDb, id: string) {
    const user = await usersRepository.findById(db, id);
    if (!user) throw notFound(`User ${id}`);
    return user;
  }

  async #mustFindRole(db: IdentityDb, id: string) {
    const role = await rolesRepository.findById(db, id);
    if (!role) throw notFound(`Role ${id}`);
    return role;
  }

  async #mustFindToken(db: IdentityDb, id: string) {
    const token = await tokensRepository.findById(db, id);
    if (!token) throw notFound(`API token ${id}`);
    return token;
  }
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, RequestContext } from '../platform/context.js';
import type { Authenticator } from '../platform/http/access.js';
import { AppError } from '../platform/http/errors.js';
import type { Platform } from '../platform/platform.js';
import type { ActorCache } from './actor-cache.js';
import { ADMIN_USERNAME } from './bootstrap.js';
import { parseApiToken, randomSecret, SESSION_COOKIE, secretMatches, sha256 } from './credentials.js';
import { sessionsRepository, tokensRepository } from './credentials-repository.js';
import { decoyHash, verifyPassword } from './passwords.js';
import type { IdentityDb } from './tables.js';
import { type UserRow, usersRepository } from './users-repository.js';

export interface SignedIn {
  sessionSecret: string;
  expiresAt: Date;
  actor: Actor & { userId: string };
}

export const accountDisabled = () =>
  new AppError(403, 'identity.account_disabled', 'This account is disabled; ask an administrator');
const invalidCredentials = () => new AppError(401, 'identity.invalid_credentials', 'Wrong username or password');

/** Signing in and out, and finding who is behind a request's session cookie or API token. */
export class AuthService implements Authenticator {
  readonly #db: IdentityDb;

  constructor(
    private readonly platform: Platform,
    private readonly cache: ActorCache,
  ) {
    this.#db = platform.db.withTables();
  }

  async login(ctx: RequestContext, username: string, password: string, userAgent: string | null): Promise<SignedIn> {
    const { config } = this.platform;
    // The built-in admin keeps its password as the way in when the provider is down or misconfigured (docs/sso.md).
    if (config.localLoginDisabled && username.toLowerCase() !== ADMIN_USERNAME) {
      throw new AppError(
        403,
        'identity.local_login_disabled',
        'Sign-in with a password is turned off; use single sign-on',
      );
    }
    const user = await usersRepository.findByUsername(this.#db, username);
    if (!user?.passwordHash) {
      await verifyPassword(await decoyHash, password);
      throw invalidCredentials();
    }
    if (user.lockedUntil && user.lockedUntil > new Date()) throw this.#locked(user.lockedUntil);
    if (!(await verifyPassword(user.passwordHash, password))) {
      const lockedUntil = await usersRepository.recordFailedLogin(
        this.#db,
        user.id,
        config.loginMaxFailures,
        config.loginLockoutMinutes,
      );
      if (lockedUntil && lockedUntil > new Date()) throw this.#locked(lockedUntil);
      throw invalidCredentials();
    }
    if (user.disabled) throw accountDisabled();
    return this.openSession(ctx, user, userAgent);
  }

  /** A new session for a user who proved who they are: by password, or through the OIDC provider (`sso`). */
  async openSession(
    ctx: RequestContext,
    user: UserRow,
    userAgent: string | null,
    sso?: { sid: string | null },
  ): Promise<SignedIn> {
    const { config } = this.platform;
    const sessionSecret = randomSecret();
    const csrfToken = randomSecret();
    const expiresAt = new Date(Date.now() + config.sessionTtlHours * 3_600_000);
    await this.platform.transaction(async (trx) => {
      const db: IdentityDb = trx.withTables();
      await usersRepository.recordLogin(db, user.id);
      await sessionsRepository.deleteExpired(db);
      await sessionsRepository.insert(db, {
        idHash: sha256(sessionSecret),
        userId: user.id,
        csrfToken,
        expiresAt,
        ip: ctx.ip ?? null,
        userAgent,
        sso,
      });
    });
    const permissions = await usersRepository.permissionsOf(this.#db, user.id);
    const actor = {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      locale: user.locale,
      permissions: new Set(permissions),
      via: 'session' as const,
      csrfToken,
    };
    this.cache.set(sessionSecret, actor);
    return { sessionSecret, expiresAt, actor };
  }

  async logout(sessionSecret: string | undefined): Promise<void> {
    if (!sessionSecret) return;
    this.cache.delete(sessionSecret);
    await sessionsRepository.delete(this.#db, sha256(sessionSecret));
  }

  async authenticate(request: FastifyRequest, reply: FastifyReply): Promise<Actor | null> {
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) return this.#fromToken(authorization.slice(7).trim());
    const sessionSecret = request.cookies[SESSION_COOKIE];
    if (!sessionSecret) return null;
    const actor = await this.#fromSession(sessionSecret);
    if (!actor) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return actor;
  }

  async #fromSession(secret: string): Promise<Actor | null> {
    const cached = this.cache.get(secret);
    if (cached) return cached;
    const idHash = sha256(secret);
    const session = await sessionsRepository.findActive(this.#db, idHash);
    if (!session) return null;
    const user = await usersRepository.findById(this.#db, session.userId);
    if (!user) return null;
    // Sliding expiry, written at most once a minute per session.
    if (Date.now() - session.lastSeenAt.getTime() > 60_000) {
      const expiresAt = new Date(Date.now() + this.platform.config.sessionTtlHours * 3_600_000);
      await sessionsRepository.extend(this.#db, idHash, expiresAt);
    }
    const permissions = await usersRepository.permissionsOf(this.#db, user.id);
    const actor: Actor = {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      locale: user.locale,
      permissions: new Set(permissions),
      via: 'session',
      csrfToken: session.csrfToken,
    };
    this.cache.set(secret, actor);
    return actor;
  }

  async #fromToken(token: string): Promise<Actor | null> {
    const parsed = parseApiToken(token);
    if (!parsed) throw new AppError(401, 'identity.invalid_token', 'The bearer token is malformed');
    const cached = this.cache.get(token);
    if (cached) return cached;
    const row = await tokensRepository.findUsable(this.#db, parsed.id);
    if (!row || !secretMatches(parsed.secret, row.secretHash)) {
      throw new AppError(401, 'identity.invalid_token', 'The API token is unknown, revoked or expired');
    }
    await tokensRepository.markUsed(this.#db, row.id);
    // A token never grants more than its user currently has.
    const userPermissions = new Set(await usersRepository.permissionsOf(this.#db, row.userId));
    const granted = row.permissions.filter((permission) => userPermissions.has('*') || userPermissions.has(permission));
    const actor: Actor = {
      userId: row.userId,
      username: row.username,
      displayName: row.displayName,
      locale: row.locale,
      permissions: new Set(granted),
      via: 'token',
    };
    this.cache.set(token, actor);
    return actor;
  }

  #locked(until: Date) {
    const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
    return new AppError(
      423,
      'identity.account_locked',
      `Too many failed sign-ins; the account is locked until ${until.toISOString()}`,
      {
        retryAfterSeconds,
      },
    );
  }
}

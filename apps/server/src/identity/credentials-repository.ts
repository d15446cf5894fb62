import { sql } from 'kysely';
import type { IdentityDb } from './tables.js';

export interface SessionRow {
  userId: string;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
}

export interface TokenRow {
  id: string;
  name: string;
  userId: string;
  username: string;
  displayName: string;
  locale: string | null;
  secretHash: string;
  permissions: string[];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

function selectTokens(db: IdentityDb) {
  return db
    .selectFrom('identity.api_tokens as t')
    .innerJoin('identity.users as u', 'u.id', 't.user_id')
    .select([
      't.id',
      't.name',
      't.user_id as userId',
      'u.username',
      'u.display_name as displayName',
      'u.locale',
      't.secret_hash as secretHash',
      't.permissions',
      't.created_at as createdAt',
      't.expires_at as expiresAt',
      't.last_used_at as lastUsedAt',
      't.revoked_at as revokedAt',
    ]);
}

export const sessionsRepository = {
  async insert(
    db: IdentityDb,
    session: {
      idHash: string;
      userId: string;
      csrfToken: string;
      expiresAt: Date;
      ip: string | null;
      userAgent: string | null;
      /** Opened through the OIDC provider, with its session id when it sent one. */
      sso?: { sid: string | null };
    },
  ) {
    await db
      .insertInto('identity.sessions')
      .values({
        id_hash: session.idHash,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        expires_at: session.expiresAt,
        ip: session.ip,
        user_agent: session.userAgent,
        sso: Boolean(session.sso),
        oidc_sid: session.sso?.sid ?? null,
      })
      .execute();
  },

  /** The live session with this hash whose user is still enabled. */
  async findActive(db: IdentityDb, idHash: string): Promise<SessionRow | undefined> {
    return db
      .selectFrom('identity.sessions as s')
      .innerJoin('identity.users as u', 'u.id', 's.user_id')
      .select([
        's.user_id as userId',
        's.csrf_token as csrfToken',
        's.expires_at as expiresAt',
        's.last_seen_at as lastSeenAt',
      ])
      .where('s.id_hash', '=', idHash)
      .where('s.expires_at', '>', sql<Date>`now()`)
      .where('u.disabled', '=', false)
      .executeTakeFirst();
  },

  async extend(db: IdentityDb, idHash: string, expiresAt: Date) {
    await db
      .updateTable('identity.sessions')
      .set({ expires_at: expiresAt, last_seen_at: sql`now()` })
      .where('id_hash', '=', idHash)
      .execute();
  },

  async delete(db: IdentityDb, idHash: string) {
    await db.deleteFrom('identity.sessions').where('id_hash', '=', idHash).execute();
  },

  async deleteForUser(db: IdentityDb, userId: string) {
    await db.deleteFrom('identity.sessions').where('user_id', '=', userId).execute();
  },

  async deleteExpired(db: IdentityDb) {
    await db.deleteFrom('identity.sessions').where('expires_at', '<', sql<Date>`now()`).execute();
  },
};

export const tokensRepository = {
  async list(db: IdentityDb): Promise<TokenRow[]> {
    return selectTokens(db).orderBy('t.created_at', 'desc').execute();
  },

  async findById(db: IdentityDb, id: string): Promise<TokenRow | undefined> {
    return selectTokens(db).where('t.id', '=', id).executeTakeFirst();
  },

  /** A token that can be used now: not revoked, not expired, its user enabled. */
  async findUsable(db: IdentityDb, id: string): Promise<TokenRow | undefined> {
    return selectTokens(db)
      .where('t.id', '=', id)
      .where('t.revoked_at', 'is', null)
      .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', sql<Date>`now()`)]))
      .where('u.disabled', '=', false)
      .executeTakeFirst();
  },

  async insert(
    db: IdentityDb,
    token: {
      id: string;
      name: string;
      userId: string;
      secretHash: string;
      permissions: string[];
      createdBy: string | null;
      expiresAt: Date | null;
    },
  ): Promise<void> {
    await db
      .insertInto('identity.api_tokens')
      .values({
        id: token.id,
        name: token.name,
        user_id: token.userId,
        secret_hash: token.secretHash,
        permissions: JSON.stringify(token.permissions),
        created_by: token.createdBy,
        expires_at: token.expiresAt,
      })
      .execute();
  },

  async markUsed(db: IdentityDb, id: string) {
    await db.updateTable('identity.api_tokens').set({ last_used_at: sql`now()` }).where('id', '=', id).execute();
  },

  async revoke(db: IdentityDb, id: string) {
    await db
      .updateTable('identity.api_tokens')
      .set({ revoked_at: sql`now()` })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  },
};

import { sql } from 'kysely';
import type { IdentityDb } from '../tables.js';

export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

/** SQL of OIDC sign-in: logins under way, provider accounts linked to users, roles the provider granted, sessions. */
export const oidcRepository = {
  async insertPending(db: IdentityDb, idHash: string, login: PendingLogin, expiresAt: Date): Promise<void> {
    await db.deleteFrom('identity.oidc_pending_logins').where('expires_at', '<', sql<Date>`now()`).execute();
    await db
      .insertInto('identity.oidc_pending_logins')
      .values({
        id_hash: idHash,
        state: login.state,
        nonce: login.nonce,
        code_verifier: login.codeVerifier,
        return_to: login.returnTo,
        expires_at: expiresAt,
      })
      .execute();
  },

  /** The live login under way with this hash, removed as it is read: a callback is answered once. */
  async takePending(db: IdentityDb, idHash: string): Promise<PendingLogin | undefined> {
    const row = await db
      .deleteFrom('identity.oidc_pending_logins')
      .where('id_hash', '=', idHash)
      .returning([
        'state',
        'nonce',
        'code_verifier as codeVerifier',
        'return_to as returnTo',
        'expires_at as expiresAt',
      ])
      .executeTakeFirst();
    if (!row || row.expiresAt < new Date()) return undefined;
    return { state: row.state, nonce: row.nonce, codeVerifier: row.codeVerifier, returnTo: row.returnTo };
  },

  async linkedUserId(db: IdentityDb, issuer: string, subject: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('identity.oidc_links')
      .select('user_id')
      .where('issuer', '=', issuer)
      .where('subject', '=', subject)
      .executeTakeFirst();
    return row?.user_id;
  },

  async isLinked(db: IdentityDb, userId: string): Promise<boolean> {
    const row = await db
      .selectFrom('identity.oidc_links')
      .select('user_id')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Boolean(row);
  },

  async link(db: IdentityDb, issuer: string, subject: string, userId: string): Promise<void> {
    await db
      .insertInto('identity.oidc_links')
      .values({ issuer, subject, user_id: userId })
      .onConflict((oc) => oc.columns(['issuer', 'subject']).doUpdateSet({ last_login_at: sql`now()` }))
      .execute();
  },

  async grantedRoleIds(db: IdentityDb, userId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('identity.oidc_role_grants')
      .select('role_id')
      .where('user_id', '=', userId)
      .execute();
    return rows.map((row) => row.role_id);
  },

  /** Takes roles the provider had granted away from the user, with their marks. */
  async revokeRoles(db: IdentityDb, userId: string, roleIds: string[]): Promise<void> {
    if (roleIds.length === 0) return;
    await db.deleteFrom('identity.user_roles').where('user_id', '=', userId).where('role_id', 'in', roleIds).execute();
    await db
      .deleteFrom('identity.oidc_role_grants')
      .where('user_id', '=', userId)
      .where('role_id', 'in', roleIds)
      .execute();
  },

  /** Gives the user roles they do not hold, marked as granted by the provider. */
  async grantRoles(db: IdentityDb, userId: string, roleIds: string[]): Promise<void> {
    if (roleIds.length === 0) return;
    const rows = roleIds.map((roleId) => ({ user_id: userId, role_id: roleId }));
    await db.insertInto('identity.user_roles').values(rows).execute();
    await db
      .insertInto('identity.oidc_role_grants')
      .values(rows)
      .onConflict((oc) => oc.doNothing())
      .execute();
  },

  /** Ends the SSO sessions the provider's logout names: by its session id, or all of one user's. */
  async endSessions(db: IdentityDb, match: { sid: string } | { userId: string }): Promise<number> {
    let query = db.deleteFrom('identity.sessions').where('sso', '=', true);
    query = 'sid' in match ? query.where('oidc_sid', '=', match.sid) : query.where('user_id', '=', match.userId);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};

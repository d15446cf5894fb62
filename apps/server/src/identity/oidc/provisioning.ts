import type { RequestContext } from '../../platform/context.js';
import { conflict } from '../../platform/http/errors.js';
import type { Db, Platform } from '../../platform/platform.js';
import { accountDisabled } from '../auth-service.js';
import { rolesRepository } from '../roles-repository.js';
import type { IdentityDb } from '../tables.js';
import { type UserRow, usersRepository } from '../users-repository.js';
import { oidcRepository } from './oidc-repository.js';

/** Who the provider says signed in, and the Kontor roles their provider roles map to. */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  username: string;
  displayName: string;
  email: string | null;
  roleNames: string[];
}

const snapshot = (user: UserRow) => ({
  username: user.username,
  displayName: user.displayName,
  email: user.email,
  roles: user.roles.map((role) => role.name),
});

/**
 * Finds or creates the Kontor user of a provider account, inside the caller's transaction, and makes the roles the
 * provider grants exactly the mapped ones; roles granted in Kontor stay. `ctx` names who is audited (OIDC itself).
 */
export async function provisionUser(
  platform: Platform,
  trx: Db,
  ctx: RequestContext,
  identity: ProviderIdentity,
): Promise<UserRow> {
  const db: IdentityDb = trx.withTables();
  const before = await linkedOrClaimableUser(db, identity);
  if (before?.disabled) throw accountDisabled();
  const userId =
    before?.id ??
    (await usersRepository.insert(db, {
      username: identity.username,
      displayName: identity.displayName,
      email: identity.email,
      passwordHash: null,
    }));
  await oidcRepository.link(db, identity.issuer, identity.subject, userId);
  if (before && (before.displayName !== identity.displayName || before.email !== identity.email)) {
    await usersRepository.update(db, userId, { displayName: identity.displayName, email: identity.email });
  }
  await syncProviderRoles(platform, db, userId, identity.roleNames);

  const after = (await usersRepository.findById(db, userId)) as UserRow;
  if (!before) {
    await platform.audit.record(trx, ctx, {
      action: 'user.create',
      entity: 'user',
      entityId: userId,
      after: snapshot(after),
    });
  } else if (JSON.stringify(snapshot(before)) !== JSON.stringify(snapshot(after))) {
    await platform.audit.record(trx, ctx, {
      action: 'user.update',
      entity: 'user',
      entityId: userId,
      before: snapshot(before),
      after: snapshot(after),
    });
  }
  return after;
}

/**
 * The user already linked to this provider account; else one an administrator created for it beforehand (same
 * username, no password, not linked elsewhere). A local account with a password is never taken over.
 */
async function linkedOrClaimableUser(db: IdentityDb, identity: ProviderIdentity): Promise<UserRow | undefined> {
  const linkedId = await oidcRepository.linkedUserId(db, identity.issuer, identity.subject);
  if (linkedId) return usersRepository.findById(db, linkedId);
  const namesake = await usersRepository.findByUsername(db, identity.username);
  if (!namesake) return undefined;
  if (namesake.passwordHash || (await oidcRepository.isLinked(db, namesake.id))) {
    throw conflict(
      'identity.oidc_username_taken',
      `The username ${identity.username} belongs to another Kontor account; an administrator must rename one of them`,
    );
  }
  return namesake;
}

async function syncProviderRoles(platform: Platform, db: IdentityDb, userId: string, roleNames: string[]) {
  const wanted = new Set<string>();
  for (const name of roleNames) {
    const role = await rolesRepository.findByName(db, name);
    // A role map naming a role Kontor does not have is a configuration slip: say so, and grant the rest.
    if (role) wanted.add(role.id);
    else platform.logger.warn({ role: name }, 'oidcRoleMap names a role that does not exist in Kontor');
  }
  const granted = new Set(await oidcRepository.grantedRoleIds(db, userId));
  const held = new Set(((await usersRepository.findById(db, userId)) as UserRow).roles.map((role) => role.id));
  await oidcRepository.revokeRoles(
    db,
    userId,
    [...granted].filter((id) => !wanted.has(id)),
  );
  // A role the user already holds from Kontor stays Kontor's: the provider neither marks nor removes it.
  await oidcRepository.grantRoles(
    db,
    userId,
    [...wanted].filter((id) => !held.has(id)),
  );
}

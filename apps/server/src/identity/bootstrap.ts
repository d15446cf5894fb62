import { sql } from 'kysely';
import { systemContext } from '../platform/context.js';
import type { Platform } from '../platform/platform.js';
import { generatePassword, hashPassword } from './passwords.js';
import { rolesRepository } from './roles-repository.js';
import type { IdentityDb } from './tables.js';
import { usersRepository } from './users-repository.js';

export const ADMIN_USERNAME = 'admin';
const ADMIN_ROLE = 'Administrator';
const BOOTSTRAP_LOCK_KEY = 7_342_002;

/**
 * On a node's first start: the built-in Administrator role (every permission, now and to come) and the
 * `admin` user. Returns the password when it was generated, so the caller can show it once.
 */
export async function ensureFirstAdmin(
  platform: Platform,
  password?: string,
): Promise<{ generatedPassword?: string } | null> {
  if ((await usersRepository.count(platform.db.withTables())) > 0) return null;
  const chosen = password ?? generatePassword();
  const passwordHash = await hashPassword(chosen);
  const created = await platform.transaction(async (trx) => {
    // Hub instances starting together on one PostgreSQL: only the first creates the admin.
    await sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK_KEY})`.execute(trx);
    const tx: IdentityDb = trx.withTables();
    if ((await usersRepository.count(tx)) > 0) return false;
    const role = await rolesRepository.insert(tx, {
      name: ADMIN_ROLE,
      description: 'Every permission of every module',
      permissions: ['*'],
      system: true,
    });
    const id = await usersRepository.insert(tx, {
      username: ADMIN_USERNAME,
      displayName: 'Administrator',
      email: null,
      passwordHash,
    });
    await usersRepository.setRoles(tx, id, [role]);
    await platform.audit.record(trx, systemContext('bootstrap'), {
      action: 'user.create',
      entity: 'user',
      entityId: id,
      after: { username: ADMIN_USERNAME, roles: [ADMIN_ROLE] },
    });
    return true;
  });
  if (!created) return null;
  return password ? {} : { generatedPassword: chosen };
}

const demoRoles = [
  { name: 'Auditor', description: 'Reads the audit log', permissions: ['admin.audit'] },
  {
    name: 'User administrator',
    description: 'Manages users and their roles',
    permissions: ['admin.users', 'admin.roles'],
  },
  { name: 'Directory reader', description: 'Looks up the contact directory', permissions: ['directory.read'] },
  {
    name: 'Directory editor',
    description: 'Keeps the contact directory up to date (on the hub)',
    permissions: ['directory.read', 'directory.write'],
  },
  {
    name: 'Orderer',
    description: 'Orders consumables for the units they belong to',
    permissions: ['directory.read', 'supplies.order', 'visitors.invite', 'desk.request'],
  },
  {
    name: 'Supplies staff',
    description: 'Takes in orders and keeps the catalog (on the hub)',
    permissions: ['directory.read', 'supplies.order', 'supplies.manage'],
  },
  {
    name: 'Reception',
    description: 'Registers visitors at reception: hands out and takes back guest cards, the evacuation list',
    permissions: ['directory.read', 'visitors.reception', 'desk.request'],
  },
  {
    name: 'Visitor administrator',
    description: 'Keeps the guest-card pool, kiosks, privacy notice and retention; reads visit reports',
    permissions: ['directory.read', 'visitors.reception', 'visitors.admin'],
  },
  {
    name: 'Service desk agent',
    description: 'Works incidents: replies, internal notes, status, assignment',
    permissions: ['desk.agent', 'directory.read'],
  },
  {
    name: 'Service desk administrator',
    description: 'Keeps the desk’s categories and groups, and works incidents',
    permissions: ['desk.admin', 'desk.agent', 'directory.read'],
  },
];

const demoUsers = [
  { username: 'anna.lind', displayName: 'Anna Lind', email: 'anna.lind@example.org', role: 'Auditor' },
  { username: 'erik.berg', displayName: 'Erik Berg', email: 'erik.berg@example.org', role: 'User administrator' },
  { username: 'maria.ek', displayName: 'Maria Ek', email: 'maria.ek@example.org', role: 'Orderer' },
  { username: 'johan.falk', displayName: 'Johan Falk', email: 'johan.falk@example.org', role: 'Supplies staff' },
  { username: 'ewa.nowak', displayName: 'Ewa Nowak', email: 'ewa.nowak@example.org', role: 'Reception' },
  {
    username: 'piotr.wisniewski',
    displayName: 'Piotr Wiśniewski',
    email: 'piotr.wisniewski@example.org',
    role: 'Visitor administrator',
  },
  {
    username: 'olga.ivanova',
    displayName: 'Olga Ivanova',
    email: 'olga.ivanova@example.org',
    role: 'Service desk agent',
  },
  {
    username: 'sergej.petrov',
    displayName: 'Sergej Petrov',
    email: 'sergej.petrov@example.org',
    role: 'Service desk administrator',
  },
];

/** Demo roles and people. Demo users get no password: an administrator sets one to try them. */
export async function seedIdentityDemo(platform: Platform): Promise<void> {
  const ctx = systemContext('demo');
  await platform.transaction(async (trx) => {
    const db: IdentityDb = trx.withTables();
    const roleIds = new Map<string, string>();
    for (const role of demoRoles) {
      const existing = await rolesRepository.findByName(db, role.name);
      const id = existing?.id ?? (await rolesRepository.insert(db, role));
      if (!existing)
        await platform.audit.record(trx, ctx, { action: 'role.create', entity: 'role', entityId: id, after: role });
      roleIds.set(role.name, id);
    }
    for (const user of demoUsers) {
      if (await usersRepository.findByUsername(db, user.username)) continue;
      const id = await usersRepository.insert(db, { ...user, passwordHash: null });
      await usersRepository.setRoles(db, id, [roleIds.get(user.role) as string]);
      await platform.audit.record(trx, ctx, { action: 'user.create', entity: 'user', entityId: id, after: user });
    }
  });
}

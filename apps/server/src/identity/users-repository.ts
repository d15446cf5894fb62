import { sql } from 'kysely';
import type { IdentityDb } from './tables.js';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  passwordHash: string | null;
  disabled: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
  locale: string | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  roles: Array<{ id: string; name: string }>;
}

const userColumns = [
  'u.id',
  'u.username',
  'u.display_name as displayName',
  'u.email',
  'u.password_hash as passwordHash',
  'u.disabled',
  'u.failed_logins as failedLogins',
  'u.locked_until as lockedUntil',
  'u.locale',
  'u.last_login_at as lastLoginAt',
  'u.created_at as createdAt',
] as const;

function selectUsers(db: IdentityDb) {
  return db
    .selectFrom('identity.users as u')
    .select(userColumns)
    .select((eb) =>
      eb
        .selectFrom('identity.user_roles as ur')
        .innerJoin('identity.roles as r', 'r.id', 'ur.role_id')
        .whereRef('ur.user_id', '=', 'u.id')
        .select(
          sql<
            Array<{ id: string; name: string }>
          >`coalesce(json_agg(json_build_object('id', r.id, 'name', r.name) order by r.name), '[]')`.as('roles'),
        )
        .as('roles'),
    );
}

const replicatedChange = (changes: object) =>
  ['displayName', 'email', 'disabled', 'passwordHash'].some(
    (field) => (changes as Record<string, unknown>)[field] !== undefined,
  );

export const usersRepository = {
  async list(db: IdentityDb): Promise<UserRow[]> {
    return (await selectUsers(db).orderBy('u.username').execute()) as UserRow[];
  },

  async findById(db: IdentityDb, id: string): Promise<UserRow | undefined> {
    return (await selectUsers(db).where('u.id', '=', id).executeTakeFirst()) as UserRow | undefined;
  },

  async findByUsername(db: IdentityDb, username: string): Promise<UserRow | undefined> {
    return (await selectUsers(db).where(sql`lower(u.username)`, '=', username.toLowerCase()).executeTakeFirst()) as
      | UserRow
      | undefined;
  },

  async count(db: IdentityDb): Promise<number> {
    const row = await db
      .selectFrom('identity.users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async insert(
    db: IdentityDb,
    user: { username: string; displayName: string; email: string | null; passwordHash: string | null },
  ): Promise<string> {
    const row = await db
      .insertInto('identity.users')
      .values({
        username: user.username,
        display_name: user.displayName,
        email: user.email,
        password_hash: user.passwordHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async update(
    db: IdentityDb,
    id: string,
    changes: {
      displayName?: string;
      email?: string | null;
      disabled?: boolean;
      passwordHash?: string;
      locale?: string;
      unlock?: boolean;
    },
  ): Promise<void> {
    const set = {
      ...(changes.displayName !== undefined && { display_name: changes.displayName }),
      ...(changes.email !== undefined && { email: changes.email }),
      ...(changes.disabled !== undefined && { disabled: changes.disabled }),
      ...(changes.passwordHash !== undefined && { password_hash: changes.passwordHash }),
      ...(changes.locale !== undefined && { locale: changes.locale }),
      ...(changes.unlock && { failed_logins: 0, locked_until: null }),
      // The language and the lockout are facts of this node (not replicated): they leave the record's time alone,
      // so a workstation, which may not change users, can still keep them.
      ...(replicatedChange(changes) && { updated_at: sql<Date>`now()` }),
    };
    // A change of roles only touches no column of the user (an empty SET is not SQL).
    if (Object.keys(set).length === 0) return;
    await db.updateTable('identity.users').set(set).where('id', '=', id).execute();
  },

  async setRoles(db: IdentityDb, userId: string, roleIds: string[]): Promise<void> {
    await db.deleteFrom('identity.user_roles').where('user_id', '=', userId).execute();
    if (roleIds.length > 0) {
      await db
        .insertInto('identity.user_roles')
        .values(roleIds.map((roleId) => ({ user_id: userId, role_id: roleId })))
        .execute();
    }
  },

  /** Counts a failed sign-in and locks the account for `lockoutMinutes` once `maxFailures` is reached. */
  async recordFailedLogin(
    db: IdentityDb,
    id: string,
    maxFailures: number,
    lockoutMinutes: number,
  ): Promise<Date | null> {
    const row = await db
      .updateTable('identity.users')
      .set((eb) => ({
        failed_logins: sql`case when ${eb.ref('failed_logins')} + 1 >= ${maxFailures} then 0 else ${eb.ref('failed_logins')} + 1 end`,
        locked_until: sql`case when ${eb.ref('failed_logins')} + 1 >= ${maxFailures}
          then now() + make_interval(mins => ${lockoutMinutes}) else ${eb.ref('locked_until')} end`,
      }))
      .where('id', '=', id)
      .returning('locked_until')
      .executeTakeFirstOrThrow();
    return row.locked_until;
  },

  async recordLogin(db: IdentityDb, id: string): Promise<void> {
    await db
      .updateTable('identity.users')
      .set({ failed_logins: 0, locked_until: null, last_login_at: sql`now()` })
      .where('id', '=', id)
      .execute();
  },

  /** Active users whose roles grant `permission` (or everything), in one query. */
  async activeHolding(db: IdentityDb, permission: string): Promise<UserRow[]> {
    return (await selectUsers(db)
      .where('u.disabled', '=', false)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('identity.user_roles as ur')
            .innerJoin('identity.roles as r', 'r.id', 'ur.role_id')
            .select(sql`1`.as('one'))
            .whereRef('ur.user_id', '=', 'u.id')
            .where(sql<boolean>`r.permissions ?| array[${permission}, '*']`),
        ),
      )
      .orderBy('u.username')
      .execute()) as UserRow[];
  },

  async permissionsOf(db: IdentityDb, userId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('identity.user_roles as ur')
      .innerJoin('identity.roles as r', 'r.id', 'ur.role_id')
      .select(sql<string>`jsonb_array_elements_text(r.permissions)`.as('permission'))
      .where('ur.user_id', '=', userId)
      .execute();
    return [...new Set(rows.map((row) => row.permission))].sort();
  },
};

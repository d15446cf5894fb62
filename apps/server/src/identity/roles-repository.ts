import { sql } from 'kysely';
import type { IdentityDb } from './tables.js';

export interface RoleRow {
  id: string;
  name: string;
  description: string;
  permissions: string[];
  system: boolean;
  userCount: number;
}

function selectRoles(db: IdentityDb) {
  return db
    .selectFrom('identity.roles as r')
    .select(['r.id', 'r.name', 'r.description', 'r.permissions', 'r.system'])
    .select((eb) =>
      eb
        .selectFrom('identity.user_roles as ur')
        .whereRef('ur.role_id', '=', 'r.id')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .as('userCount'),
    );
}

const normalise = (row: Omit<RoleRow, 'userCount'> & { userCount: number | string | null }): RoleRow => ({
  ...row,
  userCount: Number(row.userCount ?? 0),
});

export const rolesRepository = {
  async list(db: IdentityDb): Promise<RoleRow[]> {
    return (await selectRoles(db).orderBy('r.name').execute()).map(normalise);
  },

  async findById(db: IdentityDb, id: string): Promise<RoleRow | undefined> {
    const row = await selectRoles(db).where('r.id', '=', id).executeTakeFirst();
    return row && normalise(row);
  },

  async findByName(db: IdentityDb, name: string): Promise<RoleRow | undefined> {
    const row = await selectRoles(db).where(sql`lower(r.name)`, '=', name.toLowerCase()).executeTakeFirst();
    return row && normalise(row);
  },

  async existingIds(db: IdentityDb, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db.selectFrom('identity.roles').select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((row) => row.id));
  },

  async insert(
    db: IdentityDb,
    role: { name: string; description: string; permissions: string[]; system?: boolean },
  ): Promise<string> {
    const row = await db
      .insertInto('identity.roles')
      .values({
        name: role.name,
        description: role.description,
        permissions: JSON.stringify(role.permissions),
        system: role.system ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async update(db: IdentityDb, id: string, role: { name: string; description: string; permissions: string[] }) {
    await db
      .updateTable('identity.roles')
      .set({
        name: role.name,
        description: role.description,
        permissions: JSON.stringify(role.permissions),
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .execute();
  },

  async delete(db: IdentityDb, id: string): Promise<void> {
    await db.deleteFrom('identity.roles').where('id', '=', id).execute();
  },
};

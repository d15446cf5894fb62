import type { SuppliesDb } from './tables.js';

/** Who may order for which unit (reference data, kept on the hub). */
export const membersRepository = {
  async unitsOf(db: SuppliesDb, userId: string): Promise<string[]> {
    const rows = await db.selectFrom('supplies.unit_members').select('unit_id').where('user_id', '=', userId).execute();
    return rows.map((row) => row.unit_id);
  },

  async isMember(db: SuppliesDb, unitId: string, userId: string): Promise<boolean> {
    const row = await db
      .selectFrom('supplies.unit_members')
      .select('unit_id')
      .where('unit_id', '=', unitId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row !== undefined;
  },

  async members(db: SuppliesDb, unitId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('supplies.unit_members')
      .select('user_id')
      .where('unit_id', '=', unitId)
      .orderBy('user_id')
      .execute();
    return rows.map((row) => row.user_id);
  },

  async setMembers(db: SuppliesDb, unitId: string, userIds: string[]) {
    let removal = db.deleteFrom('supplies.unit_members').where('unit_id', '=', unitId);
    if (userIds.length > 0) removal = removal.where('user_id', 'not in', userIds);
    await removal.execute();
    if (userIds.length > 0)
      await db
        .insertInto('supplies.unit_members')
        .values(userIds.map((userId) => ({ unit_id: unitId, user_id: userId })))
        .onConflict((oc) => oc.doNothing())
        .execute();
  },
};

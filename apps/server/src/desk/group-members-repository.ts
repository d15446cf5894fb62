import type { DeskDb } from './tables.js';

/** Which agents work in which group: the SQL of `desk.group_members`. */
export const groupMembersRepository = {
  async ofGroup(db: DeskDb, groupId: string): Promise<string[]> {
    const rows = await db.selectFrom('desk.group_members').select('user_id').where('group_id', '=', groupId).execute();
    return rows.map((row) => row.user_id);
  },

  async groupsOf(db: DeskDb, userId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('desk.group_members as m')
      .innerJoin('desk.groups as g', 'g.id', 'm.group_id')
      .select('m.group_id')
      .where('m.user_id', '=', userId)
      .where('g.active', '=', true)
      .execute();
    return rows.map((row) => row.group_id);
  },

  async replace(db: DeskDb, groupId: string, userIds: readonly string[]): Promise<void> {
    await db.deleteFrom('desk.group_members').where('group_id', '=', groupId).execute();
    if (userIds.length > 0)
      await db
        .insertInto('desk.group_members')
        .values(userIds.map((user_id) => ({ group_id: groupId, user_id })))
        .execute();
  },
};

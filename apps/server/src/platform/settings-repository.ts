import { sql } from 'kysely';
import type { Db } from './platform.js';

type SettingsTables = {
  'platform.settings': { key: string; value: unknown; updated_at: Date };
};

/** Node-wide settings that live in the database (as opposed to start-up configuration). */
export const settingsRepository = {
  async get<T>(db: Db, key: string): Promise<T | undefined> {
    const row = await db
      .withTables<SettingsTables>()
      .selectFrom('platform.settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.value as T | undefined;
  },

  async set(db: Db, key: string, value: unknown): Promise<void> {
    await db
      .withTables<SettingsTables>()
      .insertInto('platform.settings')
      .values({ key, value: JSON.stringify(value), updated_at: sql`now()` })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: sql`now()` }))
      .execute();
  },
};

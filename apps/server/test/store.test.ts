import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import { describeEachStore } from './stores.js';

const sources = [
  { module: 'platform', dir: fileURLToPath(new URL('../src/platform/migrations', import.meta.url)) },
  { module: 'audit', dir: fileURLToPath(new URL('../src/platform/audit/migrations', import.meta.url)) },
  { module: 'identity', dir: fileURLToPath(new URL('../src/identity/migrations', import.meta.url)) },
];

describeEachStore('migrations', (store) => {
  let release: () => Promise<void>;
  let location: Awaited<ReturnType<typeof store.create>>['location'];
  beforeAll(async () => {
    ({ location, release } = await store.create());
  });
  afterAll(() => release());

  it('applies each migration once, even when instances start together', async () => {
    const first = await openDatabase(location);
    const second = store.name === 'postgres' ? await openDatabase(location) : first;
    try {
      const [a, b] = await Promise.all([migrate(first.db, sources), migrate(second.db, sources)]);
      // Every file of the three folders, each applied by exactly one of the two instances.
      const files = sources.flatMap(({ module, dir }) =>
        readdirSync(dir)
          .filter((name) => name.endsWith('.sql'))
          .map((name) => `${module}/${name}`),
      );
      expect(files).toContain('platform/0001_platform.sql');
      expect([...a, ...b].sort()).toEqual(files.sort());
      expect(await migrate(first.db, sources)).toEqual([]);
      const schemas = await sql<{
        nspname: string;
      }>`select nspname from pg_namespace where nspname in ('platform', 'audit', 'identity')`.execute(first.db);
      expect(schemas.rows).toHaveLength(3);
    } finally {
      if (second !== first) await second.close();
      if (store.name === 'postgres') await first.close();
    }
  });
});

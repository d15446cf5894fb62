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
      expect([...a, ...b].sort()).toEqual([
        'audit/0001_audit.sql',
        'identity/0001_identity.sql',
        'platform/0001_platform.sql',
        'platform/0002_mail.sql',
      ]);
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

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import type { StoreLocation } from '../src/platform/db/database.js';
import { emptyPgliteTemplate } from './pglite-template.js';

/** PostgreSQL the integration tests use; CI must have it, a bare machine may skip those tests. */
export const TEST_POSTGRES_URL = process.env.KONTOR_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.KONTOR_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const inCi = Boolean(process.env.CI);

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const postgresAvailable = await reachable(TEST_POSTGRES_URL);
if (!postgresAvailable) {
  if (inCi) throw new Error(`CI needs PostgreSQL at ${TEST_POSTGRES_URL}; .ci/run starts it`);
  console.warn(
    `PostgreSQL is not reachable at ${TEST_POSTGRES_URL}: its integration tests are skipped on this machine.`,
  );
}

/** A fresh, empty PostgreSQL database and the function that drops it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `kontor_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export interface TestStore {
  name: 'pglite' | 'postgres';
  /** A new empty store for one node; `release` removes it. */
  create(): Promise<{ location: StoreLocation; release: () => Promise<void> }>;
}

const pgliteStore: TestStore = {
  name: 'pglite',
  // Empty as ever, only without running initdb for each store (a test node loads the migrated template instead).
  create: async () => ({
    location: { kind: 'pglite', dir: 'memory', template: await emptyPgliteTemplate() },
    release: async () => undefined,
  }),
};

const postgresStore: TestStore = {
  name: 'postgres',
  async create() {
    const database = await createTestDatabase();
    return { location: { kind: 'postgres', url: database.url }, release: database.drop };
  },
};

/** Runs a suite once per store: embedded PGlite always, PostgreSQL when it can be reached (always in CI). */
export function describeEachStore(title: string, suite: (store: TestStore) => void) {
  describe(`${title} [pglite]`, () => suite(pgliteStore));
  describe.skipIf(!postgresAvailable)(`${title} [postgres]`, () => suite(postgresStore));
}

async function redisReachable(url: string): Promise<boolean> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export const redisAvailable = await redisReachable(REDIS_URL);
if (!redisAvailable) {
  if (inCi) throw new Error(`CI needs Redis at ${REDIS_URL}; .ci/run starts it`);
  console.warn(`Redis is not reachable at ${REDIS_URL}: the scale-out tests are skipped on this machine.`);
}

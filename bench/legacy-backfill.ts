import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CrmMigrationStatus } from '@kontor/contracts';
import { sql } from 'kysely';
import { loadConfig } from '../apps/server/src/config.js';
import type { LegacyClientRecord } from '../apps/server/src/legacy/clients/clients-service.js';
import { foldName } from '../apps/server/src/legacy/text.js';
import { createNode, type KontorNode } from '../apps/server/src/node.js';
import { type LegacyCrm, startLegacyCrm } from '../examples/legacy-crm/server.js';
import { ADMIN_PASSWORD } from './kontor-node.js';
import { isMain } from './main.js';
import { createThrowawayDatabase } from './postgres.js';
import { flagValue, redact } from './settings.js';
import { fixed, table } from './stats.js';

// The backfill of the legacy CRM's clients into ours (docs/legacy.md), end to end: the stand-in in this process
// seeded with N clients, a hub on PGlite (or PostgreSQL) with the rate limit out of the way, the backfill started
// through the API and timed until it says done. Next to it, in the same run and store: the legacy walk alone (the
// same GETs by id) and a plain multi-row INSERT of the same records, in batches of the same size, into a copy of
// our clients table with its indexes: the floor of what moving the records can cost.
// node --import tsx bench/legacy-backfill.ts [--clients 100000] [--batch 200] [--store pglite|postgres] [--pg-url …]

interface Settings {
  clients: number;
  batch: number;
  store: 'pglite' | 'postgres';
  pgUrl: string;
}

function readSettings(argv = process.argv.slice(2)): Settings {
  const store = flagValue(argv, '--store') ?? 'pglite';
  if (store !== 'pglite' && store !== 'postgres') throw new Error(`--store: pglite or postgres, not ${store}`);
  return {
    clients: Number(flagValue(argv, '--clients') ?? 100_000),
    batch: Number(flagValue(argv, '--batch') ?? 200),
    store,
    pgUrl: flagValue(argv, '--pg-url') ?? process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}

interface Figure {
  name: string;
  records: number;
  seconds: number;
}

const perSecond = (figure: Figure) => figure.records / figure.seconds;

async function startHub(settings: Settings, legacy: LegacyCrm) {
  const dataDir = mkdtempSync(join(tmpdir(), 'kontor-bench-backfill-'));
  const database = settings.store === 'postgres' ? await createThrowawayDatabase(settings.pgUrl) : undefined;
  if (database && 'skipped' in database) throw new Error(database.skipped);
  const config = loadConfig({
    flags: {
      dataDir,
      adminPassword: ADMIN_PASSWORD,
      logLevel: 'warn',
      demo: false,
      databaseUrl: database?.database.url,
      legacyCrmUrl: legacy.url,
      legacyBackfillRatePerSecond: 100_000,
      legacyBackfillBatchSize: settings.batch,
    },
    env: {},
  });
  const node = await createNode(config, database ? {} : { store: { kind: 'pglite', dir: 'memory' } });
  const login = await node.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', password: ADMIN_PASSWORD },
  });
  const cookie = login.cookies.find((c) => c.name === 'kontor_session')?.value;
  const headers = { cookie: `kontor_session=${cookie}`, 'x-csrf-token': login.json().csrfToken as string };
  return {
    node,
    headers,
    async close() {
      await node.close();
      if (database && 'database' in database) await database.database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Walks the stand-in by id as the backfill does, keeping the records for the INSERT baseline. */
async function walkLegacy(
  legacy: LegacyCrm,
  batch: number,
): Promise<{ figure: Figure; records: LegacyClientRecord[] }> {
  const records: LegacyClientRecord[] = [];
  const startedAt = performance.now();
  let after = '';
  for (;;) {
    const response = await fetch(`${legacy.url}/clients?order=id&limit=${batch}${after && `&afterId=${after}`}`);
    const page = (await response.json()) as { items: LegacyClientRecord[]; hasMore: boolean };
    records.push(...page.items);
    if (!page.hasMore) break;
    after = page.items.at(-1)?.id ?? '';
  }
  const seconds = (performance.now() - startedAt) / 1000;
  return {
    figure: { name: `legacy walk only (GET by id, ${batch} a page)`, records: records.length, seconds },
    records,
  };
}

async function backfill(hub: Awaited<ReturnType<typeof startHub>>, total: number, log: (line: string) => void) {
  const { app } = hub.node;
  const startedAt = performance.now();
  const started = await app.inject({
    method: 'POST',
    url: '/api/crm/migration/clients/backfill',
    headers: hub.headers,
    payload: { action: 'start' },
  });
  if (started.statusCode !== 200) throw new Error(`backfill start: ${started.statusCode} ${started.body}`);
  let lastLog = startedAt;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const status = (await app.inject({ url: '/api/crm/migration', headers: hub.headers })).json() as CrmMigrationStatus;
    const clients = status.entities.find((entity) => entity.entity === 'clients');
    if (clients?.backfill.state === 'done') {
      if (clients.migrated !== total) throw new Error(`backfill migrated ${clients.migrated} of ${total}`);
      return (performance.now() - startedAt) / 1000;
    }
    if (performance.now() - lastLog > 5000) {
      lastLog = performance.now();
      log(`  backfill: ${clients?.backfill.processed} of ${total}, ${clients?.backfill.ratePerSecond}/s`);
    }
  }
}

/** The same records, one multi-row INSERT per batch, into a copy of our clients table (indexes and all). */
async function plainInsert(node: KontorNode, records: LegacyClientRecord[], batch: number): Promise<number> {
  const { db } = node.platform;
  await sql`create schema bench_backfill`.execute(db);
  await sql`create table bench_backfill.clients (like crm_clients.clients including all)`.execute(db);
  const startedAt = performance.now();
  for (let i = 0; i < records.length; i += batch) {
    const rows = records.slice(i, i + batch).map((record) => ({
      id: randomUUID(),
      ref: record.id,
      legacy_id: record.id,
      legacy_version: record.version,
      name: record.name,
      sort_name: foldName(record.name),
      email: record.email,
      phone: record.phone,
      org_number: record.orgNumber,
      city: record.city,
      version: record.version,
      created_at: record.createdAt,
      updated_at: record.updatedAt,
      migrated_at: sql`now()`,
      migrated_via: 'backfill',
    }));
    await db.insertInto('bench_backfill.clients').values(rows).execute();
  }
  const seconds = (performance.now() - startedAt) / 1000;
  await sql`drop schema bench_backfill cascade`.execute(db);
  return seconds;
}

export async function runLegacyBackfillBench(settings = readSettings(), log = console.log) {
  const legacy = await startLegacyCrm({ port: 0 });
  try {
    log(`  seeding the legacy CRM with ${settings.clients.toLocaleString('en')} clients`);
    await legacy.seed({ clients: settings.clients, ordersPerClient: 0, seed: 1 });
    const hub = await startHub(settings, legacy);
    try {
      const walk = await walkLegacy(legacy, settings.batch);
      log(`  ${walk.figure.name}: ${fixed(perSecond(walk.figure))} records/s`);
      const insertSeconds = await plainInsert(hub.node, walk.records, settings.batch);
      log(`  plain INSERT: ${fixed(walk.records.length / insertSeconds)} records/s`);
      const backfillSeconds = await backfill(hub, settings.clients, log);
      log(`  backfill: ${fixed(settings.clients / backfillSeconds)} records/s`);
      const figures: Figure[] = [
        walk.figure,
        {
          name: `plain multi-row INSERT (${settings.batch} a statement)`,
          records: walk.records.length,
          seconds: insertSeconds,
        },
        { name: 'backfill end to end (API start -> done)', records: settings.clients, seconds: backfillSeconds },
      ];
      return { settings, figures };
    } finally {
      await hub.close();
    }
  } finally {
    await legacy.close();
  }
}

export function formatLegacyBackfillResult(result: Awaited<ReturnType<typeof runLegacyBackfillBench>>): string {
  const { settings, figures } = result;
  const [walk, insert, backfilled] = figures as [Figure, Figure, Figure];
  // The stand-in runs in this process (its PGlite on the same thread): walking and inserting cannot truly overlap
  // here, so the floor of the backfill is the two one after the other.
  const serial: Figure = {
    name: 'walk + INSERT one after the other (derived)',
    records: insert.records,
    seconds: walk.seconds + insert.seconds,
  };
  const rows = [
    ['', 'records', 'seconds', 'records/s', 'vs INSERT', 'vs walk+INSERT'],
    ...[walk, insert, serial, backfilled].map((figure) => [
      figure.name,
      String(figure.records),
      fixed(figure.seconds, 1),
      fixed(perSecond(figure)),
      fixed(perSecond(figure) / perSecond(insert), 2),
      fixed(perSecond(figure) / perSecond(serial), 2),
    ]),
  ];
  const store = settings.store === 'postgres' ? `PostgreSQL (${redact(settings.pgUrl)})` : 'PGlite in memory';
  return [
    `Legacy backfill of ${settings.clients.toLocaleString('en')} clients, hub on ${store}, batches of ` +
      `${settings.batch}, rate limit 100000/s; the legacy stand-in in the same process`,
    table(rows),
  ].join('\n');
}

if (isMain(import.meta.url)) {
  const result = await runLegacyBackfillBench();
  console.log(`\n${formatLegacyBackfillResult(result)}`);
}

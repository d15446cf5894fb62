import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { type KontorConfig, loadConfig } from '../apps/server/src/config.js';
import { ClientsService, type LegacyClientRecord } from '../apps/server/src/legacy/clients/clients-service.js';
import { CrmFacade } from '../apps/server/src/legacy/facade/crm-facade.js';
import { FacadeMetrics } from '../apps/server/src/legacy/facade/facade-metrics.js';
import { createLegacyCache } from '../apps/server/src/legacy/facade/legacy-cache.js';
import { LegacyCrmClient, type LegacyPage } from '../apps/server/src/legacy/facade/legacy-client.js';
import { OrdersService } from '../apps/server/src/legacy/orders/orders-service.js';
import { searchWords } from '../apps/server/src/legacy/text.js';
import { createNode, type KontorNode } from '../apps/server/src/node.js';
import { systemContext } from '../apps/server/src/platform/context.js';
import { startLegacyCrm } from '../examples/legacy-crm/server.js';
import { ADMIN_PASSWORD } from './kontor-node.js';
import { percentile } from './latency.js';
import { isMain } from './main.js';
import { flagValue } from './settings.js';
import { fixed, median, table } from './stats.js';

/*
 * Search by name through the CRM facade (docs/legacy.md, "Figures"):
 *   node --import tsx bench/legacy-facade.ts [--clients 10000] [--migrated 0.5] [--latency 50] [--queries 40]
 *     [--rounds 3] [--database-url URL] [--redis-url URL|off]
 * The legacy CRM stand-in (in this process, its own PGlite) with `--clients` generated clients answering every
 * request `--latency` ms late; a Kontor node (in-memory PGlite, or PostgreSQL) whose service already holds the
 * `--migrated` share of them (imported as the backfill does). Each round searches `--queries` names (one word of a
 * client's name each) three ways, interleaved: our Clients service alone (ClientsService.page, the floor), the facade
 * with a cache that has never seen the query (cold: the legacy CRM is asked), and the facade again (warm: the page
 * comes from the cache). Figures are medians over rounds of each round's p50 and p95.
 */

const ctx = systemContext('bench');

interface Settings {
  clients: number;
  migrated: number;
  latencyMs: number;
  queries: number;
  rounds: number;
  databaseUrl?: string;
  redisUrl?: string;
}

function readSettings(argv = process.argv.slice(2)): Settings {
  const number = (flag: string, fallback: number) => Number(flagValue(argv, flag) ?? fallback);
  const redis = flagValue(argv, '--redis-url') ?? 'redis://127.0.0.1:6379';
  return {
    clients: number('--clients', 10_000),
    migrated: number('--migrated', 0.5),
    latencyMs: number('--latency', 50),
    queries: number('--queries', 40),
    rounds: number('--rounds', 3),
    databaseUrl: flagValue(argv, '--database-url'),
    redisUrl: redis === 'off' ? undefined : redis,
  };
}

type Way = 'ours' | 'cold' | 'warm';
const WAYS: Array<{ way: Way; name: string }> = [
  { way: 'ours', name: 'our service alone (ClientsService.page)' },
  { way: 'cold', name: 'facade, cold cache (legacy CRM asked)' },
  { way: 'warm', name: 'facade, warm cache' },
];

/** Every client of the stand-in, by id. */
async function legacyClients(legacy: LegacyCrmClient): Promise<LegacyClientRecord[]> {
  const all: LegacyClientRecord[] = [];
  for (let afterId: string | null = null; ; ) {
    const page: LegacyPage<'clients'> = await legacy.walkById('clients', afterId, 1000);
    all.push(...page.items);
    afterId = page.last?.id ?? null;
    if (!page.hasMore) return all;
  }
}

/** A facade of its own, with a cache no earlier round filled (its namespace comes from the legacy URL). */
function facadeFor(node: KontorNode, config: KontorConfig, legacyUrl: string, round: number) {
  const metrics = new FacadeMetrics(new Registry(), config.redisUrl ? 'redis' : 'memory');
  const cache = createLegacyCache({ ...config, legacyCrmUrl: `${legacyUrl}#round-${round}` });
  const legacy = new LegacyCrmClient({ baseUrl: legacyUrl, timeoutMs: config.legacyCrmTimeoutMs }, metrics);
  const { platform } = node;
  const facade = new CrmFacade({
    platform,
    clients: new ClientsService(platform),
    orders: new OrdersService(platform),
    legacy,
    cache,
    metrics,
    legacyOff: () => false,
  });
  return { facade, metrics, close: () => cache.close() };
}

export async function runLegacyFacadeBench(settings = readSettings(), log = console.log) {
  const crm = await startLegacyCrm({ port: 0 });
  const dataDir = mkdtempSync(join(tmpdir(), 'kontor-legacy-bench-'));
  let node: KontorNode | undefined;
  try {
    log(`  seeding ${settings.clients} legacy clients …`);
    await crm.seed({ clients: settings.clients, ordersPerClient: 0, seed: 7 });
    const config = loadConfig({
      flags: {
        dataDir,
        adminPassword: ADMIN_PASSWORD,
        logLevel: 'silent',
        demo: false,
        // A node of a benchmark has no peers to find on the network.
        syncDiscovery: false,
        databaseUrl: settings.databaseUrl,
        redisUrl: settings.redisUrl,
        legacyCrmUrl: crm.url,
      },
      env: {},
    });
    node = await createNode(config, settings.databaseUrl ? {} : { store: { kind: 'pglite', dir: 'memory' } });
    const clients = new ClientsService(node.platform);
    const walker = new LegacyCrmClient(
      { baseUrl: crm.url, timeoutMs: 30_000 },
      new FacadeMetrics(new Registry(), 'memory'),
    );
    const records = await legacyClients(walker);
    // Every other client (for 0.5) is in our service already, as the backfill leaves it half-way.
    const step = settings.migrated > 0 ? Math.max(1, Math.round(1 / settings.migrated)) : 0;
    const moved = step ? records.filter((_, index) => index % step === 0) : [];
    for (let start = 0; start < moved.length; start += 500)
      await node.platform.transaction((trx) => clients.importLegacy(trx, moved.slice(start, start + 500), 'backfill'));
    log(`  ${moved.length} of them imported into our service`);

    // One word of a client's name each: a first name or a surname, as a user types it.
    const queries = [
      ...new Set(
        records
          .filter((_, index) => index % Math.max(1, Math.floor(records.length / (settings.queries * 3))) === 0)
          .map((record, index) => searchWords(record.name)[index % 2] ?? record.name),
      ),
    ].slice(0, settings.queries);
    crm.setFaults({ latencyMs: settings.latencyMs });

    const perRound: Record<Way, Array<{ p50: number; p95: number }>> = { ours: [], cold: [], warm: [] };
    let legacyRequests = 0;
    for (let round = 1; round <= settings.rounds; round++) {
      const { facade, metrics, close } = facadeFor(node, config, crm.url, round);
      const times: Record<Way, number[]> = { ours: [], cold: [], warm: [] };
      const time = async (way: Way, work: () => Promise<unknown>) => {
        const startedAt = performance.now();
        await work();
        times[way].push(performance.now() - startedAt);
      };
      try {
        for (const q of queries) {
          await time('ours', () => clients.page(ctx, { q, limit: 51 }));
          await time('cold', () => facade.clientsPage(ctx, { q, limit: 50 }));
          await time('warm', () => facade.clientsPage(ctx, { q, limit: 50 }));
        }
        legacyRequests += metrics.snapshot().legacy.requests;
      } finally {
        await close();
      }
      for (const { way } of WAYS) {
        const sorted = times[way].sort((a, b) => a - b);
        perRound[way].push({ p50: percentile(sorted, 50), p95: percentile(sorted, 95) });
      }
      log(
        `  round ${round}/${settings.rounds}: p95 ours ${fixed(perRound.ours.at(-1)?.p95 ?? 0, 1)} ms, cold ${fixed(perRound.cold.at(-1)?.p95 ?? 0, 1)} ms, warm ${fixed(perRound.warm.at(-1)?.p95 ?? 0, 1)} ms`,
      );
    }
    const figures = WAYS.map(({ way, name }) => ({
      way,
      name,
      p50: median(perRound[way].map((r) => r.p50)),
      p95: median(perRound[way].map((r) => r.p95)),
    }));
    return {
      settings,
      queries: queries.length,
      migrated: moved.length,
      backend: config.redisUrl ? 'Redis' : 'memory',
      legacyRequests,
      figures,
    };
  } finally {
    await node?.close();
    rmSync(dataDir, { recursive: true, force: true });
    await crm.close();
  }
}

export function formatLegacyFacadeResult(result: Awaited<ReturnType<typeof runLegacyFacadeBench>>): string {
  const { settings } = result;
  const ours = result.figures.find((figure) => figure.way === 'ours')?.p95 ?? Number.NaN;
  const rows = [
    ['search by name, first page of 50', 'p50 ms', 'p95 ms', 'p95 / ours'],
    ...result.figures.map((figure) => [
      figure.name,
      fixed(figure.p50, 1),
      fixed(figure.p95, 1),
      `${fixed(figure.p95 / ours, 1)}x`,
    ]),
  ];
  return [
    `CRM facade: ${settings.clients.toLocaleString('en')} legacy clients answering ${settings.latencyMs} ms late, ` +
      `${result.migrated.toLocaleString('en')} of them in our service; ${result.queries} name searches per round, ` +
      `${settings.rounds} rounds (medians of each round's percentiles); cache: ${result.backend}; ` +
      `${result.legacyRequests} legacy requests in all`,
    table(rows),
  ].join('\n');
}

if (isMain(import.meta.url)) {
  const result = await runLegacyFacadeBench();
  console.log(`\n${formatLegacyFacadeResult(result)}`);
}

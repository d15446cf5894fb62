import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import type { Result } from 'autocannon';
import Fastify from 'fastify';
import { type RunningNode, startKontorNode } from './kontor-node.js';
import { isMain } from './main.js';
import { createThrowawayDatabase, type ThrowawayDatabase } from './postgres.js';
import { type BenchSettings, describeSettings, readSettings } from './settings.js';
import { fixed, median, table } from './stats.js';

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
}

export interface RoundFigures {
  reqPerSec: number;
  p99Ms: number;
  failures: number;
}

export interface TargetFigures {
  name: string;
  rounds: RoundFigures[];
  medianReqPerSec: number;
  medianP99Ms: number;
  /** Median req/s of this target over the bare Fastify route's; undefined for the bare route itself. */
  ratio?: number;
}

export interface HttpResult {
  targets: TargetFigures[];
  skipped: string[];
}

const BARE = 'bare Fastify GET /hello';

export async function startBare() {
  const app = Fastify();
  app.get('/hello', async () => ({ hello: 'world', ok: true }));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, close: () => app.close() };
}

const AUTOCANNON_CLI = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
const run = promisify(execFile);

/**
 * Loads one target from a separate autocannon process, so the load generator does not share the servers'
 * JavaScript thread; bare and Kontor are measured the same way, and the ratio compares like with like.
 */
export async function load(target: Target, connections: number, duration: number): Promise<RoundFigures> {
  const headers = Object.entries(target.headers).flatMap(([name, value]) => ['-H', `${name}=${value}`]);
  const args = [AUTOCANNON_CLI, '--json', '-c', String(connections), '-d', String(duration), ...headers, target.url];
  const { stdout } = await run(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
  const result = JSON.parse(stdout) as Result;
  return {
    reqPerSec: result.requests.average,
    p99Ms: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

async function expectOk(target: Target) {
  const response = await fetch(target.url, { headers: target.headers });
  if (response.status !== 200) throw new Error(`${target.name} answered ${response.status}: ${await response.text()}`);
}

const nodeTarget = (name: string, node: RunningNode): Target => ({
  name,
  url: `${node.url}/api/me`,
  headers: { cookie: node.cookie },
});

/**
 * Loads a bare Fastify route and GET /api/me of real Kontor nodes (PGlite in memory, and PostgreSQL when
 * reachable), all in this one process, in alternating rounds; the load comes from a separate autocannon process.
 * Reports medians and ratios to the bare route.
 */
export async function runHttpBench(settings: BenchSettings, log = console.log): Promise<HttpResult> {
  const closers: Array<() => Promise<void>> = [];
  const skipped: string[] = [];
  try {
    const bare = await startBare();
    closers.unshift(bare.close);
    const targets: Target[] = [{ name: BARE, url: `${bare.url}/hello`, headers: {} }];

    const pglite = await startKontorNode();
    closers.unshift(pglite.close);
    targets.push(nodeTarget('Kontor GET /api/me, PGlite (memory)', pglite));
    if (settings.breakdown) {
      targets.push({
        name: 'Kontor GET /healthz + cookie (no query)',
        url: `${pglite.url}/healthz`,
        headers: { cookie: pglite.cookie },
      });
    }

    const created = await createThrowawayDatabase(settings.pgUrl);
    if ('skipped' in created) {
      skipped.push(created.skipped);
      log(`skipping the PostgreSQL node: ${created.skipped}`);
    } else {
      const database: ThrowawayDatabase = created.database;
      closers.unshift(() => database.drop());
      const node = await startKontorNode(database.url);
      closers.unshift(node.close);
      targets.push(nodeTarget('Kontor GET /api/me, PostgreSQL', node));
    }
    for (const target of targets) await expectOk(target);

    const rounds = new Map<string, RoundFigures[]>(targets.map((t) => [t.name, []]));
    for (let round = 1; round <= settings.rounds; round++) {
      for (const target of targets) {
        await load(target, settings.connections, settings.warmup);
        const figures = await load(target, settings.connections, settings.duration);
        rounds.get(target.name)?.push(figures);
        const failures = figures.failures > 0 ? `  (${figures.failures} errors/non-2xx!)` : '';
        log(
          `round ${round}/${settings.rounds}  ${target.name.padEnd(40)} ${fixed(figures.reqPerSec).padStart(7)} req/s` +
            `  p99 ${fixed(figures.p99Ms, 1).padStart(6)} ms${failures}`,
        );
      }
    }

    const figures: TargetFigures[] = targets.map((target) => {
      const list = rounds.get(target.name) ?? [];
      return {
        name: target.name,
        rounds: list,
        medianReqPerSec: median(list.map((r) => r.reqPerSec)),
        medianP99Ms: median(list.map((r) => r.p99Ms)),
      };
    });
    const bareMedian = figures[0]?.medianReqPerSec ?? Number.NaN;
    for (const target of figures.slice(1)) target.ratio = target.medianReqPerSec / bareMedian;
    return { targets: figures, skipped };
  } finally {
    for (const close of closers) await close().catch((error: unknown) => log(`clean-up failed: ${String(error)}`));
  }
}

export function formatHttpResult(result: HttpResult): string {
  const rows = [['HTTP (one process, medians)', 'req/s', 'p99 ms', 'ratio to bare', 'goal']];
  for (const target of result.targets) {
    const ratio = target.ratio;
    rows.push([
      target.name,
      fixed(target.medianReqPerSec),
      fixed(target.medianP99Ms, 1),
      ratio === undefined ? '1.00' : fixed(ratio, 2),
      ratio === undefined ? '' : ratio >= 0.5 ? '>= 0.5 met' : '>= 0.5 MISSED',
    ]);
  }
  return [table(rows), ...result.skipped.map((reason) => `skipped: ${reason}`)].join('\n');
}

if (isMain(import.meta.url)) {
  const settings = readSettings();
  console.log(`HTTP benchmark: ${describeSettings(settings)}`);
  const result = await runHttpBench(settings);
  console.log(`\n${formatHttpResult(result)}`);
}

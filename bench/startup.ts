import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, rssMiB, spawnUntilReady, stop } from './child.js';
import { ADMIN_PASSWORD } from './kontor-node.js';
import { isMain } from './main.js';
import { createThrowawayDatabase } from './postgres.js';
import { type BenchSettings, describeSettings, readSettings } from './settings.js';
import { fixed, median, table } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KONTOR = join(ROOT, 'apps/server/bin/kontor.js');

/** A bare Fastify hello-world answering /readyz, started with `node -e`, as the reference point. */
const HELLO = [
  "const app = require('fastify')();",
  "app.get('/readyz', async () => ({ status: 'ready' }));",
  "app.listen({ host: '127.0.0.1', port: Number(process.argv[1]) }).catch((e) => { console.error(e); process.exit(1); });",
].join(' ');

export interface StartupFigures {
  name: string;
  coldMs: number[];
  rssMiB: number[];
  medianColdMs: number;
  medianRssMiB: number;
}

export interface StartupResult {
  scenarios: StartupFigures[];
  skipped: string[];
}

type Scenario = { name: string; args: (port: number) => string[] };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const kontorStart = (dataDir: string, port: number, extra: string[] = []) => [
  KONTOR,
  'start',
  '--data',
  dataDir,
  '--port',
  String(port),
  '--log-level',
  'warn',
  '--admin-password',
  ADMIN_PASSWORD,
  ...extra,
];

/** Starts one child, waits for /readyz 200, idles, reads its RSS and stops it. */
async function measure(scenario: Scenario, idleMs: number) {
  const port = await freePort();
  const started = await spawnUntilReady(scenario.args(port), `http://127.0.0.1:${port}/readyz`, ROOT);
  try {
    await sleep(idleMs);
    return { coldMs: started.coldMs, rssMiB: rssMiB(started.child.pid as number) };
  } finally {
    const how = await stop(started.child);
    if (how !== '0' && how !== 'SIGTERM')
      console.warn(`${scenario.name}: child ended with ${how}\n${started.stderr()}`);
  }
}

/**
 * Cold start (spawn to first /readyz 200) and idle RSS of the real CLI: PGlite first start (initdb,
 * migrations, demo data), PGlite second start of the same directory, PostgreSQL on a fresh database; and of a
 * bare Fastify child as the reference. Scenarios alternate within each run to spread the machine's noise.
 */
export async function runStartupBench(settings: BenchSettings, log = console.log): Promise<StartupResult> {
  const skipped: string[] = [];
  const results = new Map<string, { coldMs: number[]; rssMiB: number[] }>();
  const record = (name: string, figures: { coldMs: number; rssMiB: number }, run: number) => {
    const entry = results.get(name) ?? { coldMs: [], rssMiB: [] };
    entry.coldMs.push(figures.coldMs);
    entry.rssMiB.push(figures.rssMiB);
    results.set(name, entry);
    log(
      `run ${run}/${settings.startupRuns}  ${name.padEnd(36)} ready in ${fixed(figures.coldMs).padStart(5)} ms` +
        `  idle RSS ${fixed(figures.rssMiB, 1).padStart(6)} MiB`,
    );
  };
  const idleMs = settings.idle * 1000;
  let postgresOn = settings.pgUrl !== 'off';
  if (!postgresOn) skipped.push('PostgreSQL start-up turned off (--pg-url off)');

  for (let run = 1; run <= settings.startupRuns; run++) {
    const hello: Scenario = { name: 'bare Fastify child (node -e)', args: (port) => ['-e', HELLO, String(port)] };
    record(hello.name, await measure(hello, idleMs), run);

    const dataDir = mkdtempSync(join(tmpdir(), 'kontor-bench-start-'));
    try {
      const first = { name: 'Kontor PGlite, first start', args: (port: number) => kontorStart(dataDir, port) };
      record(first.name, await measure(first, idleMs), run);
      const second = { name: 'Kontor PGlite, second start', args: (port: number) => kontorStart(dataDir, port) };
      record(second.name, await measure(second, idleMs), run);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }

    if (!postgresOn) continue;
    const created = await createThrowawayDatabase(settings.pgUrl);
    if ('skipped' in created) {
      postgresOn = false;
      skipped.push(created.skipped);
      log(`skipping PostgreSQL start-up: ${created.skipped}`);
      continue;
    }
    const pgDataDir = mkdtempSync(join(tmpdir(), 'kontor-bench-start-'));
    try {
      const url = created.database.url;
      const postgres = {
        name: 'Kontor PostgreSQL, fresh database',
        args: (port: number) => kontorStart(pgDataDir, port, ['--database-url', url]),
      };
      record(postgres.name, await measure(postgres, idleMs), run);
    } finally {
      rmSync(pgDataDir, { recursive: true, force: true });
      await created.database.drop();
    }
  }

  const scenarios = [...results].map(([name, figures]) => ({
    name,
    ...figures,
    medianColdMs: median(figures.coldMs),
    medianRssMiB: median(figures.rssMiB),
  }));
  return { scenarios, skipped };
}

export function formatStartupResult(result: StartupResult): string {
  const rows = [['Start-up (separate processes, medians)', 'ready ms', 'range ms', 'idle RSS MiB', 'range MiB']];
  for (const s of result.scenarios) {
    rows.push([
      s.name,
      fixed(s.medianColdMs),
      `${fixed(Math.min(...s.coldMs))}-${fixed(Math.max(...s.coldMs))}`,
      fixed(s.medianRssMiB, 1),
      `${fixed(Math.min(...s.rssMiB), 1)}-${fixed(Math.max(...s.rssMiB), 1)}`,
    ]);
  }
  return [table(rows), ...result.skipped.map((reason) => `skipped: ${reason}`)].join('\n');
}

if (isMain(import.meta.url)) {
  const settings = readSettings();
  console.log(`Start-up benchmark: ${describeSettings(settings)}`);
  const result = await runStartupBench(settings);
  console.log(`\n${formatStartupResult(result)}`);
}

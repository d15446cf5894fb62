import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { freePort, type Started, spawnUntilReady, stop } from './child.js';
import { signIn } from './kontor-node.js';
import { type Latencies, latencyHeader, latencyRow, ms, sleep, summarise, wsBaseline } from './latency.js';
import { isMain } from './main.js';
import { createThrowawayDatabase } from './postgres.js';
import { redact } from './settings.js';
import { table } from './stats.js';

// `node --import tsx bench/visitors.ts`: issue 5's figure. A guest submits the kiosk form; how long until each
// of 50 open reception panels shows the entry? Each panel is what the web page does, without the browser's
// paint: a WebSocket on /api/events subscribed to `visitors`, and on every event a refetch of
// GET /api/visitors/entries?state=waiting. Measured per (panel, submission): submit started -> event arrived,
// and -> the refetched list holds the entry ("render"). Hubs run as real `kontor start` child processes:
// - one hub on its embedded PGlite, one hub on PostgreSQL;
// - two hubs on one PostgreSQL with Redis, the kiosk on A and every panel on B (the event crosses Redis).
// Baseline in the same run: the same fan-out of a tiny message over plain WebSockets in this process.
// Settings: BENCH_PANELS (50), BENCH_SUBMITS (50), BENCH_SUBMIT_INTERVAL_MS (200), BENCH_PG_URL, BENCH_REDIS_URL.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KONTOR = join(ROOT, 'apps/server/bin/kontor.js');
const ADMIN_PASSWORD = 'bench-visitors-admin-password';
const PANELS = Number(process.env.BENCH_PANELS ?? 50);
const SUBMITS = Number(process.env.BENCH_SUBMITS ?? 50);
const INTERVAL_MS = Number(process.env.BENCH_SUBMIT_INTERVAL_MS ?? 200);
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const WAIT_MS = 15_000;

interface Hub {
  url: string;
  started: Started;
}

async function startHub(dir: string, extra: string[]): Promise<Hub> {
  const port = await freePort();
  // Every submission comes from this one address: the kiosk's per-address limit would otherwise stop the run.
  const config = join(dir, `bench-${port}.json`);
  writeFileSync(config, JSON.stringify({ kioskRateLimitPerMinute: 1_000_000, loginRateLimitPerMinute: 1_000_000 }));
  const args = [KONTOR, 'start', '--data', join(dir, String(port)), '--port', String(port), '--config', config];
  args.push('--log-level', 'warn', '--admin-password', ADMIN_PASSWORD, ...extra);
  const url = `http://127.0.0.1:${port}`;
  return { url, started: await spawnUntilReady(args, `${url}/readyz`, ROOT, 120_000) };
}

/** One reception panel: hears `visitors` events and refetches the waiting list, one fetch at a time. */
class Panel {
  readonly heard = new Map<string, number>();
  readonly shown = new Map<string, number>();
  #socket: WebSocket | undefined;
  #fetching = false;
  #again = false;

  constructor(
    private readonly url: string,
    private readonly cookie: string,
  ) {}

  async open() {
    const socket = new WebSocket(`${this.url.replace('http', 'ws')}/api/events`, {
      headers: { cookie: this.cookie, origin: this.url },
    });
    this.#socket = socket;
    const subscribed = new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { type: string; payload?: { entryId?: string } };
        if (message.type === 'subscribed') resolve();
        if (message.type !== 'event') return;
        const id = message.payload?.entryId;
        if (id && !this.heard.has(id)) this.heard.set(id, performance.now());
        void this.#refetch();
      });
    });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    socket.send(JSON.stringify({ type: 'subscribe', topics: ['visitors'] }));
    await subscribed;
  }

  async #refetch(): Promise<void> {
    if (this.#fetching) {
      this.#again = true;
      return;
    }
    this.#fetching = true;
    try {
      do {
        this.#again = false;
        const response = await fetch(`${this.url}/api/visitors/entries?state=waiting&limit=500`, {
          headers: { cookie: this.cookie },
        });
        const { entries } = (await response.json()) as { entries: Array<{ id: string }> };
        const at = performance.now();
        for (const { id } of entries) if (!this.shown.has(id)) this.shown.set(id, at);
      } while (this.#again);
    } finally {
      this.#fetching = false;
    }
  }

  close() {
    this.#socket?.close();
  }
}

interface ScenarioResult {
  name: string;
  heard: Latencies;
  shown: Latencies;
}

async function submitGuest(kioskUrl: string, i: number): Promise<{ id: string; at: number }> {
  const at = performance.now();
  const response = await fetch(`${kioskUrl}/api/visitors/kiosk/entries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      firstName: `Gość ${i}`,
      lastName: 'Benchowski',
      company: 'Bench AB',
      purpose: 'Mätning',
      consent: true,
    }),
  });
  if (response.status !== 201) throw new Error(`kiosk answered ${response.status}: ${await response.text()}`);
  return { id: ((await response.json()) as { id: string }).id, at };
}

/** The kiosk on the first hub submits SUBMITS guests, one every INTERVAL_MS; PANELS panels listen on the last. */
async function measure(name: string, hubs: Hub[]): Promise<ScenarioResult> {
  const kioskUrl = hubs[0]?.url;
  const panelUrl = hubs.at(-1)?.url;
  if (!kioskUrl || !panelUrl) throw new Error('no hub was started');
  const cookie = await signIn(panelUrl, ADMIN_PASSWORD);
  const panels = Array.from({ length: PANELS }, () => new Panel(panelUrl, cookie));
  try {
    for (const panel of panels) await panel.open();
    // Warm-up (not recorded): code paths compiled, the sockets' first event delivered.
    const warm = await submitGuest(kioskUrl, -1);
    for (let waited = 0; waited < WAIT_MS && panels.some((p) => !p.shown.has(warm.id)); waited += 20) await sleep(20);
    const submitted: Array<{ id: string; at: number }> = [];
    const startedAt = performance.now();
    for (let i = 0; i < SUBMITS; i++) {
      await sleep(Math.max(0, startedAt + i * INTERVAL_MS - performance.now()));
      submitted.push(await submitGuest(kioskUrl, i));
    }
    const allShown = () => panels.every((panel) => submitted.every(({ id }) => panel.shown.has(id)));
    for (let waited = 0; waited < WAIT_MS && !allShown(); waited += 20) await sleep(20);
    const heard: number[] = [];
    const shown: number[] = [];
    for (const panel of panels) {
      for (const { id, at } of submitted) {
        const heardAt = panel.heard.get(id);
        if (heardAt !== undefined) heard.push(heardAt - at);
        const shownAt = panel.shown.get(id);
        if (shownAt !== undefined) shown.push(shownAt - at);
      }
    }
    const expected = PANELS * SUBMITS;
    const result = { name, heard: summarise(heard, expected), shown: summarise(shown, expected) };
    console.log(`  ${name}: shown p50 ${ms(result.shown.p50)} ms, p99 ${ms(result.shown.p99)} ms`);
    return result;
  } finally {
    for (const panel of panels) panel.close();
  }
}

async function withHubs<T>(starts: Array<(dir: string) => Promise<Hub>>, work: (hubs: Hub[]) => Promise<T>) {
  const dir = mkdtempSync(join(tmpdir(), 'kontor-bench-visitors-'));
  const hubs: Hub[] = [];
  try {
    // One after the other: the first creates the schema and the demo data, the second finds them.
    for (const start of starts) hubs.push(await start(dir));
    return await work(hubs);
  } finally {
    for (const hub of hubs) await stop(hub.started.child);
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface VisitorsBenchResult {
  baseline: Latencies;
  scenarios: ScenarioResult[];
  skipped: string[];
}

export async function runVisitorsBench(log: (line: string) => void = console.log): Promise<VisitorsBenchResult> {
  const result: VisitorsBenchResult = {
    baseline: await wsBaseline(PANELS, SUBMITS, INTERVAL_MS),
    scenarios: [],
    skipped: [],
  };
  log(`  baseline ws fan-out to ${PANELS}: p50 ${ms(result.baseline.p50)} ms, p99 ${ms(result.baseline.p99)} ms`);

  result.scenarios.push(await withHubs([(dir) => startHub(dir, [])], (hubs) => measure('one hub, PGlite', hubs)));
  for (const instances of [1, 2]) {
    const created = await createThrowawayDatabase(PG_URL);
    if ('skipped' in created) {
      result.skipped.push(created.skipped);
      continue;
    }
    const store = ['--database-url', created.database.url, '--redis-url', REDIS_URL];
    try {
      const starts = Array.from({ length: instances }, () => (dir: string) => startHub(dir, store));
      const name = instances === 1 ? 'one hub, PostgreSQL' : 'two hubs, PostgreSQL + Redis: kiosk on A, panels on B';
      result.scenarios.push(await withHubs(starts, (hubs) => measure(name, hubs)));
    } finally {
      await created.database.drop();
    }
  }
  return result;
}

export function formatVisitorsResult(result: VisitorsBenchResult): string {
  const rows = [latencyHeader(`delivery to ${PANELS} panels, ${SUBMITS} submissions`)];
  rows.push(latencyRow('plain WebSocket fan-out (baseline)', result.baseline));
  for (const scenario of result.scenarios) {
    rows.push(latencyRow(`${scenario.name}: event`, scenario.heard));
    rows.push(latencyRow(`${scenario.name}: list shows it`, scenario.shown));
  }
  const ratios = result.scenarios.map((s) => `${s.name} ${(s.shown.p99 / result.baseline.p99).toFixed(1)}x`).join('; ');
  return [
    `Visitors: kiosk submit -> reception panels (postgres ${redact(PG_URL)}, redis ${redact(REDIS_URL)})`,
    table(rows),
    `p99 "list shows it" to the baseline's p99: ${ratios}`,
    'anchor: a WebSocket broadcast shoot-out measured p95 47 ms at 1k clients (the event alone, no refetch)',
    ...result.skipped.map((reason) => `skipped: ${reason}`),
  ].join('\n');
}

if (isMain(import.meta.url)) {
  console.log(`Visitors bench: ${PANELS} panels, ${SUBMITS} submissions every ${INTERVAL_MS} ms`);
  console.log(`\n${formatVisitorsResult(await runVisitorsBench())}`);
}

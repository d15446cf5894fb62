import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { SYNC_APPLIED_TOPIC } from '../apps/server/src/sync/index.js';
import { SyncService } from '../apps/server/src/sync/service.js';
import { Snapshots } from '../apps/server/src/sync/snapshots.js';
import { type Latencies, latencyHeader, latencyRow, ms, summarise, wsBaseline } from './latency.js';
import { isMain } from './main.js';
import { fixed, median, table } from './stats.js';
import { MIGRATIONS } from './sync-fixture/module.js';
import { type Hub, rssMiB, type SyncNode, sleep, startClient, startHub, waitBootstrapped } from './sync-nodes.js';
import { runProcessFanOut } from './sync-processes.js';
import { startProxy } from './sync-proxy.js';
import { describeSyncSettings, type Figure, readSyncSettings, type SyncBenchSettings, wants } from './sync-settings.js';

type Log = (line: string) => void;

// ---------------------------------------------------------------------------------------------------------------
// Figures and their summaries

export interface PropagationResult {
  clients: number;
  writes: number;
  intervalMs: number;
  /** Hub INSERT issued -> client's `sync.applied` event on its bus (the figure with the goal). */
  announced: Latencies;
  /** Hub INSERT issued -> client's apply transaction committed (SyncService.receive returned). */
  committed: Latencies;
  /** The same, with only the first client enrolled (no fan-out: the pipeline of one hub and one client). */
  single: { announced: Latencies; committed: Latencies };
  /** The same fan-out of a tiny message over plain WebSockets on loopback, beside the idle client nodes. */
  baseline: Latencies;
  /** That fan-out before any node runs in the process: the transport alone. */
  quietBaseline: Latencies;
  /** Pulls the hub served during the fan-out run, and the mean time inside SyncService.changesBeyond. */
  hubPulls: number;
  hubPullMs: number;
  /** `sync.applied` events that carried no new ping (no hub write to attribute them to). */
  unattributed: number;
  setupSeconds: number;
}

/** Propagation with each client in a process of its own (bench/sync-processes.ts). */
export interface ProcessPropagationResult {
  clients: number;
  writes: number;
  intervalMs: number;
  /** Plain WebSocket fan-out to as many processes (the baseline of the same run). */
  baseline: Latencies;
  /** Hub INSERT issued -> each client process's apply committed. */
  committed: Latencies;
  /** CPU each client process used per write (median over the processes, and their sum), ms. */
  cpuPerWriteMs: { median: number; total: number };
}

export interface OfflineResult {
  rows: number;
  batch: number;
  /** Local writes on the client while the proxy is down (capture trigger on). */
  writeSeconds: number;
  /** Proxy up -> the client's first connection through it (the client's retry back-off). */
  reconnectWaitSeconds: number;
  /** First connection after up -> pendingChanges 0 (signing, push pages, hub applying). */
  transferSeconds: number;
  /** Proxy up -> pendingChanges 0. */
  totalSeconds: number;
  /** Time the client spent signing its changes. */
  signSeconds: number;
  /** Time the hub spent inside SyncService.receive for this client's pushes, and the changes applied there. */
  hubApplySeconds: number;
  hubApplied: number;
  pushes: number;
  rowsAtHub: number;
  /** Plain PGlite in memory, the same rows: one INSERT ... SELECT, and the same transactions as the client. */
  baselineOneInsertSeconds: number;
  baselineBatchedSeconds: number;
}

export interface BootstrapResult {
  directoryRows: number;
  catalogRows: number;
  /** Hub: rows loaded with the capture trigger on (the catalog, or all with --full-capture), INSERTs of 1,000. */
  capturedRows: number;
  hubInsertSeconds: number;
  /** Hub: signing the changes those rows made. */
  hubSignSeconds: number;
  /** Client node created (PGlite, migrations) before its sync loop starts. */
  clientStartSeconds: number;
  /** The client's sync loop starts enrolling -> bootstrapped. */
  bootstrapSeconds: number;
  /** Inside that: the client's snapshot load (Snapshots.load). */
  loadSeconds: number;
  /** Bytes the hub sent the client during bootstrap (counted by the proxy; the snapshot is nearly all of it). */
  bytesFromHub: number;
  /** Afterwards, separately: the hub building the snapshot and serialising it. */
  snapshotBuildSeconds: number;
  snapshotBytes: number;
  /** Process RSS increase, peak over before (hub and client share the process), sampled every 20 ms. */
  peakRssIncreaseMiB: number;
  baselineInsertSeconds: number;
  baselineCopySeconds?: number;
  copySkipped?: string;
}

export interface SyncBenchResult {
  propagation?: PropagationResult;
  offline?: OfflineResult;
  bootstrap?: BootstrapResult;
  processes?: ProcessPropagationResult;
}

/** Nearest-rank percentile. */
const seconds = (fromMs: number, toMs = performance.now()) => (toMs - fromMs) / 1000;

/** A fresh in-memory PGlite with the benchmark's tables: the baselines' database. */
async function plainPglite(): Promise<PGlite> {
  const pglite = await PGlite.create('memory://');
  for (const file of readdirSync(MIGRATIONS).sort()) await pglite.exec(readFileSync(join(MIGRATIONS, file), 'utf8'));
  return pglite;
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Propagation hub -> clients

/** Wraps the service's `receive` so the bench sees every batch a node applies (SyncService is not changed). */
function onReceive(
  sync: SyncService,
  observe: (changes: Parameters<SyncService['receive']>[1], ms: number, startedAt: number) => void,
  before: (changes: Parameters<SyncService['receive']>[1]) => void = () => undefined,
) {
  const original = sync.receive.bind(sync);
  sync.receive = async (peer, changes) => {
    before(changes);
    const startedAt = performance.now();
    const outcome = await original(peer, changes);
    observe(changes, performance.now() - startedAt, startedAt);
    return outcome;
  };
}

interface Tracker {
  committed: Map<number, number>;
  announced: Map<number, number>;
  unsubscribe(): void;
}

/** Records, per ping id, when the client's `sync.applied` event reached its bus and when its `receive` returned. */
function track(client: SyncNode, unattributed: { count: number }): Tracker {
  const committed = new Map<number, number>();
  const announced = new Map<number, number>();
  const pings = (changes: Parameters<SyncService['receive']>[1]) =>
    changes.filter((change) => change.table === 'benchsync.pings').map((change) => Number(change.key.id));
  // The ids of the batch being applied: the applier publishes the event right after its commit, before
  // `receive` returns. A client applies one batch at a time.
  let applying: number[] = [];
  onReceive(
    client.sync,
    (changes) => {
      const now = performance.now();
      for (const id of pings(changes)) if (!committed.has(id)) committed.set(id, now);
    },
    (changes) => {
      applying = pings(changes).filter((id) => !announced.has(id));
    },
  );
  const unsubscribe = client.node.platform.bus.subscribe((event) => {
    if (event.topic !== SYNC_APPLIED_TOPIC) return;
    if (!((event.payload as { tables?: string[] }).tables ?? []).includes('benchsync.pings')) return;
    const now = performance.now();
    if (applying.length === 0) unattributed.count += 1;
    for (const id of applying) announced.set(id, now);
    applying = [];
  });
  return { committed, announced, unsubscribe };
}

export async function runPropagation(hub: Hub, settings: SyncBenchSettings, log: Log): Promise<PropagationResult> {
  const { clients: count, writes, writeIntervalMs: intervalMs } = settings;
  const clients: SyncNode[] = [];
  const trackers: Tracker[] = [];
  const unattributed = { count: 0 };
  const sentAt = new Map<number, number>();
  try {
    const write = async (id: number) => {
      sentAt.set(id, performance.now());
      await sql`insert into benchsync.pings (id) values (${id})`.execute(hub.node.platform.db);
    };
    const allHave = (ids: number[]) => trackers.every(({ announced }) => ids.every((id) => announced.has(id)));
    const waitAll = async (ids: number[], timeoutMs: number) => {
      for (let waited = 0; !allHave(ids) && waited < timeoutMs; waited += 20) await sleep(20);
    };
    const start = async (i: number) => {
      const client = await startClient(hub.url, await hub.enrollmentCode(), `bench-client-${i + 1}`);
      clients.push(client);
      await waitBootstrapped(client);
      trackers.push(track(client, unattributed));
    };
    // Warm-up: one write every client must see (nudge sockets open, code paths compiled), not recorded.
    const warmUp = async (id: number) => {
      await sleep(1_000);
      await write(id);
      await waitAll([id], 15_000);
      if (!allHave([id])) log('  warning: not every client saw the warm-up write within 15 s');
    };
    /** W writes, one every intervalMs; latencies over every (client, write). */
    const measure = async (firstId: number) => {
      const ids = Array.from({ length: writes }, (_, i) => firstId + i);
      const startedAt = performance.now();
      for (const [i, id] of ids.entries()) {
        await sleep(Math.max(0, startedAt + i * intervalMs - performance.now()));
        await write(id);
      }
      await waitAll(ids, 15_000);
      const announced: number[] = [];
      const committed: number[] = [];
      for (const tracker of trackers) {
        for (const id of ids) {
          const sent = sentAt.get(id) as number;
          const at = tracker.announced.get(id);
          if (at !== undefined) announced.push(at - sent);
          const done = tracker.committed.get(id);
          if (done !== undefined) committed.push(done - sent);
        }
      }
      const expected = trackers.length * writes;
      return { announced: summarise(announced, expected), committed: summarise(committed, expected) };
    };

    const quietBaseline = await wsBaseline(count, writes, intervalMs);
    log(
      `  baseline ws fan-out to ${count}, no node running: p50 ${ms(quietBaseline.p50)} ms, p99 ${ms(quietBaseline.p99)} ms`,
    );
    const setupStart = performance.now();
    await start(0);
    await warmUp(-1);
    log(`  one client enrolled; hub writes ${writes} pings, one every ${intervalMs} ms`);
    const single = await measure(1);
    log(`  one client: p50 ${ms(single.announced.p50)} ms, p99 ${ms(single.announced.p99)} ms`);
    for (let i = 1; i < count; i++) {
      await start(i);
      if ((i + 1) % 5 === 0 || i + 1 === count) {
        log(`  started ${i + 1}/${count} clients (${fixed(seconds(setupStart))} s, RSS ${fixed(rssMiB())} MiB)`);
      }
    }
    await warmUp(0);
    const setupSeconds = seconds(setupStart);

    const baseline = await wsBaseline(count, writes, intervalMs);
    log(
      `  baseline ws fan-out to ${count}, beside the idle clients: p50 ${ms(baseline.p50)} ms, p99 ${ms(baseline.p99)} ms`,
    );
    log(`  hub writes ${writes} pings to ${count} clients, one every ${intervalMs} ms`);
    const changesBeyond = hub.sync.changesBeyond.bind(hub.sync);
    const hubPulls = { count: 0, ms: 0 };
    hub.sync.changesBeyond = async (vector, limit) => {
      const at = performance.now();
      const answer = await changesBeyond(vector, limit);
      hubPulls.count += 1;
      hubPulls.ms += performance.now() - at;
      return answer;
    };
    const all = await measure(1 + writes).finally(() => {
      hub.sync.changesBeyond = changesBeyond;
    });
    return {
      clients: count,
      writes,
      intervalMs,
      ...all,
      single,
      baseline,
      quietBaseline,
      hubPulls: hubPulls.count,
      hubPullMs: hubPulls.ms / hubPulls.count,
      unattributed: unattributed.count,
      setupSeconds,
    };
  } finally {
    for (const tracker of trackers) tracker.unsubscribe();
    for (const client of clients) await client.close().catch((error: unknown) => log(`clean-up: ${String(error)}`));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Offline writes, then reconnect

const insertOrders = (from: number, to: number, owner: string) =>
  `insert into benchsync.orders (id, owner, item, quantity)
   select gen_random_uuid(), '${owner}'::uuid, 'item ' || g, g from generate_series(${from}, ${to}) g`;

export async function runOffline(hub: Hub, settings: SyncBenchSettings, log: Log): Promise<OfflineResult> {
  const { offlineRows: rows, offlineBatch: batch } = settings;
  const proxy = await startProxy(hub.port);
  let client: SyncNode | undefined;
  try {
    client = await startClient(proxy.url, await hub.enrollmentCode(), 'bench-offline');
    await waitBootstrapped(client);
    await sleep(1_000); // the first round finishes and opens the nudge socket
    proxy.down();
    log(`  link down; the client writes ${rows} owned rows in transactions of ${batch}`);
    const db = client.node.platform.db;
    let startedAt = performance.now();
    for (let from = 1; from <= rows; from += batch) {
      await sql.raw(insertOrders(from, Math.min(rows, from + batch - 1), client.nodeId)).execute(db);
    }
    const writeSeconds = seconds(startedAt);
    const pending = (await client.sync.status()).pendingChanges;
    log(`  wrote them in ${fixed(writeSeconds, 2)} s; pending changes ${pending}`);

    let signMs = 0;
    const signPending = client.sync.signPending.bind(client.sync);
    client.sync.signPending = async () => {
      const at = performance.now();
      await signPending();
      signMs += performance.now() - at;
    };
    let hubApplyMs = 0;
    let hubApplied = 0;
    let pushes = 0;
    const receive = hub.sync.receive.bind(hub.sync);
    const origin = client.nodeId;
    hub.sync.receive = async (peer, changes) => {
      const at = performance.now();
      const outcome = await receive(peer, changes);
      if (peer?.nodeId === origin) {
        hubApplyMs += performance.now() - at;
        hubApplied += outcome.applied;
        pushes += 1;
      }
      return outcome;
    };

    proxy.up();
    startedAt = performance.now();
    log('  link up; waiting until the hub confirmed every change (pendingChanges 0)');
    const deadline = Date.now() + 180_000;
    while ((await client.sync.status()).pendingChanges > 0) {
      if (Date.now() > deadline) throw new Error(`still pending after 180 s: ${client.sync.lastError}`);
      await sleep(20);
    }
    const doneAt = performance.now();
    hub.sync.receive = receive;
    const firstAt = proxy.firstConnectionAt ?? startedAt;
    const held = await sql<{
      n: number;
    }>`select count(*)::int as n from benchsync.orders where owner = ${origin}`.execute(hub.node.platform.db);

    const baseline = await plainPglite();
    let at = performance.now();
    await baseline.exec(insertOrders(1, rows, origin));
    const baselineOneInsertSeconds = seconds(at);
    await baseline.exec('truncate benchsync.orders');
    at = performance.now();
    for (let from = 1; from <= rows; from += batch) {
      await baseline.exec(insertOrders(from, Math.min(rows, from + batch - 1), origin));
    }
    const baselineBatchedSeconds = seconds(at);
    await baseline.close();

    return {
      rows,
      batch,
      writeSeconds,
      reconnectWaitSeconds: seconds(startedAt, firstAt),
      transferSeconds: seconds(firstAt, doneAt),
      totalSeconds: seconds(startedAt, doneAt),
      signSeconds: signMs / 1000,
      hubApplySeconds: hubApplyMs / 1000,
      hubApplied,
      pushes,
      rowsAtHub: held.rows[0]?.n ?? 0,
      baselineOneInsertSeconds,
      baselineBatchedSeconds,
    };
  } finally {
    await client?.close().catch((error: unknown) => log(`clean-up: ${String(error)}`));
    await proxy.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Bootstrap from a large hub

type Row = Array<string | number>;
const DIRECTORY_COLUMNS = ['id', 'name', 'unit', 'phone', 'email', 'room'];
const CATALOG_COLUMNS = ['id', 'code', 'name', 'unit', 'price', 'category'];
const INSERT_BATCH = 1_000;

/** Deterministic uuids, so the baseline and the hub hold the very same rows. */
const uuid = (kind: number, i: number) => `00000000-0000-4000-8${kind}00-${i.toString(16).padStart(12, '0')}`;

function directoryRows(count: number): Row[] {
  return Array.from({ length: count }, (_, i) => [
    uuid(1, i),
    `Person ${i} Lastname${i % 977}`,
    `Unit ${i % 240}`,
    `+46 8 ${String(100000 + i).padStart(7, '0')}`,
    `person.${i}@hospital.example.org`,
    `B${i % 12}-${i % 400}`,
  ]);
}

function catalogRows(count: number): Row[] {
  return Array.from({ length: count }, (_, i) => [
    uuid(2, i),
    `C${String(i).padStart(7, '0')}`,
    `Article ${i} (sterile, size ${i % 9})`,
    i % 3 === 0 ? 'box' : 'pcs',
    ((i * 37) % 100_000) / 100,
    `Category ${i % 60}`,
  ]);
}

/** `insert into <table> (<columns>) values ($1, ...), ...` for `rows`, with its parameters. */
function multiRowInsert(target: string, columns: string[], rows: Row[]) {
  const values = rows.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
  return { text: `insert into ${target} (${columns.join(', ')}) values ${values.join(', ')}`, params: rows.flat() };
}

const tables = (directory: Row[], catalog: Row[]) => [
  { target: 'benchsync.directory', columns: DIRECTORY_COLUMNS, rows: directory },
  { target: 'benchsync.catalog', columns: CATALOG_COLUMNS, rows: catalog },
];

const csvField = (value: string | number) =>
  typeof value === 'number' ? String(value) : `"${value.replaceAll('"', '""')}"`;

export async function runBootstrap(settings: SyncBenchSettings, log: Log): Promise<BootstrapResult> {
  const directory = directoryRows(settings.directoryRows);
  const catalog = catalogRows(settings.catalogRows);
  const closers: Array<() => Promise<void>> = [];
  try {
    // The baseline first, on a quiet process: the same rows into a fresh plain PGlite.
    let baseline = await plainPglite();
    let at = performance.now();
    for (const { target, columns, rows } of tables(directory, catalog)) {
      for (let from = 0; from < rows.length; from += INSERT_BATCH) {
        const { text, params } = multiRowInsert(target, columns, rows.slice(from, from + INSERT_BATCH));
        await baseline.query(text, params);
      }
    }
    const baselineInsertSeconds = seconds(at);
    await baseline.close();
    log(`  baseline: plain PGlite, INSERTs of ${INSERT_BATCH} rows: ${fixed(baselineInsertSeconds, 2)} s`);
    let baselineCopySeconds: number | undefined;
    let copySkipped: string | undefined;
    baseline = await plainPglite();
    try {
      at = performance.now();
      for (const { target, columns, rows } of tables(directory, catalog)) {
        const csv = rows.map((row) => row.map(csvField).join(',')).join('\n');
        await baseline.query(`copy ${target} (${columns.join(', ')}) from '/dev/blob' with (format csv)`, [], {
          blob: new Blob([csv]),
        });
      }
      baselineCopySeconds = seconds(at);
      log(`  baseline: plain PGlite, COPY from CSV: ${fixed(baselineCopySeconds, 2)} s`);
    } catch (error) {
      copySkipped = `COPY into PGlite failed: ${(error as Error).message}`;
      log(`  ${copySkipped}`);
    } finally {
      await baseline.close();
    }

    const hub = await startHub();
    closers.unshift(hub.close);
    // Directory rows are loaded with capture off unless --full-capture: as on a hub whose log of them was
    // signed and served long ago (the snapshot reads the tables, not the log). The catalog goes through capture.
    const db = hub.node.platform.db;
    at = performance.now();
    let capturedRows = 0;
    for (const [index, { target, columns, rows }] of tables(directory, catalog).entries()) {
      const capture = index === 1 || settings.fullCapture;
      if (capture) capturedRows += rows.length;
      for (let from = 0; from < rows.length; from += INSERT_BATCH) {
        const values = rows.slice(from, from + INSERT_BATCH).map((row) => sql`(${sql.join(row)})`);
        const insert = sql`insert into ${sql.raw(target)} (${sql.raw(columns.join(', '))}) values ${sql.join(values)}`;
        await db.transaction().execute(async (trx) => {
          if (!capture) await sql`select set_config('kontor.applying', 'on', true)`.execute(trx);
          await insert.execute(trx);
        });
      }
      if (index === 0) at = performance.now();
    }
    const hubInsertSeconds = seconds(at);
    log(`  hub: inserted ${capturedRows} rows with capture on in ${fixed(hubInsertSeconds, 1)} s`);
    at = performance.now();
    await hub.sync.signPending();
    const hubSignSeconds = seconds(at);
    log(`  hub: signed the changes in ${fixed(hubSignSeconds, 1)} s`);

    const proxy = await startProxy(hub.port);
    closers.unshift(proxy.close);
    const rssBefore = rssMiB();
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, rssMiB());
    }, 20);
    closers.unshift(async () => clearInterval(sampler));
    // Timed from inside the client, wrapped before it starts: its sync loop enrolls on a timer of 0 ms, which may
    // fire (and the snapshot load begin) before startClient resolves.
    let enrolledAt: number | undefined;
    let loadMs = 0;
    const { joinCluster } = SyncService.prototype;
    const { load } = Snapshots.prototype;
    SyncService.prototype.joinCluster = function (...args) {
      enrolledAt ??= performance.now();
      return joinCluster.apply(this, args);
    };
    Snapshots.prototype.load = async function (snapshot) {
      const started = performance.now();
      await load.call(this, snapshot);
      loadMs = performance.now() - started;
    };
    closers.unshift(async () => {
      SyncService.prototype.joinCluster = joinCluster;
      Snapshots.prototype.load = load;
    });
    const code = await hub.enrollmentCode();
    const startedAt = performance.now();
    const client = await startClient(proxy.url, code, 'bench-bootstrap');
    closers.unshift(client.close);
    await waitBootstrapped(client, 600_000);
    if (enrolledAt === undefined) throw new Error('the client was bootstrapped without enrolling');
    const bootstrapSeconds = seconds(enrolledAt);
    const clientStartSeconds = (enrolledAt - startedAt) / 1000;
    clearInterval(sampler);
    const bytesFromHub = proxy.bytesFromTarget;
    log(`  client: bootstrapped in ${fixed(bootstrapSeconds, 1)} s (${fixed(bytesFromHub / 2 ** 20, 1)} MiB from hub)`);

    at = performance.now();
    const snapshotBytes = Buffer.byteLength(await hub.sync.snapshots.json());
    const snapshotBuildSeconds = seconds(at);
    return {
      directoryRows: directory.length,
      catalogRows: catalog.length,
      capturedRows,
      hubInsertSeconds,
      hubSignSeconds,
      clientStartSeconds,
      bootstrapSeconds,
      loadSeconds: loadMs / 1000,
      bytesFromHub,
      snapshotBuildSeconds,
      snapshotBytes,
      peakRssIncreaseMiB: rssPeak - rssBefore,
      baselineInsertSeconds,
      baselineCopySeconds,
      copySkipped,
    };
  } finally {
    for (const close of closers) await close().catch((error: unknown) => log(`clean-up: ${String(error)}`));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Run and report

export async function runSyncBench(settings: SyncBenchSettings, log: Log = console.log): Promise<SyncBenchResult> {
  const result: SyncBenchResult = {};
  if (['propagation', 'processes', 'offline'].some((figure) => wants(settings, figure as Figure))) {
    const hub = await startHub();
    try {
      if (wants(settings, 'propagation')) {
        log(`-- 1. Propagation hub -> ${settings.clients} clients`);
        result.propagation = await runPropagation(hub, settings, log);
      }
      if (wants(settings, 'processes')) {
        log(`-- 1b. Propagation hub -> ${settings.clients} client processes`);
        const fanOut = await runProcessFanOut(hub, settings, log);
        result.processes = {
          clients: settings.clients,
          writes: settings.writes,
          intervalMs: settings.writeIntervalMs,
          baseline: summarise(fanOut.baseline, fanOut.expected),
          committed: summarise(fanOut.committed, fanOut.expected),
          cpuPerWriteMs: {
            median: median(fanOut.cpuPerWriteMs),
            total: fanOut.cpuPerWriteMs.reduce((sum, value) => sum + value, 0),
          },
        };
      }
      if (wants(settings, 'offline')) {
        log('-- 2. Offline writes on a client, then reconnect');
        result.offline = await runOffline(hub, settings, log);
      }
    } finally {
      await hub.close();
    }
  }
  if (wants(settings, 'bootstrap')) {
    log(`-- 3. Bootstrap of a fresh client from a hub with ${settings.directoryRows + settings.catalogRows} rows`);
    result.bootstrap = await runBootstrap(settings, log);
  }
  return result;
}

const perSecond = (count: number, secs: number) => fixed(count / secs);
const met = (ok: boolean, goal: string) => `${goal} ${ok ? 'met' : 'MISSED'}`;
export function formatSyncResult(result: SyncBenchResult): string {
  const parts: string[] = [];
  const p = result.propagation;
  if (p) {
    parts.push(
      `Sync propagation: hub -> ${p.clients} clients, ${p.writes} writes every ${p.intervalMs} ms, one process`,
      table([
        latencyHeader('delivery (per client per write)'),
        latencyRow('plain WebSocket fan-out, quiet process (baseline)', p.quietBaseline),
        latencyRow(`plain WebSocket fan-out beside ${p.clients} idle nodes`, p.baseline),
        latencyRow('Kontor, 1 client: hub commit -> sync.applied', p.single.announced),
        latencyRow(`Kontor, ${p.clients} clients: -> client committed`, p.committed),
        latencyRow(
          `Kontor, ${p.clients} clients: -> sync.applied`,
          p.announced,
          met(p.announced.p99 <= 100, 'p99 <= 100'),
        ),
      ]),
      `p99 ratio to the baselines: ${fixed(p.announced.p99 / p.quietBaseline.p99, 0)}x quiet, ${fixed(p.announced.p99 / p.baseline.p99, 1)}x beside the nodes; ` +
        `unattributed sync.applied events: ${p.unattributed}; setup ${fixed(p.setupSeconds)} s; ` +
        `hub served ${p.hubPulls} pulls in the fan-out run, ${ms(p.hubPullMs)} ms each in changesBeyond`,
    );
  }
  const q = result.processes;
  if (q) {
    if (parts.length > 0) parts.push('');
    parts.push(
      `Sync propagation: hub -> ${q.clients} client processes, ${q.writes} writes every ${q.intervalMs} ms`,
      table([
        latencyHeader('delivery (per client per write)'),
        latencyRow(`plain WebSocket fan-out to ${q.clients} processes (baseline)`, q.baseline),
        latencyRow(
          `Kontor, ${q.clients} client processes: -> client committed`,
          q.committed,
          met(q.committed.p99 <= 100, 'p99 <= 100'),
        ),
      ]),
      `p99 ratio to the baseline: ${fixed(q.committed.p99 / q.baseline.p99, 1)}x; CPU per write: ${ms(q.cpuPerWriteMs.median)} ms ` +
        `in each client process (median), ${ms(q.cpuPerWriteMs.total)} ms in all ${q.clients} together, against ` +
        `${q.intervalMs} ms between writes on ${availableParallelism()} cores`,
    );
  }
  const o = result.offline;
  if (o) {
    if (parts.length > 0) parts.push('');
    parts.push(
      `Sync offline writes: ${o.rows} owned rows in transactions of ${o.batch}, then reconnect through a TCP proxy`,
      table([
        ['step', 'seconds', 'rows or changes/s', 'goal'],
        [
          'plain PGlite: one INSERT ... SELECT (baseline)',
          fixed(o.baselineOneInsertSeconds, 2),
          perSecond(o.rows, o.baselineOneInsertSeconds),
          '',
        ],
        [
          `plain PGlite: INSERTs of ${o.batch} (baseline)`,
          fixed(o.baselineBatchedSeconds, 2),
          perSecond(o.rows, o.baselineBatchedSeconds),
          '',
        ],
        [
          `client offline: INSERTs of ${o.batch}, capture on`,
          fixed(o.writeSeconds, 2),
          perSecond(o.rows, o.writeSeconds),
          '',
        ],
        ['link up -> first retry reaches the hub', fixed(o.reconnectWaitSeconds, 2), '', ''],
        [
          'first retry -> all confirmed (pending 0)',
          fixed(o.transferSeconds, 2),
          perSecond(o.rows, o.transferSeconds),
          '',
        ],
        [
          'link up -> all confirmed',
          fixed(o.totalSeconds, 2),
          perSecond(o.rows, o.totalSeconds),
          met(o.totalSeconds <= 5, '<= 5 s'),
        ],
        ['  of which client signing', fixed(o.signSeconds, 2), perSecond(o.rows, o.signSeconds), ''],
        [
          `  of which hub applying (${o.pushes} pushes)`,
          fixed(o.hubApplySeconds, 2),
          perSecond(o.hubApplied, o.hubApplySeconds),
          '',
        ],
      ]),
      `rows at the hub afterwards: ${o.rowsAtHub} of ${o.rows}; anchors: ElectricSQL 4-6k row changes/s per instance, ` +
        'PowerSync clients 2-20k ops/s',
    );
  }
  const b = result.bootstrap;
  if (b) {
    if (parts.length > 0) parts.push('');
    const rows = b.directoryRows + b.catalogRows;
    const ratio = b.baselineInsertSeconds / b.bootstrapSeconds;
    parts.push(
      `Sync bootstrap: ${b.directoryRows} directory + ${b.catalogRows} catalog rows from the hub to a fresh client`,
      table([
        ['step', 'seconds', 'rows/s', 'speed ratio', 'goal'],
        [
          'plain PGlite: INSERTs of 1,000 (baseline)',
          fixed(b.baselineInsertSeconds, 2),
          perSecond(rows, b.baselineInsertSeconds),
          '1.00',
          '',
        ],
        ...(b.baselineCopySeconds === undefined
          ? []
          : [
              [
                'plain PGlite: COPY from CSV',
                fixed(b.baselineCopySeconds, 2),
                perSecond(rows, b.baselineCopySeconds),
                fixed(b.baselineInsertSeconds / b.baselineCopySeconds, 2),
                '',
              ],
            ]),
        [
          'Kontor: enrollment -> bootstrapped',
          fixed(b.bootstrapSeconds, 2),
          perSecond(rows, b.bootstrapSeconds),
          fixed(ratio, 2),
          met(ratio >= 0.5, '>= 0.5'),
        ],
        ['  of which client loadSnapshot', fixed(b.loadSeconds, 2), perSecond(rows, b.loadSeconds), '', ''],
        [
          'hub: snapshot as JSON text (after)',
          fixed(b.snapshotBuildSeconds, 2),
          perSecond(rows, b.snapshotBuildSeconds),
          '',
          '',
        ],
        [
          `hub setup: ${b.capturedRows} rows, INSERTs of 1,000, capture on`,
          fixed(b.hubInsertSeconds, 2),
          perSecond(b.capturedRows, b.hubInsertSeconds),
          '',
          '',
        ],
        [
          `hub setup: signing their ${b.capturedRows} changes`,
          fixed(b.hubSignSeconds, 2),
          perSecond(b.capturedRows, b.hubSignSeconds),
          '',
          '',
        ],
      ]),
      `snapshot: ${fixed(b.snapshotBytes / 2 ** 20, 1)} MiB of JSON in one response (${fixed(b.bytesFromHub / 2 ** 20, 1)} MiB ` +
        `hub -> client during bootstrap); process RSS +${fixed(b.peakRssIncreaseMiB)} MiB at peak; ` +
        `client node start before enrolling ${fixed(b.clientStartSeconds, 1)} s`,
      ...(b.copySkipped ? [`skipped: ${b.copySkipped}`] : []),
    );
  }
  return parts.join('\n');
}

if (isMain(import.meta.url)) {
  const settings = readSyncSettings();
  const startedAt = performance.now();
  console.log(`Sync benchmark (node ${process.version}): ${describeSyncSettings(settings)}\n`);
  const result = await runSyncBench(settings);
  console.log(`\n== Summary (${fixed(seconds(startedAt))} s) ==\n`);
  console.log(formatSyncResult(result));
}

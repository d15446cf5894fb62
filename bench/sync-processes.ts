import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { WebSocketServer } from 'ws';
import type { Hub } from './sync-nodes.js';
import { sleep } from './sync-nodes.js';
import type { SyncBenchSettings } from './sync-settings.js';

const CHILD = fileURLToPath(new URL('./sync-child.ts', import.meta.url));
/** Children started at once: starting twenty PGlite nodes together would only make each start slower. */
const START_BATCH = 4;
const now = () => performance.timeOrigin + performance.now();

interface Receiver {
  child: ChildProcess;
  ready: Promise<void>;
  /** Ping id -> when it arrived (epoch ms). */
  arrivals: Map<number, number>;
  /** Ping id -> the process's CPU time used up to its arrival (ms). */
  cpuAt: Map<number, number>;
}

function spawnReceiver(args: string[]): Receiver {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const arrivals = new Map<number, number>();
  const cpuAt = new Map<number, number>();
  const ready = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`a fan-out child exited with ${code} before it was ready`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const message = JSON.parse(line) as { ready?: true; ids?: number[]; at?: number; cpuMs?: number };
      if (message.ready) resolve();
      for (const id of message.ids ?? []) {
        if (arrivals.has(id)) continue;
        arrivals.set(id, message.at as number);
        cpuAt.set(id, message.cpuMs as number);
      }
    });
  });
  return { child, ready, arrivals, cpuAt };
}

async function stopAll(receivers: Receiver[]) {
  await Promise.all(
    receivers.map(async ({ child }) => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
    }),
  );
}

/** Ping ids of the warm-up writes and of the recorded ones. */
const WARMUP_ID = 100_000;
const FIRST_ID = 200_000;

/** Sends `writes` messages, one every `intervalMs`, and answers the latency of every (receiver, message) pair. */
async function fanOut(
  receivers: Receiver[],
  send: (id: number) => Promise<void>,
  { writes, writeIntervalMs }: SyncBenchSettings,
  firstId: number,
): Promise<number[]> {
  const sentAt = new Map<number, number>();
  const ids = Array.from({ length: writes }, (_, i) => firstId + i);
  const startedAt = performance.now();
  for (const [i, id] of ids.entries()) {
    await sleep(Math.max(0, startedAt + i * writeIntervalMs - performance.now()));
    sentAt.set(id, now());
    await send(id);
  }
  const arrived = () => receivers.every(({ arrivals }) => ids.every((id) => arrivals.has(id)));
  for (let waited = 0; !arrived() && waited < 15_000; waited += 20) await sleep(20);
  return receivers.flatMap(({ arrivals }) =>
    ids.flatMap((id) => (arrivals.has(id) ? [(arrivals.get(id) as number) - (sentAt.get(id) as number)] : [])),
  );
}

export interface ProcessFanOut {
  /** Latencies of the plain WebSocket fan-out to the same number of processes (the baseline). */
  baseline: number[];
  /** Hub INSERT issued -> each client process's apply committed. */
  committed: number[];
  expected: number;
  /** Per client process: CPU time it used from the first recorded write's apply to the last one's, per write (ms). */
  cpuPerWriteMs: number[];
}

/** CPU a receiver used per write between the arrivals of `from` and `to` (`writes` writes apart). */
const cpuPerWrite = ({ cpuAt }: Receiver, from: number, to: number, writes: number) =>
  cpuAt.has(from) && cpuAt.has(to) ? [((cpuAt.get(to) as number) - (cpuAt.get(from) as number)) / writes] : [];

/**
 * Propagation with every client in a process of its own, as on separate workstations: the hub in this process
 * writes pings; each child runs a client node and reports when its apply committed (same machine, same clock).
 * Baseline in the same run: the same fan-out of a tiny message over plain WebSockets to as many processes.
 */
export async function runProcessFanOut(hub: Hub, settings: SyncBenchSettings, log: (line: string) => void) {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  const wsUrl = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const listeners = Array.from({ length: settings.clients }, () => spawnReceiver(['ws', wsUrl]));
  let baseline: number[];
  try {
    await Promise.all(listeners.map(({ ready }) => ready));
    baseline = await fanOut(
      listeners,
      async (id) => {
        for (const peer of server.clients) peer.send(JSON.stringify({ i: id }));
      },
      settings,
      1,
    );
  } finally {
    await stopAll(listeners);
    await new Promise((resolve) => server.close(resolve));
  }
  log(`  baseline ws fan-out to ${settings.clients} processes measured; starting ${settings.clients} client processes`);

  const clients: Receiver[] = [];
  try {
    for (let i = 0; i < settings.clients; i += START_BATCH) {
      const batch: Receiver[] = [];
      for (let j = i; j < Math.min(settings.clients, i + START_BATCH); j++) {
        batch.push(spawnReceiver(['client', hub.url, await hub.enrollmentCode(), `bench-process-${j + 1}`]));
      }
      clients.push(...batch);
      await Promise.all(batch.map(({ ready }) => ready));
      log(`  ${clients.length}/${settings.clients} client processes enrolled and bootstrapped`);
    }
    const write = (id: number) => sql`insert into benchsync.pings (id) values (${id})`.execute(hub.node.platform.db);
    // Warm-up: nudge sockets open and hot paths compiled in every child; not recorded.
    await sleep(1_000);
    await fanOut(
      clients,
      async (id) => void (await write(id)),
      { ...settings, writes: settings.warmupWrites },
      WARMUP_ID,
    );
    const committed = await fanOut(clients, async (id) => void (await write(id)), settings, FIRST_ID);
    return {
      baseline,
      committed,
      expected: settings.clients * settings.writes,
      cpuPerWriteMs: clients.flatMap((client) =>
        cpuPerWrite(client, FIRST_ID, FIRST_ID + settings.writes - 1, settings.writes - 1),
      ),
    } satisfies ProcessFanOut;
  } finally {
    await stopAll(clients);
  }
}

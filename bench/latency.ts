import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { fixed } from './stats.js';

export interface Latencies {
  count: number;
  /** Deliveries that never arrived within the wait. */
  missing: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

export function summarise(values: number[], expected: number): Latencies {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    missing: expected - sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/**
 * The floor of any live fan-out on this machine: `messages` tiny JSON messages, one every `intervalMs`, from a
 * plain `ws` server to `clients` sockets on loopback, all in this process. Latency per (socket, message).
 */
export async function wsBaseline(clients: number, messages: number, intervalMs: number): Promise<Latencies> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const sentAt: number[] = [];
  const latencies: number[] = [];
  const sockets: WebSocket[] = [];
  try {
    for (let i = 0; i < clients; i++) {
      const socket = new WebSocket(`ws://127.0.0.1:${port}`);
      sockets.push(socket);
      socket.on('message', (data) => {
        const { i: message } = JSON.parse(String(data)) as { i: number };
        latencies.push(performance.now() - (sentAt[message] as number));
      });
      await once(socket, 'open');
    }
    const startedAt = performance.now();
    for (let message = 0; message < messages; message++) {
      await sleep(Math.max(0, startedAt + message * intervalMs - performance.now()));
      sentAt[message] = performance.now();
      for (const peer of server.clients) peer.send(JSON.stringify({ i: message, type: 'changed' }));
    }
    for (let waited = 0; latencies.length < clients * messages && waited < 5_000; waited += 20) await sleep(20);
    return summarise(latencies, clients * messages);
  } finally {
    for (const socket of sockets) socket.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

export const ms = (value: number) => fixed(value, value < 10 ? 2 : 1);

/** A row of a latency table: count, missing, p50, p95, p99, max and the goal. */
export const latencyRow = (name: string, l: Latencies, goal = '') => [
  name,
  String(l.count),
  String(l.missing),
  ms(l.p50),
  ms(l.p95),
  ms(l.p99),
  ms(l.max),
  goal,
];

/** The header of a table of `latencyRow`s. */
export const latencyHeader = (first: string) => [
  first,
  'count',
  'missing',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'max ms',
  'goal',
];

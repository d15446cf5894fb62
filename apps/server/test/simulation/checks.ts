import type { Vector } from '../../src/sync/change-log.js';
import type { ReplicatedTable } from '../../src/sync/replicated-tables.js';
import { keyText } from '../../src/sync/write-buffer.js';
import type { SimCluster } from './cluster.js';
import { type LogEntry, type NodeState, stateOf } from './node-state.js';
import { type SimNode, vectorText } from './sim-node.js';
import type { Workload } from './workload.js';

/** Differences shown per node and kind: enough to see what went wrong, short enough to read. */
const SHOWN = 3;

type Namer = (id: string) => string;

/**
 * What must hold once a healed cluster is quiet, as sentences naming what broke; empty when all holds:
 * - no write lost: every node holds exactly the changes every node committed, nothing waits for a predecessor;
 * - every change has one fate: applied everywhere, or refused by the hub with a reason that every node records,
 *   its origin included (the refusal travels back to it);
 * - replicas converge: every replicated table holds the same rows on every node, but for a row whose last change
 *   by a client the hub refused: that client keeps its own version, marked rejected;
 * - nothing applied twice: each node applied or refused exactly as many changes as it holds from other origins.
 */
export async function violations(cluster: SimCluster, workload: Workload): Promise<string[]> {
  const { hub, clients, nodes } = cluster;
  const name: Namer = (id) => nodes.find((node) => node.id === id)?.name ?? id;
  const tables = hub.service.tables;
  const states = new Map<SimNode, NodeState>();
  for (const node of nodes) states.set(node, await stateOf(node, tables));
  const committed = Object.fromEntries([...workload.committed].filter(([, count]) => count > 0));
  const hubState = states.get(hub) as NodeState;
  const found = [...states].flatMap(([node, state]) => deliveryProblems(node, state, committed, name));
  for (const entry of hubState.log.values()) {
    if (entry.status === 'rejected' && !entry.reason)
      found.push(`the hub refused ${describe(entry, name)} without a reason`);
  }
  for (const client of clients) {
    const state = states.get(client) as NodeState;
    found.push(...fateDifferences(client, state.log, hubState.log, name));
    for (const table of tables) {
      const rows = state.rows.get(table.table) ?? new Map();
      const refused = refusedRows(client, table, state.log);
      found.push(...rowDifferences(client, table, rows, hubState.rows.get(table.table) ?? new Map(), refused));
    }
  }
  return found;
}

function deliveryProblems(node: SimNode, { vector, log }: NodeState, committed: Vector, name: Namer): string[] {
  const found: string[] = [];
  if (vectorText(vector) !== vectorText(committed))
    found.push(`${node.name} holds ${named(vector, name)}, but the nodes committed ${named(committed, name)}`);
  const entries = [...log.values()];
  const waiting = entries.filter((entry) => entry.status === 'pending').length;
  if (waiting > 0) found.push(`${node.name} still has ${waiting} changes waiting for a predecessor`);
  const settled = entries.filter((entry) => entry.origin !== node.id && entry.status !== 'pending').length;
  if (settled !== node.settled)
    found.push(`${node.name} holds ${settled} changes of other origins but applied or refused ${node.settled}`);
  return found;
}

function fateDifferences(client: SimNode, log: Map<string, LogEntry>, hubLog: Map<string, LogEntry>, name: Namer) {
  const found: string[] = [];
  for (const [key, entry] of hubLog) {
    const held = log.get(key);
    const expected = fate(entry);
    const actual = held && fate(held);
    if (actual !== expected)
      found.push(`${describe(entry, name)} is ${actual ?? 'missing'} on ${client.name}, expected ${expected}`);
  }
  for (const [key, entry] of log) {
    if (!hubLog.has(key)) found.push(`${describe(entry, name)} of ${client.name} never reached the hub`);
  }
  return found.slice(0, SHOWN);
}

/**
 * Rows whose last change by this client the hub refused: the client keeps its own version, marked rejected with
 * the hub's reason (a refused order stays visible to the people who placed it), so it may differ from the hub's.
 */
function refusedRows(client: SimNode, table: ReplicatedTable, log: Map<string, LogEntry>): Set<string> {
  const last = new Map<string, LogEntry>();
  for (const entry of log.values()) {
    if (entry.origin !== client.id || entry.tbl !== table.table) continue;
    const key = keyText(table, entry.pk as Record<string, unknown>);
    if ((last.get(key)?.seq ?? 0) < entry.seq) last.set(key, entry);
  }
  return new Set([...last].filter(([, entry]) => entry.status === 'rejected').map(([key]) => key));
}

function rowDifferences(
  client: SimNode,
  table: ReplicatedTable,
  rows: Map<string, string>,
  expected: Map<string, string>,
  refused: Set<string>,
) {
  const found: string[] = [];
  for (const key of new Set([...rows.keys(), ...expected.keys()])) {
    if (refused.has(key)) continue;
    const [held, wanted] = [rows.get(key) ?? 'missing', expected.get(key) ?? 'missing'];
    if (held !== wanted) found.push(`${table.table} ${key} is ${held} on ${client.name} but ${wanted} on the hub`);
  }
  return found.slice(0, SHOWN);
}

/** Applied or refused, and why refused; "superseded" is not a fate, it depends on the order changes arrived in. */
const fate = (entry: LogEntry) => (entry.status === 'rejected' ? `rejected (${entry.reason})` : entry.status);

const describe = (entry: LogEntry, name: Namer) =>
  `change ${name(entry.origin)}:${entry.seq} (${entry.tbl} ${JSON.stringify(entry.pk)})`;

const named = (vector: Vector, name: Namer) =>
  vectorText(Object.fromEntries(Object.entries(vector).map(([origin, seq]) => [name(origin), seq])));

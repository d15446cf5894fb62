import { sql } from 'kysely';
import type { ConfigInput } from '../../src/config.js';
import { systemContext } from '../../src/platform/context.js';
import type { Db } from '../../src/platform/platform.js';
import { changeLog } from '../../src/sync/change-log.js';
import { notesModule } from '../fixtures/notes-module.js';
import { startTestNode, type TestNode } from '../test-node.js';
import { installSimulatedClock } from './clock.js';
import { SimNode, syncModuleOf } from './sim-node.js';
import { WORKLOAD_TABLES } from './workload.js';

const memory = { kind: 'pglite', dir: 'memory' } as const;
/** A client's settings need a hub URL; the harness stops the node's own sync loop, so nothing calls it. */
const NO_UPSTREAM = 'http://127.0.0.1:9';

/**
 * Empties what a schedule wrote, keeping identities, the registry and the epochs. `delete` rather than
 * `truncate`: on tables this small it costs a fraction, and a schedule's rows are few.
 */
const RESET = `begin;
  select set_config('kontor.applying', 'on', true);
  ${[...WORKLOAD_TABLES, 'sync.changes', 'sync.vector', 'sync.peers'].map((table) => `delete from ${table};`).join(' ')}
  update sync.local_node set seq = 0, hlc_wall = 0, hlc_counter = 0;
  update sync.cluster set confirmed_seq = 0, rejections_heard_seq = 0;
  commit;`;

export interface SimCluster {
  hub: SimNode;
  clients: SimNode[];
  /** The hub first, then the clients. */
  nodes: SimNode[];
  /** Back to an empty log and no rows written, keeping identities and the registry: milliseconds, not a restart. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A hub and `clientCount` clients, each a real node on in-memory PGlite, enrolled through the hub's own
 * enrollment and bootstrapped from its snapshot. Started once per test file: a node costs seconds to start.
 */
export async function startCluster(clientCount: number): Promise<SimCluster> {
  const started: TestNode[] = [];
  const start = async (settings: Partial<ConfigInput>, options: { signIn?: boolean }) => {
    const node = await startTestNode(memory, settings, { ...options, extraModules: [notesModule] });
    started.push(node);
    // The harness drives sync itself; the node's events (the outbox) matter to no one here and cost CPU.
    await syncModuleOf(node).stop();
    await node.platform.outbox.stop();
    await adoptFixedNodeId(node.platform.db, started.length - 1);
    await installSimulatedClock(node.platform.db);
    return SimNode.boot(started.length === 1 ? 'hub' : `client${started.length - 1}`, node);
  };
  try {
    // Without the demo organisation: its hundreds of rows would only make every comparison slower.
    const nodes = [await start({ demo: false }, {})];
    for (let index = 1; index <= clientCount; index += 1) {
      nodes.push(await start({ role: 'client', upstream: NO_UPSTREAM }, { signIn: false }));
    }
    const [hub, ...clients] = nodes as [SimNode, ...SimNode[]];
    await enroll(hub, clients);
    return {
      hub,
      clients,
      nodes,
      async reset() {
        for (const node of nodes) {
          await sql.raw(RESET).execute(node.db);
          await node.restart();
          node.settled = 0;
        }
      },
      async close() {
        for (const node of started) await node.close();
      },
    };
  } catch (error) {
    for (const node of started) await node.close();
    throw error;
  }
}

/**
 * Node ids decide the order in which a node serves origins, so pages split differently with other ids; fixed ids
 * make a seed replay the same pages in every process. Runs before enrollment, so the id is only in this node's
 * own sync tables: every id column there that holds it gets the new one.
 */
async function adoptFixedNodeId(db: Db, index: number) {
  const id = `00000000-0000-4000-a000-${String(index).padStart(12, '0')}`;
  await db.transaction().execute(async (trx) => {
    await sql`select set_config('kontor.applying', 'on', true)`.execute(trx);
    const old = (await sql<{ node_id: string }>`select node_id from sync.local_node`.execute(trx)).rows[0]?.node_id;
    const { rows } = await sql<{ table: string; column: string }>`select table_name as table, column_name as column
      from information_schema.columns where table_schema = 'sync' and data_type = 'uuid'`.execute(trx);
    for (const { table, column } of rows) {
      await sql`update ${sql.table(`sync.${table}`)} set ${sql.ref(column)} = ${id} where ${sql.ref(column)} = ${old}`.execute(
        trx,
      );
    }
  });
}

/** Enrolls each client with a one-time code, as `SyncClient` does over HTTP, then loads the hub's snapshot. */
async function enroll(hub: SimNode, clients: SimNode[]) {
  for (const client of clients) {
    const { code } = await hub.service.nodes.createEnrollment(systemContext('simulation'));
    const answer = await hub.service.nodes.enroll({
      code,
      nodeId: client.id,
      name: client.name,
      publicKey: client.service.identity.publicKey,
    });
    await client.node.platform.transaction(async (trx) => {
      await changeLog.setCluster(trx, { ...answer, hubUrl: null });
      await client.service.trustHub(trx, answer.hubNodeId, answer.hubPublicKey);
    });
  }
  // After every enrollment, so that each client's registry knows every other client.
  for (const client of clients) await client.service.snapshots.load(await hub.service.snapshots.take());
}

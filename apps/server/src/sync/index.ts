import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { systemContext } from '../platform/context.js';
import type { Db, KontorModule, Platform } from '../platform/platform.js';
import { EPOCHS_TABLE } from './authority.js';
import { changeLog } from './change-log.js';
import { SyncClient } from './client.js';
import { takeRequests } from './control-requests.js';
import { LanDiscovery } from './discovery.js';
import { registry } from './registry.js';
import { installCapture, type ReplicatedTable } from './replicated-tables.js';
import { syncRoutes } from './routes.js';
import { SyncService } from './service.js';

export { SYNC_APPLIED_TOPIC } from './applier.js';
export { BundleRefusal, exportBundle, exportSnapshotBundle, importBundle } from './bundle.js';
export { leaveRequest } from './control-requests.js';
export type { ProposedChange, ReplicatedTable } from './replicated-tables.js';
export { type Delivery, SYNC_DELIVERY_TOPIC, type SyncService } from './service.js';

/** Each enrolled node's name by its id, for showing where a record was made. */
export const nodeNames = async (db: Db) => new Map((await registry.list(db)).map((node) => [node.nodeId, node.name]));

/** Announces the node on the LAN once it listens and belongs to a cluster (a client: once enrolled). */
async function announce(sync: SyncService, discovery: LanDiscovery | undefined, app: FastifyInstance | undefined) {
  const address = app?.server.address();
  if (!discovery || !address || typeof address === 'string') return;
  const cluster = await changeLog.cluster(sync.platform.db);
  if (cluster)
    discovery.start(cluster.cluster_id, { host: address.address, port: address.port }, sync.platform.config.publicUrl);
}

/** Carries out what `kontor promote` / `kontor upstream set` asked of this running node. */
async function handleRequests(sync: SyncService, platform: Platform) {
  for (const request of await takeRequests(platform.config.dataDir)) {
    const ctx = systemContext(`cli ${request.action}`);
    try {
      if (request.action === 'promote') await sync.promote(ctx);
      else await sync.setUpstream(ctx, request.url);
    } catch (error) {
      sync.lastError = { code: 'request_failed', message: `${request.action}: ${(error as Error).message}` };
      platform.logger.warn({ err: error, request }, 'could not carry out a request from the shell');
    }
  }
}

/** The file a running node keeps its sync state in, for `kontor status` while the node holds the data directory. */
export const STATUS_FILE = 'sync-status.json';

/** The sync registry replicates like any other reference table, so every node can verify every origin. */
const registryTable: ReplicatedTable = {
  table: 'sync.nodes',
  policy: 'reference',
  key: ['node_id'],
  columns: ['node_id', 'name', 'public_key', 'role', 'scope', 'enrolled_at', 'revoked_at'],
};

/** Each promotion's record, so every node judges hub-only changes by who was the hub when they were made. */
const epochsTable: ReplicatedTable = {
  table: EPOCHS_TABLE,
  policy: 'reference',
  key: ['epoch'],
  columns: ['epoch', 'hub_node_id', 'hub_url', 'started_hlc', 'promoted_at'],
};

/**
 * Replication (docs/sync.md). `replicatedTables` lists what the node's modules declared, in dependency order.
 */
export function createSyncModule(
  replicatedTables: () => ReplicatedTable[],
): KontorModule & { service(): SyncService; syncOnce(): Promise<void> } {
  let service: SyncService | undefined;
  let client: SyncClient | undefined;
  let statusTimer: NodeJS.Timeout | undefined;
  let compactionTimer: NodeJS.Timeout | undefined;
  let stopping = false;
  let statusWrite: Promise<void> | undefined;
  let discovery: LanDiscovery | undefined;
  let app: FastifyInstance | undefined;
  const ready = () => {
    if (!service) throw new Error('sync is used before the node initialised it');
    return service;
  };
  return {
    name: 'sync',
    migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
    permissions: [{ key: 'admin.sync', description: 'Enroll, revoke and promote nodes; export and import bundles' }],
    async init(platform: Platform) {
      const tables = [registryTable, epochsTable, ...replicatedTables()];
      const applied = await sql<{ n: number }>`select count(*)::int as n from platform.schema_migrations`.execute(
        platform.db,
      );
      const schemaVersion = applied.rows[0]?.n ?? 0;
      service = new SyncService(platform, tables, schemaVersion);
      await installCapture(platform.db, tables, schemaVersion);
      await service.init();
    },
    register: (fastify) => {
      app = fastify;
      return fastify.register(syncRoutes, { sync: ready() });
    },
    async start(platform: Platform) {
      const sync = ready();
      if (!sync.isHub && !(await sync.hubUrl())) {
        platform.logger.warn('this client node knows no hub: start it with --upstream <hub URL> --enroll <code>');
      }
      // A node of the cluster appearing on the network (the hub back, say) is worth trying at once.
      const lan = platform.config.syncDiscovery
        ? new LanDiscovery(sync.identity.nodeId, platform.logger, () => client?.nudge())
        : undefined;
      discovery = lan;
      client = new SyncClient(sync, platform.logger, () => lan?.peers() ?? []);
      client.start();
      const path = join(platform.config.dataDir, STATUS_FILE);
      // Written aside and renamed, so `kontor status` never reads half a file.
      // Every 2 s: announce on the LAN once possible, carry out requests from the shell, write the status file.
      // A failure is logged and the next tick tries again; none may escape a timer (it would end the process).
      const writeStatus = async () => {
        try {
          await announce(sync, discovery, app);
          await handleRequests(sync, platform);
          await writeFile(`${path}.tmp`, JSON.stringify(await sync.status()));
          await rename(`${path}.tmp`, path);
        } catch (error) {
          if (!stopping) platform.logger.warn({ err: error }, 'could not update the sync status file');
        }
      };
      statusTimer = setInterval(() => {
        statusWrite = writeStatus();
      }, 2_000).unref();
      compactionTimer = setInterval(
        () =>
          sync
            .compact()
            .catch((error: unknown) => platform.logger.warn({ err: error }, 'compaction failed; will retry')),
        platform.config.syncCompactEveryMinutes * 60_000,
      ).unref();
      await writeStatus();
    },
    async stop() {
      stopping = true;
      clearInterval(statusTimer);
      await statusWrite; // a write under way would otherwise recreate the file after the node stopped
      clearInterval(compactionTimer);
      await client?.stop();
      await discovery?.stop();
    },
    service: ready,
    /** One round with the hub (enroll, snapshot, push, pull), for `kontor enroll`; throws what went wrong. */
    async syncOnce() {
      const sync = ready();
      if (!(await sync.hubUrl())) throw new Error('a client node needs --upstream <hub URL>');
      await new SyncClient(sync, sync.platform.logger).syncNow();
    },
  };
}

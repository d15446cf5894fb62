import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BundleImportOutcome, type SyncStatus, versionVector } from '@kontor/contracts';
import { Command } from 'commander';
import lockfile from 'proper-lockfile';
import type { KontorConfig } from '../config.js';
import type { openPlatform } from '../node.js';
import { systemContext } from '../platform/context.js';
import { exportBundle, exportSnapshotBundle, importBundle, STATUS_FILE } from '../sync/index.js';

type Flags = Record<string, unknown>;
type Opened = Awaited<ReturnType<typeof openPlatform>>;

function describe(status: SyncStatus): string {
  const lines = [
    `role:             ${status.role === 'server' ? 'hub' : 'client'}`,
    `node:             ${status.nodeId}`,
    `hub:              ${status.hub ?? '(this node)'}${status.hubNodeId ? ` [${status.hubNodeId}]` : ''}`,
    `cluster / epoch:  ${status.clusterId ?? '(not enrolled)'} / ${status.epoch ?? '-'}`,
    `last sync:        ${status.lastSyncAt ?? 'never'}${status.lagSeconds === null ? '' : ` (${status.lagSeconds} s ago)`}`,
    `pending changes:  ${status.pendingChanges} (not yet confirmed by the hub)`,
    `waiting changes:  ${status.waitingChanges} (received, waiting for an earlier one)`,
  ];
  if (status.lastError) lines.push(`last error:       ${status.lastError}`);
  return lines.join('\n');
}

function parseVector(text: string): Record<string, number> {
  try {
    return versionVector.parse(JSON.parse(text));
  } catch {
    throw new Error('--since-vector must be a JSON object of node id to sequence number, e.g. {"<node id>": 120}');
  }
}

function describeImport(outcome: BundleImportOutcome): string {
  if (outcome.content === 'snapshot') {
    return outcome.applied > 0
      ? `loaded the hub's snapshot (${outcome.rows} rows); this node now syncs the changes made since.`
      : `this node already holds everything in this snapshot (${outcome.rows} rows); nothing changed.`;
  }
  return (
    `${outcome.changes} changes, ${outcome.applied} applied, ${outcome.duplicates} already here, ` +
    `${outcome.rejected} refused by this node's rules, ${outcome.waiting} waiting for earlier ones.`
  );
}

/** `kontor status|enroll|export|import`: replication from the node's own shell. */
export function syncCommands(
  withStoreOptions: (command: Command) => Command,
  configFrom: (flags: Flags) => KontorConfig,
  open: (config: KontorConfig) => Promise<Opened>,
  run: (action: () => Promise<void>) => Promise<void>,
): Command[] {
  const status = withStoreOptions(
    new Command('status').description('replication state: role, hub, epoch, last sync, pending changes'),
  )
    .option('--json', 'print JSON')
    .action(({ json, ...flags }: Flags) =>
      run(async () => {
        const config = configFrom(flags);
        let current: SyncStatus;
        // A running node holds the data directory; it writes its state beside it every two seconds.
        if (
          await lockfile.check(config.dataDir, { lockfilePath: join(config.dataDir, 'kontor.lock'), stale: 60_000 })
        ) {
          current = JSON.parse(readFileSync(join(config.dataDir, STATUS_FILE), 'utf8')) as SyncStatus;
        } else {
          const { sync, release } = await open(config);
          try {
            current = await sync.service().status();
          } finally {
            await release();
          }
        }
        process.stdout.write(`${json ? JSON.stringify(current, null, 2) : describe(current)}\n`);
      }),
    );

  const enroll = withStoreOptions(
    new Command('enroll').description('enroll this (stopped) client node with a hub, then load its data'),
  )
    .argument('<hub-url>', 'the hub, e.g. https://kontor.region.example')
    .argument('<code>', 'one-time code from the hub (Admin -> Nodes)')
    .option('--node-name <name>', "this node's name in the hub's registry")
    .action((hubUrl: string, code: string, flags: Flags) =>
      run(async () => {
        const config = configFrom({ ...flags, role: 'client', upstream: hubUrl, enroll: code });
        const { sync, release } = await open(config);
        try {
          await sync.syncOnce();
          const { clusterId, epoch } = await sync.service().status();
          process.stdout.write(`Enrolled in cluster ${clusterId} (epoch ${epoch}) and loaded the hub's data.\n`);
          process.stdout.write(`Start it with: kontor start --role client --upstream ${hubUrl}\n`);
        } finally {
          await release();
        }
      }),
    );
  const ctx = systemContext('cli');
  const exportCommand = withStoreOptions(
    new Command('export').description('write the changes this (stopped) node holds to a signed bundle file'),
  )
    .requiredOption('--to <file>', 'where to write the bundle (e.g. a USB stick)')
    .option('--since-vector <json>', "only what lies beyond this vector, e.g. the receiving node's (JSON object)")
    .option('--full', "the hub's full snapshot instead of changes, to set up a node that holds nothing yet")
    .action(({ to, sinceVector, full, ...flags }: Flags) =>
      run(async () => {
        if (full && sinceVector) throw new Error('a full snapshot holds everything: give --full or --since-vector');
        const since = sinceVector ? parseVector(String(sinceVector)) : {};
        const { sync, release } = await open(configFrom(flags));
        try {
          const file = full
            ? await exportSnapshotBundle(sync.service(), ctx)
            : await exportBundle(sync.service(), ctx, since);
          // Written aside and renamed, so an interrupted export never leaves half a bundle under the real name.
          writeFileSync(`${String(to)}.part`, file);
          renameSync(`${String(to)}.part`, String(to));
          process.stdout.write(`Wrote ${file.length} bytes to ${String(to)}.\n`);
        } finally {
          await release();
        }
      }),
    );

  const importCommand = withStoreOptions(
    new Command('import').description('merge a bundle file into this (stopped) node'),
  )
    .argument('<file>', 'the bundle')
    .action((file: string, flags: Flags) =>
      run(async () => {
        const { sync, release } = await open(configFrom(flags));
        try {
          const outcome = await importBundle(sync.service(), ctx, readFileSync(file));
          process.stdout.write(`Imported ${file}: ${describeImport(outcome)}\n`);
        } finally {
          await release();
        }
      }),
    );
  return [status, enroll, exportCommand, importCommand];
}

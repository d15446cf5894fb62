import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SyncStatus } from '@kontor/contracts';
import { Command } from 'commander';
import lockfile from 'proper-lockfile';
import type { KontorConfig } from '../config.js';
import type { openPlatform } from '../node.js';
import { systemContext } from '../platform/context.js';
import { exportBundle, importBundle, STATUS_FILE } from '../sync/index.js';

type Flags = Record<string, unknown>;
type Opened = Awaited<ReturnType<typeof openPlatform>>;

function describe(status: SyncStatus): string {
  const lines = [
    `role:             ${status.role === 'server' ? 'hub' : 'client'}`,
    `node:             ${status.nodeId}`,
    `hub:              ${status.hub ?? '(this node)'}${status.hubNodeId ? ` [${status.hubNodeId}]` : ''}`,
    `cluster / epoch:  ${status.clusterId ?? '(not enrolled)'} / ${status.epoch ?? '-'}`,
    `last sync:        ${status.lastSyncAt ?? 'never'}`,
    `pending changes:  ${status.pendingChanges} (not yet confirmed by the hub)`,
    `waiting changes:  ${status.waitingChanges} (received, waiting for an earlier one)`,
  ];
  if (status.lastError) lines.push(`last error:       ${status.lastError}`);
  return lines.join('\n');
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
    .action(({ to, sinceVector, ...flags }: Flags) =>
      run(async () => {
        const since = sinceVector ? (JSON.parse(String(sinceVector)) as Record<string, number>) : {};
        const { sync, release } = await open(configFrom(flags));
        try {
          const file = await exportBundle(sync.service(), ctx, since);
          writeFileSync(String(to), file);
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
          process.stdout.write(
            `Imported ${file}: ${outcome.changes} changes, ${outcome.applied} applied, ${outcome.duplicates} already here, ` +
              `${outcome.rejected} refused by this node's rules, ${outcome.waiting} waiting for earlier ones.\n`,
          );
        } finally {
          await release();
        }
      }),
    );
  return [status, enroll, exportCommand, importCommand];
}

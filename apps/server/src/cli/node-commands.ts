import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SyncStatus } from '@kontor/contracts';
import { Command } from 'commander';
import lockfile from 'proper-lockfile';
import type { KontorConfig } from '../config.js';
import type { openPlatform } from '../node.js';
import { systemContext } from '../platform/context.js';
import { leaveRequest, STATUS_FILE } from '../sync/index.js';

type Flags = Record<string, unknown>;
type Opened = Awaited<ReturnType<typeof openPlatform>>;

const WAIT_MS = 30_000;

/** Whether a node runs on this data directory now (it holds the directory's lock). */
export const nodeIsRunning = (dataDir: string) =>
  lockfile.check(dataDir, { lockfilePath: join(dataDir, 'kontor.lock'), stale: 60_000 });

/** The sync state a running node writes beside its data every two seconds. */
export const runningStatus = (dataDir: string) =>
  JSON.parse(readFileSync(join(dataDir, STATUS_FILE), 'utf8')) as SyncStatus;

/**
 * `kontor promote` and `kontor upstream set`: on a stopped node they change its record directly; a running
 * node is asked through a request file and the command waits until the node's status shows it was done.
 */
export function nodeCommands(
  withStoreOptions: (command: Command) => Command,
  configFrom: (flags: Flags) => KontorConfig,
  open: (config: KontorConfig) => Promise<Opened>,
  run: (action: () => Promise<void>) => Promise<void>,
): Command[] {
  const ctx = systemContext('cli');
  const act = async (
    config: KontorConfig,
    request: Parameters<typeof leaveRequest>[1],
    done: (status: SyncStatus) => boolean,
    direct: (sync: ReturnType<Opened['sync']['service']>) => Promise<void>,
  ): Promise<SyncStatus> => {
    if (await nodeIsRunning(config.dataDir)) {
      await leaveRequest(config.dataDir, request);
      const deadline = Date.now() + WAIT_MS;
      while (Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        const status = runningStatus(config.dataDir);
        if (done(status)) return status;
        if (status.lastErrorCode === 'request_failed' && status.lastError?.startsWith(`${request.action}:`))
          throw new Error(status.lastError);
      }
      throw new Error(`the running node did not confirm within ${WAIT_MS / 1000} s; see its log`);
    }
    const { sync, release } = await open(config);
    try {
      await direct(sync.service());
      return await sync.service().status();
    } finally {
      await release();
    }
  };

  const promote = withStoreOptions(
    new Command('promote').description('make this client node the hub now (running or stopped), raising the epoch'),
  ).action((flags: Flags) =>
    run(async () => {
      const status = await act(
        configFrom(flags),
        { action: 'promote' },
        (current) => current.role === 'server',
        (sync) => sync.promote(ctx),
      );
      process.stdout.write(
        `This node is now the hub of cluster ${status.clusterId} (epoch ${status.epoch}). ` +
          'Clients follow as they reach it: through their fallback list (--peers) or `kontor upstream set`.\n',
      );
    }),
  );

  const set = withStoreOptions(
    new Command('set').description('point this client node at another address of its hub (running or stopped)'),
  )
    .argument('<url>', 'the hub, e.g. https://kontor2.region.example')
    .action((url: string, flags: Flags) =>
      run(async () => {
        const hub = new URL(url).toString().replace(/\/$/, '');
        const status = await act(
          configFrom(flags),
          { action: 'upstream', url: hub },
          (current) => current.hub === hub,
          (sync) => sync.setUpstream(ctx, hub),
        );
        process.stdout.write(`This node now syncs with ${status.hub}.\n`);
      }),
    );
  const upstream = new Command('upstream').description("this client node's hub address").addCommand(set);
  return [promote, upstream];
}

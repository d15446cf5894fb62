import { Command, Option } from 'commander';
import { prettifyError, ZodError } from 'zod';
import { nodeCommands } from './cli/node-commands.js';
import { syncCommands } from './cli/sync-commands.js';
import { userCommands } from './cli/user-commands.js';
import { ConfigError, type ConfigInput, type KontorConfig, loadConfig } from './config.js';
import { DataDirLockedError } from './platform/db/data-dir-lock.js';
import { MigrationError } from './platform/db/migrate.js';
import { AppError } from './platform/http/errors.js';
import { kontorVersion } from './version.js';

type Flags = Record<string, unknown> & { config?: string };

/** Options every command that opens the store understands. */
function withStoreOptions(command: Command): Command {
  return command
    .option('--data <dir>', 'data directory (PGlite store, node keys, lock file)', undefined)
    .option('--database-url <url>', 'PostgreSQL URL; without it the embedded PGlite in the data directory is used')
    .option('--redis-url <url>', 'Redis URL for events across hub instances')
    .option('--config <file>', 'JSON settings file (default: kontor.config.json)')
    .option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent');
}

export function configFrom(flags: Flags): KontorConfig {
  const { config: file, data, enroll, peers, demo, discovery, ...rest } = flags;
  const settings: Partial<Record<keyof ConfigInput, unknown>> = {
    ...rest,
    dataDir: data,
    enrollCode: enroll,
    syncPeers: peers,
  };
  // Commander sets --no-* options to true when absent; only their explicit "no" is a setting.
  if (demo === false) settings.demo = false;
  if (discovery === false) settings.syncDiscovery = false;
  return loadConfig({ flags: settings, file });
}

async function run(action: () => Promise<void>) {
  try {
    await action();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof MigrationError) {
      process.stderr.write(`kontor: ${error.message}\n`);
      process.exit(2);
    }
    if (
      error instanceof AppError ||
      error instanceof ZodError ||
      (error instanceof Error && !(error instanceof TypeError))
    ) {
      const detail = error instanceof ZodError ? prettifyError(error) : error.message;
      process.stderr.write(`kontor: ${detail}\n`);
      process.exit(1);
    }
    throw error;
  }
}

// The node's modules (PGlite, Fastify …) load only for commands that need them, so `--help` answers at once.
const loadNode = () => import('./node.js');
/** Opens the store for a one-shot command, logging to stderr. */
const openForCommand = async (config: KontorConfig) => {
  const { openPlatform, createLogger } = await loadNode();
  return openPlatform(config, { logger: createLogger(config, 2) });
};

async function start(flags: Flags) {
  const config = configFrom(flags);
  const { createNode } = await loadNode();
  const node = await createNode(config);
  const address = await node.app.listen({ host: config.host, port: config.port });
  const store = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
  const lines = [
    '',
    `Kontor ${kontorVersion}: ${config.role === 'server' ? 'hub' : 'client'} node on ${store}`,
    `Open ${config.publicUrl ?? address}`,
  ];
  if (node.generatedAdminPassword) {
    lines.push(
      `First admin: admin / ${node.generatedAdminPassword}`,
      'This password is shown once. Change it under Admin -> Users.',
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
  const stop = async (signal: string) => {
    node.platform.logger.info({ signal }, 'stopping');
    await node.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const program = new Command('kontor')
  .description('Kontor: directory, supplies, visitors, service desk and shop, one program on hub and workstations')
  .version(kontorVersion);

withStoreOptions(program.command('start').description('start a node (a hub on embedded PGlite unless told otherwise)'))
  .addOption(new Option('--role <role>', 'server (hub) or client').choices(['server', 'client']))
  .option('--port <port>', 'port to listen on (default 3000)')
  .option('--host <host>', 'address to listen on (default 127.0.0.1)')
  .option('--upstream <url>', 'hub URL a client node syncs with')
  .option('--no-discovery', 'do not announce this node or look for peers on the local network (mDNS)')
  .option('--peers <urls>', 'other nodes of the cluster, comma-separated: fallbacks for the hub and LAN peers')
  .option('--enroll <code>', 'one-time code from the hub (Admin -> Nodes) that enrolls this client on first start')
  .option('--node-name <name>', "this node's name in the hub's registry (default: the host name)")
  .option('--public-url <url>', 'the URL users reach this node at (https turns on secure cookies)')
  .option('--admin-password <password>', "the first admin's password (otherwise generated and printed once)")
  .option('--no-demo', 'do not load the demo organisation on first start')
  .option('--directory-public-read', 'on a client node, anyone may read the contact directory without signing in')
  .action((flags: Flags) => run(() => start(flags)));

withStoreOptions(program.command('migrate').description('apply pending database migrations and exit')).action(
  (flags: Flags) =>
    run(async () => {
      const { release } = await openForCommand(configFrom(flags));
      await release();
      process.stdout.write('Migrations are up to date.\n');
    }),
);

withStoreOptions(program.command('seed').description('load demo data'))
  .requiredOption('--demo', 'the demo organisation (safe to run again)')
  .action((flags: Flags) =>
    run(async () => {
      const { demo: _demo, ...rest } = flags;
      const { seedDemo } = await loadNode();
      const { platform, modules, release } = await openForCommand(configFrom(rest));
      try {
        await seedDemo(platform, modules);
      } finally {
        await release();
      }
      process.stdout.write('Demo data loaded.\n');
    }),
  );

program.addCommand(userCommands(withStoreOptions, (flags: Flags) => openForCommand(configFrom(flags)), run));

for (const command of [
  ...syncCommands(withStoreOptions, configFrom, openForCommand, run),
  ...nodeCommands(withStoreOptions, configFrom, openForCommand, run),
]) {
  program.addCommand(command);
}

await program.parseAsync(process.argv);

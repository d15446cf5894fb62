import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Logger, pino } from 'pino';
import { buildApp } from './app.js';
import { createCommerceModule } from './commerce/index.js';
import type { KontorConfig } from './config.js';
import { createDeskModule } from './desk/index.js';
import { createDirectoryModule } from './directory/index.js';
import { createIdentityModule, ensureFirstAdmin } from './identity/index.js';
import { createLegacyModule } from './legacy/index.js';
import { AuditLog, auditModule } from './platform/audit/index.js';
import { lockDataDir } from './platform/db/data-dir-lock.js';
import { openDatabase, type StoreLocation } from './platform/db/database.js';
import { type MigrationSource, migrate } from './platform/db/migrate.js';
import { type EventBus, LocalEventBus, RedisEventBus } from './platform/events/bus.js';
import { TopicCatalog } from './platform/events/live.js';
import { Outbox } from './platform/events/outbox.js';
import type { RegisteredRoute } from './platform/http/access.js';
import { JobScheduler } from './platform/jobs/job-scheduler.js';
import { MailQueue } from './platform/mail/mail-queue.js';
import { createMetrics } from './platform/metrics/metrics.js';
import { nodeModule } from './platform/node-module.js';
import { PermissionCatalog } from './platform/permissions.js';
import type { KontorModule, Platform } from './platform/platform.js';
import { queuedWork } from './platform/queued-work.js';
import { createSuppliesModule } from './supplies/index.js';
import { createSyncModule } from './sync/index.js';
import { createVisitorsModule } from './visitors/index.js';

export interface KontorNode {
  app: FastifyInstance;
  platform: Platform;
  modules: KontorModule[];
  routes: RegisteredRoute[];
  /** Set when this start created the first admin with a generated password. */
  generatedAdminPassword?: string;
  /** Stops serving, then releases the database, the bus and the data directory. */
  close(): Promise<void>;
}

export interface NodeOptions {
  logger?: Logger;
  /** Overrides where data lives; tests use an in-memory PGlite. */
  store?: StoreLocation;
  /** Modules beyond Kontor's own, placed before sync (tests use it for tables of their own). */
  extraModules?: KontorModule[];
}

/** JSON logs: a serving node writes them to stdout, one-shot commands to stderr (their stdout is their answer). */
export function createLogger(config: KontorConfig, destination: 1 | 2 = 1): Logger {
  return pino(
    {
      level: config.logLevel,
      redact: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.secret',
      ],
    },
    pino.destination(destination),
  );
}

/** Every module of the node in dependency order; later issues append theirs. */
function nodeModules(extra: KontorModule[] = []) {
  const identity = createIdentityModule();
  // Supplies needs the replication engine (delivery states), which needs every module's tables: a late binding.
  const supplies = createSuppliesModule(() => sync.service());
  const visitors = createVisitorsModule(() => sync.service());
  const desk = createDeskModule(() => sync.service());
  const commerce = createCommerceModule(() => sync.service());
  const legacy = createLegacyModule(() => sync.service());
  const others: KontorModule[] = [
    nodeModule,
    auditModule,
    identity,
    createDirectoryModule(),
    supplies,
    visitors,
    desk,
    commerce,
    legacy,
    ...extra,
  ];
  const sync = createSyncModule(() => others.flatMap((module) => module.replicated ?? []));
  return { modules: [...others, sync], identity, sync };
}

const migrationsOf = (modules: KontorModule[]): MigrationSource[] =>
  modules.flatMap((m) => (m.migrations ? [{ module: m.name, dir: m.migrations }] : []));

/** The migrations a node applies, in its order; tests build a migrated store template from them. */
export function migrationSources(extra: KontorModule[] = []): MigrationSource[] {
  return migrationsOf(nodeModules(extra).modules);
}

function storeOf(config: KontorConfig): StoreLocation {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'pglite', dir: resolve(config.dataDir) };
}

type Release = () => Promise<void>;

/**
 * The node's infrastructure without HTTP: data-directory lock, store with migrations applied, event bus,
 * outbox and every module initialised. The CLI's `migrate`, `user` and `seed` commands use it alone.
 */
export async function openPlatform(config: KontorConfig, options: NodeOptions = {}) {
  const logger = options.logger ?? createLogger(config);
  const releases: Release[] = [];
  const release = async () => {
    for (const step of releases.splice(0)) await step();
  };
  try {
    releases.unshift(
      await lockDataDir(config.dataDir, (error) => {
        logger.fatal({ err: error }, 'lost the lock on the data directory; stopping');
        process.exit(1);
      }),
    );
    const database = await openDatabase(options.store ?? storeOf(config), (error) =>
      logger.warn({ err: error }, 'a database connection broke; the pool opens a new one when needed'),
    );
    releases.unshift(() => database.close());
    const { modules, identity, sync } = nodeModules(options.extraModules);
    const applied = await migrate(database.db, migrationsOf(modules));
    if (applied.length > 0) logger.info({ applied }, 'applied migrations');

    const bus: EventBus = config.redisUrl
      ? await RedisEventBus.connect(config.redisUrl, (error) => logger.warn({ err: error }, 'redis'))
      : new LocalEventBus();
    releases.unshift(() => bus.close());
    const outbox = new Outbox(database.db, bus, logger, config.outboxPollMs);
    releases.unshift(() => outbox.stop());
    const metrics = createMetrics(database.pool);
    const isHub = () => platform.node.role === 'server';
    // Started only by a serving node (createNode): a one-shot command leaves its mail to the node that serves.
    const mail = new MailQueue({
      db: database.db,
      logger,
      registry: metrics.registry,
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      pollMs: config.outboxPollMs,
      retryBaseMs: config.mailRetryBaseMs,
      isHub,
    });
    const afterCommit = () => {
      outbox.nudge();
      mail.nudge();
    };
    const jobs = new JobScheduler({ db: database.db, logger, registry: metrics.registry, isHub, afterCommit });
    const platform: Platform = {
      config,
      logger,
      database,
      db: database.db,
      permissions: new PermissionCatalog(),
      topics: new TopicCatalog(),
      audit: new AuditLog(),
      outbox,
      mail,
      jobs,
      bus,
      metrics,
      node: { role: config.role },
      async transaction(work) {
        const queuedBefore = queuedWork.count;
        const result = await database.db.transaction().execute(work);
        if (queuedWork.count !== queuedBefore) afterCommit();
        return result;
      },
    };
    for (const module of modules) {
      platform.permissions.define(module.permissions ?? []);
      for (const [topic, permission] of Object.entries(module.topics ?? {})) platform.topics.define(topic, permission);
      await module.init?.(platform);
    }
    outbox.start();
    return { platform, modules, identity, sync, mail, jobs, releases, release };
  } catch (error) {
    await release();
    throw error;
  }
}

/** Creates a node from its settings: platform, first admin, demo data, HTTP app. Does not listen. */
export async function createNode(config: KontorConfig, options: NodeOptions = {}): Promise<KontorNode> {
  const { platform, modules, identity, sync, mail, jobs, releases, release } = await openPlatform(config, options);
  try {
    // A client's users, roles and demo data come from its hub.
    const firstAdmin = sync.service().isHub ? await ensureFirstAdmin(platform, config.adminPassword) : null;
    if (firstAdmin && config.demo) await seedDemo(platform, modules);
    const { app, routes } = await buildApp(platform, modules, identity.auth());
    releases.unshift(() => app.close());
    for (const module of modules) {
      await module.start?.(platform);
      if (module.stop) releases.unshift(module.stop);
    }
    mail.start();
    releases.unshift(() => mail.stop());
    jobs.start();
    releases.unshift(() => jobs.stop());
    return { app, platform, modules, routes, generatedAdminPassword: firstAdmin?.generatedPassword, close: release };
  } catch (error) {
    await release();
    throw error;
  }
}

export async function seedDemo(platform: Platform, modules: KontorModule[]) {
  for (const module of modules) await module.seedDemo?.(platform);
}

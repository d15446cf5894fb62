import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { KontorConfig } from '../config.js';
import type { ReplicatedTable } from '../sync/replicated-tables.js';
import type { AuditLog } from './audit/audit-log.js';
import type { Database } from './db/database.js';
import type { EventBus } from './events/bus.js';
import type { TopicCatalog } from './events/live.js';
import type { Outbox } from './events/outbox.js';
import type { Jobs } from './jobs/job-scheduler.js';
import type { Mailer } from './mail/mail-queue.js';
import type { Metrics } from './metrics/metrics.js';
import type { PermissionCatalog } from './permissions.js';

// biome-ignore lint/suspicious/noExplicitAny: modules narrow it to their own tables with `withTables`
export type Db = Kysely<any>;

/** The infrastructure every module is given; modules never construct their own. */
export interface Platform {
  config: KontorConfig;
  logger: Logger;
  database: Database;
  db: Db;
  permissions: PermissionCatalog;
  topics: TopicCatalog;
  audit: AuditLog;
  outbox: Outbox;
  /** Outbound e-mail: queued in the caller's transaction, sent by a hub after commit (docs/mail.md). */
  mail: Mailer;
  /** Scheduled work, run on hub nodes only and on one hub instance at a time. */
  jobs: Jobs;
  bus: EventBus;
  metrics: Metrics;
  /** What this node is now: sync sets it from the node's own record (a data directory keeps its role). */
  node: { role: 'server' | 'client' };
  /** Runs `work` in one transaction, then lets the outbox and the mail queue send what it added. */
  transaction<T>(work: (trx: Db) => Promise<T>): Promise<T>;
}

/** A feature of Kontor: its tables, permissions, live topics and routes (ARCHITECTURE.md, rule 1). */
export interface KontorModule {
  name: string;
  /** Folder of its `NNNN_*.sql` migrations. */
  migrations?: string;
  permissions?: Array<{ key: string; description: string }>;
  /** Live-event topics and the permission needed to hear each. */
  topics?: Record<string, string>;
  /** Tables this module replicates to other nodes, in dependency order (see sync/replicated-tables.ts). */
  replicated?: ReplicatedTable[];
  /** Builds the module's services once the platform exists, before anything is written or any route registered. */
  init?(platform: Platform): void | Promise<void>;
  /** Starts background work once the node serves (sync loops, timers). */
  start?(platform: Platform): Promise<void>;
  /** Ends what `start` began; called before the node stops serving. */
  stop?(): Promise<void>;
  register?(app: FastifyInstance, platform: Platform): PromiseLike<unknown>;
  /** Adds the demo organisation's share of this module; must be safe to run twice. */
  seedDemo?(platform: Platform): Promise<void>;
}

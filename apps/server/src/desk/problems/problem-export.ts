import { randomUUID } from 'node:crypto';
import {
  type DeskProblemEvent,
  PROBLEM_EXPORTED_EVENT,
  type ProblemDetail,
  WEBHOOK_MAX_ATTEMPTS,
} from '@kontor/contracts';
import type { RequestContext } from '../../platform/context.js';
import { DeliveryFailure, LeasedQueue } from '../../platform/delivery/leased-queue.js';
import { Outbox } from '../../platform/events/outbox.js';
import type { Db, Platform } from '../../platform/platform.js';
import { postSigned } from '../../platform/webhooks/signed-post.js';
import { DESK_TOPIC } from '../incident-service.js';
import { exportNotConfigured } from './problem-errors.js';
import type { ProblemsDb, StoredExport } from './tables.js';

const TIMEOUT_MS = 10_000;
/** A claim outlives any attempt by this much, so no other hub instance takes the export while it is under way. */
const LEASE_MS = TIMEOUT_MS + 30_000;
const BACKOFF_CAP_MS = 3_600_000;
const BATCH = 20;

/** What the task manager receives, besides the export's `id`: the problem and its incidents when it was asked for. */
const exportPayload = (problem: ProblemDetail) => {
  const { incidents, timeline: _history, ...summary } = problem;
  return { type: PROBLEM_EXPORTED_EVENT, createdAt: new Date().toISOString(), problem: summary, incidents };
};

/** Whether there is a task manager to send exports to. */
const exportConfigured = (config: Platform['config']) =>
  Boolean(config.deskProblemWebhookUrl && config.deskProblemWebhookSecret);

/** Asking for exports: a row of `desk.problem_exports` in the caller's transaction, sent after commit. */
export class ProblemExports {
  constructor(private readonly platform: Platform) {}

  /** Export every problem as it is opened (setting deskProblemAutoExport), when there is somewhere to send it. */
  get automatic(): boolean {
    return this.platform.config.deskProblemAutoExport && this.#configured();
  }

  ensureConfigured() {
    if (!this.#configured()) throw exportNotConfigured();
  }

  async enqueue(trx: Db, ctx: RequestContext, problem: ProblemDetail) {
    const db = trx as ProblemsDb;
    const id = randomUUID();
    await db
      .insertInto('desk.problem_exports')
      .values({ id, problem_id: problem.id, payload: JSON.stringify(exportPayload(problem)) })
      .execute();
    await db
      .insertInto('desk.problem_activities')
      .values({
        problem_id: problem.id,
        kind: 'export_requested',
        actor_id: ctx.actor?.userId ?? null,
        actor_name: ctx.actor?.displayName ?? 'Kontor',
      })
      .execute();
    await this.platform.audit.record(trx, ctx, {
      action: 'desk.problem.export',
      entity: 'desk.problem',
      entityId: problem.id,
      after: { exportId: id, incidentCount: problem.incidents.length },
    });
    // After commit the outbox publishes it; the dispatcher hears it and sends at once.
    await Outbox.add(trx, DESK_TOPIC, { problemId: problem.id, change: 'export' } satisfies DeskProblemEvent);
  }

  #configured() {
    return exportConfigured(this.platform.config);
  }
}

/** The task manager did not take an export: its answer's status (none when it could not be reached) and why. */
class ExportRefused extends DeliveryFailure {
  constructor(
    readonly statusCode: number | null,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Sends requested exports to the task manager, on the hub, signed (`x-kontor-signature`, the supplier webhooks'
 * scheme), through a LeasedQueue over `desk.problem_exports` (SKIP LOCKED and a lease, so several hub instances
 * share the work; up to BATCH at once). A failure is retried after a full-jitter exponential backoff; after
 * WEBHOOK_MAX_ATTEMPTS the export is `failed`, shown so on the problem page, where an agent may export again.
 */
export class ProblemExportDispatcher {
  readonly #queue: LeasedQueue<StoredExport, number>;
  #unsubscribe: (() => void) | undefined;

  constructor(
    private readonly platform: Platform,
    isHub: () => boolean,
  ) {
    const { config } = platform;
    // Every settled attempt records the answer and changes what the problem page shows.
    const settled = async (
      trx: Db,
      row: StoredExport,
      answer: { last_status_code: number | null; last_error?: null },
    ) => {
      await (trx as ProblemsDb).updateTable('desk.problem_exports').set(answer).where('id', '=', row.id).execute();
      await Outbox.add(trx, DESK_TOPIC, { problemId: row.problem_id, change: 'updated' } satisfies DeskProblemEvent);
    };
    this.#queue = new LeasedQueue<StoredExport, number>({
      table: 'desk.problem_exports',
      db: platform.db,
      transaction: (work) => platform.transaction(work),
      logger: platform.logger,
      pollMs: () => config.outboxPollMs,
      isHub,
      ready: () => exportConfigured(config),
      batch: BATCH,
      leaseMs: LEASE_MS,
      maxAttempts: WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: () => config.deskProblemExportRetryBaseMs,
      retryCapMs: BACKOFF_CAP_MS,
      async send(row, signal) {
        const payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
        const outcome = await postSigned({
          url: config.deskProblemWebhookUrl as string,
          secret: config.deskProblemWebhookSecret as string,
          deliveryId: row.id,
          event: PROBLEM_EXPORTED_EVENT,
          body: JSON.stringify({ id: row.id, ...(payload as object) }),
          timeoutMs: TIMEOUT_MS,
          signal,
        });
        if (!outcome.delivered) throw new ExportRefused(outcome.statusCode, outcome.error);
        return outcome.statusCode;
      },
      onSent: (trx, row, statusCode) => settled(trx, row, { last_status_code: statusCode, last_error: null }),
      onFailed: (trx, row, { failure }) =>
        settled(trx, row, { last_status_code: failure instanceof ExportRefused ? failure.statusCode : null }),
      log: {
        roundFailed: 'problem export round failed; will retry',
        retry: 'problem export failed; will retry',
        dead: 'problem export failed for the last time',
        facts: (row, failure) => ({
          export: row.id,
          problem: row.problem_id,
          statusCode: failure instanceof ExportRefused ? failure.statusCode : null,
        }),
      },
    });
  }

  start() {
    if (this.#queue.started) return;
    this.#unsubscribe = this.platform.bus.subscribe((event) => {
      if (event.topic === DESK_TOPIC && (event.payload as Partial<DeskProblemEvent> | null)?.change === 'export')
        this.#queue.nudge();
    });
    this.#queue.start();
  }

  async stop() {
    this.#unsubscribe?.();
    await this.#queue.stop();
  }
}

import { randomUUID } from 'node:crypto';
import {
  type DeskProblemEvent,
  PROBLEM_EXPORTED_EVENT,
  type ProblemDetail,
  WEBHOOK_MAX_ATTEMPTS,
} from '@kontor/contracts';
import { sql } from 'kysely';
import type { RequestContext } from '../../platform/context.js';
import { Outbox } from '../../platform/events/outbox.js';
import type { Db, Platform } from '../../platform/platform.js';
import { PollingLoop } from '../../platform/polling-loop.js';
import { backoffMs, postSigned } from '../../platform/webhooks/signed-post.js';
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
    const { deskProblemWebhookUrl, deskProblemWebhookSecret } = this.platform.config;
    return Boolean(deskProblemWebhookUrl && deskProblemWebhookSecret);
  }
}

/**
 * Sends requested exports to the task manager, on the hub, signed (`x-kontor-signature`, the supplier webhooks'
 * scheme): each round claims the due ones (SKIP LOCKED, with a lease, so several hub instances share the work)
 * and makes one attempt at each. A failure is retried after a full-jitter exponential backoff; after
 * WEBHOOK_MAX_ATTEMPTS the export is `failed`, shown so on the problem page, where an agent may export again.
 */
export class ProblemExportDispatcher {
  readonly #db: ProblemsDb;
  readonly #loop: PollingLoop;
  #abort = new AbortController();
  #unsubscribe: (() => void) | undefined;

  constructor(
    private readonly platform: Platform,
    private readonly isHub: () => boolean,
  ) {
    this.#db = platform.db as ProblemsDb;
    this.#loop = new PollingLoop(
      () => this.#round(),
      (error) => platform.logger.warn({ err: error }, 'problem export round failed; will retry'),
      () => platform.config.outboxPollMs,
    );
  }

  start() {
    if (this.#loop.started) return;
    this.#abort = new AbortController();
    this.#unsubscribe = this.platform.bus.subscribe((event) => {
      if (event.topic === DESK_TOPIC && (event.payload as Partial<DeskProblemEvent> | null)?.change === 'export')
        this.#loop.nudge();
    });
    this.#loop.start();
  }

  async stop() {
    this.#unsubscribe?.();
    this.#abort.abort();
    await this.#loop.stop();
  }

  async #round() {
    const { deskProblemWebhookUrl: url, deskProblemWebhookSecret: secret } = this.platform.config;
    if (!this.isHub() || !url || !secret) return;
    const claimed = await sql<StoredExport>`
      update desk.problem_exports set lease_until = now() + ${`${LEASE_MS} milliseconds`}::interval
       where id in (select id from desk.problem_exports
                     where status = 'pending' and next_attempt_at <= now()
                       and (lease_until is null or lease_until < now())
                     order by next_attempt_at limit ${BATCH} for update skip locked)
      returning *`.execute(this.#db);
    await Promise.all(claimed.rows.map((row) => this.#attempt(row, url, secret)));
  }

  async #attempt(row: StoredExport, url: string, secret: string) {
    const payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
    let outcome: Awaited<ReturnType<typeof postSigned>>;
    try {
      outcome = await postSigned({
        url,
        secret,
        deliveryId: row.id,
        event: PROBLEM_EXPORTED_EVENT,
        body: JSON.stringify({ id: row.id, ...(payload as object) }),
        timeoutMs: TIMEOUT_MS,
        signal: this.#abort.signal,
      });
    } catch {
      // Stopped while sending: the export's lease runs out and it is tried again.
      return;
    }
    const attempts = row.attempts + 1;
    const failed = !outcome.delivered && attempts >= WEBHOOK_MAX_ATTEMPTS;
    const retryInMs = backoffMs(attempts, this.platform.config.deskProblemExportRetryBaseMs, BACKOFF_CAP_MS);
    await this.platform.transaction(async (trx) => {
      await (trx as ProblemsDb)
        .updateTable('desk.problem_exports')
        .set({
          attempts,
          lease_until: null,
          last_status_code: outcome.statusCode,
          ...(outcome.delivered
            ? { status: 'sent', sent_at: sql<Date>`now()`, last_error: null }
            : {
                status: failed ? 'failed' : 'pending',
                last_error: outcome.error,
                next_attempt_at: sql<Date>`now() + ${`${retryInMs} milliseconds`}::interval`,
              }),
        })
        .where('id', '=', row.id)
        .execute();
      await Outbox.add(trx, DESK_TOPIC, { problemId: row.problem_id, change: 'updated' } satisfies DeskProblemEvent);
    });
    if (!outcome.delivered)
      this.platform.logger.info(
        { export: row.id, problem: row.problem_id, attempts, statusCode: outcome.statusCode, failed },
        failed ? 'problem export failed for the last time' : 'problem export failed; will retry',
      );
  }
}

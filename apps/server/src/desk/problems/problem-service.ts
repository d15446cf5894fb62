import { randomUUID } from 'node:crypto';
import {
  type DeskProblem,
  type DeskProblemEvent,
  type ProblemDetail,
  type problemCloseInput,
  type problemInput,
  type problemQuery,
  problemReference,
} from '@kontor/contracts';
import type { z } from 'zod';
import type { RequestContext } from '../../platform/context.js';
import { Outbox } from '../../platform/events/outbox.js';
import { notFound } from '../../platform/http/errors.js';
import type { Db, Platform } from '../../platform/platform.js';
import { DESK_TOPIC, type IncidentService } from '../incident-service.js';
import { incidentsInOpenProblem, problemClosed, unknownIncidents } from './problem-errors.js';
import type { ProblemExports } from './problem-export.js';
import { notifyRequesters } from './problem-mail.js';
import { toProblem, toProblemDetail } from './problem-mappers.js';
import { OPEN_INCIDENT_STATUSES, problemRepository } from './problem-repository.js';
import type { ProblemsDb } from './tables.js';

const actorOf = (ctx: RequestContext) => ({
  actor_id: ctx.actor?.userId ?? null,
  actor_name: ctx.actor?.displayName ?? 'Kontor',
});

/** A problem to open: by an agent from incidents they chose, or by a rule from those it counted. */
export interface NewProblem {
  title: string;
  description: string;
  categoryId: string | null;
  incidentIds: readonly string[];
  /** The rule that opens it, and what it counted; absent when an agent does. */
  rule?: { id: string; key: string; name: string };
}

const isOpenStatus = (status: string) => (OPEN_INCIDENT_STATUSES as readonly string[]).includes(status);

/** Problems (проблемы): agents open, link, close and export them; rules open them (problem-rules.ts). */
export class ProblemService {
  readonly #db: ProblemsDb;

  constructor(
    private readonly platform: Platform,
    private readonly incidents: IncidentService,
    private readonly exports: ProblemExports,
  ) {
    this.#db = platform.db as ProblemsDb;
  }

  async list(_ctx: RequestContext, query: z.output<typeof problemQuery>): Promise<{ problems: DeskProblem[] }> {
    const rows = await problemRepository.list(this.#db, query.status, query.limit);
    const exports = await problemRepository.latestExports(
      this.#db,
      rows.map((row) => row.id),
    );
    return { problems: rows.map((row) => toProblem(row, exports.get(row.id))) };
  }

  async get(_ctx: RequestContext, id: string, db: ProblemsDb = this.#db): Promise<ProblemDetail> {
    const row = await problemRepository.get(db, id);
    if (!row) throw notFound('The problem');
    const [exports, incidents, timeline] = await Promise.all([
      problemRepository.latestExports(db, [id]),
      problemRepository.incidents(db, id),
      problemRepository.timeline(db, id),
    ]);
    return toProblemDetail(row, exports.get(id), incidents, timeline);
  }

  async create(ctx: RequestContext, input: z.output<typeof problemInput>): Promise<ProblemDetail> {
    return this.platform.transaction(async (trx) => {
      await this.#linkable(trx as ProblemsDb, input.incidentIds);
      const id = await this.open(trx, ctx, { ...input, categoryId: null });
      return this.get(ctx, id, trx as ProblemsDb);
    });
  }

  /** Opens a problem inside the caller's transaction, its incidents already checked as linkable. */
  async open(trx: Db, ctx: RequestContext, problem: NewProblem): Promise<string> {
    const db = trx as ProblemsDb;
    const id = randomUUID();
    const actor = problem.rule ? { actor_id: null, actor_name: problem.rule.name } : actorOf(ctx);
    await problemRepository.insert(db, {
      id,
      title: problem.title,
      description: problem.description,
      category_id: problem.categoryId,
      rule_id: problem.rule?.id ?? null,
      rule_key: problem.rule?.key ?? null,
      created_by: actor.actor_id,
      created_by_name: actor.actor_name,
    });
    await problemRepository.addActivity(db, { problem_id: id, kind: 'created', ...actor });
    await this.#link(db, id, problem.incidentIds, actor);
    const stored = await problemRepository.get(db, id);
    await this.platform.audit.record(trx, ctx, {
      action: 'desk.problem.create',
      entity: 'desk.problem',
      entityId: id,
      after: {
        number: Number(stored?.number),
        title: problem.title,
        ruleId: problem.rule?.id ?? null,
        incidentIds: problem.incidentIds,
      },
    });
    await this.#changed(trx, id, 'created');
    if (this.exports.automatic) await this.exports.enqueue(trx, ctx, await this.get(ctx, id, db));
    return id;
  }

  async link(ctx: RequestContext, id: string, incidentIds: readonly string[]): Promise<ProblemDetail> {
    return this.platform.transaction(async (trx) => {
      const db = trx as ProblemsDb;
      await this.#openProblem(db, id);
      await this.#linkable(db, incidentIds);
      await this.join(trx, ctx, id, incidentIds);
      return this.get(ctx, id, db);
    });
  }

  /** Links incidents to an open problem inside the caller's transaction (an agent's link, a rule's later match). */
  async join(trx: Db, ctx: RequestContext, id: string, incidentIds: readonly string[], actorName?: string) {
    const db = trx as ProblemsDb;
    const actor = actorName ? { actor_id: null, actor_name: actorName } : actorOf(ctx);
    await this.#link(db, id, incidentIds, actor);
    await problemRepository.touch(db, id);
    await this.platform.audit.record(trx, ctx, {
      action: 'desk.problem.link',
      entity: 'desk.problem',
      entityId: id,
      after: { incidentIds },
    });
    await this.#changed(trx, id, 'updated');
  }

  async unlink(ctx: RequestContext, id: string, incidentId: string): Promise<ProblemDetail> {
    return this.platform.transaction(async (trx) => {
      const db = trx as ProblemsDb;
      await this.#openProblem(db, id);
      if (!(await problemRepository.unlink(db, id, incidentId))) throw notFound('The linked incident');
      await problemRepository.addActivity(db, {
        problem_id: id,
        kind: 'unlinked',
        incident_id: incidentId,
        ...actorOf(ctx),
      });
      await problemRepository.touch(db, id);
      await this.platform.audit.record(trx, ctx, {
        action: 'desk.problem.unlink',
        entity: 'desk.problem',
        entityId: id,
        before: { incidentIds: [incidentId] },
      });
      await this.#changed(trx, id, 'updated');
      return this.get(ctx, id, db);
    });
  }

  /**
   * Closes the problem and, in the same transaction, resolves every still-open linked incident with the resolution
   * as a public reply (which the channels and notifications carry to the requesters). Closing a closed problem
   * changes nothing and answers it as it is.
   */
  async close(ctx: RequestContext, id: string, input: z.output<typeof problemCloseInput>): Promise<ProblemDetail> {
    return this.platform.transaction(async (trx) => {
      const db = trx as ProblemsDb;
      if (!(await problemRepository.lock(db, id))) throw notFound('The problem');
      const before = await this.get(ctx, id, db);
      if (before.status === 'closed') return before;
      const linked = await problemRepository.incidents(db, id);
      const resolving = linked.filter((incident) => isOpenStatus(incident.status));
      for (const incident of resolving)
        await this.incidents.move(trx, ctx, incident.id, { status: 'resolved', comment: input.resolution });
      await problemRepository.close(db, id, { resolution: input.resolution, closedBy: ctx.actor?.userId ?? null });
      await problemRepository.addActivity(db, {
        problem_id: id,
        kind: 'closed',
        body: input.resolution,
        ...actorOf(ctx),
      });
      await notifyRequesters(trx, this.platform.mail, {
        problem: before,
        resolution: input.resolution,
        incidents: resolving,
      });
      await this.platform.audit.record(trx, ctx, {
        action: 'desk.problem.close',
        entity: 'desk.problem',
        entityId: id,
        before: { status: 'open' },
        after: {
          status: 'closed',
          resolution: input.resolution,
          resolvedIncidentIds: resolving.map((incident) => incident.id),
        },
      });
      await this.#changed(trx, id, 'closed');
      return this.get(ctx, id, db);
    });
  }

  /** Sends the problem and its incidents to the task manager (problem-export.ts), after commit. */
  async export(ctx: RequestContext, id: string): Promise<ProblemDetail> {
    this.exports.ensureConfigured();
    return this.platform.transaction(async (trx) => {
      const db = trx as ProblemsDb;
      if (!(await problemRepository.lock(db, id))) throw notFound('The problem');
      await this.exports.enqueue(trx, ctx, await this.get(ctx, id, db));
      return this.get(ctx, id, db);
    });
  }

  async #changed(trx: Db, problemId: string, change: DeskProblemEvent['change']) {
    await Outbox.add(trx, DESK_TOPIC, { problemId, change } satisfies DeskProblemEvent);
  }

  async #openProblem(db: ProblemsDb, id: string) {
    if (!(await problemRepository.lock(db, id))) throw notFound('The problem');
    const row = await problemRepository.get(db, id);
    if (row?.status !== 'open') throw problemClosed();
  }

  async #link(db: ProblemsDb, id: string, incidentIds: readonly string[], actor: ReturnType<typeof actorOf>) {
    await problemRepository.link(db, id, incidentIds);
    for (const incidentId of incidentIds)
      await problemRepository.addActivity(db, { problem_id: id, kind: 'linked', incident_id: incidentId, ...actor });
  }

  /** Every incident exists and is in no open problem; locked until the transaction ends, so it stays so. */
  async #linkable(db: ProblemsDb, incidentIds: readonly string[]) {
    const found = new Map((await problemRepository.incidentsByIds(db, incidentIds, true)).map((row) => [row.id, row]));
    const missing = incidentIds.flatMap((incidentId, index) =>
      found.has(incidentId) ? [] : [{ path: `body.incidentIds.${index}`, message: 'is not an incident' }],
    );
    if (missing.length > 0) throw unknownIncidents(missing);
    const taken = incidentIds.flatMap((incidentId, index) => {
      const openProblem = found.get(incidentId)?.open_problem_number;
      return openProblem === null || openProblem === undefined
        ? []
        : [
            {
              path: `body.incidentIds.${index}`,
              message: `is in the open problem ${problemReference(Number(openProblem))}`,
            },
          ];
    });
    if (taken.length > 0) throw incidentsInOpenProblem(taken);
  }
}

import { randomUUID } from 'node:crypto';
import type { ProblemRule, problemRuleInput, problemRulePatch } from '@kontor/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { RequestContext } from '../../platform/context.js';
import { notFound } from '../../platform/http/errors.js';
import type { Db, Platform } from '../../platform/platform.js';
import { unprocessable } from '../errors.js';
import type { IncidentChange, IncidentObserver } from '../incident-service.js';
import type { StoredIncident } from '../tables.js';
import { toRule } from './problem-mappers.js';
import { OPEN_INCIDENT_STATUSES, ruleRepository } from './problem-repository.js';
import type { ProblemService } from './problem-service.js';
import type { ProblemsDb, StoredRule } from './tables.js';

/** The first key of the advisory locks that serialise one rule's evaluation per key (an arbitrary constant). */
const RULE_LOCK_SPACE = 60006;

/** What a rule counts the incident under: its category, or its client reference; null when it does not apply. */
function ruleKey(rule: StoredRule, incident: StoredIncident): string | null {
  if (rule.kind === 'client') return incident.client_ref || null;
  if (!incident.category_id) return null;
  return rule.category_id === null || rule.category_id === incident.category_id ? incident.category_id : null;
}

const keyChanged = (change: IncidentChange) =>
  change.before !== undefined &&
  (change.before.category_id !== change.incident.category_id ||
    change.before.client_ref !== change.incident.client_ref);

/**
 * The administrators' rules ("≥ N incidents of one category or client within T minutes") and their evaluation,
 * an IncidentObserver inside the transaction of each new incident and each change of its category or client.
 */
export class ProblemRules {
  readonly #db: ProblemsDb;

  constructor(
    private readonly platform: Platform,
    private readonly problems: ProblemService,
  ) {
    this.#db = platform.db as ProblemsDb;
  }

  async list(): Promise<{ rules: ProblemRule[] }> {
    return { rules: (await ruleRepository.all(this.#db)).map(toRule) };
  }

  async create(ctx: RequestContext, input: z.output<typeof problemRuleInput>): Promise<ProblemRule> {
    return this.platform.transaction(async (trx) => {
      const db = trx as ProblemsDb;
      await this.#checkCategory(db, input.categoryId);
      const id = randomUUID();
      await ruleRepository.insert(db, {
        id,
        name: input.name,
        kind: input.kind,
        category_id: input.categoryId,
        threshold: input.threshold,
        window_minutes: input.windowMinutes,
        active: input.active,
      });
      const rule = toRule((await ruleRepository.get(db, id)) as StoredRule);
      await this.platform.audit.record(trx, ctx, {
        action: 'desk.problem_rule.create',
        entity: 'desk.problem_rule',
        entityId: id,
        after: rule,
      });
      return rule;
    });
  }

  async update(ctx: RequestContext, id: string, patch: z.output<typeof problemRulePatch>): Promise<ProblemRule> {
    return this.platform.transaction(async (trx) => {
      const db = trx as ProblemsDb;
      const stored = await ruleRepository.get(db, id);
      if (!stored) throw notFound('The rule');
      const kind = patch.kind ?? stored.kind;
      const categoryId =
        kind === 'client' ? null : patch.categoryId !== undefined ? patch.categoryId : stored.category_id;
      if (kind === 'client' && patch.categoryId)
        throw unprocessable('client_rule_category', 'A client rule counts every category', [
          { path: 'body.categoryId', message: 'a client rule counts every category' },
        ]);
      if (categoryId !== stored.category_id) await this.#checkCategory(db, categoryId);
      await ruleRepository.update(db, id, {
        name: patch.name,
        kind,
        category_id: categoryId,
        threshold: patch.threshold,
        window_minutes: patch.windowMinutes,
        active: patch.active,
      });
      const after = toRule((await ruleRepository.get(db, id)) as StoredRule);
      await this.platform.audit.record(trx, ctx, {
        action: 'desk.problem_rule.update',
        entity: 'desk.problem_rule',
        entityId: id,
        before: toRule(stored),
        after,
      });
      return after;
    });
  }

  /** The observer to register with IncidentService.observe. */
  readonly observer: IncidentObserver = async (trx, change) => {
    if (change.kind === 'created' || (change.kind === 'updated' && keyChanged(change)))
      await this.#evaluate(trx, change.incident, change.ctx);
  };

  async #evaluate(trx: Db, incident: StoredIncident, ctx: RequestContext) {
    if (!(OPEN_INCIDENT_STATUSES as readonly string[]).includes(incident.status)) return;
    const db = trx as ProblemsDb;
    for (const rule of await ruleRepository.all(db, true)) {
      const key = ruleKey(rule, incident);
      if (!key) continue;
      // Two incidents arriving together take turns here; the second then sees the first, and its problem.
      await sql`select pg_advisory_xact_lock(${RULE_LOCK_SPACE}, hashtext(${`${rule.id}:${key}`}))`.execute(db);
      if (await this.#inOpenProblem(db, incident.id)) return;
      const window = sql<Date>`now() - make_interval(mins => ${rule.window_minutes})`;
      const open = await db
        .selectFrom('desk.problems as p')
        .select('p.id')
        .where('p.rule_id', '=', rule.id)
        .where('p.rule_key', '=', key)
        .where('p.status', '=', 'open')
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('desk.problem_incidents as l')
              .innerJoin('desk.incidents as i', 'i.id', 'l.incident_id')
              .select('l.incident_id')
              .whereRef('l.problem_id', '=', 'p.id')
              .where('i.created_at', '>', window),
          ),
        )
        .executeTakeFirst();
      if (open) {
        // The burst goes on: a later incident within the window of the problem's latest joins it.
        await this.problems.join(trx, ctx, open.id, [incident.id], rule.name);
        return;
      }
      let matching = db
        .selectFrom('desk.incidents as i')
        .select('i.id')
        .where('i.created_at', '>', window)
        .where('i.status', 'in', OPEN_INCIDENT_STATUSES)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('desk.problem_incidents as l')
                .select('l.incident_id')
                .whereRef('l.incident_id', '=', 'i.id')
                .where('l.problem_open', '=', true),
            ),
          ),
        );
      matching =
        rule.kind === 'client' ? matching.where('i.client_ref', '=', key) : matching.where('i.category_id', '=', key);
      // An incident someone else is changing right now is left out rather than waited for (no deadlock with them).
      const ids = (await matching.orderBy('i.created_at').orderBy('i.id').forUpdate().skipLocked().execute()).map(
        (row) => row.id,
      );
      if (!ids.includes(incident.id)) ids.push(incident.id);
      if (ids.length < rule.threshold) continue;
      const label = rule.kind === 'client' ? key : (incident.category_name ?? key);
      await this.problems.open(trx, ctx, {
        title: `${rule.name}: ${label}`.slice(0, 200),
        description: '',
        categoryId: rule.kind === 'category' ? key : null,
        incidentIds: ids,
        rule: { id: rule.id, key, name: rule.name },
      });
      return;
    }
  }

  async #inOpenProblem(db: ProblemsDb, incidentId: string) {
    const row = await db
      .selectFrom('desk.problem_incidents')
      .select('incident_id')
      .where('incident_id', '=', incidentId)
      .where('problem_open', '=', true)
      .executeTakeFirst();
    return row !== undefined;
  }

  async #checkCategory(db: ProblemsDb, categoryId: string | null) {
    if (!categoryId) return;
    const category = await db
      .selectFrom('desk.categories')
      .select('active')
      .where('id', '=', categoryId)
      .executeTakeFirst();
    if (!category?.active)
      throw unprocessable('unknown_category', 'There is no such category in use', [
        { path: 'body.categoryId', message: 'is not a category in use' },
      ]);
  }
}

import { randomUUID } from 'node:crypto';
import {
  type DeskEvent,
  type IncidentChannel,
  type IncidentDetail,
  type IncidentStatus,
  type incidentCommentInput,
  type incidentInput,
  type incidentPage,
  type incidentPatch,
  type incidentQuery,
  type incidentStatusChange,
  incidentTransitions,
} from '@kontor/contracts';
import type { RawBuilder } from 'kysely';
import type { z } from 'zod';
import { activeUsers, activeUsersHolding } from '../identity/index.js';
import { hasPermission, type RequestContext } from '../platform/context.js';
import { Outbox } from '../platform/events/outbox.js';
import { forbidden, notFound } from '../platform/http/errors.js';
import type { Db, Platform } from '../platform/platform.js';
import { attachmentsRepository } from './attachments/attachments-repository.js';
import { agentOnly, badTransition, unprocessable } from './errors.js';
import { encodeCursor } from './incident-paging.js';
import { incidentsRepository } from './incidents-repository.js';
import { incidentSearchText, toDetail, toIncident } from './mappers.js';
import type { DeskDb, ListTable, StoredIncident } from './tables.js';

export const DESK_TOPIC = 'desk';
export const AGENT = 'desk.agent';
export const REQUEST = 'desk.request';

/** Compiles the filter language into a condition over `desk.incidents as i` (query-fields.ts binds it). */
export type FilterCompiler = (input: string, context: { userId: string | null; now: Date }) => RawBuilder<boolean>;

const isAgent = (ctx: RequestContext) => hasPermission(ctx.actor, AGENT);
const actorOf = (ctx: RequestContext) => ({
  actor_id: ctx.actor?.userId ?? null,
  actor_name: ctx.actor?.displayName ?? 'Kontor',
});

type Patch = z.output<typeof incidentPatch>;

/** A new incident as every way in gives it: the web form's fields, its requester resolved, and its channel. */
export type NewIncident = Omit<
  z.output<typeof incidentInput>,
  'requesterUserId' | 'requesterName' | 'requesterEmail'
> & {
  requester: { requester_user_id: string | null; requester_name: string; requester_email: string | null };
  channel?: IncidentChannel;
  /** Where public replies go back: an e-mail address, a Telegram chat id, a phone number. */
  channelAddress?: string | null;
};

/** What changed in one incident, told to the desk's other parts inside the transaction that changed it. */
export interface IncidentChange {
  kind: DeskEvent['change'];
  /** The incident after the change. */
  incident: StoredIncident;
  /** Before it, for `updated` and `status`. */
  before?: StoredIncident;
  /** For `comment`, and for `status` when a reply went with the move (then `withStatus` names the new status). */
  comment?: { body: string; internal: boolean; byAgent: boolean; withStatus?: IncidentStatus };
  ctx: RequestContext;
}
export type IncidentObserver = (trx: Db, change: IncidentChange) => Promise<void>;
/** The fields of a patch, each with how the timeline names its value. */
const PATCH_FIELDS = [
  'title',
  'description',
  'priority',
  'categoryId',
  'groupId',
  'assigneeId',
  'labels',
  'clientRef',
  'orderRef',
] as const;
const TIMELINE_FIELD: Record<(typeof PATCH_FIELDS)[number], string> = {
  title: 'title',
  description: 'description',
  priority: 'priority',
  categoryId: 'category',
  groupId: 'group',
  assigneeId: 'assignee',
  labels: 'labels',
  clientRef: 'client',
  orderRef: 'order',
};

/** Incidents (обращения): agents work all of them; requesters report and follow their own. */
export class IncidentService {
  readonly #db: DeskDb;
  readonly #observers: IncidentObserver[] = [];
  constructor(
    private readonly platform: Platform,
    private readonly compileFilter: FilterCompiler,
  ) {
    this.#db = platform.db as DeskDb;
  }

  async create(ctx: RequestContext, input: z.output<typeof incidentInput>): Promise<IncidentDetail> {
    if (!isAgent(ctx)) {
      const agentFields = (['requesterUserId', 'requesterName', 'requesterEmail', 'assigneeId', 'groupId'] as const)
        .filter((key) => input[key] !== undefined && input[key] !== null)
        .map((key) => `body.${key}`);
      if (agentFields.length > 0) throw agentOnly(agentFields);
    }
    const requester = await this.#requester(ctx, input);
    const id = await this.platform.transaction(
      async (trx) => (await this.insert(trx, ctx, { ...input, requester })).id,
    );
    return this.get(ctx, id);
  }

  /** Creates an incident inside the caller's transaction: the web form, and every channel's first message. */
  async insert(trx: Db, ctx: RequestContext, input: NewIncident): Promise<StoredIncident> {
    const db = trx as DeskDb;
    const id = randomUUID();
    await this.#checkList(db, 'desk.categories', input.categoryId, 'body.categoryId');
    await this.#checkList(db, 'desk.groups', input.groupId, 'body.groupId');
    const assignee = input.assigneeId ? await this.#agent(db, input.assigneeId, 'body.assigneeId') : null;
    const row = {
      id,
      number: await incidentsRepository.nextNumber(db),
      title: input.title,
      description: input.description,
      priority: input.priority,
      category_id: input.categoryId ?? null,
      group_id: input.groupId ?? null,
      assignee_id: assignee?.id ?? null,
      assignee_name: assignee?.name ?? null,
      ...input.requester,
      client_ref: input.clientRef,
      order_ref: input.orderRef,
      labels: input.labels,
      channel: input.channel ?? 'web',
      channel_address: input.channelAddress ?? null,
      created_by: ctx.actor?.userId ?? null,
    };
    await incidentsRepository.insert(db, { ...row, search_text: incidentSearchText(row) });
    await incidentsRepository.addActivity(db, {
      incident_id: id,
      kind: 'change',
      field: 'status',
      from_value: null,
      to_value: 'new',
      ...actorOf(ctx),
    });
    if (isAgent(ctx))
      await this.platform.audit.record(trx, ctx, {
        action: 'desk.incident.create',
        entity: 'desk.incident',
        entityId: id,
        after: { number: row.number, title: input.title, priority: input.priority },
      });
    const stored = (await incidentsRepository.get(db, id)) as StoredIncident;
    await this.#changed(trx, { kind: 'created', incident: stored, ctx });
    return stored;
  }

  async list(ctx: RequestContext, query: z.output<typeof incidentQuery>): Promise<z.output<typeof incidentPage>> {
    const agent = isAgent(ctx);
    const ownOnly = !agent || query.mine;
    const userId = ctx.actor?.userId ?? null;
    if (ownOnly && !userId) return { incidents: [], total: 0 };
    const q = query.q?.trim();
    let where: RawBuilder<boolean> | undefined;
    if (q) where = this.compileFilter(q, { userId, now: new Date() });
    const page = await incidentsRepository.list(this.#db, {
      requesterUserId: ownOnly ? (userId ?? undefined) : undefined,
      where,
      sort: query.sort,
      limit: query.limit,
      cursor: query.cursor,
    });
    const last = page.rows.at(-1);
    return {
      incidents: page.rows.map(toIncident),
      total: page.total,
      ...(page.totalCapped ? { totalCapped: true as const } : {}),
      ...(page.more && last ? { nextCursor: encodeCursor(query.sort, last) } : {}),
    };
  }

  /** An incident with its timeline; a requester sees only their own, and no internal notes. */
  async get(ctx: RequestContext, id: string, db: DeskDb = this.#db): Promise<IncidentDetail> {
    const row = await incidentsRepository.get(db, id);
    const agent = isAgent(ctx);
    if (!row || (!agent && (!ctx.actor?.userId || row.requester_user_id !== ctx.actor.userId)))
      throw notFound('The incident');
    return toDetail(row, await incidentsRepository.timeline(db, id, agent), await attachmentsRepository.list(db, id));
  }

  async update(ctx: RequestContext, id: string, patch: Patch): Promise<IncidentDetail> {
    return this.platform.transaction(async (trx) => {
      const db = trx as DeskDb;
      const before = await this.#locked(db, id);
      const changes: Record<string, unknown> = {};
      const lines: Array<{ field: string; from: string | null; to: string | null }> = [];
      const beforeAudit: Record<string, unknown> = {};
      const afterAudit: Record<string, unknown> = {};
      const record = (
        key: (typeof PATCH_FIELDS)[number],
        from: unknown,
        to: unknown,
        shownFrom: string | null,
        shownTo: string | null,
      ) => {
        beforeAudit[key] = from;
        afterAudit[key] = to;
        // The description can be long: the timeline says that it changed, the audit log keeps both texts.
        if (key === 'description') lines.push({ field: 'description', from: null, to: null });
        else lines.push({ field: TIMELINE_FIELD[key], from: shownFrom, to: shownTo });
      };
      const plain = [
        ['title', 'title'],
        ['description', 'description'],
        ['priority', 'priority'],
        ['clientRef', 'client_ref'],
        ['orderRef', 'order_ref'],
      ] as const;
      for (const [key, column] of plain) {
        const value = patch[key];
        if (value === undefined || value === before[column]) continue;
        changes[column] = value;
        record(key, before[column], value, before[column] || null, value || null);
      }
      if (patch.labels && patch.labels.join('\u0000') !== before.labels.join('\u0000')) {
        changes.labels = patch.labels;
        record(
          'labels',
          before.labels,
          patch.labels,
          before.labels.join(', ') || null,
          patch.labels.join(', ') || null,
        );
      }
      if (patch.categoryId !== undefined && patch.categoryId !== before.category_id) {
        const category = await this.#checkList(db, 'desk.categories', patch.categoryId, 'body.categoryId');
        changes.category_id = patch.categoryId;
        record('categoryId', before.category_id, patch.categoryId, before.category_name, category?.name ?? null);
      }
      if (patch.groupId !== undefined && patch.groupId !== before.group_id) {
        const group = await this.#checkList(db, 'desk.groups', patch.groupId, 'body.groupId');
        changes.group_id = patch.groupId;
        record('groupId', before.group_id, patch.groupId, before.group_name, group?.name ?? null);
      }
      if (patch.assigneeId !== undefined && patch.assigneeId !== before.assignee_id) {
        const assignee = patch.assigneeId ? await this.#agent(db, patch.assigneeId, 'body.assigneeId') : null;
        changes.assignee_id = assignee?.id ?? null;
        changes.assignee_name = assignee?.name ?? null;
        record('assigneeId', before.assignee_id, assignee?.id ?? null, before.assignee_name, assignee?.name ?? null);
      }
      if (lines.length === 0) return this.get(ctx, id, db);
      const merged = { ...before, ...changes } as StoredIncident;
      await incidentsRepository.update(db, id, { ...changes, search_text: incidentSearchText(merged) });
      for (const line of lines)
        await incidentsRepository.addActivity(db, {
          incident_id: id,
          kind: 'change',
          field: line.field,
          from_value: line.from,
          to_value: line.to,
          ...actorOf(ctx),
        });
      await this.platform.audit.record(trx, ctx, {
        action: 'desk.incident.update',
        entity: 'desk.incident',
        entityId: id,
        before: beforeAudit,
        after: afterAudit,
      });
      await this.#changed(trx, {
        kind: 'updated',
        incident: (await incidentsRepository.get(db, id)) as StoredIncident,
        before,
        ctx,
      });
      return this.get(ctx, id, db);
    });
  }

  /** Moves the incident along `incidentTransitions`; a comment goes with it as a public reply. */
  async changeStatus(
    ctx: RequestContext,
    id: string,
    change: z.output<typeof incidentStatusChange>,
  ): Promise<IncidentDetail> {
    return this.platform.transaction(async (trx) => {
      await this.move(trx, ctx, id, change);
      return this.get(ctx, id, trx as DeskDb);
    });
  }

  /** `changeStatus` inside the caller's transaction (a problem resolving its incidents, a requester's reply). */
  async move(trx: Db, ctx: RequestContext, id: string, change: z.output<typeof incidentStatusChange>) {
    const db = trx as DeskDb;
    const before = await this.#locked(db, id);
    const allowed: readonly IncidentStatus[] = incidentTransitions[before.status];
    if (!allowed.includes(change.status)) throw badTransition(before.status, change.status);
    await incidentsRepository.setStatus(db, id, change.status);
    await incidentsRepository.addActivity(db, {
      incident_id: id,
      kind: 'change',
      field: 'status',
      from_value: before.status,
      to_value: change.status,
      ...actorOf(ctx),
    });
    if (change.comment) await this.#addComment(db, ctx, id, change.comment, false, isAgent(ctx));
    await this.platform.audit.record(trx, ctx, {
      action: 'desk.incident.status',
      entity: 'desk.incident',
      entityId: id,
      before: { status: before.status },
      after: { status: change.status },
    });
    const incident = (await incidentsRepository.get(db, id)) as StoredIncident;
    const comment = change.comment
      ? { body: change.comment, internal: false, byAgent: isAgent(ctx), withStatus: change.status }
      : undefined;
    await this.#changed(trx, { kind: 'status', incident, before, ctx, comment });
    if (comment) await this.#changed(trx, { kind: 'comment', incident, ctx, comment });
  }

  async comment(
    ctx: RequestContext,
    id: string,
    input: z.output<typeof incidentCommentInput>,
  ): Promise<IncidentDetail> {
    // Throws 404 before anything is written when a requester names someone else's incident.
    await this.get(ctx, id);
    return this.platform.transaction(async (trx) => {
      await this.addComment(trx, ctx, id, input.body, isAgent(ctx) && input.internal);
      return this.get(ctx, id, trx as DeskDb);
    });
  }

  /** A comment inside the caller's transaction; only an agent's comment can be internal or count as a response. */
  async addComment(trx: Db, ctx: RequestContext, id: string, body: string, internal: boolean) {
    const db = trx as DeskDb;
    const byAgent = isAgent(ctx);
    await this.#locked(db, id);
    await this.#addComment(db, ctx, id, body, byAgent && internal, byAgent);
    await incidentsRepository.touch(db, id);
    const incident = (await incidentsRepository.get(db, id)) as StoredIncident;
    await this.#changed(trx, {
      kind: 'comment',
      incident,
      ctx,
      comment: { body, internal: byAgent && internal, byAgent },
    });
  }

  /** Another part of the desk (notifications, channels, SLA) follows every change, inside its transaction. */
  observe(observer: IncidentObserver) {
    this.#observers.push(observer);
  }

  async #changed(trx: Db, change: IncidentChange) {
    for (const observer of this.#observers) await observer(trx, change);
    await Outbox.add(trx, DESK_TOPIC, { incidentId: change.incident.id, change: change.kind } satisfies DeskEvent);
  }

  /** The users who hold desk.agent: whom an incident can be assigned to. */
  async agents(db: Db = this.#db): Promise<Array<{ id: string; name: string }>> {
    const agents = (await activeUsersHolding(db, AGENT)).map((user) => ({ id: user.id, name: user.displayName }));
    return agents.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  }

  async #addComment(db: DeskDb, ctx: RequestContext, id: string, body: string, internal: boolean, byAgent: boolean) {
    await incidentsRepository.addActivity(db, { incident_id: id, kind: 'comment', internal, body, ...actorOf(ctx) });
    if (byAgent && !internal) await incidentsRepository.markFirstResponse(db, id);
  }

  async #locked(db: DeskDb, id: string): Promise<StoredIncident> {
    if (!(await incidentsRepository.lock(db, id))) throw notFound('The incident');
    return (await incidentsRepository.get(db, id)) as StoredIncident;
  }

  async #requester(ctx: RequestContext, input: z.output<typeof incidentInput>) {
    if (input.requesterUserId) {
      const user = (await activeUsers(this.#db)).find((candidate) => candidate.id === input.requesterUserId);
      if (!user)
        throw unprocessable('unknown_user', 'No active user has this id', [
          { path: 'body.requesterUserId', message: 'is not an active user' },
        ]);
      return { requester_user_id: user.id, requester_name: user.displayName, requester_email: null };
    }
    if (input.requesterName)
      return {
        requester_user_id: null,
        requester_name: input.requesterName,
        requester_email: input.requesterEmail ?? null,
      };
    if (input.requesterEmail)
      throw unprocessable('requester_name_missing', 'An external requester needs a name', [
        { path: 'body.requesterName', message: 'is required with requesterEmail' },
      ]);
    if (!ctx.actor?.userId) throw forbidden(REQUEST);
    return { requester_user_id: ctx.actor.userId, requester_name: ctx.actor.displayName, requester_email: null };
  }

  /** The category or group, which must exist and be in use; null clears it. */
  async #checkList(db: DeskDb, table: ListTable, id: string | null | undefined, path: string) {
    if (!id) return null;
    const entry = await db.selectFrom(table).select(['id', 'name', 'active']).where('id', '=', id).executeTakeFirst();
    if (!entry?.active) {
      const what = table === 'desk.categories' ? 'category' : 'group';
      throw unprocessable(`unknown_${what}`, `There is no such ${what} in use`, [
        { path, message: `is not a ${what} in use` },
      ]);
    }
    return entry;
  }

  async #agent(db: DeskDb, id: string, path: string) {
    const agent = (await this.agents(db)).find((candidate) => candidate.id === id);
    if (!agent)
      throw unprocessable('unknown_assignee', 'Incidents are assigned to service desk agents only', [
        { path, message: 'is not a service desk agent' },
      ]);
    return agent;
  }
}

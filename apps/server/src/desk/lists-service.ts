import { randomUUID } from 'node:crypto';
import type { DeskListEntry } from '@kontor/contracts';
import { activeUsersHolding } from '../identity/index.js';
import type { RequestContext } from '../platform/context.js';
import { notFound } from '../platform/http/errors.js';
import type { Platform } from '../platform/platform.js';
import { nameTaken, unprocessable } from './errors.js';
import { groupMembersRepository } from './group-members-repository.js';
import { AGENT } from './incident-service.js';
import { listsRepository } from './incidents-repository.js';
import type { DeskDb, ListTable } from './tables.js';

const ENTITY: Record<ListTable, string> = { 'desk.categories': 'desk.category', 'desk.groups': 'desk.group' };

/** Categories and groups, kept by desk administrators; every change is audited with before and after. */
export class DeskListsService {
  readonly #db: DeskDb;

  constructor(private readonly platform: Platform) {
    this.#db = platform.db as DeskDb;
  }

  list = async (_ctx: RequestContext, table: ListTable) => ({ entries: await listsRepository.all(this.#db, table) });

  async create(
    ctx: RequestContext,
    table: ListTable,
    input: { name: string; active: boolean },
  ): Promise<DeskListEntry> {
    return this.platform.transaction(async (trx) => {
      const db = trx as DeskDb;
      if (await listsRepository.byName(db, table, input.name)) throw nameTaken('body.name', input.name);
      const entry = { id: randomUUID(), name: input.name, active: input.active };
      await listsRepository.insert(db, table, entry);
      await this.platform.audit.record(trx, ctx, {
        action: `${ENTITY[table]}.create`,
        entity: ENTITY[table],
        entityId: entry.id,
        after: entry,
      });
      return entry;
    });
  }

  async update(
    ctx: RequestContext,
    table: ListTable,
    id: string,
    patch: { name?: string; active?: boolean },
  ): Promise<DeskListEntry> {
    return this.platform.transaction(async (trx) => {
      const db = trx as DeskDb;
      const before = await listsRepository.get(db, table, id);
      if (!before) throw notFound(table === 'desk.categories' ? 'The category' : 'The group');
      if (patch.name !== undefined) {
        const twin = await listsRepository.byName(db, table, patch.name);
        if (twin && twin.id !== id) throw nameTaken('body.name', patch.name);
      }
      await listsRepository.update(db, table, id, patch);
      const after = { ...before, ...patch };
      await this.platform.audit.record(trx, ctx, {
        action: `${ENTITY[table]}.update`,
        entity: ENTITY[table],
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  /** The agents who work in a group, by name. */
  async members(_ctx: RequestContext, groupId: string, db: DeskDb = this.#db) {
    await this.#group(db, groupId);
    const ids = new Set(await groupMembersRepository.ofGroup(db, groupId));
    const agents = await activeUsersHolding(db, AGENT);
    const collator = new Intl.Collator('sv');
    return {
      members: agents
        .filter((agent) => ids.has(agent.id))
        .map((agent) => ({ id: agent.id, name: agent.displayName }))
        .sort((a, b) => collator.compare(a.name, b.name)),
    };
  }

  /** Replaces a group's members; only service desk agents can be members (422 naming each one who is not). */
  async setMembers(ctx: RequestContext, groupId: string, userIds: readonly string[]) {
    return this.platform.transaction(async (trx) => {
      const db = trx as DeskDb;
      await this.#group(db, groupId);
      const agentIds = new Set((await activeUsersHolding(db, AGENT)).map((agent) => agent.id));
      const strangers = userIds.flatMap((id, index) =>
        agentIds.has(id) ? [] : [{ path: `body.userIds.${index}`, message: 'is not a service desk agent' }],
      );
      if (strangers.length > 0)
        throw unprocessable('not_an_agent', 'Only service desk agents can be members of a group', strangers);
      const before = (await groupMembersRepository.ofGroup(db, groupId)).sort();
      const after = [...new Set(userIds)].sort();
      await groupMembersRepository.replace(db, groupId, after);
      await this.platform.audit.record(trx, ctx, {
        action: 'desk.group.members',
        entity: 'desk.group',
        entityId: groupId,
        before: { members: before },
        after: { members: after },
      });
      return this.members(ctx, groupId, db);
    });
  }

  /** The groups in use a user works in: for shared filters, notifications and boards. */
  groupsOf = (userId: string): Promise<string[]> => groupMembersRepository.groupsOf(this.#db, userId);

  async #group(db: DeskDb, id: string) {
    const group = await listsRepository.get(db, 'desk.groups', id);
    if (!group) throw notFound('The group');
    return group;
  }
}

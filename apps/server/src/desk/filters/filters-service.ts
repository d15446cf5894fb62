import { randomUUID } from 'node:crypto';
import type { SavedFilter, savedFilterInput, savedFilterPatch } from '@kontor/contracts';
import type { z } from 'zod';
import { hasPermission, type RequestContext } from '../../platform/context.js';
import { AppError, notFound, unauthenticated } from '../../platform/http/errors.js';
import type { Db, Platform } from '../../platform/platform.js';
import { unprocessable } from '../errors.js';
import { listsRepository } from '../incidents-repository.js';
import { checkFilterText } from './filter-text.js';
import { filtersRepository } from './filters-repository.js';
import type { FiltersDb, StoredFilter } from './tables.js';

export const DESK_ADMIN = 'desk.admin';

const notOwner = () =>
  new AppError(403, 'desk.filter_not_owner', 'Only the owner of a shared filter (or a desk administrator) changes it');
const notMember = (path: string) =>
  new AppError(403, 'desk.not_group_member', 'A filter is shared only with a group one is a member of', {
    errors: [{ path, message: 'you are not a member of this group', code: 'not_group_member' }],
  });

const userOf = (ctx: RequestContext) => {
  const userId = ctx.actor?.userId;
  if (!userId) throw unauthenticated();
  return userId;
};

/** Saved filters: private to their owner or shared with one desk group; only the owner or a desk admin edits. */
export class SavedFilterService {
  readonly #db: FiltersDb;

  constructor(private readonly platform: Platform) {
    this.#db = platform.db as FiltersDb;
  }

  /** Mine and those shared with my groups: pinned first, then by position, then by name. */
  async list(ctx: RequestContext): Promise<SavedFilter[]> {
    const userId = userOf(ctx);
    const collator = new Intl.Collator(ctx.locale);
    return (await filtersRepository.visibleTo(this.#db, userId))
      .map((row) => this.#toFilter(ctx, row))
      .sort(
        (a, b) => Number(b.pinned) - Number(a.pinned) || a.position - b.position || collator.compare(a.name, b.name),
      );
  }

  async get(ctx: RequestContext, id: string): Promise<SavedFilter> {
    return this.#toFilter(ctx, await this.#visible(this.#db, ctx, id));
  }

  /** A filter the caller may read (theirs, shared with their group, or any for a desk admin) — for boards too. */
  async visible(db: FiltersDb, ctx: RequestContext, id: string): Promise<StoredFilter | undefined> {
    const row = await filtersRepository.get(db, id);
    if (!row) return undefined;
    const userId = userOf(ctx);
    if (row.owner_id === userId || hasPermission(ctx.actor, DESK_ADMIN)) return row;
    if (row.group_id && (await filtersRepository.isMember(db, row.group_id, userId))) return row;
    return undefined;
  }

  async create(ctx: RequestContext, input: z.output<typeof savedFilterInput>): Promise<SavedFilter> {
    const userId = userOf(ctx);
    checkFilterText(input.query, 'body.query', userId);
    const id = randomUUID();
    await this.platform.transaction(async (trx) => {
      const db = trx as FiltersDb;
      if (input.groupId) await this.#checkShare(db, ctx, input.groupId);
      const row = {
        id,
        owner_id: userId,
        owner_name: ctx.actor?.displayName ?? '',
        name: input.name,
        query: input.query,
        group_id: input.groupId ?? null,
        pinned: input.pinned,
        position: input.position,
      };
      await filtersRepository.insert(db, row);
      await this.#audit(trx, ctx, 'create', id, undefined, row);
    });
    return this.get(ctx, id);
  }

  async update(ctx: RequestContext, id: string, patch: z.output<typeof savedFilterPatch>): Promise<SavedFilter> {
    if (patch.query !== undefined) checkFilterText(patch.query, 'body.query', userOf(ctx));
    await this.platform.transaction(async (trx) => {
      const db = trx as FiltersDb;
      const before = await this.#editable(db, ctx, id);
      if (patch.groupId && patch.groupId !== before.group_id) await this.#checkShare(db, ctx, patch.groupId);
      const changes = {
        name: patch.name,
        query: patch.query,
        group_id: patch.groupId,
        pinned: patch.pinned,
        position: patch.position,
      };
      await filtersRepository.update(db, id, changes);
      await this.#audit(trx, ctx, 'update', id, before, { ...before, ...withoutUndefined(changes) });
    });
    return this.get(ctx, id);
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    await this.platform.transaction(async (trx) => {
      const db = trx as FiltersDb;
      const before = await this.#editable(db, ctx, id);
      await filtersRepository.remove(db, id);
      await this.#audit(trx, ctx, 'delete', id, before, undefined);
    });
  }

  /** Someone else's filter one can see is 403; one that is not shared with one is 404, as if it did not exist. */
  async #editable(db: FiltersDb, ctx: RequestContext, id: string): Promise<StoredFilter> {
    const row = await this.#visible(db, ctx, id);
    if (!this.#mayEdit(ctx, row)) throw notOwner();
    return row;
  }

  async #visible(db: FiltersDb, ctx: RequestContext, id: string): Promise<StoredFilter> {
    const row = await this.visible(db, ctx, id);
    if (!row) throw notFound('The saved filter');
    return row;
  }

  #mayEdit(ctx: RequestContext, row: StoredFilter) {
    return row.owner_id === ctx.actor?.userId || hasPermission(ctx.actor, DESK_ADMIN);
  }

  async #checkShare(db: FiltersDb, ctx: RequestContext, groupId: string) {
    const group = await listsRepository.get(db, 'desk.groups', groupId);
    if (!group)
      throw unprocessable('unknown_group', 'There is no such desk group', [
        { path: 'body.groupId', message: 'is not a desk group' },
      ]);
    if (hasPermission(ctx.actor, DESK_ADMIN)) return;
    if (!(await filtersRepository.isMember(db, groupId, userOf(ctx)))) throw notMember('body.groupId');
  }

  async #audit(
    trx: Db,
    ctx: RequestContext,
    action: 'create' | 'update' | 'delete',
    id: string,
    before: object | undefined,
    after: object | undefined,
  ) {
    await this.platform.audit.record(trx, ctx, {
      action: `desk.filter.${action}`,
      entity: 'desk.filter',
      entityId: id,
      before: before ? auditView(before) : undefined,
      after: after ? auditView(after) : undefined,
    });
  }

  #toFilter(ctx: RequestContext, row: StoredFilter): SavedFilter {
    return {
      id: row.id,
      name: row.name,
      query: row.query,
      owner: { id: row.owner_id, name: row.owner_name },
      group: row.group_id && row.group_name !== null ? { id: row.group_id, name: row.group_name } : null,
      pinned: row.pinned,
      position: row.position,
      mine: row.owner_id === ctx.actor?.userId,
      editable: this.#mayEdit(ctx, row),
    };
  }
}

const withoutUndefined = (changes: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));

/** What the audit log keeps of a filter: what a person changes, not the bookkeeping. */
const auditView = (row: object) => {
  const { name, query, group_id, pinned, position, owner_id } = row as StoredFilter;
  return { name, query, groupId: group_id, pinned, position, ownerId: owner_id };
};

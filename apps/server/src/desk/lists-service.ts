import { randomUUID } from 'node:crypto';
import type { DeskListEntry } from '@kontor/contracts';
import type { RequestContext } from '../platform/context.js';
import { notFound } from '../platform/http/errors.js';
import type { Platform } from '../platform/platform.js';
import { nameTaken } from './errors.js';
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
}

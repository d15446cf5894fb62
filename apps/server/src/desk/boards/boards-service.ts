import { randomUUID } from 'node:crypto';
import type { Board, BoardColumn, BoardView, boardColumnInput, boardInput, boardPatch } from '@kontor/contracts';
import type { z } from 'zod';
import type { RequestContext } from '../../platform/context.js';
import { conflict, notFound, unauthenticated } from '../../platform/http/errors.js';
import type { Db, Platform } from '../../platform/platform.js';
import { unprocessable } from '../errors.js';
import { checkFilterText } from '../filters/filter-text.js';
import type { SavedFilterService } from '../filters/filters-service.js';
import { columnsWithCards } from './board-cards.js';
import { boardsRepository } from './boards-repository.js';
import { defaultBoard } from './default-board.js';
import type { BoardsDb, StoredBoard } from './tables.js';

type ColumnInput = z.output<typeof boardColumnInput>;

const userOf = (ctx: RequestContext) => {
  const userId = ctx.actor?.userId;
  if (!userId) throw unauthenticated();
  return userId;
};

const toBoard = (row: StoredBoard): Board => ({
  id: row.id,
  name: row.name,
  baseQuery: row.base_query,
  isDefault: row.is_default,
  columns: row.columns,
  updatedAt: new Date(row.updated_at).toISOString(),
});

/** Per-user kanban boards (docs/desk-boards.md); each agent's default board is made on their first visit. */
export class BoardService {
  readonly #db: BoardsDb;

  constructor(
    private readonly platform: Platform,
    private readonly filters: SavedFilterService,
  ) {
    this.#db = platform.db as BoardsDb;
  }

  /** The caller's boards, their default first (created now if this is their first visit). */
  async list(ctx: RequestContext): Promise<Board[]> {
    const userId = userOf(ctx);
    await this.#ensureDefault(ctx, userId);
    const collator = new Intl.Collator(ctx.locale);
    return (await boardsRepository.ofOwner(this.#db, userId))
      .sort((a, b) => Number(b.is_default) - Number(a.is_default) || collator.compare(a.name, b.name))
      .map(toBoard);
  }

  /** A board with its columns' cards. Another user's board is 404: boards are personal. */
  async view(ctx: RequestContext, id: string): Promise<BoardView> {
    const row = await this.#own(this.#db, ctx, id);
    return { ...toBoard(row), columns: await columnsWithCards(this.#db, this.filters, ctx, row) };
  }

  async create(ctx: RequestContext, input: z.output<typeof boardInput>): Promise<Board> {
    const userId = userOf(ctx);
    return this.platform.transaction(async (trx) => {
      const db = trx as BoardsDb;
      const row = {
        id: randomUUID(),
        owner_id: userId,
        name: input.name,
        base_query: this.#checkBase(input.baseQuery, userId),
        columns: JSON.stringify(await this.#checkColumns(db, ctx, input.columns)),
      };
      await boardsRepository.insert(db, row);
      await this.#audit(trx, ctx, 'create', row.id, undefined, row);
      return toBoard((await boardsRepository.get(db, row.id)) as StoredBoard);
    });
  }

  async update(ctx: RequestContext, id: string, patch: z.output<typeof boardPatch>): Promise<Board> {
    const userId = userOf(ctx);
    return this.platform.transaction(async (trx) => {
      const db = trx as BoardsDb;
      const before = await this.#own(db, ctx, id);
      const changes = {
        name: patch.name,
        base_query: patch.baseQuery === undefined ? undefined : this.#checkBase(patch.baseQuery, userId),
        columns:
          patch.columns === undefined ? undefined : JSON.stringify(await this.#checkColumns(db, ctx, patch.columns)),
      };
      await boardsRepository.update(db, id, changes);
      const after = (await boardsRepository.get(db, id)) as StoredBoard;
      await this.#audit(trx, ctx, 'update', id, before, after);
      return toBoard(after);
    });
  }

  /** Any board but the default one: every agent keeps a board to come back to. */
  async remove(ctx: RequestContext, id: string): Promise<void> {
    await this.platform.transaction(async (trx) => {
      const db = trx as BoardsDb;
      const before = await this.#own(db, ctx, id);
      if (before.is_default)
        throw conflict('desk.default_board', 'The default board can be renamed and changed, not deleted');
      await boardsRepository.remove(db, id);
      await this.#audit(trx, ctx, 'delete', id, before, undefined);
    });
  }

  async #ensureDefault(ctx: RequestContext, userId: string) {
    const owned = await boardsRepository.ofOwner(this.#db, userId);
    if (owned.some((board) => board.is_default)) return;
    const template = defaultBoard(ctx.locale);
    await this.platform.transaction(async (trx) => {
      const row = {
        id: randomUUID(),
        owner_id: userId,
        name: template.name,
        base_query: template.baseQuery,
        columns: JSON.stringify(template.columns.map(withDefaults)),
      };
      if (await boardsRepository.insertDefault(trx as BoardsDb, row))
        await this.#audit(trx, ctx, 'create', row.id, undefined, { ...row, is_default: true });
    });
  }

  async #own(db: BoardsDb, ctx: RequestContext, id: string): Promise<StoredBoard> {
    const row = await boardsRepository.get(db, id);
    if (!row || row.owner_id !== userOf(ctx)) throw notFound('The board');
    return row;
  }

  #checkBase(baseQuery: string, userId: string) {
    if (baseQuery) checkFilterText(baseQuery, 'body.baseQuery', userId);
    return baseQuery;
  }

  /** Every query reads, every saved filter is one the owner can see; ids are kept so a column stays itself. */
  async #checkColumns(db: BoardsDb, ctx: RequestContext, columns: ColumnInput[]): Promise<BoardColumn[]> {
    const seen = new Set<string>();
    const checked: BoardColumn[] = [];
    for (const [index, column] of columns.entries()) {
      const path = `body.columns.${index}`;
      if (column.query) checkFilterText(column.query, `${path}.query`, ctx.actor?.userId ?? null);
      if (column.filterId && !(await this.filters.visible(db, ctx, column.filterId)))
        throw unprocessable('unknown_filter', 'There is no such saved filter you can use', [
          { path: `${path}.filterId`, message: 'is not a saved filter you can see' },
        ]);
      const id = column.id && !seen.has(column.id) ? column.id : randomUUID();
      seen.add(id);
      checked.push({ ...withDefaults(column), id });
    }
    return checked;
  }

  async #audit(
    trx: Db,
    ctx: RequestContext,
    action: 'create' | 'update' | 'delete',
    id: string,
    before: object | undefined,
    after: object | undefined,
  ) {
    const view = (row: object) => {
      const { name, base_query, columns } = row as { name: string; base_query: string; columns: unknown };
      return { name, baseQuery: base_query, columns: typeof columns === 'string' ? JSON.parse(columns) : columns };
    };
    await this.platform.audit.record(trx, ctx, {
      action: `desk.board.${action}`,
      entity: 'desk.board',
      entityId: id,
      before: before ? view(before) : undefined,
      after: after ? view(after) : undefined,
    });
  }
}

/** A column as stored: every field present, absent ones null. */
function withDefaults(column: Omit<ColumnInput, 'status'> & { status?: BoardColumn['status'] }): BoardColumn {
  return {
    id: column.id ?? randomUUID(),
    title: column.title,
    status: column.status ?? null,
    filterId: column.filterId ?? null,
    query: column.query?.trim() || null,
    wipLimit: column.wipLimit ?? null,
  };
}

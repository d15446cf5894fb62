import {
  BOARD_CARDS_PER_COLUMN,
  type BoardCard,
  type BoardColumn,
  type BoardColumnCards,
  incidentReference,
} from '@kontor/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { RequestContext } from '../../platform/context.js';
import { compileSavedFilter } from '../filters/filter-text.js';
import type { SavedFilterService } from '../filters/filters-service.js';
import { incidentsRepository } from '../incidents-repository.js';
import type { StoredIncident } from '../tables.js';
import type { BoardsDb, StoredBoard } from './tables.js';

const toCard = (row: StoredIncident): BoardCard => ({
  id: row.id,
  reference: incidentReference(Number(row.number)),
  title: row.title,
  status: row.status,
  priority: row.priority,
  assignee: row.assignee_id && row.assignee_name !== null ? { id: row.assignee_id, name: row.assignee_name } : null,
  requesterName: row.requester_name,
  resolutionDueAt: row.resolution_due_at ? new Date(row.resolution_due_at).toISOString() : null,
});

type Condition = { where: RawBuilder<boolean> } | { problem: NonNullable<BoardColumnCards['problem']> };

/** What a column holds: the board's base filter AND its status AND its saved filter AND its own query. */
async function columnCondition(
  db: BoardsDb,
  filters: SavedFilterService,
  ctx: RequestContext,
  board: StoredBoard,
  column: BoardColumn,
): Promise<Condition> {
  const texts = [board.base_query, column.query ?? ''];
  if (column.filterId) {
    const filter = await filters.visible(db, ctx, column.filterId);
    if (!filter)
      return { problem: { code: 'filter_missing', message: 'The saved filter is gone or no longer shared with you' } };
    texts.push(filter.query);
  }
  const conditions: RawBuilder<boolean>[] = column.status ? [sql<boolean>`(i.status = ${column.status})`] : [];
  for (const text of texts.filter((candidate) => candidate.trim() !== '')) {
    const compiled = compileSavedFilter(text, ctx.actor?.userId ?? null);
    if ('problem' in compiled) return { problem: { code: 'query_invalid', message: compiled.problem } };
    conditions.push(compiled.where);
  }
  const where = conditions.reduce((all, next) => sql<boolean>`(${all} and ${next})`, sql<boolean>`true`);
  return { where };
}

/** Each column's most urgent cards (at most BOARD_CARDS_PER_COLUMN), its count and whether it is over its limit. */
export async function columnsWithCards(
  db: BoardsDb,
  filters: SavedFilterService,
  ctx: RequestContext,
  board: StoredBoard,
): Promise<BoardColumnCards[]> {
  const columns: BoardColumnCards[] = [];
  for (const column of board.columns) {
    const condition = await columnCondition(db, filters, ctx, board, column);
    if ('problem' in condition) {
      columns.push({ ...column, cards: [], count: 0, overLimit: false, problem: condition.problem });
      continue;
    }
    const { rows, total } = await incidentsRepository.list(db, {
      where: condition.where,
      sort: 'priority',
      limit: BOARD_CARDS_PER_COLUMN,
    });
    const overLimit = column.wipLimit !== null && total > column.wipLimit;
    columns.push({ ...column, cards: rows.map(toCard), count: total, overLimit, problem: null });
  }
  return columns;
}

import { z } from 'zod';
import { incidentPriorities, incidentStatuses } from './desk.js';

/** A filter-language text (docs/query-language.md), as `GET /api/desk/incidents?q=` takes it. */
const filterQuery = z.string().trim().max(1000);
const name = z.string().trim().min(1).max(80);

/** A saved filter: private to its owner, or shared with the members of one desk group (docs/desk-boards.md). */
export const savedFilter = z.object({
  id: z.uuid(),
  name: z.string(),
  query: z.string(),
  owner: z.object({ id: z.uuid(), name: z.string() }),
  /** The group it is shared with; null: only its owner sees it. */
  group: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  pinned: z.boolean(),
  position: z.number().int(),
  /** The caller owns it. */
  mine: z.boolean(),
  /** The caller may rename, share, reorder and delete it (its owner, or a desk administrator). */
  editable: z.boolean(),
});
export type SavedFilter = z.infer<typeof savedFilter>;
export const savedFilterList = z.object({ filters: z.array(savedFilter) });

export const savedFilterInput = z.strictObject({
  name,
  query: filterQuery.min(1),
  /** Share with this desk group; the owner must be one of its members (or a desk administrator). */
  groupId: z.uuid().nullish(),
  pinned: z.boolean().default(false),
  position: z.number().int().min(0).max(10_000).default(0),
});
export type SavedFilterInput = z.input<typeof savedFilterInput>;
export const savedFilterPatch = z
  .strictObject({
    name,
    query: filterQuery.min(1),
    groupId: z.uuid().nullable(),
    pinned: z.boolean(),
    position: z.number().int().min(0).max(10_000),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'name at least one field to change' });
export type SavedFilterPatch = z.input<typeof savedFilterPatch>;

/**
 * A column of a board: its cards are the incidents matching the board's base filter AND each of what the column
 * names: a status, a saved filter, a query. A column with a status is a *status column*: cards can be dropped
 * into it (the drop moves the incident to that status); the others only show.
 */
export const boardColumnInput = z
  .strictObject({
    id: z.uuid().optional(),
    title: z.string().trim().min(1).max(60),
    status: z.enum(incidentStatuses).nullish(),
    filterId: z.uuid().nullish(),
    query: filterQuery.nullish(),
    /** Work-in-progress limit: above it the column shows count/limit in red; a drop into a full column asks first. */
    wipLimit: z.number().int().min(1).max(999).nullish(),
  })
  .refine((column) => Boolean(column.status || column.filterId || column.query), {
    message: 'a column needs a status, a saved filter or a query',
  });
export type BoardColumnInput = z.input<typeof boardColumnInput>;

export const boardInput = z.strictObject({
  name,
  /** Applied to every column, e.g. `assignee:me`. */
  baseQuery: filterQuery.default(''),
  columns: z.array(boardColumnInput).min(1).max(12),
});
export type BoardInput = z.input<typeof boardInput>;
export const boardPatch = z
  .strictObject({ name, baseQuery: filterQuery, columns: z.array(boardColumnInput).min(1).max(12) })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'name at least one field to change' });
export type BoardPatch = z.input<typeof boardPatch>;

export const boardColumn = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(incidentStatuses).nullable(),
  filterId: z.uuid().nullable(),
  query: z.string().nullable(),
  wipLimit: z.number().int().nullable(),
});
export type BoardColumn = z.infer<typeof boardColumn>;

export const board = z.object({
  id: z.uuid(),
  name: z.string(),
  baseQuery: z.string(),
  /** The board every agent gets ("My work"); it can be changed but not deleted. */
  isDefault: z.boolean(),
  columns: z.array(boardColumn),
  updatedAt: z.iso.datetime(),
});
export type Board = z.infer<typeof board>;
export const boardList = z.object({ boards: z.array(board) });

/** An incident as a card shows it. */
export const boardCard = z.object({
  id: z.uuid(),
  reference: z.string(),
  title: z.string(),
  status: z.enum(incidentStatuses),
  priority: z.enum(incidentPriorities),
  assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  requesterName: z.string(),
  /** When the resolution is due under the SLA, where one applies. */
  resolutionDueAt: z.iso.datetime().nullable(),
});
export type BoardCard = z.infer<typeof boardCard>;

export const boardColumnCards = boardColumn.extend({
  /** The first cards (most urgent first), at most `BOARD_CARDS_PER_COLUMN`. */
  cards: z.array(boardCard),
  /** How many incidents the column holds in all. */
  count: z.number().int(),
  overLimit: z.boolean(),
  /** Why the column shows nothing: a filter no longer reads (`query_invalid`), or its saved filter is gone. */
  problem: z.object({ code: z.enum(['query_invalid', 'filter_missing']), message: z.string() }).nullable(),
});
export type BoardColumnCards = z.infer<typeof boardColumnCards>;
export const boardView = board.extend({ columns: z.array(boardColumnCards) });
export type BoardView = z.infer<typeof boardView>;

export const BOARD_CARDS_PER_COLUMN = 50;

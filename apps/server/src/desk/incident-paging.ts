import type { incidentSorts } from '@kontor/contracts';
import { type RawBuilder, sql } from 'kysely';
import { z } from 'zod';
import { AppError } from '../platform/http/errors.js';

export type IncidentSort = (typeof incidentSorts)[number];

/**
 * Keyset paging of the incident list (docs/desk.md, "Paging"). A page ends at a row; the cursor is that row's sort
 * key and id, and the next page is every row after it in the list's order. Unlike an offset, rows reported while
 * someone pages arrive before the cursor (they are newer), so no row is shown twice or skipped.
 */

/** The same expression as the `incidents_priority_page` index (migration 0005), so the index serves it. */
export const PRIORITY_RANK = sql<number>`case i.priority when 'critical' then 4 when 'high' then 3 when 'normal' then 2 else 1 end`;

/**
 * Timestamps travel as text with microseconds: a JavaScript Date keeps milliseconds only, and a cursor that
 * rounded would skip rows stamped within the same millisecond.
 */
const exactTime = (column: RawBuilder<Date>) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
export const PAGE_KEY_COLUMNS = {
  page_created: exactTime(sql`i.created_at`),
  page_updated: exactTime(sql`i.updated_at`),
  page_rank: PRIORITY_RANK,
};
export interface PageKeyRow {
  id: string;
  page_created: string;
  page_updated: string;
  page_rank: number;
}

const time = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
const cursorSchema = z.union([
  z.tuple([z.literal('created'), time, z.uuid()]),
  z.tuple([z.literal('updated'), time, z.uuid()]),
  z.tuple([z.literal('priority'), z.number().int().min(1).max(4), time, z.uuid()]),
]);
type Cursor = z.infer<typeof cursorSchema>;

const badCursor = (message: string) =>
  new AppError(400, 'desk.bad_cursor', message, {
    errors: [{ path: 'querystring.cursor', message, code: 'bad_cursor' }],
  });

/** The cursor that continues after `row`, in `sort` order. */
export function encodeCursor(sort: IncidentSort, row: PageKeyRow): string {
  const key: Cursor =
    sort === 'priority'
      ? [sort, Number(row.page_rank), row.page_created, row.id]
      : [sort, sort === 'created' ? row.page_created : row.page_updated, row.id];
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Reads a cursor back; one that was altered, or made for another order, is a 400. */
export function decodeCursor(sort: IncidentSort, cursor: string): Cursor {
  let parsed: z.ZodSafeParseResult<Cursor>;
  try {
    parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw badCursor('The cursor is not one this list gave out');
  }
  if (!parsed.success) throw badCursor('The cursor is not one this list gave out');
  if (parsed.data[0] !== sort) throw badCursor(`The cursor belongs to the ${parsed.data[0]} order, not ${sort}`);
  return parsed.data;
}

const at = (text: string) => sql`${text}::timestamptz`;
const uuid = (text: string) => sql`${text}::uuid`;

/** The columns the list is ordered by, all descending; the last is always the id, so the order is total. */
export function orderColumns(sort: IncidentSort): RawBuilder<unknown>[] {
  if (sort === 'priority') return [PRIORITY_RANK, sql`i.created_at`, sql`i.id`];
  return [sort === 'created' ? sql`i.created_at` : sql`i.updated_at`, sql`i.id`];
}

/** Rows after the cursor: one row comparison, which a b-tree over the same columns answers by a range scan. */
export function afterCursor(cursor: Cursor): RawBuilder<boolean> {
  const values =
    cursor[0] === 'priority'
      ? [sql`${cursor[1]}::int`, at(cursor[2]), uuid(cursor[3])]
      : [at(cursor[1]), uuid(cursor[2])];
  return sql<boolean>`((${sql.join(orderColumns(cursor[0]))}) < (${sql.join(values)}))`;
}

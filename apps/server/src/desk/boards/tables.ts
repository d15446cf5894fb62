import type { BoardColumn } from '@kontor/contracts';
import type { ColumnType, Generated, Kysely, Selectable } from 'kysely';
import type { SavedFilterTables } from '../filters/tables.js';

/** jsonb: read as the columns, written as their JSON text. */
type ColumnsDocument = ColumnType<BoardColumn[], string, string>;

export interface BoardRow {
  id: string;
  owner_id: string;
  name: string;
  base_query: Generated<string>;
  columns: ColumnsDocument;
  is_default: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface BoardTables extends SavedFilterTables {
  'desk.boards': BoardRow;
}

export type BoardsDb = Kysely<BoardTables>;
export type StoredBoard = Selectable<BoardRow>;

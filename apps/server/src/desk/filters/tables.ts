import type { Generated, Kysely, Selectable } from 'kysely';
import type { DeskTables } from '../tables.js';

export interface SavedFilterRow {
  id: string;
  owner_id: string;
  owner_name: string;
  name: string;
  query: string;
  group_id: string | null;
  pinned: Generated<boolean>;
  position: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SavedFilterTables extends DeskTables {
  'desk.saved_filters': SavedFilterRow;
}

export type FiltersDb = Kysely<SavedFilterTables>;
export type StoredFilter = Selectable<SavedFilterRow> & { group_name: string | null };

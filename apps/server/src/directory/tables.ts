import type { ContactKind, NoticeKind, UnitKind } from '@kontor/contracts';
import type { Generated, Kysely } from 'kysely';

type Timestamps = { created_at: Generated<Date>; updated_at: Generated<Date> };
type Keys = { sort_key: string; search_text: string };

export type DirectoryTables = {
  'directory.units': {
    id: string;
    parent_id: string | null;
    kind: UnitKind;
    name: string;
    description: string;
  } & Keys &
    Timestamps;
  'directory.people': {
    id: string;
    unit_id: string;
    given_name: string;
    family_name: string;
    title: string;
  } & Keys &
    Timestamps;
  'directory.functions': { id: string; unit_id: string; name: string; holder_id: string | null } & Keys & Timestamps;
  'directory.contact_points': {
    id: string;
    unit_id: string | null;
    person_id: string | null;
    function_id: string | null;
    kind: ContactKind;
    label: string;
    value: string;
    priority: number;
    digits: string;
  } & Timestamps;
  'directory.notices': {
    id: string;
    unit_id: string;
    kind: NoticeKind;
    title: string;
    body: string;
    publish_at: Date;
    unpublished: boolean;
  } & Timestamps;
  'directory.favourites': {
    user_id: string;
    unit_id: string | null;
    person_id: string | null;
    function_id: string | null;
    created_at: Generated<Date>;
  };
};

export type DirectoryDb = Kysely<DirectoryTables>;

/** The replicated tables in dependency order, each with every column it has (all of them travel). */
export const REPLICATED_COLUMNS = {
  'directory.units': ['id', 'parent_id', 'kind', 'name', 'description', 'sort_key', 'search_text'],
  'directory.people': ['id', 'unit_id', 'given_name', 'family_name', 'title', 'sort_key', 'search_text'],
  'directory.functions': ['id', 'unit_id', 'name', 'holder_id', 'sort_key', 'search_text'],
  'directory.contact_points': [
    'id',
    'unit_id',
    'person_id',
    'function_id',
    'kind',
    'label',
    'value',
    'priority',
    'digits',
  ],
  'directory.notices': ['id', 'unit_id', 'kind', 'title', 'body', 'publish_at', 'unpublished'],
} as const;

import type { ContactInput, ContactKind, FunctionInput, NoticeInput, PersonInput, UnitInput } from '@kontor/contracts';
import { foldForSearch, phoneDigits, swedishSortKey } from './text-keys.js';

type Table =
  | 'directory.units'
  | 'directory.people'
  | 'directory.functions'
  | 'directory.contact_points'
  | 'directory.notices';

/**
 * What administrators edit, described once so that create, update, delete, their checks and their audit
 * work the same for every kind of record. `I` is the input after zod's defaults.
 */
export interface Editable<I> {
  /** Audited as `directory.<entity>.<verb>`; also the path segment of its routes (plural). */
  entity: 'unit' | 'person' | 'function' | 'contact' | 'notice';
  plural: string;
  table: Table;
  /** Input field → column. */
  fields: { [K in keyof I & string]: string };
  /** Columns computed from the input: Swedish sort keys, folded search text, the digits of a number. */
  derived(input: I): Record<string, unknown>;
  /** Fields that name another record, and the table it must be found in. */
  references: Partial<Record<keyof I & string, Table>>;
  /** In a tree, the field naming the parent: it may not name the record itself or anything below it. */
  treeParent?: keyof I & string;
  /** Records that must go first before this one may be deleted (the rest go with it). */
  blockers: Array<{ table: Table; column: string; what: string }>;
}

type Output<T> = Required<{ [K in keyof T]: Exclude<T[K], undefined> }>;

export const editableUnit: Editable<Output<UnitInput>> = {
  entity: 'unit',
  plural: 'units',
  table: 'directory.units',
  fields: { parentId: 'parent_id', kind: 'kind', name: 'name', description: 'description' },
  derived: (unit) => ({ sort_key: swedishSortKey(unit.name), search_text: foldForSearch(unit.name) }),
  references: { parentId: 'directory.units' },
  treeParent: 'parentId',
  blockers: [
    { table: 'directory.units', column: 'parent_id', what: 'units' },
    { table: 'directory.people', column: 'unit_id', what: 'people' },
    { table: 'directory.functions', column: 'unit_id', what: 'functions' },
  ],
};

export const editablePerson: Editable<Output<PersonInput>> = {
  entity: 'person',
  plural: 'people',
  table: 'directory.people',
  fields: { unitId: 'unit_id', givenName: 'given_name', familyName: 'family_name', title: 'title' },
  derived: (person) => ({
    sort_key: swedishSortKey(person.familyName, person.givenName),
    search_text: foldForSearch(`${person.givenName} ${person.familyName} ${person.title}`),
  }),
  references: { unitId: 'directory.units' },
  blockers: [],
};

export const editableFunction: Editable<Output<FunctionInput>> = {
  entity: 'function',
  plural: 'functions',
  table: 'directory.functions',
  fields: { unitId: 'unit_id', name: 'name', holderId: 'holder_id' },
  derived: (fn) => ({ sort_key: swedishSortKey(fn.name), search_text: foldForSearch(fn.name) }),
  references: { unitId: 'directory.units', holderId: 'directory.people' },
  blockers: [],
};

/** Kinds whose value is a number someone dials; their digits are searchable. */
const DIALLED = new Set<ContactKind>(['phone', 'mobile', 'pager', 'satellite']);

export const searchableDigits = (kind: ContactKind, value: string) => (DIALLED.has(kind) ? phoneDigits(value) : '');

export const editableContact: Editable<Output<ContactInput>> = {
  entity: 'contact',
  plural: 'contacts',
  table: 'directory.contact_points',
  fields: {
    unitId: 'unit_id',
    personId: 'person_id',
    functionId: 'function_id',
    kind: 'kind',
    label: 'label',
    value: 'value',
    priority: 'priority',
  },
  derived: (contact) => ({ digits: searchableDigits(contact.kind, contact.value) }),
  references: { unitId: 'directory.units', personId: 'directory.people', functionId: 'directory.functions' },
  blockers: [],
};

export const editableNotice: Editable<Output<NoticeInput>> = {
  entity: 'notice',
  plural: 'notices',
  table: 'directory.notices',
  fields: {
    unitId: 'unit_id',
    kind: 'kind',
    title: 'title',
    body: 'body',
    publishAt: 'publish_at',
    unpublished: 'unpublished',
  },
  derived: () => ({}),
  references: { unitId: 'directory.units' },
  blockers: [],
};

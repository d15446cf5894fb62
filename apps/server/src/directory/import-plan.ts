import { randomUUID } from 'node:crypto';
import type { ImportCounts, ImportRowError } from '@kontor/contracts';
import { editableFunction, editablePerson, editableUnit, searchableDigits } from './editable.js';
import type { DirectorySnapshot } from './import-repository.js';
import { type ImportRow, rowError } from './import-rows.js';

export type ImportTable = 'directory.units' | 'directory.people' | 'directory.functions' | 'directory.contact_points';
export type Columns = Record<string, unknown>;

/** What an import writes: new records in dependency order, and changed columns of existing ones. */
export interface ImportPlan {
  inserts: Record<ImportTable, Array<Columns & { id: string }>>;
  updates: Map<string, { table: ImportTable; columns: Columns }>;
  /** Rows that name a record the directory cannot resolve (a holder nobody is called); they are left out. */
  errors: ImportRowError[];
  created: ImportCounts;
  updated: ImportCounts;
}

const COUNT_OF: Record<ImportTable, keyof ImportCounts> = {
  'directory.units': 'units',
  'directory.people': 'people',
  'directory.functions': 'functions',
  'directory.contact_points': 'contacts',
};

const key = (...parts: Array<string | null>) =>
  parts.map((part) => (part ?? '').toLocaleLowerCase('sv')).join('\u0000');

/** "Anna Maria Lindqvist": the last word is the family name, the others the given name. */
function splitName(name: string): { givenName: string; familyName: string } {
  const at = name.lastIndexOf(' ');
  return { givenName: name.slice(0, at).trim(), familyName: name.slice(at + 1) };
}

/**
 * Matches each row against the directory as it is (and as the rows before it leave it): units by their path,
 * people by unit and full name, functions by unit and name, contact points by owner, kind and value (the digits
 * of a number). What does not exist is created, what differs is changed, nothing is deleted.
 */
export function planImport(snapshot: DirectorySnapshot, rows: ImportRow[]): ImportPlan {
  const plan: ImportPlan = {
    inserts: {
      'directory.units': [],
      'directory.people': [],
      'directory.functions': [],
      'directory.contact_points': [],
    },
    updates: new Map(),
    errors: [],
    created: { units: 0, people: 0, functions: 0, contacts: 0 },
    updated: { units: 0, people: 0, functions: 0, contacts: 0 },
  };
  const units = new Map(snapshot.units.map((unit) => [key(unit.parentId, unit.name), unit.id]));
  // Two people of one unit may share a name (the demo has such pairs): a row then means the one it matches best.
  type Person = DirectorySnapshot['people'][number];
  const people = new Map<string, Person[]>();
  const peopleById = new Map<string, Person>();
  const addPerson = (person: Person) => {
    const personKey = key(person.unitId, person.fullName);
    people.set(personKey, [...(people.get(personKey) ?? []), person]);
    peopleById.set(person.id, person);
  };
  for (const person of snapshot.people) addPerson(person);
  const functions = new Map(snapshot.functions.map((fn) => [key(fn.unitId, fn.name), fn]));
  const contactKey = (ownerId: string, kind: string, value: string) =>
    key(ownerId, kind, searchableDigits(kind as never, value) || value);
  const contacts = new Map(
    snapshot.contacts.map((contact) => [contactKey(contact.ownerId, contact.kind, contact.value), contact]),
  );
  const createdRecords = new Map<string, Columns>();

  const insert = (table: ImportTable, columns: Columns): string => {
    const id = randomUUID();
    const record = { id, ...columns };
    plan.inserts[table].push(record);
    createdRecords.set(id, record);
    plan.created[COUNT_OF[table]] += 1;
    return id;
  };
  /** Changes columns of an existing record, or of one this import creates (then it is still just created). */
  const change = (table: ImportTable, id: string, columns: Columns) => {
    const created = createdRecords.get(id);
    if (created) return Object.assign(created, columns);
    const existing = plan.updates.get(id);
    if (existing) return Object.assign(existing.columns, columns);
    plan.updates.set(id, { table, columns });
    plan.updated[COUNT_OF[table]] += 1;
  };

  const unitOf = (path: string[]): string => {
    let parentId: string | null = null;
    for (const name of path) {
      const found = units.get(key(parentId, name));
      const id: string =
        found ??
        insert('directory.units', {
          parent_id: parentId,
          kind: parentId ? 'unit' : 'region',
          name,
          description: '',
          ...editableUnit.derived({ parentId, kind: 'unit', name, description: '' }),
        });
      units.set(key(parentId, name), id);
      parentId = id;
    }
    return parentId as string;
  };

  const personOf = (row: ImportRow): string => {
    const unitId = unitOf(row.path);
    const namesakes = people.get(key(unitId, row.name)) ?? [];
    const { contact } = row;
    const likeness = (person: Person) =>
      (contact && contacts.has(contactKey(person.id, contact.kind, contact.value)) ? 2 : 0) +
      (person.title === row.title ? 1 : 0);
    const existing = namesakes.reduce<Person | undefined>(
      (best, person) => (best && likeness(best) >= likeness(person) ? best : person),
      undefined,
    );
    const input = { unitId, ...splitName(row.name), title: row.title ?? existing?.title ?? '' };
    const derived = editablePerson.derived(input);
    if (!existing) {
      const id = insert('directory.people', {
        unit_id: unitId,
        given_name: input.givenName,
        family_name: input.familyName,
        title: input.title,
        ...derived,
      });
      addPerson({ id, unitId, fullName: row.name, title: input.title });
      return id;
    }
    if (row.title !== undefined && row.title !== existing.title) {
      change('directory.people', existing.id, { title: row.title, search_text: derived.search_text });
      existing.title = row.title;
    }
    return existing.id;
  };

  /**
   * The person a function's holder column names: the holder it has if that is their name, else someone of that
   * name in the function's unit, else the only one of that name anywhere.
   */
  const holderOf = (
    row: ImportRow,
    unitId: string | undefined,
    currentId: string | null,
  ): string | null | ImportRowError => {
    if (!row.holder) return null;
    const name = row.holder.toLocaleLowerCase('sv');
    const current = currentId ? peopleById.get(currentId) : undefined;
    if (current?.fullName.toLocaleLowerCase('sv') === name) return current.id;
    const local = unitId ? people.get(key(unitId, row.holder))?.[0] : undefined;
    if (local) return local.id;
    const named = [...peopleById.values()].filter((person) => person.fullName.toLocaleLowerCase('sv') === name);
    if (named.length === 1 && named[0]) return named[0].id;
    return named.length === 0
      ? rowError(row.row, 'holder', 'holder_unknown', `Nobody in the directory is called ${row.holder}`, {
          value: row.holder,
        })
      : rowError(
          row.row,
          'holder',
          'holder_ambiguous',
          `${named.length} people in other units are called ${row.holder}; add the holder to the function's unit first`,
          { value: row.holder, count: named.length },
        );
  };

  const functionOf = (row: ImportRow): string | undefined => {
    const knownUnit = unitPathId(units, row.path);
    const known = knownUnit ? functions.get(key(knownUnit, row.name)) : undefined;
    const holderId = holderOf(row, knownUnit, known?.holderId ?? null);
    if (holderId !== null && typeof holderId === 'object') {
      plan.errors.push(holderId);
      return undefined;
    }
    const unitId = unitOf(row.path);
    const existing = functions.get(key(unitId, row.name));
    if (!existing) {
      const id = insert('directory.functions', {
        unit_id: unitId,
        name: row.name,
        holder_id: holderId,
        ...editableFunction.derived({ unitId, name: row.name, holderId }),
      });
      functions.set(key(unitId, row.name), { id, unitId, name: row.name, holderId });
      return id;
    }
    if (row.holder !== undefined && holderId !== existing.holderId) {
      change('directory.functions', existing.id, { holder_id: holderId });
      existing.holderId = holderId;
    }
    return existing.id;
  };

  const addContact = (row: ImportRow, owner: 'unit_id' | 'person_id' | 'function_id', ownerId: string) => {
    const contact = row.contact;
    if (!contact) return;
    const found = contacts.get(contactKey(ownerId, contact.kind, contact.value));
    if (!found) {
      const columns = {
        unit_id: null,
        person_id: null,
        function_id: null,
        [owner]: ownerId,
        kind: contact.kind,
        label: contact.label ?? '',
        value: contact.value,
        priority: contact.priority ?? 1,
        digits: searchableDigits(contact.kind, contact.value),
      };
      const id = insert('directory.contact_points', columns);
      contacts.set(contactKey(ownerId, contact.kind, contact.value), {
        id,
        ownerId,
        ...contact,
        label: columns.label,
        priority: columns.priority,
      });
      return;
    }
    const columns: Columns = {};
    if (contact.label !== undefined && contact.label !== found.label) columns.label = found.label = contact.label;
    if (contact.priority !== undefined && contact.priority !== found.priority) {
      columns.priority = found.priority = contact.priority;
    }
    if (Object.keys(columns).length > 0) change('directory.contact_points', found.id, columns);
  };

  // Units and people first, so that a function's holder may be someone the same file brings.
  for (const row of rows) {
    if (row.kind === 'unit') addContact(row, 'unit_id', unitOf(row.path));
    if (row.kind === 'person') addContact(row, 'person_id', personOf(row));
  }
  for (const row of rows) {
    if (row.kind !== 'function') continue;
    const id = functionOf(row);
    if (id) addContact(row, 'function_id', id);
  }
  return plan;
}

/** The id of the unit at this path if it exists already (or the import has created it), without creating it. */
function unitPathId(units: Map<string, string>, path: string[]): string | undefined {
  let parentId: string | null = null;
  for (const name of path) {
    const id = units.get(key(parentId, name));
    if (!id) return undefined;
    parentId = id;
  }
  return parentId ?? undefined;
}

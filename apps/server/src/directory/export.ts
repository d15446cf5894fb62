import { type ContactPoint, type DirectoryBook, importFields } from '@kontor/contracts';

/** Column names are stable codes, not translated: an export is also what an import will read back. */
const HEADER: string[] = [...importFields];

/**
 * The directory as one table: a row per contact point of each unit, function and person (one row with empty
 * contact columns for those that have none), units in tree order with their full path.
 */
export function directoryRows(book: DirectoryBook): string[][] {
  const byId = new Map(book.units.map((unit) => [unit.id, unit]));
  const pathOf = (id: string): string => {
    const unit = byId.get(id);
    if (!unit) return '';
    return unit.parentId ? `${pathOf(unit.parentId)} / ${unit.name}` : unit.name;
  };
  const rows: string[][] = [HEADER];
  const add = (fixed: string[], contacts: ContactPoint[]) => {
    if (contacts.length === 0) rows.push([...fixed, '', '', '', '']);
    for (const contact of contacts) {
      rows.push([...fixed, contact.kind, contact.label, contact.value, String(contact.priority)]);
    }
  };
  for (const unit of treeOrder(book.units)) {
    const path = pathOf(unit.id);
    add(['unit', path, unit.name, '', ''], unit.contacts);
    for (const fn of book.functions.filter((candidate) => candidate.unitId === unit.id)) {
      add(['function', path, fn.name, '', fn.holder?.name ?? ''], fn.contacts);
    }
    for (const person of book.people.filter((candidate) => candidate.unitId === unit.id)) {
      add(['person', path, `${person.givenName} ${person.familyName}`, person.title, ''], person.contacts);
    }
  }
  return rows;
}

/** Each unit followed by the units below it; siblings keep the (Swedish) order they come in. */
function treeOrder<T extends { id: string; parentId: string | null }>(units: T[]): T[] {
  const known = new Set(units.map((unit) => unit.id));
  const below = (parentId: string | null): T[] =>
    units
      .filter((unit) => (parentId === null ? !unit.parentId || !known.has(unit.parentId) : unit.parentId === parentId))
      .flatMap((unit) => [unit, ...below(unit.id)]);
  return below(null);
}

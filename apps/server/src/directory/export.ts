import { type ContactPoint, type DirectoryBook, importFields } from '@kontor/contracts';
import ExcelJS from 'exceljs';

/** Column names are stable codes, not translated: an export is also what an import will read back. */
const HEADER: string[] = [...importFields];

export type ExportFormat = 'csv' | 'xlsx';

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

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @ first) is written with a leading apostrophe, the
 * usual defence against CSV injection; "+46 19 …" then reads as text, which it is.
 */
const neutralised = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
const quoted = (cell: string) => (/[;"\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/**
 * CSV as Excel opens it in Sweden: UTF-8 with a byte-order mark (so å, ä, ö survive), semicolons between
 * fields (the comma is the decimal separator there), CRLF between rows.
 */
export function toCsv(rows: string[][]): Buffer {
  const text = rows.map((row) => row.map((cell) => quoted(neutralised(cell))).join(';')).join('\r\n');
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}

export async function toXlsx(rows: string[][], changedAt: string | null): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kontor';
  if (changedAt) workbook.modified = new Date(changedAt);
  const sheet = workbook.addWorksheet('Directory', { views: [{ state: 'frozen', ySplit: 1 }] });
  // Every cell is text: numbers like 08-465 004 00 or 0196021000 must not turn into arithmetic or lose a zero.
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, index) => {
    column.width = Math.min(60, Math.max(10, ...rows.map((row) => (row[index] ?? '').length + 2)));
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: HEADER.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

import ExcelJS from 'exceljs';

/** What a table can be exported as. */
export type ExportFormat = 'csv' | 'xlsx';

export const EXPORT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

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

/** A workbook of one sheet, the first row bold, frozen and filtered. */
export async function toXlsx(rows: string[][], sheetName: string, changedAt: string | null): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kontor';
  if (changedAt) workbook.modified = new Date(changedAt);
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  // Every cell is text: numbers like 08-465 004 00 or 0196021000 must not turn into arithmetic or lose a zero.
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, index) => {
    column.width = Math.min(60, Math.max(10, ...rows.map((row) => (row[index] ?? '').length + 2)));
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: rows[0]?.length ?? 1 } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A CSV text that cannot be read as a table (a quoted field left open); the caller words it in its own error. */
export class CsvSyntaxError extends Error {
  override name = 'CsvSyntaxError';
}

/** The delimiter the header line uses most: semicolons (Excel in Sweden) or commas. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (character: string) => firstLine.split(character).length;
  return count(';') >= count(',') ? ';' : ',';
}

/** `toCsv` writes "'+46 19 …" so that spreadsheets do not compute it; read it back as written. */
const unneutralised = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/**
 * RFC 4180 CSV, the reverse of `toCsv`: quoted fields may hold delimiters, doubled quotes and line breaks; CRLF or
 * LF ends a row; semicolons or commas, whichever the header line uses more. Text only (strip a BOM first).
 */
export function readCsv(text: string): string[][] {
  const delimiter = delimiterOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (quoted) {
      if (character !== '"') cell += character;
      else if (text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else quoted = false;
    } else if (character === '"' && cell === '') quoted = true;
    else if (character === delimiter) {
      row.push(unneutralised(cell));
      cell = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index += 1;
      row.push(unneutralised(cell));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += character;
  }
  if (quoted) throw new CsvSyntaxError('A quoted field is not closed');
  if (cell !== '' || row.length > 0) rows.push([...row, unneutralised(cell)]);
  return rows;
}

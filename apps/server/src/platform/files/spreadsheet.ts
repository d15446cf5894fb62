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

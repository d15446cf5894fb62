import ExcelJS from 'exceljs';
import { AppError } from '../platform/http/errors.js';

/** Rows an import may hold besides its header; the 5,000-row file fits with room to spare. */
export const MAX_IMPORT_ROWS = 20_000;

export interface ParsedTable {
  format: 'csv' | 'xlsx';
  header: string[];
  /** Data rows, each as long as the header, numbered as a spreadsheet shows them (the header is row 1). */
  rows: Array<{ row: number; cells: string[] }>;
}

const unreadable = (message: string) => new AppError(422, 'directory.import_unreadable', message);
const notTable = () =>
  new AppError(415, 'directory.import_not_table', 'The file is neither UTF-8 CSV nor an Excel (.xlsx) workbook');
const tooManyRows = () =>
  new AppError(413, 'directory.import_too_many_rows', `An import holds at most ${MAX_IMPORT_ROWS} rows`);

/** An .xlsx file is a zip archive; everything else must be UTF-8 text to be read as CSV. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Reads an uploaded CSV (UTF-8, with or without BOM, semicolons or commas) or Excel workbook as a table of text. */
export async function parseTable(file: Buffer): Promise<ParsedTable> {
  if (file.length === 0) throw unreadable('The file is empty');
  const format = file.subarray(0, 4).equals(ZIP_MAGIC) ? 'xlsx' : 'csv';
  const cells = format === 'xlsx' ? await readWorkbook(file) : readCsv(decodeText(file));
  const [header, ...rows] = cells
    .map((row, index) => ({ row: index + 1, cells: row }))
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
  if (!header) throw unreadable('The file has no header row');
  if (rows.length > MAX_IMPORT_ROWS) throw tooManyRows();
  const width = header.cells.length;
  return {
    format,
    header: header.cells.map((cell) => cell.trim()),
    rows: rows.map(({ row, cells }) => ({
      row,
      cells: Array.from({ length: width }, (_, index) => cells[index] ?? ''),
    })),
  };
}

function decodeText(file: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    throw notTable();
  }
  // Binary files can be valid UTF-8 by chance; text never holds NUL.
  if (text.includes('\0')) throw notTable();
  return text.replace(/^\uFEFF/, '');
}

/** The delimiter the header line uses most: semicolons (Excel in Sweden) or commas. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (character: string) => firstLine.split(character).length;
  return count(';') >= count(',') ? ';' : ',';
}

/** RFC 4180 CSV: quoted fields may hold delimiters, doubled quotes and line breaks; CRLF or LF ends a row. */
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
  if (quoted) throw unreadable('A quoted field is not closed');
  if (cell !== '' || row.length > 0) rows.push([...row, unneutralised(cell)]);
  return rows;
}

/** The export writes "'+46 19 …" so that spreadsheets do not compute it (export.ts); read it back as written. */
const unneutralised = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

async function readWorkbook(file: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw unreadable('The file looks like a zip archive but is not an Excel (.xlsx) workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable('The workbook has no sheet');
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1) throw tooManyRows();
  const rows: string[][] = [];
  for (let number = 1; number <= sheet.rowCount; number += 1) {
    const row = sheet.getRow(number);
    rows.push(Array.from({ length: sheet.columnCount }, (_, index) => row.getCell(index + 1).text));
  }
  return rows;
}

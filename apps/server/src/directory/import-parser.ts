import ExcelJS from 'exceljs';
import { CsvSyntaxError, readCsv } from '../platform/files/spreadsheet.js';
import { AppError } from '../platform/http/errors.js';

export { readCsv };

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
  const cells = format === 'xlsx' ? await readWorkbook(file) : csvCells(decodeText(file));
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

function csvCells(text: string): string[][] {
  try {
    return readCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw unreadable(error.message);
    throw error;
  }
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

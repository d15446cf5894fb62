import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseTable, readCsv } from '../src/directory/import-parser.js';
import { planImport } from '../src/directory/import-plan.js';
import type { DirectorySnapshot } from '../src/directory/import-repository.js';
import { checkMapping, readRows, suggestMapping } from '../src/directory/import-rows.js';

const HEADER = 'kind;unit;name;title;holder;contact_kind;contact_label;contact_value;priority';

describe('reading an import file', () => {
  it('reads CSV with a byte-order mark, semicolons, quotes and CRLF, numbering rows as a spreadsheet does', async () => {
    const text = `\uFEFF${HEADER}\r\nperson;Region / IVA;"Åsa ""Lotta"" Lindqvist";Sjuksköterska;;phone;"Vakt; natt";'+46 19 602 10 00;1\r\n\r\nunit;Region;Region;;;;;;\r\n`;
    const table = await parseTable(Buffer.from(text, 'utf8'));
    expect(table.format).toBe('csv');
    expect(table.header[0]).toBe('kind');
    expect(table.rows).toEqual([
      {
        row: 2,
        cells: [
          'person',
          'Region / IVA',
          'Åsa "Lotta" Lindqvist',
          'Sjuksköterska',
          '',
          'phone',
          'Vakt; natt',
          '+46 19 602 10 00',
          '1',
        ],
      },
      { row: 4, cells: ['unit', 'Region', 'Region', '', '', '', '', '', ''] },
    ]);
  });

  it('reads comma-separated CSV without a byte-order mark, and line breaks inside quotes', () => {
    expect(readCsv('a,b\n"x\ny",2')).toEqual([
      ['a', 'b'],
      ['x\ny', '2'],
    ]);
  });

  it('reads the first sheet of an Excel workbook as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Directory');
    sheet.addRow(HEADER.split(';'));
    sheet.addRow(['unit', 'Region', 'Region', '', '', 'phone', '', '019-602 10 00', 2]);
    const table = await parseTable(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(table.format).toBe('xlsx');
    expect(table.rows[0]).toEqual({
      row: 2,
      cells: ['unit', 'Region', 'Region', '', '', 'phone', '', '019-602 10 00', '2'],
    });
  });

  it('refuses what is not a table, saying why', async () => {
    await expect(parseTable(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]))).rejects.toMatchObject({ status: 415 });
    await expect(parseTable(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toMatchObject({ status: 422 });
    await expect(parseTable(Buffer.alloc(0))).rejects.toMatchObject({ status: 422 });
    await expect(parseTable(Buffer.from('a;"b\n1;2'))).rejects.toMatchObject({ code: 'directory.import_unreadable' });
  });
});

describe('mapping and checking rows', () => {
  const header = HEADER.split(';');

  it("maps the export's own column names, in any case, and leaves other columns out", () => {
    expect(suggestMapping(['Kind', 'UNIT', 'name', 'Contact value', 'notes', 'kind'])).toEqual([
      'kind',
      'unit',
      'name',
      'contact_value',
      null,
      null,
    ]);
  });

  it('refuses a mapping that misses a needed field, names one twice or does not fit the file', () => {
    expect(() => checkMapping(['a', 'b'], ['unit', 'name'])).toThrow(/no column is mapped to kind/);
    expect(() => checkMapping(['a', 'b', 'c'], ['kind', 'unit', 'unit'])).toThrow(/more than once: unit/);
    expect(() => checkMapping(['a', 'b', 'c', 'd'], ['kind', 'unit', 'name'])).toThrow(/4 columns/);
  });

  it('reports each bad row by row and field, and keeps the good ones', () => {
    const cells = (line: string) => line.split(';');
    const { rows, errors, errorRows } = readRows(
      {
        format: 'csv',
        header,
        rows: [
          { row: 2, cells: cells('person;Region / IVA;Åsa Lindqvist;;;phone;;019-1;1') },
          { row: 3, cells: cells('robot;Region;R2;;;;;;') },
          { row: 4, cells: cells('person;Region;Cher;;;fax;;1;0') },
          { row: 5, cells: cells('unit;Region / IVA;Akuten;;;;;;') },
        ],
      },
      checkMapping(header, header as never),
    );
    expect(rows.map((row) => row.row)).toEqual([2]);
    expect(rows[0]).toMatchObject({ kind: 'person', path: ['Region', 'IVA'], contact: { kind: 'phone', priority: 1 } });
    expect(errorRows).toBe(3);
    // A code and its values for the web to word, and a whole English sentence naming what was found.
    expect(errors).toEqual([
      {
        row: 3,
        field: 'kind',
        code: 'kind_unknown',
        values: { value: 'robot' },
        message: 'The kind must be unit, person or function, not "robot"',
      },
      {
        row: 4,
        field: 'name',
        code: 'name_needs_family',
        values: { value: 'Cher' },
        message: 'A person needs a given and a family name; "Cher" is one name',
      },
      {
        row: 4,
        field: 'priority',
        code: 'priority_invalid',
        values: { value: '0' },
        message: 'The priority must be a whole number from 1 to 99, not "0"',
      },
      {
        row: 4,
        field: 'contact_kind',
        code: 'contact_kind_unknown',
        values: { value: 'fax', kinds: 'phone, mobile, pager, radio, satellite, email, address, fallback' },
        message:
          'The contact kind must be one of phone, mobile, pager, radio, satellite, email, address, fallback; not "fax"',
      },
      {
        row: 5,
        field: 'name',
        code: 'name_not_unit',
        values: { value: 'Akuten', expected: 'IVA' },
        message: 'A unit\'s name must be the last level of its path, "IVA", not "Akuten"',
      },
    ]);
    for (const error of errors) expect(error.message).toMatch(/^[A-Z].*[^.]$/);
  });
});

describe('planning an import', () => {
  const snapshot: DirectorySnapshot = {
    units: [{ id: 'u1', parentId: null, name: 'Region' }],
    people: [{ id: 'p1', unitId: 'u1', fullName: 'Göran Åkesson', title: 'Läkare' }],
    functions: [],
    contacts: [{ id: 'c1', ownerId: 'p1', kind: 'phone', value: '019-602 10 00', label: '', priority: 1 }],
  };

  it('creates what is missing, changes what differs, matches numbers by their digits and holders by name', () => {
    const plan = planImport(snapshot, [
      { row: 2, kind: 'person', path: ['region'], name: 'göran åkesson', title: 'Överläkare', contact: null },
      {
        row: 3,
        kind: 'person',
        path: ['Region'],
        name: 'Göran Åkesson',
        contact: { kind: 'phone', value: '+46 19 602 10 00', priority: 2 },
      },
      { row: 4, kind: 'function', path: ['Region', 'IVA'], name: 'Jour', holder: 'Göran Åkesson', contact: null },
      { row: 5, kind: 'function', path: ['Region', 'IVA'], name: 'TiB', holder: 'Nobody Here', contact: null },
    ]);
    expect(plan.created).toEqual({ units: 1, people: 0, functions: 1, contacts: 0 });
    expect(plan.updated).toEqual({ units: 0, people: 1, functions: 0, contacts: 1 });
    expect(plan.updates.get('p1')?.columns).toMatchObject({ title: 'Överläkare' });
    expect(plan.updates.get('c1')?.columns).toEqual({ priority: 2 });
    expect(plan.inserts['directory.functions'][0]).toMatchObject({ name: 'Jour', holder_id: 'p1' });
    expect(plan.errors).toEqual([
      {
        row: 5,
        field: 'holder',
        code: 'holder_unknown',
        values: { value: 'Nobody Here' },
        message: 'Nobody in the directory is called Nobody Here',
      },
    ]);
  });
});

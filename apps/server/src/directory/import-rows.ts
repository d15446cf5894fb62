import {
  type ContactKind,
  contactKinds,
  type ImportField,
  type ImportRowError,
  type ImportRowErrorCode,
  importFields,
  requiredImportFields,
} from '@kontor/contracts';
import { badRequest } from '../platform/http/errors.js';
import type { ParsedTable } from './import-parser.js';

export type ColumnMapping = Array<ImportField | null>;

/** What one row of an import means: a unit, a person or a function, and optionally one of its contact points. */
export interface ImportRow {
  row: number;
  kind: 'unit' | 'person' | 'function';
  /** The unit's path from the root ("Region Örebro län / Akutmottagningen"): the unit itself, or where one works. */
  path: string[];
  name: string;
  /** Absent when no column is mapped to it: then an existing record keeps its own. */
  title?: string;
  holder?: string;
  contact: { kind: ContactKind; value: string; label?: string; priority?: number } | null;
}

/** The export separates the levels of a unit's path with " / " (export.ts). */
const PATH_SEPARATOR = ' / ';

const normalisedHeader = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Each column whose header is a field's name (any case, spaces for underscores) is mapped to that field. */
export function suggestMapping(header: string[]): ColumnMapping {
  const taken = new Set<ImportField>();
  return header.map((cell) => {
    const field = importFields.find((candidate) => candidate === normalisedHeader(cell));
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** A mapping names each column once at most, every column of the file, and the fields a row needs. */
export function checkMapping(header: string[], columns: Array<ImportField | ''>): ColumnMapping {
  const mapping = columns.map((field) => field || null);
  const problems: string[] = [];
  if (mapping.length !== header.length) {
    problems.push(`the file has ${header.length} columns, the mapping names ${mapping.length}`);
  }
  const mapped = mapping.filter((field): field is ImportField => field !== null);
  const twice = [...new Set(mapped.filter((field, index) => mapped.indexOf(field) !== index))];
  if (twice.length > 0) problems.push(`mapped more than once: ${twice.join(', ')}`);
  const missing = requiredImportFields.filter((field) => !mapped.includes(field));
  if (missing.length > 0) problems.push(`no column is mapped to ${missing.join(', ')}`);
  if (problems.length > 0) {
    throw badRequest(
      'directory.import_bad_mapping',
      `The column mapping does not fit the file: ${problems.join('; ')}`,
      problems.map((message) => ({ path: 'querystring.columns', message })),
    );
  }
  return mapping;
}

const ENTRY_KINDS = new Set(['unit', 'person', 'function']);
/** The longest name of a unit, person, title, function or contact label (the API's own limit). */
const MAX_NAME = 200;
const CONTACT_KINDS = new Set<string>(contactKinds);

/** A row's error: what is wrong (`code`, for translations, with the values it names) and an English sentence. */
export const rowError = (
  row: number,
  field: ImportField | null,
  code: ImportRowErrorCode,
  message: string,
  values: Record<string, string | number> = {},
): ImportRowError => ({ row, field, code, values, message });

/** Reads every row through the mapping; a row with any error is reported (by row and field) and left out. */
export function readRows(
  table: ParsedTable,
  mapping: ColumnMapping,
): { rows: ImportRow[]; errors: ImportRowError[]; errorRows: number } {
  const rows: ImportRow[] = [];
  const errors: ImportRowError[] = [];
  let errorRows = 0;
  for (const { row, cells } of table.rows) {
    const rowErrors: ImportRowError[] = [];
    const fail = (
      field: ImportField,
      code: ImportRowErrorCode,
      message: string,
      values: Record<string, string | number> = {},
    ) => rowErrors.push(rowError(row, field, code, message, values));
    const value = (field: ImportField): string | undefined => {
      const index = mapping.indexOf(field);
      return index < 0 ? undefined : (cells[index] ?? '').trim();
    };
    const text = (field: ImportField, max: number): string | undefined => {
      const found = value(field);
      if (found !== undefined && found.length > max) {
        fail(field, 'too_long', `This is ${found.length} characters long; at most ${max} fit`, {
          length: found.length,
          max,
        });
      }
      return found;
    };

    const kindText = value('kind') ?? '';
    const kind = kindText.toLowerCase();
    if (!ENTRY_KINDS.has(kind)) {
      fail('kind', 'kind_unknown', `The kind must be unit, person or function, not "${kindText}"`, {
        value: kindText,
      });
    }
    const path = (value('unit') ?? '').split(PATH_SEPARATOR).map((part) => part.trim());
    if (path.some((part) => part === '')) {
      fail('unit', 'unit_level_empty', 'The unit path has an empty level; name every level, separated by " / "');
    }
    const longest = Math.max(...path.map((part) => part.length));
    if (longest > MAX_NAME) {
      fail('unit', 'too_long', `A level of the unit path is ${longest} characters long; at most ${MAX_NAME} fit`, {
        length: longest,
        max: MAX_NAME,
      });
    }
    const name = text('name', MAX_NAME) ?? '';
    const last = path.at(-1) ?? '';
    if (name === '') fail('name', 'name_empty', 'The name is empty');
    else if (kind === 'unit' && name.toLowerCase() !== last.toLowerCase()) {
      fail('name', 'name_not_unit', `A unit's name must be the last level of its path, "${last}", not "${name}"`, {
        value: name,
        expected: last,
      });
    } else if (kind === 'person' && !name.includes(' ')) {
      fail('name', 'name_needs_family', `A person needs a given and a family name; "${name}" is one name`, {
        value: name,
      });
    }
    const title = text('title', MAX_NAME);
    const holder = text('holder', MAX_NAME);

    const contactKindText = value('contact_kind') ?? '';
    const contactKind = contactKindText.toLowerCase();
    const contactValue = text('contact_value', 2000) ?? '';
    const label = text('contact_label', MAX_NAME);
    const priorityText = value('priority');
    const priority = priorityText ? Number(priorityText) : undefined;
    if (priority !== undefined && !(Number.isInteger(priority) && priority >= 1 && priority <= 99)) {
      fail('priority', 'priority_invalid', `The priority must be a whole number from 1 to 99, not "${priorityText}"`, {
        value: priorityText ?? '',
      });
    }
    const hasContact = contactKind !== '' || contactValue !== '';
    if (hasContact && !CONTACT_KINDS.has(contactKind)) {
      const kinds = contactKinds.join(', ');
      const found = contactKindText === '' ? 'it is empty' : `not "${contactKindText}"`;
      fail('contact_kind', 'contact_kind_unknown', `The contact kind must be one of ${kinds}; ${found}`, {
        value: contactKindText,
        kinds,
      });
    }
    if (hasContact && contactValue === '') {
      fail(
        'contact_value',
        'contact_value_empty',
        `The contact value is empty, though the contact kind is "${contactKindText}"`,
        {
          kind: contactKindText,
        },
      );
    }

    if (rowErrors.length > 0) {
      errorRows += 1;
      errors.push(...rowErrors);
      continue;
    }
    rows.push({
      row,
      kind: kind as ImportRow['kind'],
      path,
      name,
      title,
      holder,
      contact: hasContact ? { kind: contactKind as ContactKind, value: contactValue, label, priority } : null,
    });
  }
  return { rows, errors, errorRows };
}

import { z } from 'zod';

/**
 * What a column of an imported file can mean. The names are the export's own column names, so an exported file
 * maps itself and re-imports unchanged. A row is one contact point of a unit, a function or a person (or none).
 */
export const importFields = [
  'kind',
  'unit',
  'name',
  'title',
  'holder',
  'contact_kind',
  'contact_label',
  'contact_value',
  'priority',
] as const;
export type ImportField = (typeof importFields)[number];
/** Without these a row cannot say what it is. */
export const requiredImportFields: readonly ImportField[] = ['kind', 'unit', 'name'];
/** A mapping (the field of each column, null to ignore one) can be checked and applied once these have columns. */
export const mappingIsComplete = (mapping: ReadonlyArray<ImportField | null>) =>
  requiredImportFields.every((field) => mapping.includes(field));

/**
 * The query of a preview or an apply: the field of each column of the file, in order, comma-separated; an
 * empty place ignores that column. Without it the preview suggests a mapping from the header.
 */
export const importQuery = z.strictObject({
  fileName: z.string().trim().min(1).max(200).default('import'),
  columns: z
    .string()
    .max(1000)
    .transform((text) => text.split(','))
    .pipe(z.array(z.union([z.enum(importFields), z.literal('')])).max(100))
    .optional(),
});
/** The query as the server reads it: the columns as a list. */
export type ImportQuery = z.output<typeof importQuery>;

/** What can be wrong with one row of an import; the web words each in the user's language. */
export const importRowErrorCodes = [
  'kind_unknown',
  'unit_level_empty',
  'too_long',
  'name_empty',
  'name_not_unit',
  'name_needs_family',
  'priority_invalid',
  'contact_kind_unknown',
  'contact_value_empty',
  'holder_unknown',
  'holder_ambiguous',
] as const;
export type ImportRowErrorCode = (typeof importRowErrorCodes)[number];

export const importRowError = z.object({
  /** The row as a spreadsheet numbers it: the header is row 1. */
  row: z.number().int(),
  field: z.enum(importFields).nullable(),
  code: z.enum(importRowErrorCodes),
  /** What the message names (the value found, a limit), for translations of `code`. */
  values: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The error in English, a whole sentence naming what was found. */
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowError>;

export const importCounts = z.object({
  units: z.number().int(),
  people: z.number().int(),
  functions: z.number().int(),
  contacts: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCounts>;

export const importPreview = z.object({
  format: z.enum(['csv', 'xlsx']),
  header: z.array(z.string()),
  /** The field each column is mapped to (the one asked for, or the suggestion), null when ignored. */
  mapping: z.array(z.enum(importFields).nullable()),
  /** The first rows of the file, as text, numbered as in a spreadsheet. */
  sample: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  rowCount: z.number().int(),
  /** Rows with errors are skipped by an apply; the first 500 errors are listed. */
  errorRows: z.number().int(),
  errors: z.array(importRowError),
  /** What an apply would create and change now. */
  created: importCounts,
  updated: importCounts,
});
export type ImportPreview = z.infer<typeof importPreview>;

/** One applied import: an audited change set that an undo takes back whole. */
export const importSummary = z.object({
  id: z.uuid(),
  fileName: z.string(),
  at: z.iso.datetime(),
  by: z.string(),
  rowCount: z.number().int(),
  skippedRows: z.number().int(),
  created: importCounts,
  updated: importCounts,
  undoneAt: z.iso.datetime().nullable(),
  undoneBy: z.string().nullable(),
});
export type ImportSummary = z.infer<typeof importSummary>;

export const importResult = importSummary.extend({ errors: z.array(importRowError) });
export type ImportResult = z.infer<typeof importResult>;

/** An apply names the field of every column; it never guesses. */
export const importApplyQuery = importQuery.required({ columns: true });
export type ImportApplyQuery = z.output<typeof importApplyQuery>;

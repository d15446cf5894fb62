import { ApiError, type FieldError } from '../../../app/api-client';

/**
 * The field errors of a list sent whole (the card types), by row: `body.types.2.from` → row 2, field `from`;
 * an error that names a row but no field (an overlap) is the row's own, under `''`.
 */
export function rowErrors(error: unknown, list: string): Map<number, Map<string, FieldError>> {
  const rows = new Map<number, Map<string, FieldError>>();
  if (!(error instanceof ApiError)) return rows;
  const pattern = new RegExp(`(?:^|\\.)${list}\\.(\\d+)(?:\\.(\\w+))?`);
  for (const fieldError of error.problem.errors ?? []) {
    const match = pattern.exec(fieldError.path);
    if (!match) continue;
    const row = Number(match[1]);
    const fields = rows.get(row) ?? new Map<string, FieldError>();
    const field = match[2] ?? '';
    if (!fields.has(field)) fields.set(field, fieldError);
    rows.set(row, fields);
  }
  return rows;
}

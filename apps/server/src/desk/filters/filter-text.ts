import type { RawBuilder } from 'kysely';
import { AppError } from '../../platform/http/errors.js';
import { compileIncidentFilter } from '../query-fields.js';

const isSyntaxProblem = (error: unknown): error is AppError =>
  error instanceof AppError && error.code === 'desk.query_syntax';

/**
 * Proves a filter text reads before it is saved: the same 400 `desk.query_syntax` (with position, length and what
 * was expected) as `GET /api/desk/incidents?q=`, naming the body field it came from instead of the query string.
 */
export function checkFilterText(input: string, path: string, userId: string | null): void {
  try {
    compileIncidentFilter(input, { userId, now: new Date() });
  } catch (error) {
    if (!isSyntaxProblem(error)) throw error;
    const errors = (error.extra.errors ?? []).map((fieldError) => ({ ...fieldError, path }));
    throw new AppError(error.status, error.code, error.message, { ...error.extra, errors });
  }
}

/**
 * A saved text compiled for reading; the language may have changed since it was saved, so a text that no longer
 * reads is an answer (its message), not a failure of the whole page.
 */
export function compileSavedFilter(
  input: string,
  userId: string | null,
): { where: RawBuilder<boolean> } | { problem: string } {
  try {
    return { where: compileIncidentFilter(input, { userId, now: new Date() }) };
  } catch (error) {
    if (isSyntaxProblem(error)) return { problem: error.message };
    throw error;
  }
}

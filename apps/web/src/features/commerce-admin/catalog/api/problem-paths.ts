import { ApiError, type FieldError } from '../../../../app/api-client';

/** Field errors keyed by where they are in the request (`name.sv`, `variants.0.sku`), the first of each kept. */
export type ProblemPaths = Record<string, FieldError>;

/**
 * The field errors of a failed request by their full path, without the part of the request they came in
 * (`body.`, `querystring.`, `params.`). The app's own `fieldErrors()` keeps only the first segment, which is too
 * coarse for a product whose every language and variant is a field of its own.
 */
export function problemPaths(error: unknown): ProblemPaths {
  const result: ProblemPaths = {};
  if (!(error instanceof ApiError)) return result;
  for (const fieldError of error.problem.errors ?? []) {
    const path = fieldError.path.replace(/^(body|querystring|query|params)\.?/, '');
    if (!(path in result)) result[path] = fieldError;
  }
  return result;
}

/** The errors under `prefix` (`variants.0`), with the prefix taken off their paths; `''` names the prefix itself. */
export function problemsUnder(paths: ProblemPaths, prefix: string): ProblemPaths {
  const result: ProblemPaths = {};
  for (const [path, fieldError] of Object.entries(paths)) {
    if (path === prefix) result[''] = fieldError;
    else if (path.startsWith(`${prefix}.`)) result[path.slice(prefix.length + 1)] = fieldError;
  }
  return result;
}

/** Re-roots every path under `prefix`: the errors of a variant's request become the variant's in the form. */
export function problemsAt(paths: ProblemPaths, prefix: string): ProblemPaths {
  const result: ProblemPaths = {};
  for (const [path, fieldError] of Object.entries(paths)) result[path ? `${prefix}.${path}` : prefix] = fieldError;
  return result;
}

/** Whether any error lies at `prefix` or under it. */
export const hasProblemsUnder = (paths: ProblemPaths, prefix: string) =>
  Object.keys(paths).some((path) => path === prefix || path.startsWith(`${prefix}.`));

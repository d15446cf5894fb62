import { ApiError } from '../../../app/api-client';

export interface FilterError {
  message: string;
  position: number;
  length: number;
  expected: string[];
}

/** The position of a filter the server could not read (400 desk.query_syntax), or null for any other error. */
export function filterError(error: unknown): FilterError | null {
  if (!(error instanceof ApiError) || error.code !== 'desk.query_syntax') return null;
  const problem = error.problem as typeof error.problem & { position?: unknown; length?: unknown; expected?: unknown };
  return {
    message: error.problem.detail,
    position: typeof problem.position === 'number' ? problem.position : 0,
    length: typeof problem.length === 'number' ? problem.length : 0,
    expected: Array.isArray(problem.expected) ? problem.expected.map(String) : [],
  };
}

/** The input split around the offending part; an error at the end marks one blank place. */
export function splitAtError(input: string, error: FilterError): [string, string, string] {
  const start = Math.min(Math.max(0, error.position), input.length);
  const end = Math.min(input.length, start + Math.max(0, error.length));
  return [input.slice(0, start), input.slice(start, end) || ' ', input.slice(end)];
}

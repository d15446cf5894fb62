import { STATUS_CODES } from 'node:http';
import type { ZodType, z } from 'zod';

export interface FieldError {
  /** Where: `query.limit`, `body.name`. */
  path: string;
  message: string;
}

/** An answer of the API: a JSON body, or a problem (RFC 9457) when `problem` is set. */
export interface Reply {
  status: number;
  body?: unknown;
  problem?: boolean;
}

export const ok = (body: unknown, status = 200): Reply => ({ status, body });

export function problem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): Reply {
  return {
    status,
    problem: true,
    body: { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, code, detail, ...extra },
  };
}

/** Thrown by a handler to answer a problem. */
export class Problem extends Error {
  constructor(readonly reply: Reply) {
    super(String((reply.body as { detail?: string }).detail));
  }
}

export const invalid = (detail: string, errors: FieldError[]) =>
  new Problem(problem(400, 'invalid_input', detail, { errors }));

/** Validates a request's query or body; a failure answers 400 naming each wrong field. */
export function parse<T extends ZodType>(schema: T, value: unknown, where: 'query' | 'body'): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw invalid(
    `The request's ${where} is not valid`,
    result.error.issues.map((issue) => ({ path: [where, ...issue.path].join('.'), message: issue.message })),
  );
}

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

export interface FieldError {
  path: string;
  message: string;
  /** zod's issue code (`too_small`, `invalid_type` …) or a module's own, for clients that word errors themselves. */
  code?: string;
  minimum?: number;
  maximum?: number;
}

/**
 * The one error type services throw. `code` is stable and namespaced by module (`identity.username_taken`);
 * the handler below turns it into RFC 9457 problem+json.
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: {
      errors?: FieldError[];
      retryAfterSeconds?: number;
      /** RFC 9457 extension members a module adds to its problem (a filter's error position, say). */
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} was not found`);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const badRequest = (code: string, message: string, errors?: FieldError[]) =>
  new AppError(400, code, message, { errors: errors?.map((error) => ({ code, ...error })) });
export const unauthenticated = () => new AppError(401, 'unauthenticated', 'Sign in to continue');
export const forbidden = (permission: string) =>
  new AppError(403, 'forbidden', `This needs the permission ${permission}`);

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  requestId: string;
  errors?: FieldError[];
  /** Extension members of a module's problem (AppError's `extensions`). */
  [extension: string]: unknown;
}

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  423: 'Locked',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** Fastify's own request errors, named by their codes, mapped to our codes. */
const fastifyCodes: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'empty_body' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid_content_length' },
};

function toProblem(error: FastifyError | AppError | Error, request: FastifyRequest): Problem {
  const base = { instance: request.url, requestId: String(request.id) };
  const make = (status: number, code: string, detail: string, errors?: FieldError[]): Problem => ({
    type: `urn:kontor:problem:${code}`,
    title: titles[status] ?? 'Error',
    status,
    detail,
    code,
    ...base,
    ...(errors ? { errors } : {}),
  });

  if (error instanceof AppError)
    return { ...error.extra.extensions, ...make(error.status, error.code, error.message, error.extra.errors) };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError).validationContext ?? 'body';
    const errors = error.validation.flatMap((issue) => {
      const path = [context, ...issue.instancePath.split('/').filter(Boolean)].join('.');
      // Name each unknown field itself rather than the object that holds it.
      const unknownKeys =
        issue.keyword === 'unrecognized_keys' ? (issue.params.keys as string[] | undefined) : undefined;
      if (unknownKeys) {
        return unknownKeys.map((key) => ({
          path: `${path}.${key}`,
          message: 'is not a known field',
          code: 'unrecognized_keys',
        }));
      }
      const { minimum, maximum } = issue.params as { minimum?: unknown; maximum?: unknown };
      return [
        {
          path,
          message: issue.message ?? 'is invalid',
          code: issue.keyword,
          ...(typeof minimum === 'number' && { minimum }),
          ...(typeof maximum === 'number' && { maximum }),
        },
      ];
    });
    return make(
      400,
      'validation_failed',
      `The request ${context} is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      errors,
    );
  }
  // Raised by the sync capture trigger when a client node is asked to change what only its hub may.
  if ((error as { code?: string }).code === '42501') {
    return make(409, 'sync.read_only', 'This node holds a read-only copy of this data; make the change on the hub');
  }
  const fastifyError = error as FastifyError;
  if (error instanceof SyntaxError || fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return make(400, 'invalid_json', `The body is not valid JSON: ${error.message}`);
  }
  const known = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
  if (known) return make(known.status, known.code, error.message);
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500 && !isResponseSerializationError(error)) {
    return make(status, fastifyError.code?.toLowerCase() ?? 'bad_request', error.message);
  }
  return make(500, 'internal', 'Something went wrong on our side. The request id identifies it in the log.');
}

export function sendProblem(reply: FastifyReply, problem: Problem, retryAfterSeconds?: number) {
  if (retryAfterSeconds) reply.header('retry-after', String(retryAfterSeconds));
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const problem = toProblem(error, request);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: problem.code, status: problem.status }, problem.detail);
  return sendProblem(reply, problem, error instanceof AppError ? error.extra.retryAfterSeconds : undefined);
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return sendProblem(
    reply,
    toProblem(new AppError(404, 'route_not_found', `No route ${request.method} ${request.url.split('?')[0]}`), request),
  );
}

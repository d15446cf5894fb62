import type { Problem } from '@kontor/contracts';

/** One invalid field of a problem: its path, the server's English message, and a code to word it by. */
export type FieldError = NonNullable<Problem['errors']>[number];

/** A non-2xx answer of the API, carrying its RFC 9457 problem details. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
  }

  /** The first error of each form field, keyed by that field: `body.roleIds.0` → `roleIds`. */
  fieldErrors(): Record<string, FieldError> {
    const result: Record<string, FieldError> = {};
    for (const error of this.problem.errors ?? []) {
      const field = error.path.replace(/^(body|query|params)\.?/, '').split('.')[0] ?? '';
      if (field && !(field in result)) result[field] = error;
    }
    return result;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;
let requestLanguage = 'en';

/** Sent as Accept-Language so the server answers in the language the user picked, not the browser's. */
export function setRequestLanguage(language: string) {
  requestLanguage = language;
}

/** The token comes with GET /api/me and the sign-in answer; every unsafe request echoes it. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when a request other than the sign-in itself answers 401: the session has ended. */
export function setUnauthorizedHandler(handler: (() => void) | null) {
  onUnauthorized = handler;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'code' in value;
}

async function toApiError(response: Response, path: string): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy error page, an empty body): described below from the status alone.
  }
  if (isProblem(body)) {
    const defaults = { title: response.statusText, detail: '', type: 'about:blank', instance: path, requestId: '' };
    return new ApiError(Object.assign(defaults, body));
  }
  return new ApiError({
    type: 'about:blank',
    title: response.statusText || 'Error',
    status: response.status,
    detail: response.statusText || `HTTP ${response.status}`,
    code: response.status >= 500 ? 'internal' : 'http_error',
    instance: path,
    requestId: '',
  });
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | null | undefined>;
  signal?: AbortSignal;
  /** Leave a 401 to the caller instead of ending the session (GET /api/me, sign-in). */
  allowUnauthorized?: boolean;
  /** Extra request headers, e.g. the key a registered kiosk tablet identifies itself with. */
  headers?: Record<string, string>;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    ...options.headers,
    accept: 'application/json',
    'accept-language': requestLanguage,
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let url = path;
  if (options.query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query)) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
    const search = params.toString();
    if (search) url += `?${search}`;
  }

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      detail: error instanceof Error ? error.message : String(error),
      code: 'network',
      instance: path,
      requestId: '',
    });
  }

  if (!response.ok) {
    const error = await toApiError(response, path);
    if (response.status === 401 && !options.allowUnauthorized) onUnauthorized?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

import type { BundleImportOutcome, BundleRefusalReason, NodeVector, Problem } from '@kontor/contracts';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../../app/api-client';

export type { BundleImportOutcome, BundleRefusalReason, NodeVector };

export const nodeVectorQueryKey = ['sync', 'vector'] as const;

export function useNodeVector() {
  return useQuery({ queryKey: nodeVectorQueryKey, queryFn: () => api<NodeVector>('/api/sync/vector') });
}

export type Vector = Record<string, number>;
export type ExportChoice = { kind: 'everything' } | { kind: 'since'; vector: Vector } | { kind: 'snapshot' };

/** The export is a plain download the browser streams to disk, so a large bundle never passes through the page. */
export function bundleExportUrl(choice: ExportChoice): string {
  if (choice.kind === 'snapshot') return '/api/sync/bundle?full=1';
  if (choice.kind === 'since') return `/api/sync/bundle?since=${encodeURIComponent(JSON.stringify(choice.vector))}`;
  return '/api/sync/bundle';
}

const NODE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A pasted version vector (node id to sequence number, as the other node shows it), or null when it is not one. */
export function parseVector(text: string): Vector | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  const valid = entries.every(([node, seq]) => NODE_ID.test(node) && Number.isSafeInteger(seq) && seq >= 0);
  return valid ? (Object.fromEntries(entries) as Vector) : null;
}

/** The reason named by a refusal's problem code `sync.bundle_<reason>`, if the error is one. */
export function bundleRefusalReason(error: unknown): string | undefined {
  return error instanceof ApiError && error.code.startsWith('sync.bundle_')
    ? error.code.slice('sync.bundle_'.length)
    : undefined;
}

export interface UploadOptions {
  csrfToken: string | null;
  language: string;
  /** Bytes sent so far and in all, as the browser reports them while it sends the file. */
  onProgress: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

function problemOf(xhr: XMLHttpRequest): ApiError {
  let body: unknown = null;
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    // Not JSON (a proxy's error page): described from the status alone.
  }
  const problem = body as Partial<Problem> | null;
  return new ApiError({
    type: 'about:blank',
    title: xhr.statusText || 'Error',
    detail: xhr.statusText || `HTTP ${xhr.status}`,
    instance: '/api/sync/bundle',
    requestId: '',
    ...problem,
    status: problem?.status ?? xhr.status,
    code: problem?.code ?? (xhr.status >= 500 ? 'internal' : 'http_error'),
  });
}

const networkError = () =>
  new ApiError({
    type: 'about:blank',
    title: 'Network error',
    status: 0,
    detail: 'The upload was interrupted',
    code: 'network',
    instance: '/api/sync/bundle',
    requestId: '',
  });

/**
 * Sends a bundle file for import. XMLHttpRequest, not fetch: only it reports upload progress. The browser streams
 * the file from disk, so the page never holds it in memory, however large it is.
 */
export function uploadBundle(file: File, options: UploadOptions): Promise<BundleImportOutcome> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/sync/bundle');
    xhr.setRequestHeader('content-type', 'application/gzip');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', options.language);
    if (options.csrfToken) xhr.setRequestHeader('x-csrf-token', options.csrfToken);
    xhr.upload.onprogress = (event) =>
      options.onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as BundleImportOutcome);
      else reject(problemOf(xhr));
    };
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

const BYTE_UNITS = ['kilobyte', 'megabyte', 'gigabyte'] as const;

/** "0.7 kB", "3.4 MB" in the user's language; bundles are never small enough for bytes to matter. */
export function formatBytes(language: string, bytes: number): string {
  let unit = 0;
  let value = bytes / 1024;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: BYTE_UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}

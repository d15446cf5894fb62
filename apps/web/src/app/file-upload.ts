import type { Problem } from '@kontor/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/auth/api/session';
import { ApiError } from './api-client';

export interface UploadOptions {
  csrfToken: string | null;
  language: string;
  /** Bytes sent so far and in all, as the browser reports them while it sends the file. */
  onProgress: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

function problemOf(xhr: XMLHttpRequest, url: string): ApiError {
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
    instance: url,
    requestId: '',
    ...problem,
    status: problem?.status ?? xhr.status,
    code: problem?.code ?? (xhr.status >= 500 ? 'internal' : 'http_error'),
  });
}

/**
 * POSTs a file as the request body and answers the JSON reply. XMLHttpRequest, not fetch: only it reports upload
 * progress. The browser streams the file from disk, so the page never holds it in memory, however large it is.
 */
export function uploadFile<T>(url: string, file: File, contentType: string, options: UploadOptions): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', contentType);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', options.language);
    if (options.csrfToken) xhr.setRequestHeader('x-csrf-token', options.csrfToken);
    xhr.upload.onprogress = (event) =>
      options.onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as T);
      else reject(problemOf(xhr, url));
    };
    xhr.onerror = () =>
      reject(
        new ApiError({
          type: 'about:blank',
          title: 'Network error',
          status: 0,
          detail: 'The upload was interrupted',
          code: 'network',
          instance: url,
          requestId: '',
        }),
      );
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

export type UploadState<T> =
  | { phase: 'idle' }
  | { phase: 'sending'; sent: number; total: number }
  /** Every byte is sent; the node reads the file whole and answers. */
  | { phase: 'checking' }
  | { phase: 'done'; outcome: T }
  | { phase: 'failed'; error: unknown };

type Send<A extends unknown[], T> = (file: File, options: UploadOptions, ...args: A) => Promise<T>;

/**
 * Sends one file at a time with `send` and tells how far it got; a new upload or leaving the page cancels an
 * unfinished one. `start` answers the outcome, or undefined when it failed or was cancelled.
 */
export function useFileUpload<A extends unknown[], T>(send: Send<A, T>, onDone?: (outcome: T) => unknown) {
  const { data: me } = useMe();
  const { i18n } = useTranslation();
  const [state, setState] = useState<UploadState<T>>({ phase: 'idle' });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const start = useCallback(
    async (file: File, ...args: A): Promise<T | undefined> => {
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      setState({ phase: 'sending', sent: 0, total: file.size });
      try {
        const outcome = await send(
          file,
          {
            csrfToken: me?.csrfToken ?? null,
            language: i18n.language,
            signal: controller.signal,
            onProgress: (sent, total) =>
              setState(sent >= total ? { phase: 'checking' } : { phase: 'sending', sent, total }),
          },
          ...args,
        );
        setState({ phase: 'done', outcome });
        await onDone?.(outcome);
        return outcome;
      } catch (error) {
        if (!controller.signal.aborted) setState({ phase: 'failed', error });
        return undefined;
      }
    },
    [send, onDone, me?.csrfToken, i18n.language],
  );
  const reset = useCallback(() => setState({ phase: 'idle' }), []);
  const busy = state.phase === 'sending' || state.phase === 'checking';
  return { state, busy, start, reset };
}

const BYTE_UNITS = ['kilobyte', 'megabyte', 'gigabyte'] as const;

/** "0.7 kB", "3.4 MB" in the user's language; uploads are never small enough for bytes to matter. */
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

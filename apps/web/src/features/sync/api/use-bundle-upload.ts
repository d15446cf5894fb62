import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/api/session';
import { type BundleImportOutcome, uploadBundle } from './bundles-api';

export type UploadState =
  | { phase: 'idle' }
  | { phase: 'sending'; sent: number; total: number }
  /** Every byte is sent; the node checks the file whole and merges it. */
  | { phase: 'checking' }
  | { phase: 'done'; outcome: BundleImportOutcome }
  | { phase: 'failed'; error: unknown };

/** Imports one bundle at a time and tells how far it got; leaving the page cancels an unfinished upload. */
export function useBundleUpload() {
  const { data: me } = useMe();
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const start = useCallback(
    async (file: File) => {
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      setState({ phase: 'sending', sent: 0, total: file.size });
      try {
        const outcome = await uploadBundle(file, {
          csrfToken: me?.csrfToken ?? null,
          language: i18n.language,
          signal: controller.signal,
          onProgress: (sent, total) =>
            setState(sent >= total ? { phase: 'checking' } : { phase: 'sending', sent, total }),
        });
        setState({ phase: 'done', outcome });
        // This node's status and vector moved with what the bundle brought.
        await queryClient.invalidateQueries({ queryKey: ['sync'] });
      } catch (error) {
        if (!controller.signal.aborted) setState({ phase: 'failed', error });
      }
    },
    [me?.csrfToken, i18n.language, queryClient],
  );
  const reset = useCallback(() => setState({ phase: 'idle' }), []);
  const busy = state.phase === 'sending' || state.phase === 'checking';
  return { state, busy, start, reset };
}

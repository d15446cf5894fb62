import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useFileUpload } from '../../../app/file-upload';
import { uploadBundle } from './bundles-api';

/** Imports one bundle at a time and tells how far it got; leaving the page cancels an unfinished upload. */
export function useBundleUpload() {
  const queryClient = useQueryClient();
  // This node's status and vector moved with what the bundle brought.
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: ['sync'] }), [queryClient]);
  return useFileUpload(uploadBundle, refresh);
}

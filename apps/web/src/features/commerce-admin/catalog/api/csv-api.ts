import type { CatalogImport, searchRebuildResult } from '@kontor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { z } from 'zod';
import { api } from '../../../../app/api-client';
import { type UploadOptions, uploadFile } from '../../../../app/file-upload';
import { catalogPaths } from './catalog-paths';
import { catalogKey } from './taxonomy-api';

export type RebuildResult = z.infer<typeof searchRebuildResult>;

export const CSV_ACCEPT = '.csv,text/csv';
const importsKey = [...catalogKey, 'imports'] as const;
const importKey = (id: string) => [...importsKey, id] as const;
/** How often a running import is asked how far it got: often enough for a bar that moves. */
const POLL_MS = 700;

/** Uploads the file and answers its preview: counts of creates and updates, and every row error. */
export const sendCatalogCsv = (file: File, options: UploadOptions) =>
  uploadFile<CatalogImport>(
    `${catalogPaths.imports}?${new URLSearchParams({ fileName: file.name.slice(0, 200) })}`,
    file,
    'text/csv',
    options,
  );

export function useRecentImports() {
  return useQuery({
    queryKey: importsKey,
    queryFn: ({ signal }) => api<{ imports: CatalogImport[] }>(catalogPaths.imports, { signal }),
    select: (data) => data.imports,
  });
}

/** An import, asked again while it runs. */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: importKey(id ?? ''),
    queryFn: ({ signal }) => api<CatalogImport>(catalogPaths.import(id ?? ''), { signal }),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.state === 'running' ? POLL_MS : false),
  });
}

export function useApplyImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<CatalogImport>(catalogPaths.importApply(id), { method: 'POST' }),
    onSuccess: (answer) => queryClient.setQueryData(importKey(answer.id), answer),
  });
}

/** Once an import is done the products it wrote show everywhere: the catalog is read again. */
export function useCatalogRefresh() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: catalogKey }), [queryClient]);
}

export function useRebuildSearch() {
  return useMutation({
    mutationFn: () => api<RebuildResult>(catalogPaths.searchRebuild, { method: 'POST' }),
  });
}

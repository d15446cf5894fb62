import type { ImportField, ImportPreview, ImportResult, ImportSummary } from '@kontor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { type UploadOptions, uploadFile } from '../../../app/file-upload';

export type ImportMapping = Array<ImportField | null>;

/** The types the picker offers and the server reads. */
export const IMPORT_ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const importsKey = ['directory', 'imports'] as const;

/** The query naming the file and, when chosen, the field of each column (an empty place ignores a column). */
export function importQuery(fileName: string, mapping: ImportMapping | null): string {
  const params = new URLSearchParams({ fileName: fileName.slice(0, 200) });
  if (mapping) params.set('columns', mapping.map((field) => field ?? '').join(','));
  return params.toString();
}

/** The server reads the file whatever it is called; the type only says what the browser believes it is. */
const typeOf = (file: File) => (file.name.toLowerCase().endsWith('.xlsx') ? XLSX_TYPE : 'text/csv');

export const sendPreview = (file: File, options: UploadOptions, mapping: ImportMapping | null) =>
  uploadFile<ImportPreview>(
    `/api/directory/imports/preview?${importQuery(file.name, mapping)}`,
    file,
    typeOf(file),
    options,
  );

export const sendImport = (file: File, options: UploadOptions, mapping: ImportMapping) =>
  uploadFile<ImportResult>(`/api/directory/imports?${importQuery(file.name, mapping)}`, file, typeOf(file), options);

export function useRecentImports() {
  return useQuery({ queryKey: importsKey, queryFn: () => api<ImportSummary[]>('/api/directory/imports') });
}

export function useUndoImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<ImportSummary>(`/api/directory/imports/${id}/undo`, { method: 'POST' }),
    // The directory's pages and the list of imports both changed.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['directory'] }),
  });
}

/** Records created and changed, as one number each. */
export const total = (counts: ImportSummary['created']) =>
  counts.units + counts.people + counts.functions + counts.contacts;

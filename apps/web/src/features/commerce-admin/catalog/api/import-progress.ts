import type { CatalogImport } from '@kontor/contracts';

/** How far an import is, 0 to 1. */
export function importFraction(entry: Pick<CatalogImport, 'state' | 'processedRows' | 'totalRows'>): number {
  if (entry.state === 'done') return 1;
  if (entry.totalRows <= 0) return 0;
  return Math.min(1, Math.max(0, entry.processedRows / entry.totalRows));
}

/** Rows an apply will write: every row less those skipped for errors. */
export const applicableRows = (entry: Pick<CatalogImport, 'totalRows' | 'errorRows'>) =>
  Math.max(0, entry.totalRows - entry.errorRows);

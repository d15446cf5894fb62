import type { Db, Platform } from '../../platform/platform.js';
import type { SearchIndex } from '../search/search-index.js';
import type { CatalogDb } from './tables.js';

/** What every service of the catalog is built with. */
export interface CatalogContext {
  platform: Platform;
  search: SearchIndex;
}

/** The catalog's typed view of any transaction or the node's database. */
export const catalogDb = (db: Db): CatalogDb => db as unknown as CatalogDb;

/** PostgreSQL's unique violation, named by its constraint or index (the race a pre-check cannot close). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pgError = error as { code?: string; constraint?: string; message?: string; detail?: string };
  if (pgError?.code !== '23505') return false;
  if (!constraint) return true;
  return pgError.constraint === constraint || Boolean(pgError.message?.includes(constraint));
}

export const iso = (date: Date | string) => new Date(date).toISOString();
export const isoOrNull = (date: Date | string | null | undefined) => (date ? new Date(date).toISOString() : null);

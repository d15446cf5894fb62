import type { ParseKeys } from 'i18next';
import { ApiError } from '../../../app/api-client';

/** Someone else saved the record first (409): it has to be read again before the edit can be saved. */
export const isStaleVersion = (error: unknown) => error instanceof ApiError && error.code === 'crm.stale_version';

/**
 * The message key for the CRM's own problems (apps/server/src/legacy/errors.ts), or undefined for any other, which
 * the app's general problem text words. `editing`: the user was saving an existing record, which may still live
 * only in the legacy CRM.
 */
export function crmProblemKey(error: unknown, editing = false): ParseKeys | undefined {
  if (!(error instanceof ApiError)) return undefined;
  switch (error.code) {
    case 'crm.legacy_unavailable':
      return editing ? 'crm.problems.legacyUnavailableEdit' : 'crm.problems.legacyUnavailable';
    case 'crm.stale_version':
      return 'crm.problems.staleVersion';
    case 'crm.backfill_incomplete':
      return 'crm.problems.switchRefused';
    case 'crm.hub_only':
      return 'crm.problems.hubOnly';
  }
  return undefined;
}

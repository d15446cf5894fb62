import { AppError, conflict, type FieldError } from '../platform/http/errors.js';

/**
 * The CRM's answers that are not successes (docs/legacy.md): a reference to nothing is 422 with field paths, a stale
 * version or a refused switch 409, and a legacy CRM that does not answer while a record still lives only there 503.
 */
export const unprocessable = (code: string, message: string, errors: FieldError[] = []) =>
  new AppError(422, `crm.${code}`, message, { errors: errors.map((error) => ({ code, ...error })) });

export const stateConflict = (code: string, message: string, errors: FieldError[] = []) =>
  new AppError(409, `crm.${code}`, message, { errors: errors.map((error) => ({ code, ...error })) });

/** An edit made from a version someone else has changed since: the editor reloads and edits again. */
export const staleVersion = (what: string, current: number) =>
  stateConflict('stale_version', `${what} was changed by someone else meanwhile; reload it and edit again`, [
    { path: 'body.version', message: `is not the current version (${current})` },
  ]);

export const legacyUnavailable = (what: string) =>
  new AppError(
    503,
    'crm.legacy_unavailable',
    `${what} lives only in the legacy CRM, which does not answer now; try again later`,
  );

export const hubOnly = () => conflict('crm.hub_only', 'The CRM lives on the hub; open it there');

export const CRM_READ = 'crm.read';
export const CRM_WRITE = 'crm.write';
export const CRM_ADMIN = 'crm.admin';

import { AppError, conflict, type FieldError } from '../platform/http/errors.js';

/**
 * The desk's answers that are not successes (docs/desk.md). A well-formed request naming something that cannot be
 * (an unknown category, an assignee who is no agent) is 422 with field paths; a change the incident's state does
 * not allow is 409. Schema validation (an empty title, a 30 kB description) is the platform's 400.
 */
export const unprocessable = (code: string, message: string, errors: FieldError[] = []) =>
  new AppError(422, `desk.${code}`, message, { errors: errors.map((error) => ({ code, ...error })) });

export const hubOnly = () => conflict('desk.hub_only', 'The service desk lives on the hub; open it there');

export const badTransition = (from: string, to: string) =>
  conflict('desk.bad_transition', `An incident cannot go from ${from} to ${to}`);

export const agentOnly = (paths: string[]) =>
  new AppError(403, 'desk.agent_only', `Only service desk agents set ${paths.join(', ')}`, {
    errors: paths.map((path) => ({ path, message: 'only agents set this', code: 'agent_only' })),
  });

export const nameTaken = (path: string, name: string) =>
  new AppError(409, 'desk.name_taken', `“${name}” is already in the list`, {
    errors: [{ path, message: 'is already in the list', code: 'name_taken' }],
  });

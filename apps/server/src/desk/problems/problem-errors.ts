import { AppError, conflict, type FieldError } from '../../platform/http/errors.js';
import { unprocessable } from '../errors.js';

/** The problems' answers that are not successes (docs/desk-problems.md). */
export const unknownIncidents = (errors: FieldError[]) =>
  unprocessable('unknown_incident', 'Some of the incidents do not exist', errors);

export const incidentsInOpenProblem = (errors: FieldError[]) =>
  new AppError(409, 'desk.incident_in_problem', 'An incident can be in one open problem only', {
    errors: errors.map((error) => ({ code: 'incident_in_problem', ...error })),
  });

export const problemClosed = () =>
  conflict('desk.problem_closed', 'The problem is closed; its incidents stay as they are');

export const exportNotConfigured = () =>
  conflict(
    'desk.problem_export_not_configured',
    'No task manager is configured: set deskProblemWebhookUrl and deskProblemWebhookSecret',
  );

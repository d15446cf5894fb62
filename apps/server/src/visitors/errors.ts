import { AppError, conflict, type FieldError } from '../platform/http/errors.js';

/**
 * The visitors module's answers that are not successes (docs/visitors.md lists every code). A request that is
 * well-formed but names something that cannot be (an unknown host, a card outside every type, overlapping ranges)
 * is 422 with the field paths; a request that clashes with the current state (a card already given, an entry
 * already closed) is 409. Schema validation (an empty or 10 kB name) is the platform's 400 `validation_failed`.
 */
export const unprocessable = (code: string, message: string, errors: FieldError[] = []) =>
  new AppError(422, `visitors.${code}`, message, {
    errors: errors.map((error) => ({ code, ...error })),
  });

export const visitorsConflict = (code: string, message: string) => conflict(`visitors.${code}`, message);

export const hubOnly = () =>
  visitorsConflict('hub_only', 'Visits are registered on the hub; this node holds only the evacuation list');

export const cardTaken = (card: number) => visitorsConflict('card_taken', `Card ${card} is already given to a guest`);

/** PostgreSQL's unique violation on the one-active-holder index: another receptionist was first with this card. */
export function isCardTakenRace(error: unknown): boolean {
  const pgError = error as { code?: string; constraint?: string; message?: string };
  return (
    pgError?.code === '23505' &&
    (pgError.constraint === 'entries_one_holder' || Boolean(pgError.message?.includes('entries_one_holder')))
  );
}

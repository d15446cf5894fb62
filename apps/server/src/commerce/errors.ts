import { AppError, conflict, type FieldError } from '../platform/http/errors.js';

/**
 * The shop's answers that are not successes (docs/commerce.md). A well-formed request naming something that cannot
 * be (an unknown SKU, a currency the shop does not sell in) is 422 with field paths; a change the record's state
 * does not allow, or stock that is not there, is 409. Schema validation is the platform's 400.
 */
export const unprocessable = (code: string, message: string, errors: FieldError[] = []) =>
  new AppError(422, `commerce.${code}`, message, { errors: errors.map((error) => ({ code, ...error })) });

export const stateConflict = (code: string, message: string, errors: FieldError[] = []) =>
  new AppError(409, `commerce.${code}`, message, { errors: errors.map((error) => ({ code, ...error })) });

export const hubOnly = () => conflict('commerce.hub_only', 'The shop lives on the hub; open it there');

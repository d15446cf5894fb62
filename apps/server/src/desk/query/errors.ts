/** What went wrong, for the caller's problem+json and for translating the message. */
export type QueryErrorCode = 'syntax' | 'unknown_field' | 'bad_value' | 'bad_operator' | 'too_long' | 'too_deep';

/**
 * A filter the user typed that cannot be run. `position`/`length` are the 0-based character offset and length of
 * the offending token in the input (length 0 at the end of input), `expected` what would have been accepted there:
 * tokens such as `')'`, descriptions such as `a value`, or the known field names and allowed values.
 */
export class QueryError extends Error {
  override readonly name = 'QueryError';
  readonly code: QueryErrorCode;
  readonly position: number;
  readonly length: number;
  readonly expected: string[];

  constructor(code: QueryErrorCode, message: string, position: number, length: number, expected: string[] = []) {
    super(message);
    this.code = code;
    this.position = position;
    this.length = length;
    this.expected = expected;
  }
}

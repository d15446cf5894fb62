import { MAX_ORDER_QUANTITY } from '@kontor/contracts';
import type { TFunction } from 'i18next';
import { ApiError } from '../../../app/api-client';
import { fieldErrorText } from '../../../app/problem-text';

/** `body.lines.3.quantity` → 3: the server names a line by its place in the list that was sent. */
export function lineIndexOf(path: string): number | null {
  const match = /^(?:body\.)?lines\.(\d+)(?:\.|$)/.exec(path);
  return match ? Number(match[1]) : null;
}

/** The server's complaints about single lines, worded in the user's language, by the line's place. */
export function lineErrors(t: TFunction, error: unknown): Record<number, string> {
  const result: Record<number, string> = {};
  if (!(error instanceof ApiError)) return result;
  for (const fieldError of error.problem.errors ?? []) {
    const index = lineIndexOf(fieldError.path);
    if (index === null || index in result) continue;
    // The server's quantity check has its own code, with the range it allows.
    result[index] =
      fieldError.code === 'quantity'
        ? t('supplies.errors.quantity', { maximum: fieldError.maximum ?? MAX_ORDER_QUANTITY })
        : fieldErrorText(t, fieldError, 'number');
  }
  return result;
}

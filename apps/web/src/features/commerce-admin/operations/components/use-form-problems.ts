import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorText } from '../../../../app/problem-text';
import { commerceFieldKey, serverFieldErrors } from '../api/field-errors';
import type { Problems } from '../api/rule-draft';

/** Fields whose value is a number: "too small" is then worded as a number's limit, not a text's length. */
const NUMBER_FIELDS = /(percentBp|minQuantity|position|maxWeightGrams|amountMinor)$/;

/**
 * A form's problems next to its fields: those `check` finds in what is typed (message keys) and those the server
 * answered (field paths of its problem+json), both keyed by the request's paths. The form's own show from the first
 * submit on and follow the typing, so a fixed field loses its error at once. `shows` says which fields the form
 * has: a server error on none of them goes above the form instead.
 */
export function useFormProblems(
  error: unknown,
  check: () => Problems,
  fieldOf: (path: string) => string,
  shows: (field: string) => boolean,
) {
  const { t } = useTranslation();
  const [submitted, setSubmitted] = useState(false);
  const problems = submitted ? check() : {};
  const server = serverFieldErrors(error, fieldOf);
  const errorAt = (field: string): string | undefined => {
    const own = problems[field];
    if (own) return t(own as never);
    const fieldError = server[field];
    if (!fieldError) return undefined;
    const key = commerceFieldKey(fieldError);
    return key ? t(key as never) : fieldErrorText(t, fieldError, NUMBER_FIELDS.test(field) ? 'number' : 'text');
  };
  const explained = Object.keys(server).some(shows);
  return { submitted: () => setSubmitted(true), errorAt, server, generalError: explained ? null : error };
}

import type { FieldError } from '../../platform/http/errors.js';
import { unprocessable } from '../errors.js';
import type { OptionAxis } from './tables.js';
import { translationProblems } from './translations.js';

/** A field error with the catalog's own code (`sku_taken`, `option_mismatch` …) for clients that word it. */
export const problem = (code: string, path: string, message: string): FieldError => ({ code, path, message });

/** One 422 for all the problems of a request; its code is theirs when they share one. */
export function refuse(problems: FieldError[], message = 'Some fields cannot be saved'): void {
  if (problems.length === 0) return;
  const codes = new Set(problems.map((entry) => entry.code ?? 'invalid_catalog_data'));
  const [only] = codes;
  throw unprocessable(codes.size === 1 && only ? only : 'invalid_catalog_data', message, problems);
}

/** Option axes: distinct keys, each named in sv and en. */
export function axesProblems(axes: OptionAxis[], path: string, locales: readonly string[]): FieldError[] {
  return axes.flatMap((axis, index) => [
    ...(axes.findIndex((other) => other.key === axis.key) !== index
      ? [problem('option_repeated', `${path}.${index}.key`, `repeats the option "${axis.key}"`)]
      : []),
    ...translationProblems(axis.name, `${path}.${index}.name`, locales, true).map((entry) => ({
      ...entry,
      code: 'invalid_catalog_text',
    })),
  ]);
}

/** A variant names a value for exactly its product's option axes, no more, no fewer. */
export function optionValueProblems(axes: OptionAxis[], values: Record<string, string>, path: string): FieldError[] {
  const keys = axes.map((axis) => axis.key);
  return [
    ...keys
      .filter((key) => !values[key]?.trim())
      .map((key) =>
        problem('option_mismatch', `${path}.${key}`, `is required: the product varies by ${keys.join(', ')}`),
      ),
    ...Object.keys(values)
      .filter((key) => !keys.includes(key))
      .map((key) =>
        problem(
          'option_mismatch',
          `${path}.${key}`,
          keys.length > 0 ? `is not an option of the product (${keys.join(', ')})` : 'the product has no options',
        ),
      ),
  ];
}

/** The same option values twice would make two variants a shopper cannot tell apart. */
export const optionCombination = (axes: OptionAxis[], values: Record<string, string>) =>
  JSON.stringify(axes.map((axis) => values[axis.key]?.trim().toLowerCase() ?? ''));

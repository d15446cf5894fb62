import type { FieldError } from '../../../../app/api-client';
import { problemPaths } from '../../catalog/api/problem-paths';

/**
 * The server's field errors of a failed save by the form field they belong to (`fieldOf` folds `target.productId`
 * to `target`), the first of each kept, with the full path still on each error.
 */
export function serverFieldErrors(error: unknown, fieldOf: (path: string) => string): Record<string, FieldError> {
  const result: Record<string, FieldError> = {};
  for (const [path, fieldError] of Object.entries(problemPaths(error))) {
    const field = fieldOf(path);
    if (!(field in result)) result[field] = { ...fieldError, path };
  }
  return result;
}

/**
 * The message key of the checkout part's own field codes (discount-service.ts and shipping-service.ts on the
 * server). Some codes cover several checks, told apart by the field they name. Undefined: zod's codes and others,
 * worded by the app's general field texts.
 */
export function commerceFieldKey(error: FieldError): string | undefined {
  const { code, path } = error;
  switch (code) {
    case 'unsold_currency':
      return 'commerceOps.codes.unsoldCurrency';
    case 'shipping_code_taken':
      return 'commerceOps.shipping.problem.codeTaken';
    case 'unknown_shipping_zone':
      return 'commerceOps.shipping.problem.unknownZone';
    case 'shipping_rates_invalid':
      return path.endsWith('.currency')
        ? 'commerceOps.codes.unsoldCurrency'
        : 'commerceOps.shipping.problem.bracketRepeated';
    case 'discount_rule_invalid':
      if (path === 'endsAt') return 'commerceOps.codes.problem.endsAt.range';
      if (path === 'productIds') return 'commerceOps.rules.problem.productRepeated';
      return 'commerceOps.rules.problem.notInCatalog';
  }
  return undefined;
}

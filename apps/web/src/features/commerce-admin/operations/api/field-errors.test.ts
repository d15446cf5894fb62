import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../app/api-client';
import { commerceFieldKey, serverFieldErrors } from './field-errors';

const problem = (errors: Array<{ path: string; message: string; code?: string }>) =>
  new ApiError({
    type: 'about:blank',
    title: 'Unprocessable',
    status: 422,
    detail: '',
    code: 'commerce.discount_rule_invalid',
    instance: '/api/commerce/discounts/rules',
    requestId: '',
    errors,
  });

describe('server field errors of the checkout admin', () => {
  it('keeps the first error of each form field, with its full path', () => {
    const error = problem([
      { path: 'body.productIds.1', message: 'no such record in the catalog', code: 'discount_rule_invalid' },
      { path: 'body.productIds.0', message: 'no such record in the catalog', code: 'discount_rule_invalid' },
      { path: 'body.target.categoryId', message: 'no such record in the catalog', code: 'discount_rule_invalid' },
    ]);
    const fields = serverFieldErrors(error, (path) => path.split('.')[0] ?? path);
    expect(Object.keys(fields)).toEqual(['productIds', 'target']);
    expect(fields.productIds?.path).toBe('productIds.1');
    expect(serverFieldErrors(new Error('offline'), (path) => path)).toEqual({});
  });

  it('words the codes that cover several checks by the field they name', () => {
    const key = (code: string, path: string) => commerceFieldKey({ code, path, message: '' });
    expect(key('discount_rule_invalid', 'endsAt')).toBe('commerceOps.codes.problem.endsAt.range');
    expect(key('discount_rule_invalid', 'productIds')).toBe('commerceOps.rules.problem.productRepeated');
    expect(key('discount_rule_invalid', 'productIds.1')).toBe('commerceOps.rules.problem.notInCatalog');
    expect(key('shipping_rates_invalid', 'rates.0.currency')).toBe('commerceOps.codes.unsoldCurrency');
    expect(key('shipping_rates_invalid', 'rates.2.maxWeightGrams')).toBe(
      'commerceOps.shipping.problem.bracketRepeated',
    );
    expect(key('unsold_currency', 'amounts.NOK')).toBe('commerceOps.codes.unsoldCurrency');
    expect(key('too_small', 'minQuantity')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../app/api-client';
import { hasProblemsUnder, problemPaths, problemsAt, problemsUnder } from './problem-paths';

const problem = (errors: Array<{ path: string; message: string; code?: string }>) =>
  new ApiError({
    type: 'about:blank',
    title: 'Unprocessable',
    status: 422,
    detail: 'Some fields cannot be saved',
    code: 'commerce.invalid_catalog_data',
    instance: '/api/commerce/products',
    requestId: 'r1',
    errors,
  });

describe('problem paths', () => {
  const error = problem([
    { path: 'body.name.sv', message: 'is required' },
    { path: 'body.variants.1.sku', message: 'is taken', code: 'sku_taken' },
    { path: 'body.variants.1.sku', message: 'second error for the same field' },
    { path: 'querystring.cursor', message: 'bad' },
    { path: 'body', message: 'the whole body' },
  ]);

  it('keys each field error by its full path in the request, the first of each', () => {
    const paths = problemPaths(error);
    expect(Object.keys(paths)).toEqual(['name.sv', 'variants.1.sku', 'cursor', '']);
    expect(paths['variants.1.sku']?.code).toBe('sku_taken');
  });

  it('has none for errors that are no problem of the API', () => {
    expect(problemPaths(new Error('boom'))).toEqual({});
  });

  it('takes the errors under a prefix and re-roots them', () => {
    const paths = problemPaths(error);
    expect(Object.keys(problemsUnder(paths, 'variants.1'))).toEqual(['sku']);
    expect(
      Object.keys(problemsAt({ sku: paths['variants.1.sku'] as never, '': paths[''] as never }, 'variants.k')),
    ).toEqual(['variants.k.sku', 'variants.k']);
    expect(hasProblemsUnder(paths, 'variants')).toBe(true);
    expect(hasProblemsUnder(paths, 'variant')).toBe(false);
  });
});

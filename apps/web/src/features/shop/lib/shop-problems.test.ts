import { describe, expect, it } from 'vitest';
import { formPaths, lineProblems } from './shop-problems';

describe('lineProblems', () => {
  const skus = ['YAM-PROP-13X17', 'YAM-PROP-13X17-S', 'ANCHOR-5'];

  it('finds the line by the SKU its message names, the longest match winning', () => {
    const problems = lineProblems(
      [
        { path: 'cart.lines.0.quantity', message: 'only 2 of YAM-PROP-13X17-S are available', code: 'out_of_stock' },
        { path: 'cart.lines.1.quantity', message: 'only 0 of ANCHOR-5 are available', code: 'out_of_stock' },
      ],
      skus,
      'out_of_stock',
    );
    expect(problems.get('YAM-PROP-13X17-S')).toEqual({ code: 'out_of_stock', available: 2 });
    expect(problems.get('ANCHOR-5')).toEqual({ code: 'out_of_stock', available: 0 });
    expect(problems.has('YAM-PROP-13X17')).toBe(false);
  });

  it('falls back to the position when the message names no SKU', () => {
    const problems = lineProblems([{ path: 'cart.lines.2.sku', message: 'is not sold' }], skus, 'unknown_sku');
    expect(problems.get('ANCHOR-5')).toEqual({ code: 'unknown_sku', available: null });
  });

  it('ignores errors of other fields', () => {
    expect(lineProblems([{ path: 'body.email', message: 'bad' }], skus, 'x').size).toBe(0);
  });
});

describe('formPaths', () => {
  it('keeps nested paths whole and drops the request part', () => {
    const paths = formPaths([
      { path: 'body.shippingAddress.city', message: 'required', code: 'too_small' },
      { path: 'body.email', message: 'bad' },
      { path: 'headers.idempotency-key', message: 'reused' },
      { path: 'cart.lines.0.quantity', message: 'short' },
    ]);
    expect([...paths.keys()]).toEqual(['shippingAddress.city', 'email', 'idempotency-key']);
  });
});

import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../app/api-client';
import { rowErrors } from './row-errors';

const problem = (errors: Array<{ path: string; message: string }>) =>
  new ApiError({
    type: 'about:blank',
    title: 'Unprocessable',
    status: 422,
    detail: '',
    code: 'validation_failed',
    instance: '/api/visitors/card-types',
    requestId: '',
    errors: errors.map((error) => ({ ...error, code: 'custom' })),
  });

describe('rowErrors', () => {
  it('puts each error on its row and field', () => {
    const rows = rowErrors(
      problem([
        { path: 'body.types.2.from', message: 'overlaps regular' },
        { path: 'body.types.0.key', message: 'invalid key' },
        { path: 'types.1', message: 'from after to' },
      ]),
      'types',
    );
    expect(rows.get(2)?.get('from')?.message).toBe('overlaps regular');
    expect(rows.get(0)?.get('key')?.message).toBe('invalid key');
    expect(rows.get(1)?.get('')?.message).toBe('from after to');
  });

  it('ignores other errors and other lists', () => {
    expect(rowErrors(new Error('x'), 'types').size).toBe(0);
    expect(rowErrors(problem([{ path: 'body.prototypes.1.from', message: 'no' }]), 'types').size).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../app/api-client';
import { filterError, splitAtError } from './filter-error';

const problem = (extra: object) =>
  new ApiError({
    type: 'urn:kontor:problem:desk.query_syntax',
    title: 'Bad request',
    status: 400,
    detail: 'Expected a value after >=',
    code: 'desk.query_syntax',
    instance: '/api/desk/incidents',
    requestId: '1',
    ...extra,
  });

describe('filter errors', () => {
  it('reads the position the server points at', () => {
    const error = filterError(problem({ position: 9, length: 2, expected: ['a value'] }));
    expect(error).toEqual({ message: 'Expected a value after >=', position: 9, length: 2, expected: ['a value'] });
    expect(splitAtError('priority:>=', error as NonNullable<typeof error>)).toEqual(['priority:', '>=', '']);
  });

  it('marks one blank place at the end of the input', () => {
    expect(splitAtError('status:', { message: '', position: 7, length: 0, expected: [] })).toEqual([
      'status:',
      ' ',
      '',
    ]);
  });

  it('ignores other problems', () => {
    expect(filterError(new Error('x'))).toBeNull();
  });
});

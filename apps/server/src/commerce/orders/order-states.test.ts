import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/errors.js';
import { badTransition, canMove, displayNumber, ORDER_STATUSES, parseDisplayNumber } from './order-states.js';

describe('order states', () => {
  it('allows the issue’s paths and nothing else', () => {
    const allowed = ORDER_STATUSES.flatMap((from) =>
      ORDER_STATUSES.filter((to) => canMove(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'created→paid',
        'created→cancelled',
        'paid→shipped',
        'paid→cancelled',
        'shipped→delivered',
        'delivered→returned',
        'returned→refunded',
      ].sort(),
    );
  });

  it('answers a bad move with 409 commerce.bad_transition naming what is possible', () => {
    const error = badTransition(100001, 'shipped', 'cancelled');
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(409);
    expect(error.code).toBe('commerce.bad_transition');
    expect(error.message).toContain('WG-100001 is shipped');
    expect(error.message).toContain('delivered');
    expect(badTransition(1, 'refunded', 'paid').message).toContain('final');
  });

  it('shows and reads order numbers', () => {
    expect(displayNumber(100042)).toBe('WG-100042');
    expect(parseDisplayNumber('WG-100042')).toBe(100042);
    expect(parseDisplayNumber(' wg100042 ')).toBe(100042);
    expect(parseDisplayNumber('100042')).toBe(100042);
    expect(parseDisplayNumber('anna@example.org')).toBeUndefined();
  });
});

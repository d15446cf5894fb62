import { nextStatuses } from '@kontor/contracts';
import { describe, expect, it } from 'vitest';
import { usualNextStatus } from './hub-status';

describe('hub status steps', () => {
  it('moves an order forward only, cancelling until it is delivered', () => {
    expect(nextStatuses('new')).toEqual(['received', 'confirmed', 'cancelled']);
    expect(nextStatuses('confirmed')).toEqual(['delivered', 'cancelled']);
    expect(nextStatuses('delivered')).toEqual([]);
    expect(nextStatuses('withdrawn')).toEqual([]);
  });

  it('suggests the usual next step, never cancelling', () => {
    expect(usualNextStatus('new')).toBe('received');
    expect(usualNextStatus('received')).toBe('confirmed');
    expect(usualNextStatus('confirmed')).toBe('delivered');
    expect(usualNextStatus('cancelled')).toBeNull();
  });
});

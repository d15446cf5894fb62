import type { Order } from '@kontor/contracts';
import { describe, expect, it } from 'vitest';
import { orderBadge } from './order-badge';

const at = '2026-03-02T10:00:00Z';
const order = (status: Order['status'], delivery: Order['delivery']) => ({ status, delivery });

describe('orderBadge', () => {
  it('says a refused order is rejected, with the hub’s reason, whatever its status', () => {
    expect(orderBadge(order('new', { state: 'rejected', reason: 'Okänd enhet', changedAt: at }))).toEqual({
      kind: 'rejected',
      reason: 'Okänd enhet',
    });
    expect(orderBadge(order('confirmed', { state: 'rejected', reason: null, changedAt: at })).kind).toBe('rejected');
  });

  it('says an order (or a change to it) still only on this node is saved locally', () => {
    expect(orderBadge(order('new', { state: 'local', reason: null, changedAt: at })).kind).toBe('local');
    expect(orderBadge(order('received', { state: 'local', reason: null, changedAt: at })).kind).toBe('local');
  });

  it('calls a new order that reached the hub sent, also when another node placed it', () => {
    expect(orderBadge(order('new', { state: 'sent', reason: null, changedAt: at })).kind).toBe('sent');
    expect(orderBadge(order('new', null)).kind).toBe('sent');
  });

  it('shows the hub’s status once it set one', () => {
    for (const status of ['received', 'confirmed', 'delivered', 'cancelled', 'withdrawn'] as const) {
      expect(orderBadge(order(status, { state: 'sent', reason: null, changedAt: at })).kind).toBe(status);
    }
  });
});

import type { Order } from '@kontor/contracts';
import { describe, expect, it } from 'vitest';
import { orderBadge } from './order-badge';

const order = (status: Order['status'], delivery: Order['delivery'], deliveryReason: string | null = null) => ({
  status,
  delivery,
  deliveryReason,
});

describe('orderBadge', () => {
  it('says a refused order is rejected, with the hub’s reason, whatever its status', () => {
    expect(orderBadge(order('new', 'rejected', 'Okänd enhet'))).toEqual({ kind: 'rejected', reason: 'Okänd enhet' });
    expect(orderBadge(order('confirmed', 'rejected')).kind).toBe('rejected');
  });

  it('says an order (or a change to it) still only on this node is saved locally', () => {
    expect(orderBadge(order('new', 'local')).kind).toBe('local');
    expect(orderBadge(order('received', 'local')).kind).toBe('local');
  });

  it('calls a new order that reached the hub sent, also when another node placed it', () => {
    expect(orderBadge(order('new', 'sent')).kind).toBe('sent');
    expect(orderBadge(order('new', null)).kind).toBe('sent');
  });

  it('shows the hub’s status once it set one', () => {
    for (const status of ['received', 'confirmed', 'delivered', 'cancelled', 'withdrawn'] as const) {
      expect(orderBadge(order(status, 'sent')).kind).toBe(status);
    }
  });
});

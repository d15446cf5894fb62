import { describe, expect, it } from 'vitest';
import { exportHref, filterStatuses, hubQueueFilters, noOrderFilters, orderQuery } from './order-filters';

describe('order filters', () => {
  it('asks for every status, one status, or the hub’s open ones', () => {
    expect(filterStatuses(noOrderFilters)).toBeUndefined();
    expect(filterStatuses({ ...noOrderFilters, status: 'confirmed' })).toBe('confirmed');
    expect(filterStatuses(hubQueueFilters)).toBe('new,received');
  });

  it('leaves empty filters out of the query', () => {
    expect(orderQuery({ ...noOrderFilters, q: '  KO-7 ', openRequests: true })).toEqual({
      unitId: undefined,
      status: undefined,
      delivery: undefined,
      q: 'KO-7',
      openRequests: 'true',
      from: undefined,
      to: undefined,
    });
  });

  it('exports what the list shows', () => {
    const filters = { ...noOrderFilters, status: 'delivered' as const, from: '2026-03-01', delivery: 'sent' as const };
    expect(exportHref(filters, 'xlsx')).toBe(
      '/api/supplies/orders/export?format=xlsx&status=delivered&delivery=sent&from=2026-03-01',
    );
    expect(exportHref(hubQueueFilters, 'csv')).toBe('/api/supplies/orders/export?format=csv&status=new%2Creceived');
  });
});

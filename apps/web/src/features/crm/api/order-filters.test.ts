import { describe, expect, it } from 'vitest';
import { filtersFromSearch, filtersToSearch, noCrmOrderFilters, orderListQuery } from './order-filters';

describe('CRM order filters', () => {
  it('round-trips through the address, leaving empty filters out', () => {
    const filters = { ...noCrmOrderFilters, client: 'C000123', status: 'done' as const, from: '2026-01-01' };
    const search = filtersToSearch(filters);
    expect(search.toString()).toBe('client=C000123&status=done&from=2026-01-01');
    expect(filtersFromSearch(search)).toEqual(filters);
  });

  it('ignores a status it does not know', () => {
    expect(filtersFromSearch(new URLSearchParams('status=lost&q=pump')).status).toBe('');
  });

  it('asks the API without empty filters, with the cursor and page size', () => {
    expect(orderListQuery({ ...noCrmOrderFilters, q: '  pump ' }, 'abc', 50)).toEqual({
      client: undefined,
      q: 'pump',
      status: undefined,
      from: undefined,
      to: undefined,
      cursor: 'abc',
      limit: 50,
    });
  });
});

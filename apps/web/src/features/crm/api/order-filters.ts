import { type CrmOrderStatus, crmOrderStatuses } from '@kontor/contracts';

/** What the CRM's order list is filtered by, as the page's address holds it: an empty string is "any". */
export interface CrmOrderFilters {
  /** A client's `ref`. */
  client: string;
  q: string;
  status: CrmOrderStatus | '';
  /** YYYY-MM-DD. */
  from: string;
  to: string;
}

export const noCrmOrderFilters: CrmOrderFilters = { client: '', q: '', status: '', from: '', to: '' };

const isStatus = (value: string): value is CrmOrderStatus => (crmOrderStatuses as readonly string[]).includes(value);

/** The filters in a shared or bookmarked address; an unknown status is ignored rather than sent to be refused. */
export function filtersFromSearch(params: URLSearchParams): CrmOrderFilters {
  const status = params.get('status') ?? '';
  return {
    client: params.get('client') ?? '',
    q: params.get('q') ?? '',
    status: isStatus(status) ? status : '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

/** The address's query for the filters, without the empty ones. */
export function filtersToSearch(filters: CrmOrderFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value.trim()) params.set(key, value.trim());
  return params;
}

/** The API's query for one page: empty filters are left out (the server refuses `status=`). */
export function orderListQuery(filters: CrmOrderFilters, cursor: string | undefined, limit: number) {
  return {
    client: filters.client.trim() || undefined,
    q: filters.q.trim() || undefined,
    status: filters.status || undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
    cursor,
    limit,
  };
}

import type { SalesReport, TopProductsReport, ZeroResultsReport } from '@kontor/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../../app/api-client';
import type { ReportPeriod } from './report-period';

const reportsKey = ['commerce', 'reports'] as const;

export function useSalesReport(period: ReportPeriod) {
  return useQuery({
    queryKey: [...reportsKey, 'sales', period],
    queryFn: ({ signal }) => api<SalesReport>('/api/commerce/reports/sales', { signal, query: { ...period } }),
    placeholderData: keepPreviousData,
  });
}

export function useTopProducts(period: ReportPeriod, by: 'revenue' | 'quantity') {
  return useQuery({
    queryKey: [...reportsKey, 'top', period, by],
    queryFn: ({ signal }) =>
      api<TopProductsReport>('/api/commerce/reports/top-products', { signal, query: { ...period, by, limit: 20 } }),
    placeholderData: keepPreviousData,
  });
}

export function useZeroResults(period: Pick<ReportPeriod, 'from' | 'to'>) {
  return useQuery({
    queryKey: [...reportsKey, 'zero', period.from, period.to],
    queryFn: ({ signal }) =>
      api<ZeroResultsReport>('/api/commerce/reports/zero-results', {
        signal,
        query: { from: period.from, to: period.to, limit: 100 },
      }),
    placeholderData: keepPreviousData,
  });
}

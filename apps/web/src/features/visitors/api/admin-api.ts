import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import type {
  KioskDevice,
  KioskDeviceCreated,
  ReportGrouping,
  VisitorCard,
  VisitorCardType,
  VisitorReport,
  VisitorSettings,
} from './types';
import { VISITORS_API, visitorsKey } from './visitors-api';

const adminKey = [...visitorsKey, 'admin'] as const;

function useAdminChange<Input, Output>(action: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: visitorsKey }),
  });
}

/** The whole list at once: the server checks that no two ranges overlap. */
export const useSaveCardTypes = () =>
  useAdminChange((types: VisitorCardType[]) =>
    api<unknown>(`${VISITORS_API}/card-types`, { method: 'PUT', body: { types } }),
  );

export const useAddCards = () =>
  useAdminChange((range: { from: number; to: number }) =>
    api<unknown>(`${VISITORS_API}/cards`, { method: 'POST', body: range }),
  );

export const useUpdateCard = () =>
  useAdminChange(({ number, status, note }: Pick<VisitorCard, 'number' | 'status' | 'note'>) =>
    api<VisitorCard>(`${VISITORS_API}/cards/${number}`, { method: 'PATCH', body: { status, note } }),
  );

export function useKioskDevices() {
  return useQuery({
    queryKey: [...adminKey, 'devices'],
    queryFn: async ({ signal }) => {
      const { kiosks } = await api<{ kiosks: KioskDevice[] }>(`${VISITORS_API}/kiosks`, { signal });
      return kiosks;
    },
  });
}

/** The answer holds the device's key, the only time it is shown. */
export const useCreateKioskDevice = () =>
  useAdminChange((name: string) =>
    api<KioskDeviceCreated>(`${VISITORS_API}/kiosks`, { method: 'POST', body: { name } }),
  );

export const useRevokeKioskDevice = () =>
  useAdminChange((id: string) => api<void>(`${VISITORS_API}/kiosks/${encodeURIComponent(id)}`, { method: 'DELETE' }));

export function useVisitorSettings() {
  return useQuery({
    queryKey: [...adminKey, 'settings'],
    queryFn: ({ signal }) => api<VisitorSettings>(`${VISITORS_API}/settings`, { signal }),
  });
}

export const useSaveVisitorSettings = () =>
  useAdminChange((settings: VisitorSettings) =>
    api<VisitorSettings>(`${VISITORS_API}/settings`, { method: 'PUT', body: settings }),
  );

export interface ReportRange {
  by: ReportGrouping;
  from: string;
  to: string;
}

export function useVisitorReport(range: ReportRange) {
  return useQuery({
    queryKey: [...adminKey, 'report', range],
    queryFn: ({ signal }) => api<VisitorReport>(`${VISITORS_API}/reports`, { signal, query: { ...range } }),
    placeholderData: keepPreviousData,
    enabled: Boolean(range.from && range.to),
  });
}

/** The same report as a CSV file: a plain link, so the browser downloads it with the session's cookie. */
export function reportCsvHref(range: ReportRange): string {
  const params = new URLSearchParams({ by: range.by, from: range.from, to: range.to, format: 'csv' });
  return `${VISITORS_API}/reports?${params}`;
}

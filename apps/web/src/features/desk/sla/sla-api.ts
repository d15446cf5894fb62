import type { Calendar, IncidentPriority, SlaPolicy } from '@kontor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';

const slaKey = ['desk-sla'] as const;
const API = '/api/desk/sla';
export type CalendarDraft = Omit<Calendar, 'id'>;

export function useCalendars() {
  return useQuery({
    queryKey: [...slaKey, 'calendars'],
    queryFn: async ({ signal }) => (await api<{ calendars: Calendar[] }>(`${API}/calendars`, { signal })).calendars,
  });
}

export function useSlaPolicies() {
  return useQuery({
    queryKey: [...slaKey, 'policies'],
    queryFn: async ({ signal }) => (await api<{ policies: SlaPolicy[] }>(`${API}/policies`, { signal })).policies,
  });
}

/** Adds a calendar (no id) or replaces one. */
export function useSaveCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...draft }: CalendarDraft & { id?: string }) =>
      id
        ? api<Calendar>(`${API}/calendars/${encodeURIComponent(id)}`, { method: 'PUT', body: draft })
        : api<Calendar>(`${API}/calendars`, { method: 'POST', body: draft }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: slaKey }),
  });
}

export function useSavePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ priority, ...targets }: SlaPolicy) =>
      api<SlaPolicy>(`${API}/policies/${priority}`, { method: 'PUT', body: targets }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: slaKey }),
  });
}

export function useDeletePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (priority: IncidentPriority) => api<void>(`${API}/policies/${priority}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: slaKey }),
  });
}

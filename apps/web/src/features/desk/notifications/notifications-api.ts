import type { Notification, NotificationEvent, NotificationPreferences } from '@kontor/contracts';
import { NOTIFICATIONS_TOPIC } from '@kontor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { useLiveTopic } from '../../../app/live-events';

const notificationsKey = ['desk-notifications'] as const;
const API = '/api/desk/notifications';

export interface NotificationPage {
  notifications: Notification[];
  unread: number;
  nextBefore: number | null;
}

/** The newest notifications and the unread count; live: the server pushes this user's own events only. */
export function useNotifications(enabled: boolean) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationsKey });
  useLiveTopic(NOTIFICATIONS_TOPIC, refresh, refresh, enabled);
  return useQuery({
    queryKey: [...notificationsKey, 'page'],
    queryFn: ({ signal }) => api<NotificationPage>(API, { signal, query: { limit: 15 } }),
    enabled,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number | 'all') =>
      api<{ unread: number }>(id === 'all' ? `${API}/read-all` : `${API}/${id}/read`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: [...notificationsKey, 'preferences'],
    queryFn: ({ signal }) => api<NotificationPreferences>(`${API}/preferences`, { signal }),
  });
}

export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preferences: Array<{ event: NotificationEvent; inApp: boolean; email: boolean }>) =>
      api<NotificationPreferences>(`${API}/preferences`, { method: 'PUT', body: { preferences } }),
    onSuccess: (saved) => queryClient.setQueryData([...notificationsKey, 'preferences'], saved),
  });
}

import type {
  Webhook,
  WebhookCreate,
  WebhookCreated,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookUpdate,
} from '@kontor/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { useLiveTopic } from '../../../app/live-events';
import { suppliesKey } from './catalog-api';
import { type DeliveryFilters, deliveryQuery } from './webhook-view';

const webhooksKey = [...suppliesKey, 'webhooks'] as const;
const webhookPath = (id: string, rest = '') => `/api/supplies/webhooks/${encodeURIComponent(id)}${rest}`;

export function useWebhooks() {
  return useQuery({
    queryKey: [...webhooksKey, 'list'],
    queryFn: ({ signal }) => api<Webhook[]>('/api/supplies/webhooks', { signal }),
  });
}

/** Newest first; the previous page stays on screen while another view loads. */
export function useWebhookDeliveries(filters: DeliveryFilters, limit: number) {
  return useQuery({
    queryKey: [...webhooksKey, 'deliveries', filters, limit],
    queryFn: ({ signal }) =>
      api<WebhookDeliveryPage>('/api/supplies/webhooks/deliveries', {
        signal,
        query: deliveryQuery(filters, limit),
      }),
    placeholderData: keepPreviousData,
  });
}

/**
 * Re-reads the webhooks and their deliveries when either changes on the hub: an attempt succeeded, failed or
 * gave up, or another administrator changed a webhook.
 */
export function useWebhooksLive() {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: webhooksKey });
  return useLiveTopic('supplies.webhooks', refresh, refresh);
}

/** Every change re-reads both lists: a test or a retry adds to the counts as well as to the deliveries. */
function useWebhookChange<Input, Output>(action: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
}

/** The answer holds the signing secret, the only time it is shown. */
export const useCreateWebhook = () =>
  useWebhookChange((input: WebhookCreate) =>
    api<WebhookCreated>('/api/supplies/webhooks', { method: 'POST', body: input }),
  );

export const useUpdateWebhook = () =>
  useWebhookChange(({ id, input }: { id: string; input: WebhookUpdate }) =>
    api<Webhook>(webhookPath(id), { method: 'PATCH', body: input }),
  );

export const useDeleteWebhook = () =>
  useWebhookChange((id: string) => api<void>(webhookPath(id), { method: 'DELETE' }));

/** Queues a ping; its outcome shows in the deliveries. */
export const useTestWebhook = () =>
  useWebhookChange((id: string) => api<WebhookDelivery>(webhookPath(id, '/test'), { method: 'POST' }));

export const useRetryDelivery = () =>
  useWebhookChange((id: string) =>
    api<WebhookDelivery>(`/api/supplies/webhooks/deliveries/${encodeURIComponent(id)}/retry`, { method: 'POST' }),
  );

import type {
  FeedEventKind,
  Webhook,
  WebhookCreate,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookUpdate,
} from '@kontor/contracts';

/** The deliveries list shows one status at a time, or all of them. */
export type DeliveryView = WebhookDeliveryStatus | 'all';

/** The views in the order the switch offers them: the dead-letter queue, the one that needs a person, first. */
export const deliveryViews: readonly DeliveryView[] = ['dead', 'pending', 'delivered', 'all'];

export interface DeliveryFilters {
  view: DeliveryView;
  /** '' for every webhook. */
  webhookId: string;
}

/** Opening the page shows what failed for good and waits for someone to retry it. */
export const defaultDeliveryFilters: DeliveryFilters = { view: 'dead', webhookId: '' };

/** The query string of GET /api/supplies/webhooks/deliveries; an empty filter is left out. */
export function deliveryQuery(filters: DeliveryFilters, limit: number) {
  return {
    status: filters.view === 'all' ? undefined : filters.view,
    webhookId: filters.webhookId || undefined,
    limit,
  };
}

/** What the create and edit form holds (a type, not an interface: the form's values are a plain record). */
export type WebhookDraft = {
  url: string;
  description: string;
  kinds: FeedEventKind[];
  active: boolean;
  /** Only for a new webhook: start at the end of the feed or at its beginning. */
  from: 'now' | 'beginning';
};

export function webhookDraft(webhook: Webhook | null): WebhookDraft {
  return {
    url: webhook?.url ?? '',
    description: webhook?.description ?? '',
    kinds: webhook ? [...webhook.kinds] : [],
    active: webhook?.active ?? true,
    from: 'now',
  };
}

export function createInput(draft: WebhookDraft): WebhookCreate {
  return {
    url: draft.url.trim(),
    description: draft.description.trim(),
    kinds: draft.kinds,
    active: draft.active,
    from: draft.from,
  };
}

const sameKinds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * The PATCH body for an edit: only what changed, so saving an untouched form changes nothing (and a webhook
 * reactivated from elsewhere meanwhile is not paused again by a stale switch).
 */
export function webhookChanges(original: Webhook, draft: WebhookDraft): WebhookUpdate {
  const url = draft.url.trim();
  const description = draft.description.trim();
  return {
    ...(url !== original.url && { url }),
    ...(description !== original.description && { description }),
    ...(!sameKinds(draft.kinds, original.kinds) && { kinds: draft.kinds }),
    ...(draft.active !== original.active && { active: draft.active }),
  };
}

/** "supplier.example.org/kontor": a webhook named by where it sends, without the scheme and a lone slash. */
export function webhookHost(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname === '/' ? '' : parsed.pathname;
    return `${parsed.host}${path}`;
  } catch {
    return url;
  }
}

/** A webhook in a list of them: its description if it has one, else where it sends. */
export const webhookLabel = (webhook: Pick<Webhook, 'url' | 'description'>) =>
  webhook.description.trim() || webhookHost(webhook.url);

/** Only a dead delivery is retried by hand; a pending one is retried by the hub on its own. */
export const canRetry = (delivery: Pick<WebhookDelivery, 'status'>) => delivery.status === 'dead';

/**
 * The receiver's last answer as one line: "HTTP 500: not now" already names its status; a refused connection or a
 * timeout has no status code, only the error. Null when nothing failed yet.
 */
export function lastAnswer(delivery: Pick<WebhookDelivery, 'lastError' | 'lastStatusCode' | 'status'>): string | null {
  if (delivery.lastError) return delivery.lastError;
  if (delivery.lastStatusCode !== null) return `HTTP ${delivery.lastStatusCode}`;
  return null;
}

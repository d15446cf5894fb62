import { z } from 'zod';
import { feedEventKinds, feedItem } from './supplies.js';

/**
 * Signed webhooks of the supplier feed (docs/supplier-feed.md): the hub POSTs each feed item to every active
 * subscription, signed with the subscription's secret, retried with backoff, dead-lettered after
 * `WEBHOOK_MAX_ATTEMPTS` failures. Administration: `/api/supplies/webhooks` (permission supplies.manage).
 */

/** What a delivery carries: a feed item's kind, or `ping` (sent only by the test button). */
export const webhookEventKinds = [...feedEventKinds, 'ping'] as const;
export type WebhookEventKind = (typeof webhookEventKinds)[number];
export type FeedEventKind = (typeof feedEventKinds)[number];

/** `pending` (waiting for its next attempt), `delivered` (answered 2xx), `dead` (gave up; retried by hand). */
export const webhookDeliveryStatuses = ['pending', 'delivered', 'dead'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/** Failed attempts after which a delivery is dead-lettered. */
export const WEBHOOK_MAX_ATTEMPTS = 8;
/** How old a signature's timestamp may be before a receiver should refuse it as a replay. */
export const WEBHOOK_SIGNATURE_TOLERANCE_SECONDS = 300;
/** The headers of every delivery (lower case, as Node's http gives them). */
export const WEBHOOK_HEADERS = {
  /** The delivery's id: the same on every attempt, so receivers de-duplicate by it. */
  delivery: 'x-kontor-delivery',
  /** The event kind (`order.placed` …, or `ping`). */
  event: 'x-kontor-event',
  /** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the webhook's secret>`. */
  signature: 'x-kontor-signature',
} as const;

export const webhookUrl = z
  .url({ protocol: /^https?$/, error: 'expected an http or https URL such as https://supplier.example.org/kontor' })
  .max(2000)
  // fetch refuses such URLs; the signature is what proves the sender.
  .refine((url) => !/^[a-z]+:\/\/[^/?#]*@/i.test(url), 'expected a URL without a user name or password');

/** The feed kinds a webhook receives; empty means all of them. Duplicates are dropped. */
const kindsFilter = z.array(z.enum(feedEventKinds)).max(20);
const description = z.string().trim().max(500);

export const webhookCreate = z.strictObject({
  url: webhookUrl,
  description: description.default(''),
  kinds: kindsFilter.default([]),
  active: z.boolean().default(true),
  /** Where the subscription starts: at the end of the feed (only what happens from now), or at its beginning. */
  from: z.enum(['now', 'beginning']).default('now'),
});
export type WebhookCreate = z.input<typeof webhookCreate>;

/** Only the fields given change. Reactivating a paused webhook sends what it missed while paused. */
export const webhookUpdate = z.strictObject({
  url: webhookUrl.optional(),
  description: description.optional(),
  kinds: kindsFilter.optional(),
  active: z.boolean().optional(),
});
export type WebhookUpdate = z.input<typeof webhookUpdate>;

/** A subscription as listed; its secret is never in it (only in the answer to its creation). */
export const webhook = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  kinds: z.array(z.enum(feedEventKinds)),
  active: z.boolean(),
  /** The last feed cursor turned into deliveries for this webhook. */
  cursor: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  /** How many of its deliveries are in each state. */
  deliveries: z.object({ pending: z.number().int(), delivered: z.number().int(), dead: z.number().int() }),
  lastDeliveredAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Webhook = z.infer<typeof webhook>;

/** The answer to a creation: the webhook and its signing secret, shown this once. */
export const webhookCreated = webhook.extend({ secret: z.string() });
export type WebhookCreated = z.infer<typeof webhookCreated>;

/** The JSON body POSTed for a feed item: the feed's item (GET /api/supplies/feed) plus the delivery's id. */
export const webhookFeedBody = feedItem.extend({ id: z.uuid() });
/** The JSON body POSTed by the test button. */
export const webhookPingBody = z.object({
  id: z.uuid(),
  cursor: z.null(),
  kind: z.literal('ping'),
  at: z.iso.datetime({ offset: true }),
  order: z.null(),
});
export const webhookBody = z.union([webhookFeedBody, webhookPingBody]);
export type WebhookBody = z.infer<typeof webhookBody>;

export const webhookDelivery = z.object({
  id: z.uuid(),
  webhookId: z.uuid(),
  /** The feed cursor of the item it carries; null for a ping. */
  cursor: z.number().int().nullable(),
  kind: z.enum(webhookEventKinds),
  status: z.enum(webhookDeliveryStatuses),
  /** Attempts made so far, the successful one included; a manual retry starts again from 0. */
  attempts: z.number().int(),
  /** When it is tried next; null unless pending. */
  nextAttemptAt: z.iso.datetime({ offset: true }).nullable(),
  /** Why the last attempt failed ("HTTP 500: …", "no answer within 10 s", "connect ECONNREFUSED …"). */
  lastError: z.string().nullable(),
  /** The receiver's HTTP status at the last attempt; null when it did not answer. */
  lastStatusCode: z.number().int().nullable(),
  deliveredAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  /** The order it is about (null for a ping), for lists that show it without opening the body. */
  orderId: z.uuid().nullable(),
  orderNumber: z.string().nullable(),
  /** Exactly the JSON that is POSTed (see `webhookBody`). */
  body: z.record(z.string(), z.unknown()),
});
export type WebhookDelivery = z.infer<typeof webhookDelivery>;

/** Newest first. `status: 'dead'` is the dead-letter view. */
export const webhookDeliveryQuery = z.strictObject({
  webhookId: z.uuid().optional(),
  status: z.enum(webhookDeliveryStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type WebhookDeliveryQuery = z.input<typeof webhookDeliveryQuery>;

export const webhookDeliveryPage = z.object({ deliveries: z.array(webhookDelivery), total: z.number().int() });
export type WebhookDeliveryPage = z.infer<typeof webhookDeliveryPage>;

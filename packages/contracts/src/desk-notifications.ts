import { z } from 'zod';

/**
 * What a user can be told (docs/desk-notifications.md). Agents: assigned to me, a requester replied on mine,
 * new in my group, new and unassigned, SLA warning / breach on mine. Requesters: an agent replied publicly
 * on mine, mine was resolved.
 */
export const notificationEvents = [
  'assigned',
  'requester_reply',
  'group_incident',
  'unassigned_incident',
  'sla_warning',
  'sla_breach',
  'agent_reply',
  'resolved',
] as const;
export type NotificationEvent = (typeof notificationEvents)[number];
/** The events only agents receive; the rest reach requesters. */
export const agentNotificationEvents: readonly NotificationEvent[] = [
  'assigned',
  'requester_reply',
  'group_incident',
  'unassigned_incident',
  'sla_warning',
  'sla_breach',
];

export const notification = z.object({
  id: z.number().int(),
  event: z.enum(notificationEvents),
  incidentId: z.uuid(),
  reference: z.string(),
  title: z.string(),
  actorName: z.string().nullable(),
  excerpt: z.string().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type Notification = z.infer<typeof notification>;

export const notificationQuery = z.strictObject({
  /** Keyset paging: notifications older than this id. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  unread: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export const notificationPage = z.object({
  notifications: z.array(notification),
  unread: z.number().int(),
  /** Pass as `before` for the next page; null on the last one. */
  nextBefore: z.number().int().nullable(),
});
export const notificationIdParams = z.strictObject({ id: z.coerce.number().int().positive() });
export const unreadCount = z.object({ unread: z.number().int() });

export const notificationChannels = z.object({ inApp: z.boolean(), email: z.boolean() });
/** One user's choices, for the events their permissions can produce. */
export const notificationPreferences = z.object({
  preferences: z.array(z.object({ event: z.enum(notificationEvents) }).extend(notificationChannels.shape)),
  /** Whether e-mail can reach the user at all (their account has an address). */
  emailAddress: z.string().nullable(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferences>;
export const notificationPreferencesInput = z.strictObject({
  preferences: z
    .array(z.strictObject({ event: z.enum(notificationEvents) }).extend(notificationChannels.shape))
    .max(notificationEvents.length),
});

/** What the live topic `notifications` carries to the one user it is for (docs/live-events.md). */
export const NOTIFICATIONS_TOPIC = 'notifications';
export interface NotificationLiveEvent {
  userId: string;
  notification: Notification | null;
  unread: number;
}

import {
  incidentReference,
  NOTIFICATIONS_TOPIC,
  type Notification,
  type NotificationEvent,
  type NotificationLiveEvent,
  type NotificationPreferences,
  type notificationPreferencesInput,
  type notificationQuery,
} from '@kontor/contracts';
import type { z } from 'zod';
import { permissionsOfUser, userContact } from '../../identity/index.js';
import { hasPermission, type RequestContext } from '../../platform/context.js';
import { Outbox } from '../../platform/events/outbox.js';
import { notFound, unauthenticated } from '../../platform/http/errors.js';
import type { Db, Platform } from '../../platform/platform.js';
import { unprocessable } from '../errors.js';
import { AGENT, REQUEST } from '../incident-service.js';
import type { StoredIncident } from '../tables.js';
import { type Channels, DEFAULT_CHANNELS, eventsFor } from './events.js';
import { notificationMail } from './messages.js';
import { notificationsRepository } from './notifications-repository.js';
import type { NotificationDb, StoredNotification } from './tables.js';

const EXCERPT_LENGTH = 280;

const toNotification = (row: StoredNotification): Notification => ({
  id: Number(row.id),
  event: row.event,
  incidentId: row.incident_id,
  reference: row.reference,
  title: row.title,
  actorName: row.actor_name,
  excerpt: row.excerpt,
  createdAt: new Date(row.created_at).toISOString(),
  readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
});

/** One thing to tell one user about an incident. */
export interface Delivery {
  userId: string;
  event: NotificationEvent;
  incident: Pick<StoredIncident, 'id' | 'number' | 'title'>;
  actorName: string | null;
  /** Public text only (a reply); never an internal note. */
  excerpt: string | null;
}

const userOf = (ctx: RequestContext) => {
  if (!ctx.actor?.userId) throw unauthenticated();
  return ctx.actor.userId;
};

/** A user's notifications (docs/desk-notifications.md): stored in-app rows, live pushes and e-mail. */
export class NotificationService {
  readonly #db: NotificationDb;
  readonly #baseUrl: string;

  constructor(private readonly platform: Platform) {
    this.#db = platform.db as NotificationDb;
    const { publicUrl, host, port } = platform.config;
    this.#baseUrl = (publicUrl ?? `http://${host}:${port}`).replace(/\/+$/, '');
  }

  /** Delivers inside `trx` by the recipient's choices: an in-app row pushed live, and/or a queued e-mail. */
  async deliver(trx: Db, delivery: Delivery): Promise<void> {
    const db = trx as NotificationDb;
    const channels = await this.#channels(db, delivery.userId, delivery.event);
    if (!channels.inApp && !channels.email) return;
    const reference = incidentReference(Number(delivery.incident.number));
    const excerpt = delivery.excerpt ? delivery.excerpt.slice(0, EXCERPT_LENGTH) : null;
    if (channels.inApp) {
      const row = await notificationsRepository.insert(db, {
        user_id: delivery.userId,
        event: delivery.event,
        incident_id: delivery.incident.id,
        reference,
        title: delivery.incident.title,
        actor_name: delivery.actorName,
        excerpt,
        read_at: null,
      });
      await this.#push(db, delivery.userId, toNotification(row));
    }
    if (channels.email) {
      const contact = await userContact(trx, delivery.userId);
      if (!contact?.email) return;
      const mail = notificationMail({
        event: delivery.event,
        locale: contact.locale,
        reference,
        title: delivery.incident.title,
        actorName: delivery.actorName,
        excerpt,
        incidentUrl: `${this.#baseUrl}/desk/incidents/${delivery.incident.id}`,
        settingsUrl: `${this.#baseUrl}/desk/notifications`,
      });
      await this.platform.mail.enqueue(trx, { to: contact.email, ...mail });
    }
  }

  async list(ctx: RequestContext, query: z.output<typeof notificationQuery>) {
    const userId = userOf(ctx);
    const rows = await notificationsRepository.page(this.#db, userId, query);
    const last = rows.at(-1);
    return {
      notifications: rows.map(toNotification),
      unread: await notificationsRepository.unread(this.#db, userId),
      nextBefore: rows.length === query.limit && last ? Number(last.id) : null,
    };
  }

  /** Marks one notification read (404 when it is not the caller's); the user's other tabs hear the new count. */
  async markRead(ctx: RequestContext, id?: number) {
    const userId = userOf(ctx);
    return this.platform.transaction(async (trx) => {
      const db = trx as NotificationDb;
      if (id !== undefined && !(await notificationsRepository.exists(db, userId, id)))
        throw notFound('The notification');
      if ((await notificationsRepository.markRead(db, userId, id)) > 0) await this.#push(db, userId, null);
      return { unread: await notificationsRepository.unread(db, userId) };
    });
  }

  async preferences(ctx: RequestContext): Promise<NotificationPreferences> {
    const userId = userOf(ctx);
    const stored = new Map(
      (await notificationsRepository.preferences(this.#db, userId)).map((row) => [row.event, row]),
    );
    const contact = await userContact(this.#db, userId);
    return {
      preferences: this.#eventsOf(ctx).map((event) => {
        const row = stored.get(event);
        return { event, ...(row ? { inApp: row.in_app, email: row.email } : DEFAULT_CHANNELS[event]) };
      }),
      emailAddress: contact?.email ?? null,
    };
  }

  /** Saves the caller's choices for the events given; an event their permissions cannot produce is 422. */
  async setPreferences(ctx: RequestContext, input: z.output<typeof notificationPreferencesInput>) {
    const userId = userOf(ctx);
    const allowed = new Set(this.#eventsOf(ctx));
    const foreign = input.preferences.flatMap((preference, index) =>
      allowed.has(preference.event)
        ? []
        : [{ path: `body.preferences.${index}.event`, message: 'is not an event you can receive' }],
    );
    if (foreign.length > 0) throw unprocessable('foreign_event', 'Some events cannot reach you', foreign);
    await this.platform.transaction(async (trx) => {
      for (const { event, inApp, email } of input.preferences)
        await notificationsRepository.setPreference(trx as NotificationDb, userId, event, inApp, email);
    });
    return this.preferences(ctx);
  }

  /** Whether a user may still receive an event: they keep the permission it needs. */
  async mayReceive(db: Db, userId: string, event: NotificationEvent): Promise<boolean> {
    const permissions = await permissionsOfUser(db, userId);
    const has = (permission: string) => permissions.has('*') || permissions.has(permission);
    return eventsFor(has(AGENT), has(REQUEST)).includes(event);
  }

  #eventsOf(ctx: RequestContext) {
    return eventsFor(hasPermission(ctx.actor, AGENT), hasPermission(ctx.actor, REQUEST));
  }

  async #channels(db: NotificationDb, userId: string, event: NotificationEvent): Promise<Channels> {
    const row = await notificationsRepository.preference(db, userId, event);
    return row ? { inApp: row.in_app, email: row.email } : DEFAULT_CHANNELS[event];
  }

  async #push(db: NotificationDb, userId: string, notification: Notification | null) {
    const unread = await notificationsRepository.unread(db, userId);
    await Outbox.add(db, NOTIFICATIONS_TOPIC, { userId, notification, unread } satisfies NotificationLiveEvent);
  }
}

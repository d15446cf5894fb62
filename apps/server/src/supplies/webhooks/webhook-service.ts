import { randomUUID } from 'node:crypto';
import {
  type FeedEventKind,
  type Webhook,
  type WebhookCreate,
  type WebhookCreated,
  type WebhookDelivery,
  type WebhookDeliveryPage,
  type WebhookDeliveryQuery,
  type WebhookUpdate,
  webhookCreate,
  webhookDeliveryQuery,
  webhookUpdate,
} from '@kontor/contracts';
import type { RequestContext } from '../../platform/context.js';
import { Outbox } from '../../platform/events/outbox.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import type { Platform } from '../../platform/platform.js';
import { newWebhookSecret } from './signature.js';
import type { WebhooksDb } from './tables.js';
import { type DeliveryCounts, type DeliveryRow, type WebhookRow, webhookRepository } from './webhook-repository.js';

/** Live topic: a webhook or one of its deliveries changed; the admin's pages re-read. */
export const WEBHOOKS_TOPIC = 'supplies.webhooks';

const iso = (value: Date | string) => new Date(value).toISOString();
const unique = (kinds: FeedEventKind[]) => [...new Set(kinds)];
const noCounts: DeliveryCounts = { pending: 0, delivered: 0, dead: 0, lastDeliveredAt: null };

/** What the audit log keeps of a webhook: everything but its secret. */
const snapshot = (row: WebhookRow) => ({
  url: row.url,
  description: row.description,
  kinds: row.kinds,
  active: row.active,
});

export function toWebhook(row: WebhookRow, counts: DeliveryCounts = noCounts): Webhook {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    kinds: row.kinds,
    active: row.active,
    cursor: Number(row.cursor),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    deliveries: { pending: counts.pending, delivered: counts.delivered, dead: counts.dead },
    lastDeliveredAt: counts.lastDeliveredAt ? iso(counts.lastDeliveredAt) : null,
  };
}

export function toDelivery(row: DeliveryRow): WebhookDelivery {
  const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as Record<string, unknown>;
  const order = payload.order as { id?: string; number?: string } | null;
  return {
    id: row.id,
    webhookId: row.webhook_id,
    cursor: row.cursor === null ? null : Number(row.cursor),
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? iso(row.next_attempt_at) : null,
    lastError: row.last_error,
    lastStatusCode: row.last_status_code,
    deliveredAt: row.delivered_at ? iso(row.delivered_at) : null,
    createdAt: iso(row.created_at),
    orderId: order?.id ?? null,
    orderNumber: order?.number ?? null,
    body: { id: row.id, ...payload },
  };
}

/**
 * The hub's webhook subscriptions to the supplier feed, as its administrators keep them. Every change is audited
 * and announced on `WEBHOOKS_TOPIC`; sending is the dispatcher's (webhook-dispatcher.ts), nudged by `wake`.
 */
export class WebhookService {
  readonly #db: WebhooksDb;

  constructor(
    private readonly platform: Platform,
    private readonly isHub: () => boolean,
    private readonly wake: () => void,
  ) {
    this.#db = platform.db as WebhooksDb;
  }

  async list(_ctx: RequestContext): Promise<Webhook[]> {
    const [rows, counts] = await Promise.all([webhookRepository.list(this.#db), webhookRepository.counts(this.#db)]);
    return rows.map((row) => toWebhook(row, counts.get(row.id)));
  }

  async get(_ctx: RequestContext, id: string): Promise<Webhook> {
    const row = await this.#mustFind(this.#db, id);
    return toWebhook(row, (await webhookRepository.counts(this.#db, id)).get(id));
  }

  /** The answer holds the signing secret; it is never shown again. */
  async create(ctx: RequestContext, input: WebhookCreate): Promise<WebhookCreated> {
    const parsed = webhookCreate.parse(input);
    this.#hubOnly();
    const id = randomUUID();
    const secret = newWebhookSecret();
    const row = await this.#change(async (db) => {
      await webhookRepository.insert(db, {
        id,
        url: parsed.url,
        description: parsed.description,
        secret,
        kinds: unique(parsed.kinds),
        active: parsed.active,
        cursor: parsed.from === 'now' ? String(await webhookRepository.feedEnd(db)) : '0',
      });
      const created = await this.#mustFind(db, id);
      await this.platform.audit.record(db, ctx, {
        action: 'supplies.webhook.create',
        entity: 'supplies.webhook',
        entityId: id,
        after: { ...snapshot(created), from: parsed.from },
      });
      return created;
    });
    this.wake();
    return { ...toWebhook(row), secret };
  }

  async update(ctx: RequestContext, id: string, input: WebhookUpdate): Promise<Webhook> {
    const parsed = webhookUpdate.parse(input);
    await this.#change(async (db) => {
      const before = await this.#mustFind(db, id);
      await webhookRepository.update(db, id, {
        ...(parsed.url !== undefined && { url: parsed.url }),
        ...(parsed.description !== undefined && { description: parsed.description }),
        ...(parsed.kinds !== undefined && { kinds: unique(parsed.kinds) }),
        ...(parsed.active !== undefined && { active: parsed.active }),
      });
      const after = await this.#mustFind(db, id);
      await this.platform.audit.record(db, ctx, {
        action: 'supplies.webhook.update',
        entity: 'supplies.webhook',
        entityId: id,
        before: snapshot(before),
        after: snapshot(after),
      });
    });
    this.wake();
    return this.get(ctx, id);
  }

  /** Removes the webhook and its deliveries, dead ones included. */
  async remove(ctx: RequestContext, id: string): Promise<void> {
    await this.#change(async (db) => {
      const before = await this.#mustFind(db, id);
      await webhookRepository.delete(db, id);
      await this.platform.audit.record(db, ctx, {
        action: 'supplies.webhook.delete',
        entity: 'supplies.webhook',
        entityId: id,
        before: snapshot(before),
      });
    });
  }

  async deliveries(_ctx: RequestContext, query: WebhookDeliveryQuery): Promise<WebhookDeliveryPage> {
    const filter = webhookDeliveryQuery.parse(query);
    const { rows, total } = await webhookRepository.listDeliveries(this.#db, filter);
    return { deliveries: rows.map(toDelivery), total };
  }

  /** Sends a dead-lettered delivery again, with a fresh count of attempts. */
  async retry(ctx: RequestContext, deliveryId: string): Promise<WebhookDelivery> {
    this.#hubOnly();
    const revived = await this.#change(async (db) => {
      const before = await webhookRepository.findDelivery(db, deliveryId);
      if (!before) throw notFound('The webhook delivery');
      const row = await webhookRepository.revive(db, deliveryId);
      if (!row)
        throw conflict(
          'supplies.webhook_delivery_not_dead',
          `Only a dead delivery can be retried by hand; this one is ${before.status}`,
        );
      await this.platform.audit.record(db, ctx, {
        action: 'supplies.webhook.retry',
        entity: 'supplies.webhook',
        entityId: row.webhook_id,
        before: { delivery: deliveryId, status: before.status, attempts: before.attempts },
        after: { delivery: deliveryId, status: row.status, attempts: row.attempts },
      });
      return row;
    });
    this.wake();
    return toDelivery(revived);
  }

  /** Queues a `ping` to the webhook's URL, outside the feed's order; its outcome shows in the deliveries. */
  async test(ctx: RequestContext, id: string): Promise<WebhookDelivery> {
    this.#hubOnly();
    const deliveryId = randomUUID();
    const row = await this.#change(async (db) => {
      await this.#mustFind(db, id);
      await webhookRepository.insertDeliveries(db, [
        {
          id: deliveryId,
          webhook_id: id,
          cursor: null,
          kind: 'ping',
          payload: JSON.stringify({ cursor: null, kind: 'ping', at: new Date().toISOString(), order: null }),
        },
      ]);
      await this.platform.audit.record(db, ctx, {
        action: 'supplies.webhook.test',
        entity: 'supplies.webhook',
        entityId: id,
        after: { delivery: deliveryId },
      });
      return webhookRepository.findDelivery(db, deliveryId);
    });
    this.wake();
    return toDelivery(row as DeliveryRow);
  }

  async #mustFind(db: WebhooksDb, id: string): Promise<WebhookRow> {
    const row = await webhookRepository.find(db, id);
    if (!row) throw notFound('The webhook');
    return row;
  }

  #hubOnly() {
    if (!this.isHub()) throw conflict('supplies.hub_only', 'Webhooks are sent by the hub; this node is a workstation');
  }

  /** One audited change in a transaction, announced to the admin's pages. */
  async #change<T>(work: (db: WebhooksDb) => Promise<T>): Promise<T> {
    return this.platform.transaction(async (trx) => {
      const value = await work(trx as WebhooksDb);
      await Outbox.add(trx, WEBHOOKS_TOPIC, {});
      return value;
    });
  }
}

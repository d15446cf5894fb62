import type { FeedEventKind, WebhookDeliveryStatus, WebhookEventKind } from '@kontor/contracts';
import type { Generated, Kysely } from 'kysely';
import type { SuppliesTables } from '../tables.js';

/** The hub's own webhook subscriptions and their deliveries (migrations/0002_webhooks.sql); never replicated. */
export interface WebhookTables {
  'supplies.webhooks': {
    id: string;
    url: string;
    description: string;
    /** Kept as given, since signing needs it; never logged, never answered after creation. */
    secret: string;
    kinds: FeedEventKind[];
    active: boolean;
    /** bigint: `pg` hands it back as a number (platform/db/database.ts). */
    cursor: number | string;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  'supplies.webhook_deliveries': {
    id: string;
    webhook_id: string;
    cursor: number | string | null;
    kind: WebhookEventKind;
    /** The body without its `id`: a feed item, or a ping. */
    payload: unknown;
    status: Generated<WebhookDeliveryStatus>;
    attempts: Generated<number>;
    next_attempt_at: Generated<Date>;
    last_error: string | null;
    last_status_code: number | null;
    delivered_at: Date | null;
    created_at: Generated<Date>;
  };
}

export type WebhooksDb = Kysely<SuppliesTables & WebhookTables>;

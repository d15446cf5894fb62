import type { Kysely } from 'kysely';
import type { RequestContext } from '../context.js';
import { Outbox } from '../events/outbox.js';

type AuditTables = {
  'audit.entries': {
    id: number;
    at: Date;
    actor_id: string | null;
    actor_name: string;
    action: string;
    entity: string;
    entity_id: string | null;
    before: unknown;
    after: unknown;
    request_id: string | null;
    ip: string | null;
  };
};

export interface AuditChange {
  /** What was done, `<entity>.<verb>`: `user.create`, `role.update`, `token.revoke`. */
  action: string;
  entity: string;
  entityId?: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  /** Keyset cursor: entries older than this id. */
  before?: number;
  limit: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

export const AUDIT_TOPIC = 'admin.audit';

/** The append-only audit log (ARCHITECTURE.md, rule 7). Entries are written in the caller's transaction. */
export class AuditLog {
  // biome-ignore lint/suspicious/noExplicitAny: any module's transaction
  async record(trx: Kysely<any>, ctx: RequestContext, change: AuditChange): Promise<void> {
    const row = await trx
      .withTables<AuditTables>()
      .insertInto('audit.entries')
      .values({
        actor_id: ctx.actor?.userId ?? null,
        actor_name: ctx.actor?.username ?? 'anonymous',
        action: change.action,
        entity: change.entity,
        entity_id: change.entityId ?? null,
        before: change.before === undefined ? null : JSON.stringify(change.before),
        after: change.after === undefined ? null : JSON.stringify(change.after),
        request_id: ctx.requestId,
        ip: ctx.ip ?? null,
      })
      .returning(['id', 'at'])
      .executeTakeFirstOrThrow();
    await Outbox.add(trx, AUDIT_TOPIC, {
      id: row.id,
      action: change.action,
      entity: change.entity,
      entityId: change.entityId ?? null,
    });
  }

  // biome-ignore lint/suspicious/noExplicitAny: narrowed to the audit table
  async list(db: Kysely<any>, query: AuditQuery): Promise<AuditEntry[]> {
    let select = db.withTables<AuditTables>().selectFrom('audit.entries').selectAll();
    if (query.actor) select = select.where('actor_name', 'ilike', `%${escapeLike(query.actor)}%`);
    if (query.action) select = select.where('action', '=', query.action);
    if (query.entity) select = select.where('entity', '=', query.entity);
    if (query.entityId) select = select.where('entity_id', '=', query.entityId);
    if (query.from) select = select.where('at', '>=', query.from);
    if (query.to) select = select.where('at', '<', query.to);
    if (query.before) select = select.where('id', '<', query.before);
    const rows = await select.orderBy('id', 'desc').limit(query.limit).execute();
    return rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actorId: row.actor_id,
      actorName: row.actor_name,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      before: row.before,
      after: row.after,
      requestId: row.request_id,
    }));
  }

  // biome-ignore lint/suspicious/noExplicitAny: narrowed to the audit table
  async actions(db: Kysely<any>): Promise<string[]> {
    const rows = await db
      .withTables<AuditTables>()
      .selectFrom('audit.entries')
      .select('action')
      .distinct()
      .orderBy('action')
      .execute();
    return rows.map((row) => row.action);
  }
}

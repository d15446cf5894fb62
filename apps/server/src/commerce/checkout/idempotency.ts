import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { AppError, type FieldError } from '../../platform/http/errors.js';
import { stateConflict, unprocessable } from '../errors.js';
import type { CheckoutDb } from './tables.js';

/**
 * `Idempotency-Key` with Stripe's rules (docs.stripe.com/idempotency), per caller (`scope`):
 * - the first request with a key runs; its answer (success or a business error such as out of stock) is kept and given
 *   again, status and body, to every later request with the same key and the same body;
 * - the same key with another body is refused (422 `commerce.idempotency_key_reused`);
 * - while the first still runs, another with the key gets 409 `commerce.idempotency_in_progress`;
 * - a request refused by validation never claims a key (the route validates first); nor does a run that failed for a
 *   reason of ours (a database error): its transaction left nothing, so the key is released for a retry;
 * - keys expire after `commerceIdempotencyHours`; a job deletes them.
 * A run that died after its order committed (the order id is written in the same transaction) is resumed by a retry
 * once its lock is stale: the order is not placed again, only its payment is started.
 */

/** A run still holding its key after this long is taken to have died. */
const STALE_AFTER = '5 minutes';

/** The order a run placed, kept with its key so a resumed run answers with it. */
export interface PlacedOrder {
  id: string;
  number: number;
  accessToken: string;
  currency: string;
  totalMinor: number;
}

/** What a finished run answered; a business error is kept by its parts and thrown again on replay. */
export type StoredAnswer =
  | { status: number; body: unknown }
  | { status: number; error: { code: string; message: string; errors?: FieldError[] } };

export type Claim = { run: { resume: PlacedOrder | null } } | { replay: StoredAnswer };

/** Keys sort their members, so {a, b} and {b, a} are the same request. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, member]) => member !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, member]) => [key, canonical(member)]),
    );
  return value;
}

export const requestHash = (body: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(canonical(body)) ?? '')
    .digest('hex');

export const idempotency = {
  async claim(db: CheckoutDb, scope: string, key: string, hash: string, hours: number): Promise<Claim> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      // New, or expired and free to be used again.
      const fresh = await sql<{ order_result: PlacedOrder | null }>`
        insert into commerce.idempotency_keys (scope, key, request_hash, expires_at)
        values (${scope}, ${key}, ${hash}, now() + make_interval(hours => ${hours}))
        on conflict (scope, key) do update set
          request_hash = excluded.request_hash, state = 'running', locked_at = now(), order_id = null,
          order_result = null, response_status = null, response_body = null, created_at = now(),
          expires_at = excluded.expires_at
        where commerce.idempotency_keys.expires_at <= now()
        returning order_result`.execute(db);
      if (fresh.rows[0]) return { run: { resume: null } };
      // The same request whose run died: take it over, and resume from its order if it placed one.
      const stale = await sql<{ order_result: PlacedOrder | null }>`
        update commerce.idempotency_keys set locked_at = now()
        where scope = ${scope} and key = ${key} and request_hash = ${hash} and state = 'running'
          and locked_at < now() - ${STALE_AFTER}::interval
        returning order_result`.execute(db);
      if (stale.rows[0]) return { run: { resume: stale.rows[0].order_result } };
      const row = await db
        .selectFrom('commerce.idempotency_keys')
        .select(['request_hash', 'state', 'response_status', 'response_body'])
        .where('scope', '=', scope)
        .where('key', '=', key)
        .executeTakeFirst();
      if (!row) continue;
      if (row.request_hash !== hash)
        throw unprocessable(
          'idempotency_key_reused',
          'This Idempotency-Key was used with another request; use a new key for a new request',
          [{ path: 'headers.idempotency-key', message: 'used before with another body' }],
        );
      if (row.state === 'running')
        throw stateConflict(
          'idempotency_in_progress',
          'A request with this Idempotency-Key is still running; retry later',
        );
      return { replay: { status: row.response_status ?? 500, ...(row.response_body as object) } as StoredAnswer };
    }
    throw new Error('the idempotency key changed under three attempts to claim it');
  },

  /** In the run's own transaction: the order exists exactly when this does. */
  async recordOrder(db: CheckoutDb, scope: string, key: string, order: PlacedOrder) {
    await db
      .updateTable('commerce.idempotency_keys')
      .set({ order_id: order.id, order_result: JSON.stringify(order) })
      .where('scope', '=', scope)
      .where('key', '=', key)
      .execute();
  },

  async finish(db: CheckoutDb, scope: string, key: string, answer: StoredAnswer) {
    const { status, ...rest } = answer;
    await db
      .updateTable('commerce.idempotency_keys')
      .set({ state: 'done', response_status: status, response_body: JSON.stringify(rest) })
      .where('scope', '=', scope)
      .where('key', '=', key)
      .execute();
  },

  /** Frees a key whose run failed for a reason of ours, so a retry runs again. */
  async release(db: CheckoutDb, scope: string, key: string) {
    await db
      .deleteFrom('commerce.idempotency_keys')
      .where('scope', '=', scope)
      .where('key', '=', key)
      .where('state', '=', 'running')
      .execute();
  },

  async prune(db: CheckoutDb): Promise<number> {
    const result = await db
      .deleteFrom('commerce.idempotency_keys')
      .where('expires_at', '<', sql<Date>`now()`)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};

/** The error a stored answer gives again, exactly as the first request got it. */
export function replayError(answer: StoredAnswer): AppError | null {
  if (!('error' in answer)) return null;
  return new AppError(answer.status, answer.error.code, answer.error.message, { errors: answer.error.errors });
}

import { type CrmEntity, crmOrderStatus } from '@kontor/contracts';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { LegacyClientRecord } from '../clients/clients-service.js';
import type { LegacyOrderRecord, OrderFilter } from '../orders/orders-service.js';
import type { FacadeMetrics, LegacyOperation } from './facade-metrics.js';

export interface LegacyRecords {
  clients: LegacyClientRecord;
  orders: LegacyOrderRecord;
}

/** The legacy CRM did not answer in time, answered with an error, or could not be reached. */
export class LegacyUnavailable extends Error {
  override name = 'LegacyUnavailable';
}

export interface LegacyCrmSettings {
  baseUrl: string;
  token?: string;
  timeoutMs: number;
}

const timestamp = z.iso.datetime({ offset: true });
const text = z.string().nullable();

// The anti-corruption layer: what the legacy CRM sends is checked field by field before anything of ours sees it.
const legacyClient = z.object({
  id: z.string().min(1).max(60),
  version: z.number().int().min(1),
  name: z.string().trim().min(1),
  email: text,
  phone: text,
  orgNumber: text,
  city: text,
  createdAt: timestamp,
  updatedAt: timestamp,
}) satisfies z.ZodType<LegacyClientRecord>;

const legacyOrder = z.object({
  id: z.string().min(1).max(60),
  version: z.number().int().min(1),
  number: z.string().min(1),
  clientId: z.string().min(1),
  text: z.string(),
  status: crmOrderStatus,
  amountMinor: z.number().int().min(0),
  currency: z.string().regex(/^[A-Z]{3}$/),
  // Positions compare as text: one spelling (UTC, milliseconds) whatever offset the legacy CRM wrote.
  orderedAt: timestamp.transform((at) => new Date(at).toISOString()),
  updatedAt: timestamp,
}) satisfies z.ZodType<LegacyOrderRecord, unknown>;

const schemas = { clients: legacyClient, orders: legacyOrder } as const;

/** What a list position needs of a record, read even from one that is otherwise malformed. */
const keys = {
  clients: z.object({ id: z.string(), name: z.string() }),
  orders: z.object({ id: z.string(), orderedAt: timestamp.transform((at) => new Date(at).toISOString()) }),
} as const;
export interface LegacyKeys {
  clients: z.infer<(typeof keys)['clients']>;
  orders: z.infer<(typeof keys)['orders']>;
}

const listAnswer = z.object({ items: z.array(z.unknown()), hasMore: z.boolean() });
const statsAnswer = z.object({ clients: z.number().int().min(0), orders: z.number().int().min(0) });

export interface LegacyPage<E extends CrmEntity> {
  items: LegacyRecords[E][];
  hasMore: boolean;
  /** Records left out because they were malformed (logged once each). */
  skipped: Array<{ id: string | null; error: string }>;
  /** The position of the answer's last record, malformed or not: a walk continues after it. */
  last: LegacyKeys[E] | null;
}

export interface LegacyClientQuery {
  q?: string;
  /** Records strictly after this (folded name, id). */
  after?: { sortName: string; id: string };
  limit: number;
}

export interface LegacyOrderQuery extends OrderFilter {
  /** Records strictly before this (orderedAt, id), the list being newest first. */
  before?: { orderedAt: string; id: string };
  limit: number;
}

const REMEMBERED_MALFORMED = 10_000;

/** The HTTP client of the legacy CRM's REST API (examples/legacy-crm/README.md). */
export class LegacyCrmClient {
  readonly #malformedSeen = new Set<string>();

  constructor(
    private readonly settings: LegacyCrmSettings,
    private readonly metrics: FacadeMetrics,
    private readonly logger?: Logger,
  ) {}

  /** Clients in (folded name, id) order, matching every word of `q`. */
  clients(query: LegacyClientQuery): Promise<LegacyPage<'clients'>> {
    return this.#list('clients', 'page', {
      q: query.q,
      afterName: query.after?.sortName,
      afterId: query.after?.id,
      limit: query.limit,
    });
  }

  /** Orders newest first, filtered like ours (client, words of number or text, status, from/to instants). */
  orders(query: LegacyOrderQuery & { fromAt?: string; toAt?: string }): Promise<LegacyPage<'orders'>> {
    return this.#list('orders', 'page', {
      client: query.client,
      q: query.q,
      status: query.status,
      from: query.fromAt,
      to: query.toAt,
      beforeAt: query.before?.orderedAt,
      beforeId: query.before?.id,
      limit: query.limit,
    });
  }

  /** A page of records by ascending legacy id, after `afterId` (backfill and consistency walks). */
  walkById<E extends CrmEntity>(entity: E, afterId: string | null, limit: number): Promise<LegacyPage<E>> {
    return this.#list(entity, 'walk', { order: 'id', afterId: afterId ?? undefined, limit });
  }

  /** One record, or undefined when the legacy CRM has none by that id (a malformed one counts as none). */
  async get<E extends CrmEntity>(entity: E, id: string): Promise<LegacyRecords[E] | undefined> {
    const body = await this.#request(entity, 'get', `/${entity}/${encodeURIComponent(id)}`);
    return body === undefined ? undefined : this.#valid(entity, body);
  }

  async stats(): Promise<{ clients: number; orders: number }> {
    const parsed = statsAnswer.safeParse(await this.#request('all', 'stats', '/stats'));
    if (!parsed.success) throw new LegacyUnavailable('The legacy CRM answered /stats with something else');
    return parsed.data;
  }

  async #list<E extends CrmEntity>(
    entity: E,
    operation: LegacyOperation,
    params: Record<string, string | number | undefined>,
  ): Promise<LegacyPage<E>> {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
    const parsed = listAnswer.safeParse(await this.#request(entity, operation, `/${entity}?${search}`));
    if (!parsed.success) throw new LegacyUnavailable(`The legacy CRM answered /${entity} with something else`);
    const page: LegacyPage<E> = { items: [], hasMore: parsed.data.hasMore, skipped: [], last: null };
    for (const raw of parsed.data.items) {
      const record = this.#valid(entity, raw);
      if (record) page.items.push(record);
      else page.skipped.push({ id: idOf(raw), error: this.#describe(entity, raw) });
    }
    const tail = parsed.data.items.at(-1);
    page.last = (keys[entity].safeParse(tail).data as LegacyKeys[E] | undefined) ?? null;
    return page;
  }

  #valid<E extends CrmEntity>(entity: E, raw: unknown): LegacyRecords[E] | undefined {
    const parsed = schemas[entity].safeParse(raw);
    if (parsed.success) return parsed.data as LegacyRecords[E];
    const id = idOf(raw);
    const seen = `${entity}:${id}`;
    if (!this.#malformedSeen.has(seen)) {
      if (this.#malformedSeen.size >= REMEMBERED_MALFORMED) this.#malformedSeen.clear();
      this.#malformedSeen.add(seen);
      this.logger?.warn(
        { entity, legacyId: id, problem: this.#describe(entity, raw) },
        'malformed legacy record left out',
      );
    }
    return undefined;
  }

  #describe(entity: CrmEntity, raw: unknown): string {
    const issues = schemas[entity].safeParse(raw).error?.issues ?? [];
    return issues.map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`).join('; ');
  }

  /** The parsed JSON answer; undefined for 404; LegacyUnavailable for anything else that is not a success. */
  async #request(entity: CrmEntity | 'all', operation: LegacyOperation, path: string): Promise<unknown> {
    const startedAt = performance.now();
    const record = (outcome: 'ok' | 'error' | 'timeout') =>
      this.metrics.legacyRequest(entity, operation, outcome, performance.now() - startedAt);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.settings.token) headers.authorization = `Bearer ${this.settings.token}`;
    try {
      const response = await fetchOnceMore(`${this.settings.baseUrl.replace(/\/$/, '')}${path}`, {
        headers,
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      if (response.status === 404 && operation === 'get') {
        await response.body?.cancel();
        record('ok');
        return undefined;
      }
      if (!response.ok) {
        await response.body?.cancel();
        record('error');
        throw new LegacyUnavailable(`The legacy CRM answered ${path} with ${response.status}`);
      }
      const body = (await response.json()) as unknown;
      record('ok');
      return body;
    } catch (error) {
      if (error instanceof LegacyUnavailable) throw error;
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      record(timedOut ? 'timeout' : 'error');
      throw new LegacyUnavailable(
        timedOut
          ? `The legacy CRM did not answer ${path} within ${this.settings.timeoutMs} ms`
          : `The legacy CRM could not be reached for ${path}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }
}

/** Codes of a connection that broke before any answer came: nothing was processed, so a GET may be sent again. */
const BROKEN_CONNECTION = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

const brokenConnection = (error: unknown) => {
  const cause = (error as { cause?: { code?: string } }).cause;
  return error instanceof TypeError && BROKEN_CONNECTION.has(cause?.code ?? '');
};

/**
 * fetch, sent once more when the connection broke before an answer: a kept-alive connection the legacy CRM closed
 * just as it was reused. Every call of this client is a GET, and the retry shares the first attempt's deadline.
 */
async function fetchOnceMore(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (!brokenConnection(error) || init.signal?.aborted) throw error;
    return fetch(url, init);
  }
}

const idOf = (raw: unknown): string | null =>
  typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
    ? (raw as { id: string }).id
    : null;

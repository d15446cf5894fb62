import { createHash } from 'node:crypto';
import type { CrmEntity } from '@kontor/contracts';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { KontorConfig } from '../../config.js';
import type { LegacyKeys, LegacyRecords } from './legacy-client.js';

/** A page of a legacy list as the legacy CRM answered it (the records themselves, so one read serves it). */
export interface CachedPage<E extends CrmEntity> {
  records: LegacyRecords[E][];
  hasMore: boolean;
  last: LegacyKeys[E] | null;
}

/** A cached value and whether it is younger than the TTL; an older one is only served while the legacy CRM fails. */
export interface Cached<T> {
  value: T;
  fresh: boolean;
}

/** What the facade keeps of the legacy CRM's answers: records by legacy id and list pages by their query. */
export interface LegacyCache {
  readonly backend: 'redis' | 'memory';
  records<E extends CrmEntity>(entity: E, ids: string[]): Promise<Map<string, Cached<LegacyRecords[E]>>>;
  putRecords<E extends CrmEntity>(entity: E, records: LegacyRecords[E][]): Promise<void>;
  /** `query` is anything JSON that names the page: filters, position and limit. */
  page<E extends CrmEntity>(entity: E, query: unknown): Promise<Cached<CachedPage<E>> | undefined>;
  putPage<E extends CrmEntity>(entity: E, query: unknown, page: CachedPage<E>): Promise<void>;
  /** Forgets records that moved into our service (called after the transaction that moved them commits). */
  evict(entity: CrmEntity, ids: string[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * How much longer than the TTL a stale entry is kept, to answer from while the legacy CRM is down (HTTP's
 * stale-if-error): an outage of up to this many TTLs still finds what was last seen.
 */
const STALE_FACTOR = 12;
const MEMORY_ENTRIES = 20_000;

/** Where the entries are kept: strings by key, each with its own lifetime. */
interface KeyValueStore {
  get(keys: string[]): Promise<Array<string | undefined>>;
  set(entries: Array<[string, string]>, ttlSeconds: number): Promise<void>;
  delete(keys: string[]): Promise<void>;
  close(): Promise<void>;
}

/** The process's own store when no Redis is configured: bounded, least recently used entries go first. */
class MemoryStore implements KeyValueStore {
  readonly #entries = new Map<string, { value: string; expiresAt: number }>();

  async get(keys: string[]) {
    const now = Date.now();
    return keys.map((key) => {
      const entry = this.#entries.get(key);
      if (!entry) return undefined;
      this.#entries.delete(key);
      if (entry.expiresAt <= now) return undefined;
      this.#entries.set(key, entry);
      return entry.value;
    });
  }

  async set(entries: Array<[string, string]>, ttlSeconds: number) {
    const expiresAt = Date.now() + ttlSeconds * 1000;
    for (const [key, value] of entries) {
      this.#entries.delete(key);
      this.#entries.set(key, { value, expiresAt });
    }
    for (const key of this.#entries.keys()) {
      if (this.#entries.size <= MEMORY_ENTRIES) break;
      this.#entries.delete(key);
    }
  }

  async delete(keys: string[]) {
    for (const key of keys) this.#entries.delete(key);
  }

  async close() {
    this.#entries.clear();
  }
}

/**
 * Redis, shared by every hub instance. An unreachable Redis is a cache that misses: reads go to the legacy CRM and
 * writes are dropped, with one warning per outage rather than one per request.
 */
class RedisStore implements KeyValueStore {
  readonly #redis: Redis;
  #failing = false;

  constructor(
    url: string,
    private readonly logger?: Logger,
  ) {
    // Connects on first use; a command waits at most one reconnection or half a second, never a request's lifetime.
    this.#redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, commandTimeout: 500 });
    this.#redis.on('error', (error: Error) => this.#trouble(error));
    this.#redis.on('ready', () => {
      if (this.#failing) this.logger?.info('the legacy CRM cache reaches Redis again');
      this.#failing = false;
    });
  }

  #trouble(error: unknown) {
    if (this.#failing) return;
    this.#failing = true;
    this.logger?.warn({ err: error }, 'the legacy CRM cache cannot reach Redis; reading past it until it is back');
  }

  async #run<T>(command: (redis: Redis) => Promise<T>, otherwise: T): Promise<T> {
    if (this.#failing && this.#redis.status !== 'ready') return otherwise;
    try {
      return await command(this.#redis);
    } catch (error) {
      this.#trouble(error);
      return otherwise;
    }
  }

  get(keys: string[]) {
    return this.#run(
      async (redis) => (await redis.mget(keys)).map((value) => value ?? undefined),
      keys.map(() => undefined),
    );
  }

  set(entries: Array<[string, string]>, ttlSeconds: number) {
    return this.#run(async (redis) => {
      const batch = redis.pipeline();
      for (const [key, value] of entries) batch.set(key, value, 'EX', ttlSeconds);
      for (const [error] of (await batch.exec()) ?? []) if (error) throw error;
    }, undefined);
  }

  delete(keys: string[]) {
    return this.#run(async (redis) => void (await redis.del(keys)), undefined);
  }

  async close() {
    this.#redis.disconnect();
  }
}

interface Stored<T> {
  /** When it was stored, ms since the epoch. */
  at: number;
  value: T;
}

class KeyedLegacyCache implements LegacyCache {
  constructor(
    readonly backend: 'redis' | 'memory',
    private readonly store: KeyValueStore,
    /** Keeps two legacy CRMs (or two test stand-ins) on one Redis apart. */
    private readonly namespace: string,
    private readonly ttlSeconds: number,
  ) {}

  #key(entity: CrmEntity, kind: 'rec' | 'page', id: string) {
    return `kontor:crm:${this.namespace}:${entity}:${kind}:${id}`;
  }

  #pageId(query: unknown) {
    return createHash('sha1').update(JSON.stringify(query)).digest('hex');
  }

  async #read<T>(keys: string[]): Promise<Array<Cached<T> | undefined>> {
    if (keys.length === 0) return [];
    const now = Date.now();
    return (await this.store.get(keys)).map((text) => {
      if (text === undefined) return undefined;
      const stored = JSON.parse(text) as Stored<T>;
      return { value: stored.value, fresh: now - stored.at < this.ttlSeconds * 1000 };
    });
  }

  async #write(entries: Array<[string, unknown]>) {
    if (entries.length === 0) return;
    const at = Date.now();
    await this.store.set(
      entries.map(([key, value]) => [key, JSON.stringify({ at, value } satisfies Stored<unknown>)]),
      this.ttlSeconds * STALE_FACTOR,
    );
  }

  async records<E extends CrmEntity>(entity: E, ids: string[]) {
    const unique = [...new Set(ids)];
    const found = await this.#read<LegacyRecords[E]>(unique.map((id) => this.#key(entity, 'rec', id)));
    const byId = new Map<string, Cached<LegacyRecords[E]>>();
    unique.forEach((id, index) => {
      const entry = found[index];
      if (entry) byId.set(id, entry);
    });
    return byId;
  }

  putRecords<E extends CrmEntity>(entity: E, records: LegacyRecords[E][]) {
    return this.#write(records.map((record) => [this.#key(entity, 'rec', record.id), record]));
  }

  async page<E extends CrmEntity>(entity: E, query: unknown) {
    const [entry] = await this.#read<CachedPage<E>>([this.#key(entity, 'page', this.#pageId(query))]);
    return entry;
  }

  putPage<E extends CrmEntity>(entity: E, query: unknown, page: CachedPage<E>) {
    return this.#write([[this.#key(entity, 'page', this.#pageId(query)), page]]);
  }

  async evict(entity: CrmEntity, ids: string[]) {
    if (ids.length > 0) await this.store.delete(ids.map((id) => this.#key(entity, 'rec', id)));
  }

  close() {
    return this.store.close();
  }
}

/** Redis when `redisUrl` is set (shared by the hub's instances), else the process's memory. */
export function createLegacyCache(config: KontorConfig, logger?: Logger): LegacyCache {
  const namespace = createHash('sha1')
    .update(config.legacyCrmUrl ?? '')
    .digest('hex')
    .slice(0, 8);
  return config.redisUrl
    ? new KeyedLegacyCache('redis', new RedisStore(config.redisUrl, logger), namespace, config.legacyCacheTtlSeconds)
    : new KeyedLegacyCache('memory', new MemoryStore(), namespace, config.legacyCacheTtlSeconds);
}

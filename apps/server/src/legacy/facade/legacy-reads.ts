import type { CrmEntity } from '@kontor/contracts';
import type { FacadeMetrics } from './facade-metrics.js';
import type { CachedPage, LegacyCache } from './legacy-cache.js';
import { type LegacyCrmClient, type LegacyPage, type LegacyRecords, LegacyUnavailable } from './legacy-client.js';

export interface LegacyReadsDeps {
  legacy: LegacyCrmClient | undefined;
  cache: LegacyCache;
  metrics: FacadeMetrics;
  legacyOff: (entity: CrmEntity) => boolean;
}

/** How many records' names are asked of the legacy CRM at once (it has no batch read). */
const PARALLEL_GETS = 8;

/**
 * Reading the legacy CRM through the cache (cache-aside, docs/legacy.md "Cache"): a fresh entry answers without
 * asking; otherwise the legacy CRM answers and is cached; when it fails, an entry past its TTL (kept a while longer
 * for this) answers instead, flagged, and with nothing cached the legacy CRM's part is missing.
 */
export class LegacyReads {
  constructor(private readonly deps: LegacyReadsDeps) {}

  /** The legacy CRM when it is asked about this entity at all: configured, and not switched off for it. */
  asked(entity: CrmEntity): LegacyCrmClient | undefined {
    return this.deps.legacyOff(entity) ? undefined : this.deps.legacy;
  }

  /** A list page of legacy records; `partial` when the legacy CRM failed and the page is stale or missing. */
  async page<E extends CrmEntity>(
    entity: E,
    query: unknown,
    fetch: (legacy: LegacyCrmClient) => Promise<LegacyPage<E>>,
  ): Promise<{ page: CachedPage<E>; partial: boolean }> {
    const legacy = this.#legacy(entity);
    const cached = await this.deps.cache.page<E>(entity, query);
    this.deps.metrics.cacheLookup(entity, Boolean(cached?.fresh));
    if (cached?.fresh) return { page: cached.value, partial: false };
    try {
      const answer = await fetch(legacy);
      const page: CachedPage<E> = { records: answer.items, hasMore: answer.hasMore, last: answer.last };
      await Promise.all([
        this.deps.cache.putPage(entity, query, page),
        this.deps.cache.putRecords(entity, answer.items),
      ]);
      return { page, partial: false };
    } catch (error) {
      if (!(error instanceof LegacyUnavailable)) throw error;
      return { page: cached?.value ?? { records: [], hasMore: false, last: null }, partial: true };
    }
  }

  /**
   * A record to show: from the cache while fresh, else from the legacy CRM, else (it failing) from a stale entry.
   * Undefined when the legacy CRM has none; LegacyUnavailable when it fails and nothing is cached.
   */
  async record<E extends CrmEntity>(entity: E, id: string): Promise<LegacyRecords[E] | undefined> {
    const legacy = this.#legacy(entity);
    const cached = (await this.deps.cache.records(entity, [id])).get(id);
    this.deps.metrics.cacheLookup(entity, Boolean(cached?.fresh));
    if (cached?.fresh) return cached.value;
    try {
      const record = await legacy.get(entity, id);
      if (record) await this.deps.cache.putRecords(entity, [record]);
      return record;
    } catch (error) {
      if (error instanceof LegacyUnavailable && cached) return cached.value;
      throw error;
    }
  }

  /** Records to show beside others (an order's client name): like `record`, leaving out what cannot be had. */
  async records<E extends CrmEntity>(entity: E, ids: string[]): Promise<Map<string, LegacyRecords[E]>> {
    const found = new Map<string, LegacyRecords[E]>();
    if (ids.length === 0 || !this.asked(entity)) return found;
    const cached = await this.deps.cache.records(entity, ids);
    const wanted: string[] = [];
    for (const id of new Set(ids)) {
      const entry = cached.get(id);
      this.deps.metrics.cacheLookup(entity, Boolean(entry?.fresh));
      if (entry?.fresh) found.set(id, entry.value);
      else wanted.push(id);
    }
    const legacy = this.#legacy(entity);
    const fetched: LegacyRecords[E][] = [];
    for (let start = 0; start < wanted.length; start += PARALLEL_GETS) {
      await Promise.all(
        wanted.slice(start, start + PARALLEL_GETS).map(async (id) => {
          const record = await legacy.get(entity, id).then(
            (answer) => {
              if (answer) fetched.push(answer);
              return answer;
            },
            (error: unknown) => {
              if (error instanceof LegacyUnavailable) return cached.get(id)?.value;
              throw error;
            },
          );
          if (record) found.set(id, record);
        }),
      );
    }
    await this.deps.cache.putRecords(entity, fetched);
    return found;
  }

  /** The record as the legacy CRM has it now, never the cache's copy: what an edit migrates must not be stale. */
  async fresh<E extends CrmEntity>(entity: E, id: string): Promise<LegacyRecords[E] | undefined> {
    const record = await this.#legacy(entity).get(entity, id);
    if (record) await this.deps.cache.putRecords(entity, [record]);
    return record;
  }

  /** Forgets what the cache has of records that moved into our service; call after the move commits. */
  evict(entity: CrmEntity, ids: string[]): Promise<void> {
    return this.deps.cache.evict(entity, ids);
  }

  #legacy(entity: CrmEntity): LegacyCrmClient {
    const legacy = this.asked(entity);
    if (!legacy) throw new Error(`the legacy CRM is not asked about ${entity}`);
    return legacy;
  }
}

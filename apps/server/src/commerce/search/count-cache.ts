/** Every cache of this process: a change of the search index empties them all (`CountCache.clearAll`). */
const caches = new Set<CountCache>();

/**
 * Results kept for a while by key, for counts that are costly and the same for many requests (facet counts over the
 * whole shop). Concurrent requests for a missing key share one load; a failed load is not kept. SearchIndex empties
 * every cache of the process when it changes documents; another hub instance's copy lasts until it expires (and a
 * search between a reindex and its commit may keep the old counts as long): counts are at most `ttlMs` old.
 */
export class CountCache {
  readonly #entries = new Map<string, { until: number; value: Promise<unknown> }>();

  constructor(readonly ttlMs: number) {
    caches.add(this);
  }

  static clearAll(): void {
    for (const cache of caches) cache.clear();
  }

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return load();
    const now = Date.now();
    const entry = this.#entries.get(key);
    if (entry && entry.until > now) return entry.value as Promise<T>;
    const value = load();
    this.#entries.set(key, { until: now + this.ttlMs, value });
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
    });
    // A shop has few currencies and facets: the keys stay few; expired ones go when the map grows.
    if (this.#entries.size > 500) {
      for (const [old, kept] of this.#entries) if (kept.until <= now) this.#entries.delete(old);
    }
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}

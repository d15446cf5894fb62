/**
 * Lets callers who ask the same question at the same moment share one database read: fifty reception panels
 * that re-read the waiting list on one live event cost one query, not fifty queued on PGlite's single
 * connection. Only a read still in flight is shared, so nothing is cached; and `changed()` (called after a
 * commit, before anyone hears of it) ends the sharing of reads that began earlier, so a caller who learnt of a
 * change never receives an answer read before it.
 */
export class SharedReads {
  readonly #inFlight = new Map<string, Promise<unknown>>();

  read<T>(key: string, load: () => Promise<T>): Promise<T> {
    const shared = this.#inFlight.get(key);
    if (shared) return shared as Promise<T>;
    const loading = load();
    this.#inFlight.set(key, loading);
    const settle = () => {
      if (this.#inFlight.get(key) === loading) this.#inFlight.delete(key);
    };
    loading.then(settle, settle);
    return loading;
  }

  changed() {
    this.#inFlight.clear();
  }
}

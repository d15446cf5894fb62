import type { Actor } from '../platform/context.js';

const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * Resolved callers by credential (kept in memory only, as the request that carried it was), for at most 30 s, so that an authenticated read costs no query.
 * Identity clears it on every change to users, roles or tokens, on this instance and, through the event bus,
 * on the others.
 */
export class ActorCache {
  readonly #entries = new Map<string, { actor: Actor; until: number }>();

  get(key: string): Actor | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.until < Date.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.actor;
  }

  set(key: string, actor: Actor) {
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value as string);
    this.#entries.set(key, { actor, until: Date.now() + TTL_MS });
  }

  delete(key: string) {
    this.#entries.delete(key);
  }

  clear() {
    this.#entries.clear();
  }
}

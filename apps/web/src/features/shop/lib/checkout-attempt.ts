/**
 * The Idempotency-Key of a checkout attempt (Stripe's rules, which the server follows: apps/server/src/commerce/
 * checkout/idempotency.ts). One key per attempt, kept in sessionStorage until the attempt has an answer, so that a
 * double click, a retry after a network error or a reload of the tab sends the SAME key and cannot place two orders.
 *
 * - The key is bound to the request body (its fingerprint): the server refuses one key with another body, so a
 *   changed form is a new attempt with a new key.
 * - The server keeps its answer for the key, business errors included (out of stock). Once an answer came, the key
 *   is retired: after the customer fixes the cart, the same form is a new attempt and must not get the old answer.
 * - Only an attempt without an answer (network error, 5xx, still running elsewhere) keeps its key for the retry.
 */

export const ATTEMPT_STORAGE_KEY = 'kontor.shop.checkoutAttempt';

export interface KeyStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

interface StoredAttempt {
  key: string;
  fingerprint: string;
}

/** Object keys sorted, undefined members left out: two bodies that mean the same give the same fingerprint. */
export function fingerprint(body: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .filter(([, member]) => member !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([key, member]) => [key, canonical(member)]),
      );
    return value;
  };
  return JSON.stringify(canonical(body)) ?? '';
}

function read(storage: KeyStorage): StoredAttempt | null {
  try {
    const raw = storage.getItem(ATTEMPT_STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredAttempt>;
    return typeof parsed.key === 'string' && typeof parsed.fingerprint === 'string'
      ? { key: parsed.key, fingerprint: parsed.fingerprint }
      : null;
  } catch {
    return null;
  }
}

/** sessionStorage where the browser allows it; otherwise a memory that lasts as long as the page. */
export function browserStorage(): KeyStorage {
  try {
    const storage = window.sessionStorage;
    const probe = `${ATTEMPT_STORAGE_KEY}.probe`;
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    const memory = new Map<string, string>();
    return {
      getItem: (key) => memory.get(key) ?? null,
      setItem: (key, value) => void memory.set(key, value),
      removeItem: (key) => void memory.delete(key),
    };
  }
}

/** The key to send with this body: the unanswered attempt's own key for the same body, else a new one (kept). */
export function attemptKey(storage: KeyStorage, body: unknown, newKey: () => string = () => crypto.randomUUID()) {
  const print = fingerprint(body);
  const stored = read(storage);
  if (stored && stored.fingerprint === print) return stored.key;
  const key = newKey();
  try {
    storage.setItem(ATTEMPT_STORAGE_KEY, JSON.stringify({ key, fingerprint: print } satisfies StoredAttempt));
  } catch {
    // Storage full or refused: the key still serves this click; a reload would start a new attempt.
  }
  return key;
}

/** Whether an unanswered attempt is waiting for its retry (an earlier try may have placed the order after all). */
export function hasPendingAttempt(storage: KeyStorage): boolean {
  return read(storage) !== null;
}

/**
 * Whether a failed request had an answer from the checkout itself (the key is then used up) or none: network error
 * (status 0), a server error, or the same key still running in another tab. `idempotency_in_progress` is 409.
 */
export function keepsKey(error: { status: number; code: string }): boolean {
  return error.status === 0 || error.status >= 500 || error.code === 'commerce.idempotency_in_progress';
}

/** The attempt has its answer (the order is placed, or refused for a reason a retry would only repeat). */
export function retireAttempt(storage: KeyStorage) {
  try {
    storage.removeItem(ATTEMPT_STORAGE_KEY);
  } catch {
    // Nothing kept, nothing to forget.
  }
}

import { describe, expect, it } from 'vitest';
import {
  ATTEMPT_STORAGE_KEY,
  attemptKey,
  fingerprint,
  hasPendingAttempt,
  type KeyStorage,
  keepsKey,
  retireAttempt,
} from './checkout-attempt';

function memoryStorage(): KeyStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

function counter() {
  let n = 0;
  return () => {
    n += 1;
    return `key-${n}`;
  };
}

const body = { email: 'anna@example.se', shippingAddress: { city: 'Göteborg', country: 'SE' }, acceptTerms: true };

describe('attemptKey', () => {
  it('gives the same key for a double click or a retry of the same body', () => {
    const storage = memoryStorage();
    const next = counter();
    expect(attemptKey(storage, body, next)).toBe('key-1');
    expect(attemptKey(storage, body, next)).toBe('key-1');
    expect(attemptKey(storage, { ...body }, next)).toBe('key-1');
  });

  it('does not care about the order of members or undefined ones', () => {
    const storage = memoryStorage();
    const next = counter();
    const first = attemptKey(storage, { a: 1, b: { c: 2, d: 3 } }, next);
    expect(attemptKey(storage, { b: { d: 3, c: 2 }, a: 1, e: undefined }, next)).toBe(first);
  });

  it('starts a new attempt when the form changed', () => {
    const storage = memoryStorage();
    const next = counter();
    expect(attemptKey(storage, body, next)).toBe('key-1');
    expect(attemptKey(storage, { ...body, email: 'other@example.se' }, next)).toBe('key-2');
  });

  it('survives a reload: the key is read back from storage', () => {
    const storage = memoryStorage();
    attemptKey(storage, body, () => 'kept-key');
    expect(attemptKey(storage, body, () => 'never')).toBe('kept-key');
  });

  it('gives a new key once the attempt has its answer', () => {
    const storage = memoryStorage();
    const next = counter();
    attemptKey(storage, body, next);
    retireAttempt(storage);
    expect(hasPendingAttempt(storage)).toBe(false);
    expect(attemptKey(storage, body, next)).toBe('key-2');
  });

  it('ignores a broken stored value', () => {
    const storage = memoryStorage();
    storage.setItem(ATTEMPT_STORAGE_KEY, '{not json');
    expect(hasPendingAttempt(storage)).toBe(false);
    expect(attemptKey(storage, body, () => 'fresh')).toBe('fresh');
  });

  it('still answers when storage refuses to write', () => {
    const storage: KeyStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(attemptKey(storage, body, () => 'once')).toBe('once');
  });

  it('makes UUIDs by default', () => {
    expect(attemptKey(memoryStorage(), body)).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('keepsKey', () => {
  it('keeps the key when no answer came', () => {
    expect(keepsKey({ status: 0, code: 'network' })).toBe(true);
    expect(keepsKey({ status: 502, code: 'http_error' })).toBe(true);
    expect(keepsKey({ status: 409, code: 'commerce.idempotency_in_progress' })).toBe(true);
  });

  it('retires it after an answer of the checkout', () => {
    expect(keepsKey({ status: 409, code: 'commerce.out_of_stock' })).toBe(false);
    expect(keepsKey({ status: 422, code: 'commerce.unknown_sku' })).toBe(false);
    expect(keepsKey({ status: 400, code: 'validation_failed' })).toBe(false);
  });
});

describe('fingerprint', () => {
  it('is stable text', () => {
    expect(fingerprint({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });
});

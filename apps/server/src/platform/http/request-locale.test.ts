import { describe, expect, it } from 'vitest';
import { requestLocale } from './request-locale.js';

describe('requestLocale', () => {
  it('takes the first of Kontor’s languages in the order of the q-values', () => {
    expect(requestLocale('sv-SE,sv;q=0.9,en;q=0.8')).toBe('sv');
    expect(requestLocale('de-DE, ru;q=0.7, pl;q=0.9')).toBe('pl');
    expect(requestLocale('en;q=0.2, ru')).toBe('ru');
  });

  it('answers English for a header naming none of them, a wildcard or nothing', () => {
    expect(requestLocale('*')).toBe('en');
    expect(requestLocale('de, fr;q=0.5')).toBe('en');
    expect(requestLocale(undefined)).toBe('en');
    expect(requestLocale('sv;q=0')).toBe('en');
  });
});

import { describe, expect, it } from 'vitest';
import { acceptedLanguages, resolveCurrency, resolveLocale, shopHref } from './shop-request.js';

describe('the shop’s language', () => {
  const locales = ['sv', 'en', 'de'];

  it('takes ?lang=, then the cookie, then Accept-Language, then the first configured language', () => {
    expect(resolveLocale(locales, { query: 'en', cookie: 'de', acceptLanguage: 'sv' })).toEqual({
      locale: 'en',
      chosen: true,
    });
    expect(resolveLocale(locales, { query: 'xx', cookie: 'de', acceptLanguage: 'en' })).toEqual({
      locale: 'de',
      chosen: false,
    });
    expect(resolveLocale(locales, { acceptLanguage: 'fr-FR, en-GB;q=0.8, sv;q=0.9' }).locale).toBe('sv');
    expect(resolveLocale(locales, { acceptLanguage: 'fr, pl' }).locale).toBe('sv');
    expect(resolveLocale(locales, {}).locale).toBe('sv');
  });

  it('reads Accept-Language by q-value and ignores garbage', () => {
    expect(acceptedLanguages('en;q=0.5, *, sv-SE, x;q=0, de;q=oops')).toEqual(['sv', 'en']);
  });
});

describe('the shop’s currency', () => {
  it('takes ?currency= (any case), then the cookie, then SEK, among active currencies only', () => {
    expect(resolveCurrency(['SEK', 'EUR'], { query: 'eur', cookie: 'SEK' })).toEqual({ currency: 'EUR', chosen: true });
    expect(resolveCurrency(['SEK', 'EUR'], { query: 'USD', cookie: 'EUR' })).toEqual({
      currency: 'EUR',
      chosen: false,
    });
    expect(resolveCurrency(['SEK', 'EUR'], { cookie: 'NOK' }).currency).toBe('SEK');
    expect(resolveCurrency(['EUR'], {}).currency).toBe('EUR');
  });
});

describe('links', () => {
  it('carry the language when it is not the default, and leave out empty values', () => {
    expect(shopHref({ locale: 'sv', defaultLocale: 'sv' }, '/shop/p/a')).toBe('/shop/p/a');
    expect(shopHref({ locale: 'en', defaultLocale: 'sv' }, '/shop/search', { q: 'a&b', page: null })).toBe(
      '/shop/search?q=a%26b&lang=en',
    );
    expect(shopHref({ locale: 'en', defaultLocale: 'sv' }, '/shop', { lang: 'sv' })).toBe('/shop?lang=sv');
  });
});

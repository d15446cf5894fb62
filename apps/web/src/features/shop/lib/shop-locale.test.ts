import { describe, expect, it } from 'vitest';
import { cookieText, initialShopLanguage, readCookie, storefrontHref } from './shop-locale';

describe('readCookie', () => {
  it('finds one cookie among several', () => {
    expect(readCookie('a=1; shop_lang=en; shop_currency=EUR', 'shop_lang')).toBe('en');
    expect(readCookie('a=1', 'shop_lang')).toBeNull();
    expect(readCookie('', 'shop_lang')).toBeNull();
  });

  it('survives a broken encoding', () => {
    expect(readCookie('shop_lang=%E0%A4%A', 'shop_lang')).toBeNull();
  });
});

describe('cookieText', () => {
  it('writes what the server writes', () => {
    expect(cookieText('shop_lang', 'en', false)).toBe('shop_lang=en; path=/; max-age=31536000; samesite=lax');
    expect(cookieText('shop_lang', 'en', true)).toContain('; secure');
  });
});

describe('initialShopLanguage', () => {
  it('prefers ?lang=, then the cookie, then leaves it to the app', () => {
    expect(initialShopLanguage('?lang=en', 'shop_lang=sv')).toBe('en');
    expect(initialShopLanguage('', 'shop_lang=sv')).toBe('sv');
    expect(initialShopLanguage('?lang=xx', 'shop_lang=de')).toBeNull();
  });
});

describe('storefrontHref', () => {
  it('adds ?lang= except for the default language', () => {
    expect(storefrontHref('/shop', 'sv')).toBe('/shop');
    expect(storefrontHref('/shop', 'en')).toBe('/shop?lang=en');
    expect(storefrontHref('/shop/search', 'en', { q: 'propeller' })).toBe('/shop/search?q=propeller&lang=en');
    expect(storefrontHref('/shop', 'pl')).toBe('/shop');
  });
});

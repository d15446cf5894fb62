/**
 * The shop's language and currency are shared with the server-rendered pages through the cookies they read
 * (apps/server/src/commerce/storefront/shop-request.ts): `shop_lang` and `shop_currency`. A choice made here
 * follows the customer back to the product pages, and one made there arrives here.
 */

export const LANG_COOKIE = 'shop_lang';
export const CURRENCY_COOKIE = 'shop_currency';
/** The languages the shop's own pages are written in; the app has more, and shows them if chosen elsewhere. */
export const SHOP_LANGUAGES = ['sv', 'en'] as const;
export type ShopLanguage = (typeof SHOP_LANGUAGES)[number];
/** The server pages' default language; links in it carry no `?lang=`. */
export const DEFAULT_SHOP_LANGUAGE: ShopLanguage = 'sv';

export const isShopLanguage = (value: unknown): value is ShopLanguage =>
  typeof value === 'string' && (SHOP_LANGUAGES as readonly string[]).includes(value);

/** One cookie's value from a `document.cookie` string. */
export function readCookie(cookies: string, name: string): string | null {
  for (const part of cookies.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** The cookie as the server writes it: the whole site, a year, Lax, Secure on https. */
export function cookieText(name: string, value: string, secure: boolean): string {
  return `${name}=${encodeURIComponent(value)}; path=/; max-age=31536000; samesite=lax${secure ? '; secure' : ''}`;
}

export function writeCookie(name: string, value: string) {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from Firefox and older Safari.
  document.cookie = cookieText(name, value, window.location.protocol === 'https:');
}

/**
 * The language a shop page opens in: `?lang=` (as the server pages link), then the shop's cookie; null keeps the
 * app's own choice (saved preference, browser language).
 */
export function initialShopLanguage(search: string, cookies: string): ShopLanguage | null {
  const fromQuery = new URLSearchParams(search).get('lang');
  if (isShopLanguage(fromQuery)) return fromQuery;
  const fromCookie = readCookie(cookies, LANG_COOKIE);
  return isShopLanguage(fromCookie) ? fromCookie : null;
}

/** A link to a server-rendered shop page, in the language shown here (crawler-style `?lang=` like its own links). */
export function storefrontHref(path: string, language: string, params: Record<string, string> = {}): string {
  const search = new URLSearchParams(params);
  if (isShopLanguage(language) && language !== DEFAULT_SHOP_LANGUAGE) search.set('lang', language);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Messages, messagesFor } from './dictionary.js';

export const LANG_COOKIE = 'shop_lang';
export const CURRENCY_COOKIE = 'shop_currency';
const YEAR_SECONDS = 365 * 24 * 3600;

export type Query = Record<string, string | string[] | undefined>;

/** What every page of one request is rendered for: language, currency, where the shop lives. */
export interface ShopRequest {
  /** The catalog language (one of commerceLocales). */
  locale: string;
  defaultLocale: string;
  locales: string[];
  t: Messages;
  currency: string;
  /** Digits of the currency's minor unit. */
  exponent: number;
  currencies: Array<{ code: string; exponent: number }>;
  /** The shop's public origin without a trailing slash: publicUrl, else the request's own. */
  origin: string;
  /** The request's path without its query. */
  path: string;
  /** The language the URL names (`?lang=`), when it names one of the shop's; a URL without one negotiates. */
  langInUrl: string | undefined;
  query: Query;
  cartCount: number | null;
}

/** The first value of a query parameter. */
export const first = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/** Languages from Accept-Language in the order of their q-values (two-letter bases). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      // A malformed weight (q=oops) reads as NaN and drops the entry rather than ranking it first.
      const q = parameters.map((p) => /^\s*q=(.*)$/.exec(p)?.[1]?.trim()).find((value) => value !== undefined);
      const weight = q === undefined ? 1 : /^[\d.]+$/.test(q) ? Number(q) : Number.NaN;
      return { base: tag.trim().slice(0, 2).toLowerCase(), q: weight, index };
    })
    .filter((entry) => entry.q > 0 && /^[a-z]{2}$/.test(entry.base))
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.base);
}

/**
 * The page's language: `?lang=`, then the `shop_lang` cookie, then Accept-Language, then the shop's default (the
 * first of commerceLocales, Swedish unless configured otherwise). Only languages the catalog is written in count.
 */
export function resolveLocale(
  locales: string[],
  given: { query?: string; cookie?: string; acceptLanguage?: string },
): { locale: string; chosen: boolean } {
  if (given.query && locales.includes(given.query)) return { locale: given.query, chosen: true };
  if (given.cookie && locales.includes(given.cookie)) return { locale: given.cookie, chosen: false };
  const accepted = acceptedLanguages(given.acceptLanguage).find((base) => locales.includes(base));
  return { locale: accepted ?? (locales[0] as string), chosen: false };
}

/** The currency: `?currency=`, then the `shop_currency` cookie, then SEK (or the first active one). */
export function resolveCurrency(
  active: string[],
  given: { query?: string; cookie?: string },
): { currency: string; chosen: boolean } {
  const query = given.query?.toUpperCase();
  if (query && active.includes(query)) return { currency: query, chosen: true };
  if (given.cookie && active.includes(given.cookie)) return { currency: given.cookie, chosen: false };
  return { currency: active.includes('SEK') ? 'SEK' : (active[0] ?? 'SEK'), chosen: false };
}

export interface ShopRequestOptions {
  locales: string[];
  publicUrl: string | undefined;
  currencies: Array<{ code: string; exponent: number }>;
  cartCount: number | null;
}

/** Reads the shop's language and currency from a request and remembers an explicit choice in a cookie. */
export function shopRequest(request: FastifyRequest, reply: FastifyReply, options: ShopRequestOptions): ShopRequest {
  const query = (request.query ?? {}) as Query;
  const cookies = request.cookies ?? {};
  const { locale, chosen: langChosen } = resolveLocale(options.locales, {
    query: first(query.lang),
    cookie: cookies[LANG_COOKIE],
    acceptLanguage: request.headers['accept-language'],
  });
  const codes = options.currencies.map((currency) => currency.code);
  const { currency, chosen: currencyChosen } = resolveCurrency(codes, {
    query: first(query.currency),
    cookie: cookies[CURRENCY_COOKIE],
  });
  const origin = (options.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
  const cookie = { path: '/', maxAge: YEAR_SECONDS, sameSite: 'lax' as const, secure: origin.startsWith('https:') };
  if (langChosen) reply.setCookie(LANG_COOKIE, locale, cookie);
  if (currencyChosen) reply.setCookie(CURRENCY_COOKIE, currency, cookie);
  return {
    locale,
    defaultLocale: options.locales[0] as string,
    locales: options.locales,
    t: messagesFor(locale),
    currency,
    exponent: options.currencies.find((entry) => entry.code === currency)?.exponent ?? 2,
    currencies: options.currencies,
    origin,
    path: request.url.split('?')[0] as string,
    langInUrl: langChosen ? locale : undefined,
    query,
    cartCount: options.cartCount,
  };
}

/**
 * A link within the shop. Pages in a language other than the default carry `?lang=` so that crawlers, which keep no
 * cookies, walk each language's pages as their own; `lang` in `params` overrides it, `null` values are left out.
 */
export function shopHref(
  shop: Pick<ShopRequest, 'locale' | 'defaultLocale'>,
  path: string,
  params: Record<string, string | number | null | undefined | Array<string>> = {},
): string {
  const search = new URLSearchParams();
  const withLang = { ...params };
  if (!('lang' in withLang) && shop.locale !== shop.defaultLocale) withLang.lang = shop.locale;
  for (const [key, value] of Object.entries(withLang)) {
    if (value === null || value === undefined || value === '') continue;
    for (const item of [value].flat()) search.append(key, String(item));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** The absolute URL of a shop path (canonical, Open Graph, JSON-LD). */
export const absolute = (shop: Pick<ShopRequest, 'origin'>, href: string) => `${shop.origin}${href}`;

import type { AssetFile } from './assets.js';
import { cartLabel, messagesFor } from './dictionary.js';
import { empty, type Html, html, jsonScript } from './html.js';
import { absolute, first, type ShopRequest, shopHref } from './shop-request.js';

/** What a page puts in its <head>. */
export interface PageHead {
  title: string;
  description: string;
  /** Absolute; left out on pages that must not be indexed. */
  canonical?: string;
  noindex?: boolean;
  /** Absolute URLs of the same page in each language (hreflang), with x-default. */
  alternates?: Array<{ hreflang: string; href: string }>;
  openGraph?: Record<string, string | undefined>;
  jsonLd?: unknown[];
  prev?: string;
  next?: string;
  /** The page's largest image, fetched before the stylesheet is parsed (LCP). */
  preloadImage?: string;
}

export interface Layout {
  asset: (file: AssetFile) => string;
}

/**
 * The same page in every language the catalog is written in. Each language has its own URL (`?lang=sv`,
 * `?lang=en` …); the URL without `?lang=` is x-default: it answers in the visitor's language (cookie,
 * Accept-Language) and in the shop's default language to a crawler.
 */
export function languageAlternates(shop: ShopRequest, path: string, params: Record<string, string> = {}) {
  const links = shop.locales.map((locale) => ({
    hreflang: locale,
    href: absolute(shop, shopHref(shop, path, { ...params, lang: locale })),
  }));
  return [...links, { hreflang: 'x-default', href: absolute(shop, shopHref(shop, path, { ...params, lang: null })) }];
}

/**
 * The canonical URL of a page: itself, with the language its URL names. A negotiating URL (no `?lang=`) is its own
 * canonical too, whatever language it answered in, so it never points at one of its hreflang siblings.
 */
export const canonicalUrl = (shop: ShopRequest, path: string, params: Record<string, string | number> = {}) =>
  absolute(shop, shopHref(shop, path, { ...params, lang: shop.langInUrl ?? null }));

function head(layout: Layout, page: PageHead): Html {
  const og = Object.entries(page.openGraph ?? {}).filter(([, value]) => value);
  return html`<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<meta name="description" content="${page.description}">
${page.noindex ? html`<meta name="robots" content="noindex, follow">\n` : empty}${
  page.canonical ? html`<link rel="canonical" href="${page.canonical}">\n` : empty
}${(page.alternates ?? []).map(
  (alternate) => html`<link rel="alternate" hreflang="${alternate.hreflang}" href="${alternate.href}">\n`,
)}${page.prev ? html`<link rel="prev" href="${page.prev}">\n` : empty}${
  page.next ? html`<link rel="next" href="${page.next}">\n` : empty
}${page.preloadImage ? html`<link rel="preload" as="image" href="${page.preloadImage}" fetchpriority="high">\n` : empty}<link rel="stylesheet" href="${layout.asset('shop.css')}">
<link rel="icon" href="${layout.asset('icon.svg')}" type="image/svg+xml">
<meta name="theme-color" content="#0b3d5c">
${og.map(([property, value]) => html`<meta property="${property}" content="${value}">\n`)}${(page.jsonLd ?? []).map(
  (data) => html`${jsonScript('application/ld+json', data)}\n`,
)}<script src="${layout.asset('shop.js')}" defer></script>`;
}

/** The query of the current page without the parameters named, as hidden inputs (a GET form keeps the rest). */
function keptQuery(shop: ShopRequest, without: string[]): Html[] {
  return Object.entries(shop.query)
    .filter(([key, value]) => !without.includes(key) && value !== undefined)
    .flatMap(([key, value]) =>
      [value ?? []].flat().map((item) => html`<input type="hidden" name="${key}" value="${item}">`),
    );
}

function header(shop: ShopRequest): Html {
  const { t } = shop;
  const q = shop.path === '/shop/search' ? (first(shop.query.q) ?? '') : '';
  const languages = shop.locales.map((locale) => {
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(shop.query)) {
      const one = first(value);
      if (key !== 'lang' && one !== undefined) params[key] = one;
    }
    const href = shopHref({ locale, defaultLocale: '' }, shop.path, { ...params, lang: locale });
    const name = messagesFor(locale).languageName;
    return locale === shop.locale
      ? html`<span aria-current="true" lang="${locale}">${locale === 'sv' || locale === 'en' ? name : locale.toUpperCase()}</span>`
      : html`<a href="${href}" hreflang="${locale}" lang="${locale}">${locale === 'sv' || locale === 'en' ? name : locale.toUpperCase()}</a>`;
  });
  const currencies =
    shop.currencies.length > 1
      ? html`<form class="currency" method="get" action="${shop.path}">${keptQuery(shop, ['currency'])}<label>${t.currency} <select name="currency" data-autosubmit>${shop.currencies.map(
          (currency) =>
            html`<option value="${currency.code}"${currency.code === shop.currency ? html` selected` : empty}>${currency.code}</option>`,
        )}</select></label> <noscript><button type="submit">${t.change}</button></noscript></form>`
      : empty;
  // An unknown count (the cart could not be read) shows no number; the script asks the cart API instead.
  const count = shop.cartCount;
  return html`<a class="skip" href="#main">${t.skipToContent}</a>
<div class="strip"><nav class="langs" aria-label="${t.language}">${languages}</nav>${currencies}</div>
<header class="top">
<div class="bar">
<a class="logo" href="${shopHref(shop, '/shop')}">${t.shopName}</a>
<nav class="tools" aria-label="${t.account}">
<a href="${shopHref(shop, '/shop/account')}">${t.account}</a>
<a class="cart" href="${shopHref(shop, '/shop/cart')}" aria-label="${count === null ? t.cart : cartLabel(t, count)}" data-cart data-label-one="${t.cartLabelOne}" data-label-many="${t.cartLabelMany}">${t.cart} <span class="count" aria-hidden="true" data-cart-count${count === null ? html` data-cart-unknown hidden` : empty}>${count ?? ''}</span></a>
</nav>
</div>
<form class="search" role="search" method="get" action="/shop/search">
${shop.locale !== shop.defaultLocale ? html`<input type="hidden" name="lang" value="${shop.locale}">` : empty}<label for="q" class="vh">${t.searchLabel}</label>
<input id="q" name="q" type="search" value="${q}" placeholder="${t.searchPlaceholder}" autocomplete="off" enterkeyhint="search" aria-autocomplete="list" aria-controls="suggest" aria-expanded="false" role="combobox">
<button type="submit">${t.search}</button>
<ul id="suggest" class="suggest" role="listbox" aria-label="${t.search}" hidden></ul>
</form>
</header>`;
}

function footer(shop: ShopRequest): Html {
  const { t } = shop;
  return html`<footer class="foot">
<section><h2>${t.footerServiceTitle}</h2><p>${t.footerService}</p></section>
<section><h2>${t.footerWithdrawalTitle}</h2><p>${t.footerWithdrawal}</p></section>
<section><h2>${t.footerShippingTitle}</h2><p>${t.footerShipping}</p></section>
<p class="company">${t.footerCompany}</p>
</footer>`;
}

/** A whole document: head, the shop's header, the page's main content, the footer. */
export function renderDocument(shop: ShopRequest, layout: Layout, page: PageHead, main: Html): string {
  return `<!doctype html>\n${html`<html lang="${shop.locale}" data-currency="${shop.currency}">
<head>
${head(layout, page)}
</head>
<body>
${header(shop)}
<main id="main">
${main}
</main>
${footer(shop)}
<p class="status vh" role="status" aria-live="polite" data-status></p>
</body>
</html>
`}`;
}

/** Breadcrumbs as links (the last is the page itself) and as schema.org BreadcrumbList. */
export function breadcrumbs(shop: ShopRequest, trail: Array<{ name: string; href: string }>) {
  const nav = html`<nav class="crumbs" aria-label="${shop.t.breadcrumbs}"><ol>${trail.map((step, index) =>
    index === trail.length - 1
      ? html`<li><span aria-current="page">${step.name}</span></li>`
      : html`<li><a href="${step.href}">${step.name}</a></li>`,
  )}</ol></nav>`;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((step, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: step.name,
      item: absolute(shop, step.href),
    })),
  };
  return { nav, jsonLd };
}

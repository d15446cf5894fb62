import type { ShopSearchHit } from '@kontor/contracts';
import { empty, html } from './html.js';
import { canonicalUrl, type Layout, languageAlternates, renderDocument } from './layout.js';
import { productGrid } from './listing-html.js';
import type { CategoryLink } from './listing-page-service.js';
import { absolute, type ShopRequest, shopHref } from './shop-request.js';

/** The shop's front page: categories, what is on sale now, a row of products in the search's own order. */
export function renderHomePage(
  shop: ShopRequest,
  layout: Layout,
  home: { categories: CategoryLink[]; campaign: ShopSearchHit[]; featured: ShopSearchHit[] },
): string {
  const { t } = shop;
  const url = canonicalUrl(shop, '/shop');
  const row = (id: string, title: string, hits: ShopSearchHit[], eager: number) =>
    hits.length > 0
      ? html`<section class="block" aria-labelledby="${id}"><h2 id="${id}">${title}</h2>${productGrid(shop, hits, eager)}</section>`
      : empty;
  const main = html`<section class="hero">
<h1>${t.shopName}</h1>
<p>${t.tagline}</p>
</section>
${
  home.categories.length > 0
    ? html`<nav class="block" aria-labelledby="categories-title"><h2 id="categories-title">${t.shopByCategory}</h2><ul class="chips">${home.categories.map(
        (category) => html`<li><a href="${shopHref(shop, `/shop/c/${category.slug}`)}">${category.name}</a></li>`,
      )}</ul></nav>`
    : empty
}
${row('campaign-title', t.campaignProducts, home.campaign, 2)}
${row('featured-title', t.featuredProducts, home.featured, 0)}`;
  const searchTarget = `${absolute(shop, shopHref(shop, '/shop/search'))}${shop.locale === shop.defaultLocale ? '?' : '&'}q={query}`;
  return renderDocument(
    shop,
    layout,
    {
      title: t.homeTitle,
      description: t.homeDescription,
      canonical: url,
      alternates: languageAlternates(shop, '/shop'),
      openGraph: {
        'og:type': 'website',
        'og:site_name': t.shopName,
        'og:locale': t.ogLocale,
        'og:title': t.homeTitle,
        'og:description': t.homeDescription,
        'og:url': url,
      },
      jsonLd: [
        {
          '@context': 'https://schema.org',
          '@type': 'WebSite',
          name: t.shopName,
          url,
          potentialAction: { '@type': 'SearchAction', target: searchTarget, 'query-input': 'required name=query' },
        },
        { '@context': 'https://schema.org', '@type': 'Organization', name: 'WestGear AB', url },
      ],
    },
    main,
  );
}

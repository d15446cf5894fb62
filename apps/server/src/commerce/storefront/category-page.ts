import type { ShopSearchAnswer } from '@kontor/contracts';
import { empty, html } from './html.js';
import { breadcrumbs, canonicalUrl, type Layout, languageAlternates, renderDocument } from './layout.js';
import { facetPanel, pageLinks, pager, productGrid, sortForm } from './listing-html.js';
import type { CategoryView } from './listing-page-service.js';
import type { ListingQuery } from './listing-query.js';
import { describe } from './product-page.js';
import { type ShopRequest, shopHref } from './shop-request.js';

/**
 * A category: its sub-categories, its products with facets, sorting and pages. Page 1, 2 … are each canonical;
 * filtered or re-sorted views are not indexed (they would be endless near-copies of the category).
 */
export function renderCategoryPage(
  shop: ShopRequest,
  layout: Layout,
  category: CategoryView,
  listing: ListingQuery,
  result: ShopSearchAnswer,
): string {
  const { t } = shop;
  const path = `/shop/c/${category.slug}`;
  const pageParams: Record<string, string> = listing.page > 1 ? { page: String(listing.page) } : {};
  const crumbs = breadcrumbs(shop, [
    { name: t.home, href: shopHref(shop, '/shop') },
    ...category.trail.map((step) => ({ name: step.name, href: shopHref(shop, `/shop/c/${step.slug}`) })),
    { name: category.name, href: shopHref(shop, path) },
  ]);
  const narrowed = Object.keys(listing.facets).length > 0 || listing.inStock || listing.sort !== 'relevance';
  const intro = category.description.split(/\n\s*\n/)[0]?.trim();
  const main = html`${crumbs.nav}
<h1>${category.name}</h1>
${intro ? html`<p class="intro">${intro}</p>` : empty}
${
  category.children.length > 0
    ? html`<nav aria-label="${t.subcategories}"><ul class="chips">${category.children.map(
        (child) => html`<li><a href="${shopHref(shop, `/shop/c/${child.slug}`)}">${child.name}</a></li>`,
      )}</ul></nav>`
    : empty
}
<div class="listing">
<div>${facetPanel(shop, path, listing, result, ['category'])}</div>
<section aria-labelledby="products-title">
<h2 id="products-title" class="vh">${t.products}</h2>
<div class="listing-tools"><p>${t.productCount(result.total)}</p>${sortForm(shop, path, listing, t.sortRecommended)}</div>
${productGrid(shop, result.hits)}
${pager(shop, path, listing, result.total)}
</section>
</div>`;
  const pageSuffix = listing.page > 1 ? ` – ${t.pageNumber(listing.page)}` : '';
  return renderDocument(
    shop,
    layout,
    {
      title: `${category.seoTitle || category.name}${pageSuffix} | ${t.shopName}`,
      description: describe(
        category.seoDescription,
        category.description,
        `${category.name} – ${t.productCount(result.total)} | ${t.shopName}`,
      ),
      canonical: narrowed ? undefined : canonicalUrl(shop, path, pageParams),
      noindex: narrowed,
      alternates: narrowed ? undefined : languageAlternates(shop, path, pageParams),
      ...pageLinks(shop, path, listing, result.total),
      openGraph: { 'og:type': 'website', 'og:site_name': t.shopName, 'og:title': category.name },
      jsonLd: [crumbs.jsonLd],
    },
    main,
  );
}

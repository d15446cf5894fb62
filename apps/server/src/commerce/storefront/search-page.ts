import type { ShopSearchAnswer } from '@kontor/contracts';
import { empty, html } from './html.js';
import { type Layout, renderDocument } from './layout.js';
import { facetPanel, pageLinks, pager, productGrid, sortForm } from './listing-html.js';
import type { CategoryLink, Suggestions } from './listing-page-service.js';
import type { ListingQuery } from './listing-query.js';
import { type ShopRequest, shopHref } from './shop-request.js';

/** Search results with facets (never indexed: endless combinations); no hits shows what to try instead. */
export function renderSearchPage(
  shop: ShopRequest,
  layout: Layout,
  listing: ListingQuery,
  found: { answer: ShopSearchAnswer; suggestions: Suggestions; categories: CategoryLink[] },
): string {
  const { t } = shop;
  const path = '/shop/search';
  const result = found.answer;
  const heading = listing.q ? t.searchResultsFor(listing.q) : t.searchResults;
  const nothing =
    result.total === 0
      ? html`<section class="block">
<p>${listing.q ? t.noResults(listing.q) : t.productCount(0)}</p>
${
  found.suggestions.length > 0
    ? html`<h2>${t.didYouMean}</h2><ul class="chips">${found.suggestions.map(
        (suggestion) => html`<li><a href="${suggestion.url}">${suggestion.text}</a></li>`,
      )}</ul>`
    : empty
}
<p>${t.tryThese}</p>
<ul class="chips">${found.categories.map(
          (category) => html`<li><a href="${shopHref(shop, `/shop/c/${category.slug}`)}">${category.name}</a></li>`,
        )}</ul>
</section>`
      : empty;
  const main = html`<h1>${heading}</h1>
${
  result.total > 0 || Object.keys(listing.facets).length > 0
    ? html`<div class="listing">
<div>${facetPanel(shop, path, listing, result)}</div>
<section aria-labelledby="results-title">
<h2 id="results-title" class="vh">${t.products}</h2>
<div class="listing-tools"><p>${t.productCount(result.total)}</p>${sortForm(shop, path, listing, t.sortRelevance)}</div>
${productGrid(shop, result.hits)}
${pager(shop, path, listing, result.total)}
</section>
</div>`
    : empty
}
${nothing}`;
  return renderDocument(
    shop,
    layout,
    {
      title: `${heading} | ${t.shopName}`,
      description: t.homeDescription,
      noindex: true,
      ...pageLinks(shop, path, listing, result.total),
    },
    main,
  );
}

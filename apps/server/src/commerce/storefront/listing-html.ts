import type { ShopSearchAnswer, ShopSearchHit } from '@kontor/contracts';
import { empty, type Html, html } from './html.js';
import { type ListingQuery, listingParams, PAGE_SIZE } from './listing-query.js';
import { cardPrice } from './price-html.js';
import { mediaPath } from './product-page.js';
import { type ShopRequest, shopHref } from './shop-request.js';

/** One product in a grid: picture (its box reserved), name, price; the whole card is the link. */
export function productCard(shop: ShopRequest, hit: ShopSearchHit, eager = false): Html {
  const reduced = hit.regularPriceMinor !== null && hit.priceMinor < hit.regularPriceMinor;
  return html`<li class="card"><a href="${shopHref(shop, `/shop/p/${hit.slug}`)}">${
    hit.imageId
      ? html`<img src="${mediaPath(hit.imageId)}" width="400" height="400" alt=""${eager ? empty : html` loading="lazy"`} decoding="async">`
      : html`<span class="noimg"></span>`
  }<h3>${hit.name}</h3></a>${cardPrice(shop, {
    unitMinor: hit.priceMinor,
    regularMinor: reduced ? (hit.regularPriceMinor as number) : hit.priceMinor,
    lowest30dMinor: hit.lowestPrice30dMinor,
  })}${hit.inStock ? empty : html`<p class="card-lowest">${shop.t.outOfStock}</p>`}</li>`;
}

export const productGrid = (shop: ShopRequest, hits: ShopSearchHit[], eagerCount = 2) =>
  html`<ul class="grid">${hits.map((hit, index) => productCard(shop, hit, index < eagerCount))}</ul>`;

type Facet = ShopSearchAnswer['facets'][number];

/**
 * What choosing a facet value does to the query. Values of one facet are alternatives, so a model year (whose
 * parent is its model, in the same facet.fitment parameter) replaces its model rather than joining it, and
 * dropping the last year of a model goes back to the whole model.
 */
function facetChange(listing: ListingQuery, facet: Facet, value: Facet['values'][number]) {
  if (facet.name !== 'fitment_year' || !value.parent) return { toggle: [facet.param, value.value] as [string, string] };
  const parent = value.parent;
  const current = listing.facets[facet.param] ?? [];
  if (value.selected) {
    const rest = current.filter((item) => item !== value.value);
    const siblings = facet.values.filter((other) => other.parent === parent && other.selected && other !== value);
    return {
      set: [facet.param, siblings.length > 0 || rest.includes(parent) ? rest : [...rest, parent]] as [string, string[]],
    };
  }
  return { set: [facet.param, [...current.filter((item) => item !== parent), value.value]] as [string, string[]] };
}

/**
 * One facet as a disclosure (native, so it works without the script): on a phone the panel would be long, so a facet
 * starts closed unless something in it is chosen (a chosen model opens its years too: they share facet.fitment).
 * The script opens every facet on a wide screen, where the panel is a column of its own.
 */
function facetBlock(shop: ShopRequest, path: string, listing: ListingQuery, facet: Facet): Html {
  if (facet.values.length === 0) return empty;
  const active = facet.values.some((value) => value.selected) || (listing.facets[facet.param] ?? []).length > 0;
  const link = (value: Facet['values'][number]) => {
    const href = shopHref(shop, path, listingParams(listing, facetChange(listing, facet, value)));
    return html`<a href="${href}" rel="nofollow"${value.selected ? html` aria-current="true"` : empty}>${
      value.selected ? '✓ ' : ''
    }${value.label} <span class="n">(${value.count})</span></a>`;
  };
  // A tree (categories, a model's years) shows children under their parent.
  const roots = facet.values.filter((value) => !value.parent || !facet.values.some((v) => v.value === value.parent));
  const children = (parent: string) => facet.values.filter((value) => value.parent === parent);
  const item = (value: Facet['values'][number]): Html => {
    const below = children(value.value);
    return html`<li>${link(value)}${below.length > 0 ? html`<ul>${below.map(item)}</ul>` : empty}</li>`;
  };
  return html`<details class="facet" data-facet${active ? html` open` : empty}><summary>${facet.label}</summary><ul>${roots.map(item)}</ul>${
    facet.name === 'price' ? priceForm(shop, path, listing) : empty
  }</details>`;
}

/** A typed price range (whole currency units), sent as a GET form; the page turns it into facet.price. */
function priceForm(shop: ShopRequest, path: string, listing: ListingQuery): Html {
  const { t } = shop;
  const kept = Object.entries(listingParams(listing)).filter(([key]) => key !== 'facet.price');
  return html`<form class="range" method="get" action="${path}">${kept.flatMap(([key, value]) =>
    [value].flat().map((item) => html`<input type="hidden" name="${key}" value="${item}">`),
  )}${shop.locale !== shop.defaultLocale ? html`<input type="hidden" name="lang" value="${shop.locale}">` : empty}<label>${t.priceMin} (${shop.currency})<input name="pmin" type="number" inputmode="numeric" min="0" step="1"></label><label>${t.priceMax} (${shop.currency})<input name="pmax" type="number" inputmode="numeric" min="0" step="1"></label><button type="submit">${t.applyFilters}</button></form>`;
}

/** The filter panel: every facet as links that add or remove one value (crawlers are asked not to follow). */
export function facetPanel(
  shop: ShopRequest,
  path: string,
  listing: ListingQuery,
  result: Pick<ShopSearchAnswer, 'facets'>,
  skip: string[] = [],
): Html {
  const facets = result.facets.filter((facet) => !skip.includes(facet.name) && facet.values.length > 0);
  if (facets.length === 0) return empty;
  const filtered = Object.keys(listing.facets).length > 0 || listing.inStock;
  return html`<details class="facets" data-facets${filtered ? html` open` : empty}><summary>${shop.t.filters}</summary>
${filtered ? html`<p><a href="${shopHref(shop, path, listingParams(listing, { clearFacets: true }))}">${shop.t.clearFilters}</a></p>` : empty}${facets.map((facet) => facetBlock(shop, path, listing, facet))}
</details>`;
}

/** Sorting as a GET form (changes submit at once with the script; a button without it). */
export function sortForm(shop: ShopRequest, path: string, listing: ListingQuery, defaultLabel: string): Html {
  const { t } = shop;
  const options: Array<[string, string]> = [
    ['relevance', defaultLabel],
    ['price_asc', t.sortPriceAsc],
    ['price_desc', t.sortPriceDesc],
    ['name', t.sortName],
    ['newest', t.sortNewest],
  ];
  const kept = Object.entries(listingParams(listing)).filter(([key]) => key !== 'sort');
  return html`<form class="sort" method="get" action="${path}">${kept.flatMap(([key, value]) =>
    [value].flat().map((item) => html`<input type="hidden" name="${key}" value="${item}">`),
  )}${shop.locale !== shop.defaultLocale ? html`<input type="hidden" name="lang" value="${shop.locale}">` : empty}<label for="sort">${t.sort}</label> <select id="sort" name="sort" data-autosubmit>${options.map(
    ([value, label]) =>
      html`<option value="${value}"${value === listing.sort ? html` selected` : empty}>${label}</option>`,
  )}</select> <noscript><button type="submit">${t.sort}</button></noscript></form>`;
}

export const pageCount = (total: number) => Math.max(1, Math.ceil(total / PAGE_SIZE));

/** Previous/next links (the head carries rel=prev/next for the same URLs). */
export function pager(shop: ShopRequest, path: string, listing: ListingQuery, total: number): Html {
  const pages = pageCount(total);
  if (pages <= 1) return empty;
  const { t } = shop;
  const href = (page: number) => shopHref(shop, path, listingParams(listing, { page }));
  return html`<nav class="pager" aria-label="${t.page(listing.page, pages)}">${
    listing.page > 1 ? html`<a href="${href(listing.page - 1)}" rel="prev">← ${t.previous}</a>` : html`<span></span>`
  }<span>${t.page(listing.page, pages)}</span>${
    listing.page < pages ? html`<a href="${href(listing.page + 1)}" rel="next">${t.next} →</a>` : html`<span></span>`
  }</nav>`;
}

/** Absolute URLs of the neighbouring pages, for the head. */
export function pageLinks(shop: ShopRequest, path: string, listing: ListingQuery, total: number) {
  const pages = pageCount(total);
  const href = (page: number) => `${shop.origin}${shopHref(shop, path, listingParams(listing, { page }))}`;
  return {
    prev: listing.page > 1 ? href(listing.page - 1) : undefined,
    next: listing.page < pages ? href(listing.page + 1) : undefined,
  };
}

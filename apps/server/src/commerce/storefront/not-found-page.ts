import { html } from './html.js';
import { type Layout, renderDocument } from './layout.js';
import type { ShopRequest } from './shop-request.js';
import { shopHref } from './shop-request.js';

/** The shop's own 404 page (status 404, not indexed), with a way back into the shop. */
export function renderNotFoundPage(shop: ShopRequest, layout: Layout): string {
  const { t } = shop;
  return renderDocument(
    shop,
    layout,
    { title: `${t.notFoundTitle} | ${t.shopName}`, description: t.notFoundText, noindex: true },
    html`<section class="block notfound">
<h1>${t.notFoundTitle}</h1>
<p>${t.notFoundText}</p>
<p><a class="button" href="${shopHref(shop, '/shop')}">${t.backToShop}</a></p>
</section>`,
  );
}

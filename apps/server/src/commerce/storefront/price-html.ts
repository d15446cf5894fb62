import { formatMoney } from '../money.js';
import { empty, type Html, html } from './html.js';
import type { PriceView, StockState } from './product-page-service.js';
import type { ShopRequest } from './shop-request.js';

export const money = (shop: ShopRequest, amountMinor: number) =>
  formatMoney(amountMinor, shop.currency, shop.locale, { exponent: shop.exponent, trimWhole: true });

/**
 * A price with VAT. A reduced price shows the regular one struck through and the lowest price of the previous 30
 * days (Swedish price information law, 2022). The product page's script fills the same elements for another variant.
 */
export function priceBlock(shop: ShopRequest, price: PriceView | null): Html {
  const { t } = shop;
  const reduced = price !== null && price.unitMinor < price.regularMinor;
  const lowest = reduced && price.lowest30dMinor !== null ? price.lowest30dMinor : null;
  return html`<div class="price" data-price>
<p class="now${reduced ? ' sale' : ''}" data-now-row><span class="amount" data-now>${price ? money(shop, price.unitMinor) : t.priceUnavailable}</span> <span class="vat" data-vat${price ? empty : html` hidden`}>${t.inclVat}</span></p>
<p class="was" data-was-row${reduced ? empty : html` hidden`}>${t.regularPrice}: <del data-was>${reduced ? money(shop, price.regularMinor) : ''}</del></p>
<p class="lowest" data-lowest-row${lowest === null ? html` hidden` : empty}>${t.lowest30d}: <span data-lowest>${lowest === null ? '' : money(shop, lowest)}</span></p>
</div>`;
}

/** The short price of a product card: "1 299 kr", or the sale price with the regular one struck through. */
export function cardPrice(
  shop: ShopRequest,
  price: { unitMinor: number; regularMinor: number; lowest30dMinor?: number | null; from?: boolean } | null,
): Html {
  if (!price) return html`<p class="card-price muted">${shop.t.priceUnavailable}</p>`;
  const reduced = price.unitMinor < price.regularMinor;
  const from = price.from ? html`<span class="from">${shop.t.from}</span> ` : empty;
  return html`<p class="card-price${reduced ? ' sale' : ''}">${from}<span class="amount">${money(shop, price.unitMinor)}</span>${
    reduced ? html` <del>${money(shop, price.regularMinor)}</del>` : empty
  }</p>${
    reduced && price.lowest30dMinor != null
      ? html`<p class="card-lowest">${shop.t.lowest30d}: ${money(shop, price.lowest30dMinor)}</p>`
      : empty
  }`;
}

export function stockText(shop: ShopRequest, stock: StockState, onHand: number): string {
  switch (stock) {
    case 'in':
      return shop.t.inStock;
    case 'low':
      return shop.t.lowStock(onHand);
    case 'backorder':
      return shop.t.backorder;
    default:
      return shop.t.outOfStock;
  }
}

export const SCHEMA_AVAILABILITY: Record<StockState, string> = {
  in: 'https://schema.org/InStock',
  low: 'https://schema.org/LimitedAvailability',
  backorder: 'https://schema.org/BackOrder',
  out: 'https://schema.org/OutOfStock',
};

import { decimalAmount } from '../money.js';
import { empty, type Html, html, jsonScript } from './html.js';
import { breadcrumbs, canonicalUrl, type Layout, languageAlternates, renderDocument } from './layout.js';
import { money, priceBlock, SCHEMA_AVAILABILITY, stockText } from './price-html.js';
import type { ProductView, VariantView } from './product-page-service.js';
import { absolute, type ShopRequest, shopHref } from './shop-request.js';

export const mediaPath = (id: string) => `/shop/media/${id}`;

/** A meta description: the SEO text, else the description's start cut at a word (about 155 characters). */
export function describe(seo: string, text: string, fallback: string): string {
  if (seo.trim()) return seo.trim();
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return fallback;
  if (flat.length <= 155) return flat;
  const cut = flat.slice(0, 154);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 100))}…`;
}

function productJsonLd(shop: ShopRequest, product: ProductView, url: string, description: string) {
  const offer = (variant: VariantView) =>
    variant.price && {
      '@type': 'Offer',
      sku: variant.sku,
      ...(variant.ean ? { gtin: variant.ean } : {}),
      ...(variant.label ? { name: variant.label } : {}),
      price: decimalAmount(variant.price.unitMinor, shop.exponent),
      priceCurrency: shop.currency,
      availability: SCHEMA_AVAILABILITY[variant.stock],
      itemCondition: 'https://schema.org/NewCondition',
      url: absolute(shop, shopHref(shop, `/shop/p/${product.slug}`, { sku: variant.sku })),
    };
  const offers = product.variants.map(offer).filter(Boolean) as Array<Record<string, unknown>>;
  const amounts = product.variants.flatMap((variant) => (variant.price ? [variant.price.unitMinor] : []));
  const single = product.variants.length === 1 && offers.length === 1;
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.name,
    description,
    sku: product.selected?.sku ?? product.variants[0]?.sku,
    ...(product.brand ? { brand: { '@type': 'Brand', name: product.brand } } : {}),
    ...(product.media.length > 0 ? { image: product.media.map((media) => absolute(shop, mediaPath(media.id))) } : {}),
    url,
    ...(offers.length === 0
      ? {}
      : single
        ? { offers: { ...offers[0], url } }
        : {
            offers: {
              '@type': 'AggregateOffer',
              priceCurrency: shop.currency,
              lowPrice: decimalAmount(Math.min(...amounts), shop.exponent),
              highPrice: decimalAmount(Math.max(...amounts), shop.exponent),
              offerCount: offers.length,
              offers,
            },
          }),
  };
}

/** What the page's script needs to show another variant without a round trip. */
function variantData(shop: ShopRequest, product: ProductView) {
  return product.variants.map((variant) => {
    const reduced = variant.price !== null && variant.price.unitMinor < variant.price.regularMinor;
    return {
      sku: variant.sku,
      now: variant.price ? money(shop, variant.price.unitMinor) : shop.t.priceUnavailable,
      was: reduced && variant.price ? money(shop, variant.price.regularMinor) : null,
      lowest: reduced && variant.price?.lowest30dMinor != null ? money(shop, variant.price.lowest30dMinor) : null,
      stock: stockText(shop, variant.stock, variant.onHand),
      stockState: variant.stock,
      buyable: variant.price !== null && variant.stock !== 'out',
      specs: variant.specs,
    };
  });
}

function gallery(product: ProductView): Html {
  if (product.media.length === 0) return html`<div class="gallery empty" aria-hidden="true"></div>`;
  return html`<div class="gallery">${product.media.map(
    (media, index) =>
      html`<img src="${mediaPath(media.id)}" width="${media.width}" height="${media.height}" alt="${media.alt}"${
        index === 0 ? html` fetchpriority="high"` : html` loading="lazy" decoding="async"`
      }>`,
  )}</div>`;
}

function variantPicker(shop: ShopRequest, product: ProductView): Html {
  if (product.variants.length < 2) return empty;
  const { t } = shop;
  return html`<form class="variants" method="get" action="/shop/p/${product.slug}">
${shop.locale !== shop.defaultLocale ? html`<input type="hidden" name="lang" value="${shop.locale}">` : empty}<label for="variant">${t.chooseVariant}</label>
<select id="variant" name="sku" data-variant-select>${product.variants.map(
    (variant) =>
      html`<option value="${variant.sku}"${variant.sku === product.selected?.sku ? html` selected` : empty}>${
        variant.label || variant.sku
      }${variant.stock === 'out' ? ` (${t.outOfStock.toLowerCase()})` : ''}</option>`,
  )}</select>
<noscript><button type="submit">${t.choose}</button></noscript>
</form>`;
}

function buyBox(shop: ShopRequest, product: ProductView): Html {
  const { t } = shop;
  const selected = product.selected;
  const buyable = selected !== null && selected.price !== null && selected.stock !== 'out';
  return html`<div class="buy">
${product.brand ? html`<p class="brand">${product.brand}</p>` : empty}<h1>${product.name}</h1>
${priceBlock(shop, selected?.price ?? null)}
${selected ? html`<p class="stock stock-${selected.stock}" data-stock>${stockText(shop, selected.stock, selected.onHand)}</p>` : empty}
${selected ? html`<p class="sku">${t.sku}: <span data-sku>${selected.sku}</span></p>` : empty}
${variantPicker(shop, product)}
${
  selected
    ? html`<form class="add" data-add-to-cart data-added="${t.added}" data-failed="${t.addFailed}">
<input type="hidden" name="sku" value="${selected.sku}" data-sku-input>
<label for="quantity">${t.quantity}</label>
<input id="quantity" name="quantity" type="number" inputmode="numeric" min="1" max="999" value="1">
<button type="submit" class="primary" data-buy${buyable ? empty : html` disabled`}>${t.addToCart}</button>
<noscript><p class="muted">${t.needsScript}</p></noscript>
</form>`
    : empty
}
${product.bulky ? html`<p class="note">${t.bulkyDelivery}</p>` : empty}
</div>`;
}

function fitmentTable(shop: ShopRequest, product: ProductView): Html {
  if (product.fitments.length === 0) return empty;
  const { t } = shop;
  const perVariant = product.variants.length > 1;
  const labelOf = new Map(product.variants.map((variant) => [variant.sku, variant.label || variant.sku]));
  return html`<section class="block" aria-labelledby="fitment-title">
<h2 id="fitment-title">${t.fitment}</h2>
<div class="scroll"><table>
<thead><tr><th scope="col">${t.make}</th><th scope="col">${t.model}</th><th scope="col">${t.years}</th>${
    perVariant ? html`<th scope="col">${t.variant}</th>` : empty
  }</tr></thead>
<tbody>${product.fitments.map(
    (fit) =>
      html`<tr><td>${fit.make}</td><td>${fit.model}</td><td>${
        fit.yearFrom === fit.yearTo ? String(fit.yearFrom) : `${fit.yearFrom}–${fit.yearTo}`
      }</td>${
        perVariant
          ? html`<td>${
              fit.skus.length === product.variants.length
                ? t.allVariants
                : fit.skus.map((sku) => labelOf.get(sku) ?? sku).join(', ')
            }</td>`
          : empty
      }</tr>`,
  )}</tbody>
</table></div>
</section>`;
}

function specTable(shop: ShopRequest, product: ProductView): Html {
  const variantSpecs = product.selected?.specs ?? [];
  if (product.specs.length === 0 && product.variants.every((variant) => variant.specs.length === 0)) return empty;
  const row = ([label, value]: [string, string]) => html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
  return html`<section class="block" aria-labelledby="specs-title">
<h2 id="specs-title">${shop.t.specifications}</h2>
<table class="specs"><tbody>${product.specs.map(row)}</tbody><tbody data-variant-specs>${variantSpecs.map(row)}</tbody></table>
</section>`;
}

function descriptionBlock(shop: ShopRequest, product: ProductView): Html {
  const paragraphs = product.description
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) return empty;
  return html`<section class="block" aria-labelledby="description-title">
<h2 id="description-title">${shop.t.description}</h2>
${paragraphs.map((paragraph) => html`<p>${paragraph}</p>`)}
</section>`;
}

/** The product page: everything a crawler needs is in the HTML; the script only switches variants and buys. */
export function renderProductPage(shop: ShopRequest, layout: Layout, product: ProductView): string {
  const path = `/shop/p/${product.slug}`;
  const url = canonicalUrl(shop, path);
  const description = describe(product.seoDescription, product.description, product.name);
  const crumbs = breadcrumbs(shop, [
    { name: shop.t.home, href: shopHref(shop, '/shop') },
    ...product.trail.map((category) => ({ name: category.name, href: shopHref(shop, `/shop/c/${category.slug}`) })),
    { name: product.name, href: shopHref(shop, path) },
  ]);
  const image = product.media[0];
  const price = product.selected?.price;
  const main = html`${crumbs.nav}
<article class="product">
${gallery(product)}
${buyBox(shop, product)}
</article>
${descriptionBlock(shop, product)}
${fitmentTable(shop, product)}
${specTable(shop, product)}
${product.variants.length > 1 ? jsonScript('application/json', variantData(shop, product), 'variant-data') : empty}`;
  return renderDocument(
    shop,
    layout,
    {
      title: product.seoTitle || `${product.name} | ${shop.t.shopName}`,
      description,
      canonical: url,
      alternates: languageAlternates(shop, path),
      openGraph: {
        'og:type': 'product',
        'og:site_name': shop.t.shopName,
        'og:locale': shop.t.ogLocale,
        'og:title': product.name,
        'og:description': description,
        'og:url': url,
        'og:image': image ? absolute(shop, mediaPath(image.id)) : undefined,
        'og:image:width': image ? String(image.width) : undefined,
        'og:image:height': image ? String(image.height) : undefined,
        'product:price:amount': price ? decimalAmount(price.unitMinor, shop.exponent) : undefined,
        'product:price:currency': price ? shop.currency : undefined,
      },
      jsonLd: [productJsonLd(shop, product, url, description), crumbs.jsonLd],
      preloadImage: image ? mediaPath(image.id) : undefined,
    },
    main,
  );
}

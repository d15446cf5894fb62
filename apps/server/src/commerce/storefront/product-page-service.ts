import type { CatalogAvailability, ShopCatalogProduct } from '@kontor/contracts';
import type { RequestContext } from '../../platform/context.js';
import type { Db, Platform } from '../../platform/platform.js';
import type { ShopAttribute } from '../catalog/shop-product-view.js';
import type { ShopReadService } from '../catalog/shop-read-service.js';
import type { ShopRequest } from './shop-request.js';

export type StockState = 'in' | 'low' | 'backorder' | 'out';

export interface PriceView {
  unitMinor: number;
  regularMinor: number;
  /** Set when the price is reduced: the lowest price of the 30 days before (Swedish price information law). */
  lowest30dMinor: number | null;
}

export interface VariantView {
  sku: string;
  ean: string | null;
  /** "Axel: L · Färg: Svart"; empty for a product without options. */
  label: string;
  price: PriceView | null;
  stock: StockState;
  onHand: number;
  /** Variant-level specifications, [label, value]. */
  specs: Array<[string, string]>;
}

export interface ProductView {
  slug: string;
  name: string;
  description: string;
  seoTitle: string;
  seoDescription: string;
  brand: string | null;
  bulky: boolean;
  variants: VariantView[];
  /** The variant the page shows first: `?sku=`, else the first one that can be bought, else the first. */
  selected: VariantView | null;
  media: Array<{ id: string; width: number; height: number; alt: string }>;
  fitments: Array<{ make: string; model: string; yearFrom: number; yearTo: number; skus: string[] }>;
  specs: Array<[string, string]>;
  trail: Array<{ slug: string; name: string }>;
}

export type ProductLookup =
  | { kind: 'found'; product: ProductView }
  | { kind: 'moved'; slug: string }
  | { kind: 'missing' };

const STOCK_STATE: Record<CatalogAvailability, StockState> = {
  in_stock: 'in',
  low: 'low',
  backorder: 'backorder',
  out: 'out',
};

/** An attribute value as a person reads it: numbers with their unit, yes/no, an enum's label, the text itself. */
function attributeText(attribute: Pick<ShopAttribute, 'type' | 'unit' | 'value' | 'label'>, shop: ShopRequest) {
  const { value } = attribute;
  if (value === '') return null;
  switch (attribute.type) {
    case 'boolean':
      return value === true || value === 'true' ? shop.t.yes : shop.t.no;
    case 'number': {
      const number = Number(value);
      if (!Number.isFinite(number)) return null;
      const text = new Intl.NumberFormat(shop.locale === 'sv' ? 'sv-SE' : 'en-GB').format(number);
      return attribute.unit ? `${text} ${attribute.unit}` : text;
    }
    default:
      return attribute.label;
  }
}

function specsOf(attributes: ShopAttribute[], shop: ShopRequest) {
  return attributes.flatMap((attribute): Array<[string, string]> => {
    const text = attributeText(attribute, shop);
    return text === null ? [] : [[attribute.name || attribute.key, text]];
  });
}

/** Each variant's fitment merged per model and years, each naming the SKUs that fit, by make, model and year. */
function groupFitments(variants: ShopCatalogProduct['variants']) {
  const rows = variants
    .flatMap((variant) => variant.fitments.map((fitment) => ({ ...fitment, sku: variant.sku })))
    .sort((a, b) => a.make.localeCompare(b.make) || a.model.localeCompare(b.model) || a.yearFrom - b.yearFrom);
  const groups = new Map<string, ProductView['fitments'][number]>();
  for (const { sku, ...fitment } of rows) {
    const key = `${fitment.make}\u0000${fitment.model}\u0000${fitment.yearFrom}\u0000${fitment.yearTo}`;
    const group = groups.get(key);
    if (group) group.skus.push(sku);
    else groups.set(key, { ...fitment, skus: [sku] });
  }
  return [...groups.values()];
}

/** Assembles what the product page shows from the catalog's read of it (ShopReadService.productPage). */
export class ProductPageService {
  readonly #db: Db;

  constructor(
    platform: Platform,
    private readonly read: ShopReadService,
  ) {
    this.#db = platform.db;
  }

  async product(_ctx: RequestContext, shop: ShopRequest, slug: string, sku?: string): Promise<ProductLookup> {
    // An old slug names the product now at another: the page moves there.
    const found = await this.read.productPage(this.#db, { slug, locale: shop.locale, currency: shop.currency });
    if (!found) return { kind: 'missing' };
    if ('redirect' in found) return { kind: 'moved', slug: found.redirect };
    const { product, onHand, variantAttributes, trail } = found.found;
    const axes = product.options.map((axis) => ({ key: axis.key, name: axis.name || axis.key }));
    const variants: VariantView[] = product.variants.map((variant) => {
      const price = variant.price;
      return {
        sku: variant.sku,
        ean: variant.ean,
        label: axes
          .filter((axis) => variant.optionValues[axis.key])
          .map((axis) => `${axis.name}: ${variant.optionValues[axis.key]}`)
          .join(' · '),
        price: price
          ? {
              unitMinor: price.unitPriceMinor,
              regularMinor: price.regularPriceMinor,
              lowest30dMinor: price.unitPriceMinor < price.regularPriceMinor ? price.lowestPrice30dMinor : null,
            }
          : null,
        stock: STOCK_STATE[variant.availability],
        onHand: onHand.get(variant.id) ?? 0,
        specs: specsOf(variantAttributes.get(variant.id) ?? [], shop),
      };
    });
    const buyable = (variant: VariantView) => variant.price !== null && variant.stock !== 'out';
    const selected = variants.find((variant) => variant.sku === sku) ?? variants.find(buyable) ?? variants[0] ?? null;
    return {
      kind: 'found',
      product: {
        slug: product.slug,
        name: product.name,
        description: product.description,
        seoTitle: product.seoTitle,
        seoDescription: product.seoDescription,
        brand: product.brand?.name ?? null,
        bulky: product.bulky,
        variants,
        selected,
        media: product.media.map((media) => ({
          id: media.id,
          width: media.width,
          height: media.height,
          alt: media.alt || product.name,
        })),
        fitments: groupFitments(product.variants),
        specs: specsOf(product.attributes, shop),
        trail: trail.map((category) => ({ slug: category.slug, name: category.name })),
      },
    };
  }
}

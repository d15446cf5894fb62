import type { RequestContext } from '../../platform/context.js';
import type { Db, Platform } from '../../platform/platform.js';
import type { PricingService, VariantPrice } from '../catalog/pricing-service.js';
import type { ShopReadService } from '../catalog/shop-read-service.js';
import type { Messages } from './dictionary.js';
import {
  type AttributeRow,
  type CategoryRow,
  type FitmentRow,
  pageReadRepository,
  type VariantRow,
} from './page-read-repository.js';
import { pick, type ShopRequest } from './shop-request.js';

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
  id: string;
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
  updatedAt: Date;
}

export type ProductLookup =
  | { kind: 'found'; product: ProductView }
  | { kind: 'moved'; slug: string }
  | { kind: 'missing' };

export function stockState(variant: Pick<VariantRow, 'on_hand' | 'backorder' | 'low_stock_threshold'>): StockState {
  if (variant.on_hand > 0) return variant.on_hand <= variant.low_stock_threshold ? 'low' : 'in';
  return variant.backorder ? 'backorder' : 'out';
}

/** An attribute value as a person reads it: numbers with their unit, yes/no, an enum's label, translated text. */
export function attributeText(attribute: AttributeRow, value: unknown, shop: ShopRequest): string | null {
  if (value === null || value === undefined || value === '') return null;
  const t: Messages = shop.t;
  switch (attribute.type) {
    case 'boolean':
      return value === true || value === 'true' ? t.yes : t.no;
    case 'number': {
      const number = Number(value);
      if (!Number.isFinite(number)) return null;
      const text = new Intl.NumberFormat(shop.locale === 'sv' ? 'sv-SE' : 'en-GB').format(number);
      return attribute.unit ? `${text} ${attribute.unit}` : text;
    }
    case 'enum': {
      const option = (attribute.options ?? []).find((entry) => entry.value === String(value));
      return option ? pick(option.label, shop) || option.value : String(value);
    }
    default:
      return typeof value === 'object' ? pick(value as Record<string, string>, shop) || null : String(value);
  }
}

function specsOf(values: Record<string, unknown>, definitions: AttributeRow[], shop: ShopRequest) {
  const specs: Array<[string, string]> = [];
  for (const definition of definitions) {
    const text = attributeText(definition, values[definition.key], shop);
    if (text !== null) specs.push([pick(definition.name, shop) || definition.key, text]);
  }
  return specs;
}

/** Fitment rows merged per model and years, each naming the SKUs that fit. */
function groupFitments(rows: FitmentRow[]) {
  const groups = new Map<string, ProductView['fitments'][number]>();
  for (const row of rows) {
    const key = `${row.make}\u0000${row.model}\u0000${row.year_from}\u0000${row.year_to}`;
    const group = groups.get(key);
    if (group) group.skus.push(row.sku);
    else
      groups.set(key, {
        make: row.make,
        model: row.model,
        yearFrom: row.year_from,
        yearTo: row.year_to,
        skus: [row.sku],
      });
  }
  return [...groups.values()];
}

/** Assembles what the product page shows, from the storefront's read model and the catalog's pricing. */
export class ProductPageService {
  readonly #db: Db;

  constructor(
    platform: Platform,
    private readonly pricing: PricingService,
    private readonly read: ShopReadService,
  ) {
    this.#db = platform.db;
  }

  async product(_ctx: RequestContext, shop: ShopRequest, slug: string, sku?: string): Promise<ProductLookup> {
    const db = this.#db;
    // The catalog's resolver: a current slug, or an old one that names the product now at another.
    const resolved = await this.read.resolveSlug(db, 'product', slug);
    if (!resolved) return { kind: 'missing' };
    const row = await pageReadRepository.productById(db, resolved.id);
    if (row?.status !== 'published') return { kind: 'missing' };
    if (resolved.redirected) return { kind: 'moved', slug: row.slug };

    const [variantRows, mediaRows, fitmentRows, trailRows] = await Promise.all([
      pageReadRepository.variants(db, row.id),
      pageReadRepository.media(db, row.id),
      pageReadRepository.fitments(db, row.id),
      pageReadRepository.categoryTrail(db, row.id),
    ]);
    const attributeKeys = new Set(Object.keys(row.attributes ?? {}));
    for (const variant of variantRows) for (const key of Object.keys(variant.attributes ?? {})) attributeKeys.add(key);
    const [definitions, prices] = await Promise.all([
      pageReadRepository.attributes(db, [...attributeKeys]),
      this.prices(
        shop,
        variantRows.map((variant) => variant.id),
      ),
    ]);

    const axes = (row.options ?? []).map((axis) => ({ key: axis.key, name: pick(axis.name, shop) || axis.key }));
    const variants: VariantView[] = variantRows.map((variant) => {
      const priced = prices.get(variant.id);
      return {
        sku: variant.sku,
        ean: variant.ean,
        label: axes
          .filter((axis) => variant.option_values?.[axis.key])
          .map((axis) => `${axis.name}: ${variant.option_values[axis.key]}`)
          .join(' · '),
        price: priced
          ? {
              unitMinor: priced.unitPriceMinor,
              regularMinor: priced.regularPriceMinor,
              lowest30dMinor: priced.unitPriceMinor < priced.regularPriceMinor ? priced.lowestPrice30dMinor : null,
            }
          : null,
        stock: stockState(variant),
        onHand: variant.on_hand,
        specs: specsOf(variant.attributes ?? {}, definitions, shop),
      };
    });
    const buyable = (variant: VariantView) => variant.price !== null && variant.stock !== 'out';
    const selected = variants.find((variant) => variant.sku === sku) ?? variants.find(buyable) ?? variants[0] ?? null;
    const name = pick(row.name, shop);
    return {
      kind: 'found',
      product: {
        id: row.id,
        slug: row.slug,
        name,
        description: pick(row.description, shop),
        seoTitle: pick(row.seo_title, shop),
        seoDescription: pick(row.seo_description, shop),
        brand: row.brand_name ?? null,
        bulky: row.bulky,
        variants,
        selected,
        media: mediaRows.map((media) => ({
          id: media.id,
          width: media.width,
          height: media.height,
          alt: pick(media.alt, shop) || name,
        })),
        fitments: groupFitments(fitmentRows),
        specs: specsOf(row.attributes ?? {}, definitions, shop),
        trail: trailRows.map((category: CategoryRow) => ({ slug: category.slug, name: pick(category.name, shop) })),
        updatedAt: row.updated_at,
      },
    };
  }

  /** Today's consumer price of each variant in the page's currency; one without a price there is left out. */
  async prices(shop: ShopRequest, variantIds: string[]): Promise<Map<string, VariantPrice>> {
    if (variantIds.length === 0) return new Map();
    const prices = await this.pricing.currentPrices(this.#db, variantIds, shop.currency);
    return new Map(prices.map((price) => [price.variantId, price]));
  }
}

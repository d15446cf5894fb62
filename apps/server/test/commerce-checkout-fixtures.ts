import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { PricingService } from '../src/commerce/catalog/pricing-service.js';
import { ShopReadService } from '../src/commerce/catalog/shop-read-service.js';
import { type DemoCatalog, seedCheckoutDemo } from '../src/commerce/checkout/seed-demo.js';
import type { ConfigInput } from '../src/config.js';
import type { StoreLocation } from '../src/platform/db/database.js';
import type { Db } from '../src/platform/platform.js';
import { type Session, startTestNode, type TestNode } from './test-node.js';

/** The retail price list 0001_catalog.sql creates. */
const RETAIL = '00000000-0000-4000-8000-00000000c0de';

export interface FixtureVariant {
  sku: string;
  productId: string;
  variantId: string;
}

export interface ShopFixture {
  brands: { yamaha: string; abu: string };
  categories: { parts: string; propellers: string; fishing: string; lures: string; boats: string; books: string };
  variants: Record<string, FixtureVariant>;
}

interface ProductSpec {
  key: string;
  sku: string;
  name: { sv: string; en: string };
  sek: number;
  eur?: number;
  stock: number;
  backorder?: boolean;
  weight: number;
  vatClass?: 'standard' | 'low';
  bulky?: boolean;
  status?: 'draft' | 'published';
  brand?: 'yamaha' | 'abu';
  category: keyof ShopFixture['categories'];
}

/** WestGear-like goods, each SKU prefixed T- so that no demo SKU collides with them. */
const PRODUCTS: ProductSpec[] = [
  {
    key: 'prop',
    sku: 'T-PROP-13X17',
    name: { sv: 'Propeller 13 x 17 för Yamaha F40', en: 'Propeller 13 x 17 for Yamaha F40' },
    sek: 149_900,
    eur: 13_900,
    stock: 10,
    weight: 2_500,
    brand: 'yamaha',
    category: 'propellers',
  },
  {
    key: 'lure',
    sku: 'T-LURE-RED',
    name: { sv: 'Wobbler Röd 12 cm', en: 'Crankbait Red 12 cm' },
    sek: 8_900,
    eur: 800,
    stock: 100,
    weight: 50,
    brand: 'abu',
    category: 'lures',
  },
  {
    key: 'book',
    sku: 'T-BOOK-CHARTS',
    name: { sv: 'Båtsportkort Västkusten', en: 'Leisure charts West Coast' },
    sek: 49_900,
    stock: 5,
    weight: 1_200,
    vatClass: 'low',
    category: 'books',
  },
  {
    key: 'boat',
    sku: 'T-BOAT-460',
    name: { sv: 'Aluminiumbåt 460', en: 'Aluminium boat 460' },
    sek: 14_990_000,
    stock: 2,
    weight: 350_000,
    bulky: true,
    category: 'boats',
  },
  {
    key: 'last',
    sku: 'T-LAST-ONE',
    name: { sv: 'Ekolod Sista exemplaret', en: 'Fishfinder Last one' },
    sek: 299_500,
    stock: 1,
    weight: 900,
    category: 'parts',
  },
  {
    key: 'backorder',
    sku: 'T-BACKORDER',
    name: { sv: 'Ankare 8 kg', en: 'Anchor 8 kg' },
    sek: 59_900,
    stock: 1,
    backorder: true,
    weight: 8_000,
    category: 'parts',
  },
  {
    key: 'draft',
    sku: 'T-DRAFT',
    name: { sv: 'Utkast', en: 'Draft' },
    sek: 10_000,
    stock: 5,
    weight: 100,
    status: 'draft',
    category: 'parts',
  },
];

/** Writes the test catalog straight into the catalog's tables (0001_catalog.sql), as its admin API would. */
export async function seedShopFixture(db: Db): Promise<ShopFixture> {
  const suffix = randomUUID().slice(0, 8);
  const brands = { yamaha: randomUUID(), abu: randomUUID() };
  await db
    .insertInto('commerce.brands')
    .values([
      { id: brands.yamaha, slug: `t-yamaha-${suffix}`, name: 'Yamaha' },
      { id: brands.abu, slug: `t-abu-${suffix}`, name: 'Abu Garcia' },
    ])
    .execute();
  const categories = {
    parts: randomUUID(),
    propellers: randomUUID(),
    fishing: randomUUID(),
    lures: randomUUID(),
    boats: randomUUID(),
    books: randomUUID(),
  };
  const parents: Partial<Record<keyof typeof categories, keyof typeof categories>> = {
    propellers: 'parts',
    lures: 'fishing',
  };
  for (const key of ['parts', 'fishing', 'boats', 'books', 'propellers', 'lures'] as const) {
    const parent = parents[key];
    await db
      .insertInto('commerce.categories')
      .values({
        id: categories[key],
        parent_id: parent ? categories[parent] : null,
        slug: `t-${key}-${suffix}`,
        name: JSON.stringify({ sv: key, en: key }),
      })
      .execute();
  }
  await db
    .insertInto('commerce.currencies')
    .values({ code: 'EUR', exponent: 2, active: true, position: 1 })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  await db
    .insertInto('commerce.currencies')
    .values({ code: 'NOK', exponent: 2, active: false, position: 2 })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const variants: Record<string, FixtureVariant> = {};
  for (const spec of PRODUCTS) {
    const productId = randomUUID();
    const variantId = randomUUID();
    await db
      .insertInto('commerce.products')
      .values({
        id: productId,
        slug: `t-${spec.key}-${suffix}`,
        status: spec.status ?? 'published',
        brand_id: spec.brand ? brands[spec.brand] : null,
        vat_class: spec.vatClass ?? 'standard',
        bulky: spec.bulky ?? false,
        name: JSON.stringify(spec.name),
        published_at: spec.status === 'draft' ? null : sql`now()`,
      })
      .execute();
    await db
      .insertInto('commerce.product_categories')
      .values({ product_id: productId, category_id: categories[spec.category] })
      .execute();
    await db
      .insertInto('commerce.variants')
      .values({ id: variantId, product_id: productId, sku: spec.sku, weight_grams: spec.weight })
      .execute();
    await db
      .insertInto('commerce.stock')
      .values({ variant_id: variantId, on_hand: spec.stock, backorder: spec.backorder ?? false })
      .execute();
    const since = new Date(Date.now() - 60 * 86_400_000);
    for (const [currency, amount] of [
      ['SEK', spec.sek],
      ['EUR', spec.eur],
    ] as const) {
      if (amount === undefined) continue;
      await db
        .insertInto('commerce.prices')
        .values({ id: randomUUID(), price_list_id: RETAIL, variant_id: variantId, currency, amount_minor: amount })
        .execute();
      await db
        .insertInto('commerce.price_history')
        .values({ variant_id: variantId, currency, amount_minor: amount, effective_from: since })
        .execute();
    }
    variants[spec.key] = { sku: spec.sku, productId, variantId };
  }
  return { brands, categories, variants };
}

let addresses = 0;
/** Each shopper comes from an address of its own, so the per-address rate limit counts each on its own. */
const nextAddress = () => {
  addresses += 1;
  return `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}`;
};

/** The public writes each shopper may make per route and minute in these tests (reads: ten times as many). */
export const TEST_RATE_LIMIT = 20;

/** A shopper: keeps the guest cart cookie between requests as a browser would, and a session when signed in. */
export class Shopper {
  readonly address = nextAddress();
  cartCookie: string | null = null;
  lastSetCookie: { name: string; value: string; [key: string]: unknown } | undefined;

  constructor(
    private readonly node: TestNode,
    public session: Session | null = null,
  ) {}

  async send(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const cookies = [this.session?.cookie, this.cartCookie ? `kontor_cart=${this.cartCookie}` : null].filter(Boolean);
    const response = await this.node.app.inject({
      method,
      url,
      remoteAddress: this.address,
      headers: {
        ...(this.session ? { 'x-csrf-token': this.session.csrf } : {}),
        ...(cookies.length > 0 ? { cookie: cookies.join('; ') } : {}),
        'accept-language': 'sv',
        ...headers,
      },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    const set = response.cookies.find((cookie) => cookie.name === 'kontor_cart');
    if (set) {
      this.lastSetCookie = set as typeof this.lastSetCookie;
      this.cartCookie = set.value === '' ? null : set.value;
    }
    return response;
  }

  add(sku: string, quantity: number) {
    return this.send('POST', '/api/shop/cart/lines', { sku, quantity });
  }

  cart() {
    return this.send('GET', '/api/shop/cart');
  }
}

export interface ShopNode {
  node: TestNode;
  fixture: ShopFixture;
  /** The catalog's services the checkout's demo seeding asks. */
  catalog: DemoCatalog;
  shopper(session?: Session | null): Shopper;
  close(): Promise<void>;
}

/** A hub with the test catalog and the demo rate tables and codes, without the rest of the demo organisation. */
export async function startShopNode(location: StoreLocation, settings: Partial<ConfigInput> = {}): Promise<ShopNode> {
  const node = await startTestNode(location, { demo: false, commerceRateLimitPerMinute: TEST_RATE_LIMIT, ...settings });
  const fixture = await seedShopFixture(node.platform.db);
  const pricing = new PricingService(node.platform);
  const catalog = { pricing, read: new ShopReadService(pricing) };
  await seedCheckoutDemo(node.platform, catalog);
  return {
    node,
    fixture,
    catalog,
    shopper: (session = null) => new Shopper(node, session),
    close: () => node.close(),
  };
}

/** A valid checkout body for a person in Sweden. */
export function checkoutBody(overrides: Record<string, unknown> = {}) {
  return {
    email: 'greta.lindgren@example.se',
    name: 'Greta Lindgren',
    phone: '+46 70 123 45 67',
    customerKind: 'person',
    shippingAddress: {
      name: 'Greta Lindgren',
      line1: 'Hamngatan 4',
      postalCode: '451 30',
      city: 'Uddevalla',
      country: 'SE',
    },
    shippingMethod: 'postnord-parcel',
    acceptTerms: true,
    ...overrides,
  };
}

import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Platform } from '../../platform/platform.js';
import type { PricingService } from '../catalog/pricing-service.js';
import type { ShopReadService } from '../catalog/shop-read-service.js';
import type { CheckoutDb, Translated } from './tables.js';

/** What the demo needs of the catalog: the currencies it sells in, and its records by slug. */
export interface DemoCatalog {
  pricing: Pick<PricingService, 'soldCurrencies'>;
  read: Pick<ShopReadService, 'resolveSlug'>;
}

interface DemoMethod {
  code: string;
  kind: 'parcel' | 'freight' | 'scheduled';
  carrier: string;
  name: Translated;
  description: Translated;
  /** [max weight in grams or null, SEK in öre, EUR in cents] */
  rates: Array<[number | null, number, number]>;
}

const kg = (n: number) => n * 1000;

const postnord = (sek: number[], eur: number[]): DemoMethod => ({
  code: 'postnord-parcel',
  kind: 'parcel',
  carrier: 'PostNord',
  name: { sv: 'PostNord MyPack Collect', en: 'PostNord MyPack Collect' },
  description: { sv: 'Hämtas hos ditt ombud, 1–3 vardagar', en: 'Collect at your service point, 1–3 working days' },
  rates: [kg(2), kg(5), kg(10), kg(20)].map((max, index) => [max, sek[index] ?? 0, eur[index] ?? 0]),
});
const dhlExpress = (sek: number[], eur: number[]): DemoMethod => ({
  code: 'dhl-express',
  kind: 'parcel',
  carrier: 'DHL',
  name: { sv: 'DHL Express', en: 'DHL Express' },
  description: { sv: 'Hem till dörren nästa vardag', en: 'To your door the next working day' },
  rates: [kg(5), kg(20), kg(30)].map((max, index) => [max, sek[index] ?? 0, eur[index] ?? 0]),
});
const scheduled = (sek: number, eur: number): DemoMethod => ({
  code: 'scheduled-bulky',
  kind: 'scheduled',
  carrier: 'WestGear',
  name: { sv: 'Tidsbokad leverans av båt eller släp', en: 'Scheduled delivery of a boat or trailer' },
  description: {
    sv: 'Vi ringer dig och bokar en leveransdag',
    en: 'We call you to agree a delivery day',
  },
  rates: [[null, sek, eur]],
});

const EU = 'AT BE BG CY CZ DE EE ES FR GR HR HU IE IT LT LU LV MT NL PL PT RO SI SK'.split(' ');

/** WestGear's rate tables: Sweden, the other Nordic countries, the rest of the EU; SEK and EUR, VAT included. */
const DEMO_ZONES: Array<{ code: string; name: Translated; countries: string[]; methods: DemoMethod[] }> = [
  {
    code: 'se',
    name: { sv: 'Sverige', en: 'Sweden' },
    countries: ['SE'],
    methods: [
      postnord([5_900, 7_900, 9_900, 14_900], [600, 800, 1_000, 1_500]),
      dhlExpress([14_900, 24_900, 34_900], [1_500, 2_500, 3_500]),
      {
        code: 'home-delivery',
        kind: 'freight',
        carrier: 'DB Schenker',
        name: { sv: 'Hemleverans med frakt', en: 'Home delivery by freight' },
        description: {
          sv: 'Tunga och skrymmande paket, kantstensleverans 2–5 vardagar',
          en: 'Heavy and large parcels, kerbside delivery in 2–5 working days',
        },
        rates: [
          [kg(50), 39_500, 3_900],
          [kg(200), 79_500, 7_900],
          [null, 149_500, 14_900],
        ],
      },
      scheduled(299_500, 29_900),
    ],
  },
  {
    code: 'nordics',
    name: { sv: 'Norden', en: 'Nordic countries' },
    countries: ['DK', 'FI', 'IS', 'NO'],
    methods: [
      postnord([14_900, 19_900, 29_900, 39_900], [1_500, 2_000, 3_000, 4_000]),
      dhlExpress([29_900, 44_900, 59_900], [2_900, 4_500, 5_900]),
      scheduled(799_500, 79_900),
    ],
  },
  {
    code: 'eu',
    name: { sv: 'Övriga EU', en: 'Rest of the EU' },
    countries: EU,
    methods: [
      dhlExpress([34_900, 54_900, 74_900], [3_500, 5_500, 7_500]),
      {
        code: 'dhl-freight',
        kind: 'freight',
        carrier: 'DHL Freight',
        name: { sv: 'DHL Freight', en: 'DHL Freight' },
        description: { sv: 'Pallfrakt, 3–7 vardagar', en: 'Pallet freight, 3–7 working days' },
        rates: [
          [kg(100), 149_500, 14_900],
          [null, 299_500, 29_900],
        ],
      },
    ],
  },
];

/** The demo codes: one for newcomers, one for the summer season of the current year. */
function demoCodes(now: Date) {
  const year = now.getUTCFullYear();
  return [
    {
      code: 'VALKOMMEN10',
      description: 'Välkomstrabatt 10 % från 500 kr',
      kind: 'percent' as const,
      percent_bp: 1000,
      amounts: {},
      min_order: { SEK: 50_000, EUR: 5_000 },
      starts_at: null,
      ends_at: null,
      usage_limit: null,
    },
    {
      code: 'SOMMAR250',
      description: '250 kr rabatt vid köp över 2 500 kr, sommaren ut',
      kind: 'amount' as const,
      percent_bp: null,
      amounts: { SEK: 25_000, EUR: 2_500 },
      min_order: { SEK: 250_000, EUR: 25_000 },
      starts_at: new Date(Date.UTC(year, 0, 1)),
      ends_at: new Date(Date.UTC(year + 1, 0, 1)),
      usage_limit: 500,
    },
  ];
}

/**
 * Automatic discounts on the demo catalog (the catalog part seeds it first), each only when what it names is there:
 * a boat-show campaign on marine electronics for the coming month, volume discounts on life jackets and lures, and
 * an outboard-and-propeller bundle. Found again by their Swedish names.
 */
async function seedDemoRules(db: CheckoutDb, catalog: DemoCatalog, now: Date) {
  const idOf = async (kind: 'category' | 'product', slug: string) =>
    (await catalog.read.resolveSlug(db, kind, slug))?.id;
  const day = 86_400_000;
  const electronics = await idOf('category', 'marinelektronik');
  const lifeJackets = await idOf('category', 'flytvastar');
  const lure = await idOf('product', 'rapala-original-floater');
  const outboard = await idOf('product', 'yamaha-f40-fetl');
  const propeller = await idOf('product', 'yamaha-originalpropeller-f40');
  const rules = [
    electronics && {
      kind: 'campaign' as const,
      name: { sv: 'Båtmässan: 10 % på marinelektronik', en: 'Boat show: 10 % off marine electronics' },
      definition: { percentBp: 1000, target: { categoryId: electronics } },
      starts_at: new Date(now.getTime() - day),
      ends_at: new Date(now.getTime() + 30 * day),
    },
    lifeJackets && {
      kind: 'volume' as const,
      name: { sv: 'Två flytvästar eller fler: 15 %', en: 'Two life jackets or more: 15 % off' },
      definition: { percentBp: 1500, minQuantity: 2, target: { categoryId: lifeJackets } },
      starts_at: null,
      ends_at: null,
    },
    lure && {
      kind: 'volume' as const,
      name: { sv: 'Tre Rapala Original eller fler: 20 %', en: 'Three Rapala Originals or more: 20 % off' },
      definition: { percentBp: 2000, minQuantity: 3, target: { productId: lure } },
      starts_at: null,
      ends_at: null,
    },
    outboard &&
      propeller && {
        kind: 'bundle' as const,
        name: { sv: 'Yamaha F40 med reservpropeller: 500 kr', en: 'Yamaha F40 with a spare propeller: SEK 500 off' },
        definition: { productIds: [outboard, propeller], amounts: { SEK: 50_000, EUR: 4_500 } },
        starts_at: null,
        ends_at: null,
      },
  ];
  for (const rule of rules) {
    if (!rule) continue;
    const exists = await sql`select 1 from commerce.discount_rules where name->>'sv' = ${rule.name.sv}`.execute(db);
    if (exists.rows.length > 0) continue;
    await db
      .insertInto('commerce.discount_rules')
      .values({
        id: randomUUID(),
        kind: rule.kind,
        name: JSON.stringify(rule.name) as never,
        definition: JSON.stringify(rule.definition),
        starts_at: rule.starts_at,
        ends_at: rule.ends_at,
        active: true,
      })
      .execute();
  }
}

/**
 * The demo shop's shipping rate tables, discount codes and automatic discounts; safe to run twice (rows are found by
 * their codes and names). Rates are written in SEK and EUR when the shop sells in them (the catalog's demo adds EUR).
 */
export async function seedCheckoutDemo(platform: Platform, catalog: DemoCatalog) {
  await platform.transaction(async (trx) => {
    const db = trx as CheckoutDb;
    const sold = new Set(await catalog.pricing.soldCurrencies(trx));
    for (const [position, zone] of DEMO_ZONES.entries()) {
      await db
        .insertInto('commerce.shipping_zones')
        .values({ id: randomUUID(), code: zone.code, name: JSON.stringify(zone.name) as never, position })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
      const { id: zoneId } = await db
        .selectFrom('commerce.shipping_zones')
        .select('id')
        .where('code', '=', zone.code)
        .executeTakeFirstOrThrow();
      await db
        .insertInto('commerce.shipping_zone_countries')
        .values(zone.countries.map((country) => ({ country, zone_id: zoneId })))
        .onConflict((oc) => oc.column('country').doNothing())
        .execute();
      for (const [methodPosition, method] of zone.methods.entries()) {
        const inserted = await db
          .insertInto('commerce.shipping_methods')
          .values({
            id: randomUUID(),
            zone_id: zoneId,
            code: method.code,
            kind: method.kind,
            carrier: method.carrier,
            name: JSON.stringify(method.name) as never,
            description: JSON.stringify(method.description) as never,
            active: true,
            position: methodPosition,
          })
          .onConflict((oc) => oc.columns(['zone_id', 'code']).doNothing())
          .returning('id')
          .executeTakeFirst();
        // A method that was there already keeps the rates an admin may have changed.
        if (!inserted) continue;
        await db
          .insertInto('commerce.shipping_rates')
          .values(
            method.rates.flatMap(([max, sek, eur]) =>
              Object.entries({ SEK: sek, EUR: eur })
                .filter(([currency]) => sold.has(currency))
                .map(([currency, amount]) => ({
                  id: randomUUID(),
                  method_id: inserted.id,
                  currency,
                  max_weight_grams: max,
                  amount_minor: amount,
                })),
            ),
          )
          .execute();
      }
    }
    for (const code of demoCodes(new Date())) {
      const exists = await db
        .selectFrom('commerce.discount_codes')
        .select('id')
        .where(sql<string>`lower(code)`, '=', code.code.toLowerCase())
        .executeTakeFirst();
      if (exists) continue;
      await db
        .insertInto('commerce.discount_codes')
        .values({
          id: randomUUID(),
          ...code,
          amounts: JSON.stringify(code.amounts) as never,
          min_order: JSON.stringify(code.min_order) as never,
          active: true,
        })
        .execute();
    }
    await seedDemoRules(db, catalog, new Date());
  });
}

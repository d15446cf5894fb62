import { randomUUID } from 'node:crypto';
import { type Selectable, sql } from 'kysely';
import type { CheckoutDb, CheckoutTables, Translated } from './tables.js';

export type ZoneRow = Selectable<CheckoutTables['commerce.shipping_zones']>;
export type MethodRow = Selectable<CheckoutTables['commerce.shipping_methods']>;
export type RateRow = Selectable<CheckoutTables['commerce.shipping_rates']>;

export interface ZoneValues {
  code: string;
  name: Translated;
  position: number;
}
export interface MethodValues {
  zone_id: string;
  code: string;
  kind: MethodRow['kind'];
  carrier: string;
  name: Translated;
  description: Translated;
  active: boolean;
  position: number;
}
export interface RateValues {
  currency: string;
  max_weight_grams: number | null;
  amount_minor: number;
}

const json = (value: unknown) => JSON.stringify(value) as never;

/** The SQL of the shipping rate tables. */
export const shippingRepository = {
  async zones(db: CheckoutDb): Promise<ZoneRow[]> {
    return db.selectFrom('commerce.shipping_zones').selectAll().orderBy('position').orderBy('code').execute();
  },

  async zone(db: CheckoutDb, id: string): Promise<ZoneRow | undefined> {
    return db.selectFrom('commerce.shipping_zones').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async zoneByCode(db: CheckoutDb, code: string): Promise<ZoneRow | undefined> {
    return db.selectFrom('commerce.shipping_zones').selectAll().where('code', '=', code).executeTakeFirst();
  },

  /** The zone a country belongs to. */
  async zoneOf(db: CheckoutDb, country: string): Promise<ZoneRow | undefined> {
    return db
      .selectFrom('commerce.shipping_zone_countries as c')
      .innerJoin('commerce.shipping_zones as z', 'z.id', 'c.zone_id')
      .selectAll('z')
      .where('c.country', '=', country)
      .executeTakeFirst();
  },

  async countries(db: CheckoutDb): Promise<Array<{ country: string; zone_id: string }>> {
    return db.selectFrom('commerce.shipping_zone_countries').selectAll().orderBy('country').execute();
  },

  /** The countries of zones with at least one active method: where the shop delivers. */
  async deliveredCountries(db: CheckoutDb): Promise<string[]> {
    const rows = await db
      .selectFrom('commerce.shipping_zone_countries as c')
      .select('c.country')
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('commerce.shipping_methods as m')
            .select('m.id')
            .whereRef('m.zone_id', '=', 'c.zone_id')
            .where('m.active', '=', true),
        ),
      )
      .orderBy('c.country')
      .execute();
    return rows.map((row) => row.country);
  },

  async methods(db: CheckoutDb, zoneId?: string): Promise<MethodRow[]> {
    let query = db.selectFrom('commerce.shipping_methods').selectAll();
    if (zoneId) query = query.where('zone_id', '=', zoneId);
    return query.orderBy('position').orderBy('code').execute();
  },

  async method(db: CheckoutDb, id: string): Promise<MethodRow | undefined> {
    return db.selectFrom('commerce.shipping_methods').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async rates(db: CheckoutDb, methodIds: string[], currency?: string): Promise<RateRow[]> {
    if (methodIds.length === 0) return [];
    let query = db.selectFrom('commerce.shipping_rates').selectAll().where('method_id', 'in', methodIds);
    if (currency) query = query.where('currency', '=', currency);
    return query.orderBy('currency').orderBy(sql`coalesce(max_weight_grams, 2147483647)`).execute();
  },

  async insertZone(db: CheckoutDb, id: string, values: ZoneValues): Promise<ZoneRow> {
    return db
      .insertInto('commerce.shipping_zones')
      .values({ id, ...values, name: json(values.name) })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async updateZone(db: CheckoutDb, id: string, values: ZoneValues): Promise<ZoneRow | undefined> {
    return db
      .updateTable('commerce.shipping_zones')
      .set({ ...values, name: json(values.name), updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  },

  async deleteZone(db: CheckoutDb, id: string): Promise<boolean> {
    const result = await db.deleteFrom('commerce.shipping_zones').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },

  /** Which of these countries another zone holds already. */
  async countriesElsewhere(db: CheckoutDb, zoneId: string, countries: string[]) {
    if (countries.length === 0) return [];
    return db
      .selectFrom('commerce.shipping_zone_countries as c')
      .innerJoin('commerce.shipping_zones as z', 'z.id', 'c.zone_id')
      .select(['c.country', 'z.code'])
      .where('c.country', 'in', countries)
      .where('c.zone_id', '<>', zoneId)
      .execute();
  },

  async setCountries(db: CheckoutDb, zoneId: string, countries: string[]) {
    await db.deleteFrom('commerce.shipping_zone_countries').where('zone_id', '=', zoneId).execute();
    if (countries.length === 0) return;
    await db
      .insertInto('commerce.shipping_zone_countries')
      .values(countries.map((country) => ({ country, zone_id: zoneId })))
      .execute();
  },

  async insertMethod(db: CheckoutDb, id: string, values: MethodValues): Promise<MethodRow> {
    return db
      .insertInto('commerce.shipping_methods')
      .values({ id, ...values, name: json(values.name), description: json(values.description) })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async updateMethod(db: CheckoutDb, id: string, values: MethodValues): Promise<MethodRow | undefined> {
    return db
      .updateTable('commerce.shipping_methods')
      .set({
        ...values,
        name: json(values.name),
        description: json(values.description),
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  },

  async deleteMethod(db: CheckoutDb, id: string): Promise<boolean> {
    const result = await db.deleteFrom('commerce.shipping_methods').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },

  async replaceRates(db: CheckoutDb, methodId: string, rates: RateValues[]) {
    await db.deleteFrom('commerce.shipping_rates').where('method_id', '=', methodId).execute();
    if (rates.length === 0) return;
    await db
      .insertInto('commerce.shipping_rates')
      .values(rates.map((rate) => ({ id: randomUUID(), method_id: methodId, ...rate })))
      .execute();
  },
};

import { randomUUID } from 'node:crypto';
import type {
  ShippingOption,
  ShippingTables,
  shippingMethodInput,
  shippingRatesInput,
  shippingZoneInput,
} from '@kontor/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { RequestContext } from '../../platform/context.js';
import { notFound } from '../../platform/http/errors.js';
import type { Platform } from '../../platform/platform.js';
import type { PricingService } from '../catalog/pricing-service.js';
import { unprocessable } from '../errors.js';
import { vatOf } from '../money.js';
import { type MethodRow, type RateRow, shippingRepository, type ZoneRow } from './shipping-repository.js';
import { type CheckoutDb, translate } from './tables.js';

type ZoneInput = z.output<typeof shippingZoneInput>;
type MethodInput = z.output<typeof shippingMethodInput>;
type RatesInput = z.output<typeof shippingRatesInput>;

/** What the options depend on: where, in which currency, how heavy, and whether anything bulky is in the cart. */
export interface ShippingQuery {
  country: string;
  currency: string;
  weightGrams: number;
  bulky: boolean;
  locale: string;
  at: Date;
}

/** The standard VAT rate, when the catalog has none in force: Sweden's 25 %. */
const STANDARD_VAT_BP = 2500;

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/** The rate of a weight: the smallest bracket that holds it (rates arrive ordered by max weight, unbounded last). */
export function rateFor(rates: RateRow[], weightGrams: number): RateRow | undefined {
  return rates.find((rate) => rate.max_weight_grams === null || rate.max_weight_grams >= weightGrams);
}

/**
 * Shipping from rate tables: zones of countries, methods per zone, rates per currency by weight. A cart holding a
 * bulky product (a boat, a trailer) can only go by scheduled delivery, where the customer is called to agree a day;
 * other carts go by parcel or freight. Shipping is taxed at the standard rate (25 %), its prices include the VAT.
 */
export class ShippingService {
  readonly #db: CheckoutDb;

  constructor(
    private readonly platform: Platform,
    private readonly pricing: PricingService,
  ) {
    this.#db = platform.db as CheckoutDb;
  }

  async options(db: CheckoutDb, query: ShippingQuery): Promise<{ zone: ZoneRow | null; options: ShippingOption[] }> {
    const zone = await shippingRepository.zoneOf(db, query.country);
    if (!zone) return { zone: null, options: [] };
    const methods = (await shippingRepository.methods(db, zone.id)).filter(
      (method) => method.active && (method.kind === 'scheduled') === query.bulky,
    );
    const rates = await shippingRepository.rates(
      db,
      methods.map((method) => method.id),
      query.currency,
    );
    const vatRateBp = (await this.pricing.vatRates(db, query.at)).get('standard') ?? STANDARD_VAT_BP;
    const options = methods.flatMap((method): ShippingOption[] => {
      const rate = rateFor(
        rates.filter((row) => row.method_id === method.id),
        query.weightGrams,
      );
      if (!rate) return [];
      return [
        {
          code: method.code,
          kind: method.kind,
          carrier: method.carrier,
          name: translate(method.name, query.locale),
          description: translate(method.description, query.locale),
          scheduled: method.kind === 'scheduled',
          amountMinor: rate.amount_minor,
          vatRateBp,
          vatMinor: vatOf(rate.amount_minor, vatRateBp),
        },
      ];
    });
    return { zone, options };
  }

  /** The countries the shop delivers to, for the address forms. */
  async countries(_ctx: RequestContext): Promise<string[]> {
    return shippingRepository.deliveredCountries(this.#db);
  }

  async tables(_ctx: RequestContext): Promise<ShippingTables> {
    return readTables(this.#db);
  }

  async createZone(ctx: RequestContext, input: ZoneInput) {
    return this.#change(ctx, 'commerce.shipping_zone.create', async (db) => {
      const id = randomUUID();
      await this.#saving(() => shippingRepository.insertZone(db, id, zoneValues(input)), 'body.code');
      await this.#setCountries(db, id, input.countries);
      return id;
    });
  }

  async updateZone(ctx: RequestContext, id: string, input: ZoneInput) {
    return this.#change(ctx, 'commerce.shipping_zone.update', async (db) => {
      const row = await this.#saving(() => shippingRepository.updateZone(db, id, zoneValues(input)), 'body.code');
      if (!row) throw notFound('The shipping zone');
      await this.#setCountries(db, id, input.countries);
      return id;
    });
  }

  async deleteZone(ctx: RequestContext, id: string) {
    await this.#change(ctx, 'commerce.shipping_zone.delete', async (db) => {
      if (!(await shippingRepository.deleteZone(db, id))) throw notFound('The shipping zone');
      return id;
    });
  }

  async createMethod(ctx: RequestContext, input: MethodInput) {
    return this.#change(ctx, 'commerce.shipping_method.create', async (db) => {
      await this.#zoneExists(db, input.zoneId);
      const id = randomUUID();
      await this.#saving(() => shippingRepository.insertMethod(db, id, methodValues(input)), 'body.code');
      return id;
    });
  }

  async updateMethod(ctx: RequestContext, id: string, input: MethodInput) {
    return this.#change(ctx, 'commerce.shipping_method.update', async (db) => {
      await this.#zoneExists(db, input.zoneId);
      const row = await this.#saving(() => shippingRepository.updateMethod(db, id, methodValues(input)), 'body.code');
      if (!row) throw notFound('The shipping method');
      return id;
    });
  }

  async deleteMethod(ctx: RequestContext, id: string) {
    await this.#change(ctx, 'commerce.shipping_method.delete', async (db) => {
      if (!(await shippingRepository.deleteMethod(db, id))) throw notFound('The shipping method');
      return id;
    });
  }

  /** Replaces a method's whole rate table. */
  async setRates(ctx: RequestContext, methodId: string, input: RatesInput) {
    return this.#change(ctx, 'commerce.shipping_rates.update', async (db) => {
      if (!(await shippingRepository.method(db, methodId))) throw notFound('The shipping method');
      const sold = new Set(await this.pricing.soldCurrencies(db));
      const seen = new Set<string>();
      const problems = input.rates.flatMap((rate, index) => {
        const found = [];
        if (!sold.has(rate.currency))
          found.push({ path: `body.rates.${index}.currency`, message: 'the shop does not sell in it' });
        const bracket = `${rate.currency}/${rate.maxWeightGrams ?? '∞'}`;
        if (seen.has(bracket))
          found.push({ path: `body.rates.${index}.maxWeightGrams`, message: 'repeats a bracket of this currency' });
        seen.add(bracket);
        return found;
      });
      if (problems.length > 0) throw unprocessable('shipping_rates_invalid', 'The rate table has errors', problems);
      await shippingRepository.replaceRates(
        db,
        methodId,
        input.rates.map((rate) => ({
          currency: rate.currency,
          max_weight_grams: rate.maxWeightGrams,
          amount_minor: rate.amountMinor,
        })),
      );
      return methodId;
    });
  }

  /** One audited change of the rate tables: the whole tables before and after, so any edit can be traced. */
  async #change(ctx: RequestContext, action: string, work: (db: CheckoutDb) => Promise<string>) {
    return this.platform.transaction(async (trx) => {
      const db = trx as CheckoutDb;
      // Serialises rate-table edits across hub instances, so each audit record's before is the true before.
      await sql`select pg_advisory_xact_lock(hashtext('commerce.shipping'))`.execute(db);
      const before = await readTables(db);
      const entityId = await work(db);
      const after = await readTables(db);
      await this.platform.audit.record(trx, ctx, {
        action,
        entity: 'commerce.shipping',
        entityId,
        before,
        after,
      });
      return after;
    });
  }

  async #saving<T>(save: () => Promise<T>, path: string): Promise<T> {
    try {
      return await save();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw unprocessable('shipping_code_taken', 'The code is taken', [{ path, message: 'already in use here' }]);
    }
  }

  async #zoneExists(db: CheckoutDb, zoneId: string) {
    if (!(await shippingRepository.zone(db, zoneId)))
      throw unprocessable('unknown_shipping_zone', 'No such shipping zone', [
        { path: 'body.zoneId', message: 'unknown' },
      ]);
  }

  async #setCountries(db: CheckoutDb, zoneId: string, countries: string[]) {
    const unique = [...new Set(countries)];
    const taken = await shippingRepository.countriesElsewhere(db, zoneId, unique);
    if (taken.length > 0)
      throw unprocessable(
        'country_in_other_zone',
        'A country belongs to one shipping zone at most',
        taken.map((row) => ({
          path: `body.countries.${countries.indexOf(row.country)}`,
          message: `${row.country} is in zone ${row.code}`,
        })),
      );
    await shippingRepository.setCountries(db, zoneId, unique);
  }
}

const zoneValues = (input: ZoneInput) => ({ code: input.code, name: input.name, position: input.position });
const methodValues = (input: MethodInput) => ({
  zone_id: input.zoneId,
  code: input.code,
  kind: input.kind,
  carrier: input.carrier,
  name: input.name,
  description: input.description,
  active: input.active,
  position: input.position,
});

async function readTables(db: CheckoutDb): Promise<ShippingTables> {
  const zones = await shippingRepository.zones(db);
  const countries = await shippingRepository.countries(db);
  const methods = await shippingRepository.methods(db);
  const rates = await shippingRepository.rates(
    db,
    methods.map((method) => method.id),
  );
  const toMethod = (method: MethodRow) => ({
    id: method.id,
    zoneId: method.zone_id,
    code: method.code,
    kind: method.kind,
    carrier: method.carrier,
    name: method.name as ShippingTables['zones'][number]['name'],
    description: method.description,
    active: method.active,
    position: method.position,
    rates: rates
      .filter((rate) => rate.method_id === method.id)
      .map((rate) => ({
        currency: rate.currency,
        maxWeightGrams: rate.max_weight_grams,
        amountMinor: rate.amount_minor,
      })),
  });
  return {
    zones: zones.map((zone) => ({
      id: zone.id,
      code: zone.code,
      name: zone.name as ShippingTables['zones'][number]['name'],
      position: zone.position,
      countries: countries.filter((row) => row.zone_id === zone.id).map((row) => row.country),
      methods: methods.filter((method) => method.zone_id === zone.id).map(toMethod),
    })),
  };
}

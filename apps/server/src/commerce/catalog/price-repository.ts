import { sql } from 'kysely';
import type { ApplicablePrice, HistoryPoint } from './price-rules.js';
import { type CatalogDb, RETAIL_LIST_ID } from './tables.js';

export interface ApplicableRow extends ApplicablePrice {
  variantId: string;
  currency: string;
}

export interface PriceTierRow {
  amountMinor: number;
  minQuantity: number;
  validFrom: Date | null;
  validTo: Date | null;
}

/** Price lists, prices, currencies, VAT rates and the price history: the SQL of their tables. */
export const priceRepository = {
  /**
   * The price rows of retail and running sale lists that apply at `at` to these variants (in one currency, or all
   * when `currency` is null). b2b lists are net prices for a customer group and never a consumer's.
   */
  async applicable(db: CatalogDb, variantIds: string[], currency: string | null, at: Date): Promise<ApplicableRow[]> {
    if (variantIds.length === 0) return [];
    let query = db
      .selectFrom('commerce.prices as p')
      .innerJoin('commerce.price_lists as l', 'l.id', 'p.price_list_id')
      .select([
        'p.variant_id as variantId',
        'p.currency',
        'p.amount_minor as amountMinor',
        'p.min_quantity as minQuantity',
        'p.valid_from as validFrom',
        'l.id as listId',
        'l.kind',
        'l.priority',
      ])
      .where('p.variant_id', 'in', variantIds)
      .where('l.kind', 'in', ['retail', 'sale'])
      .where('l.active', '=', true)
      .where((eb) => eb.or([eb('l.starts_at', 'is', null), eb('l.starts_at', '<=', at)]))
      .where((eb) => eb.or([eb('l.ends_at', 'is', null), eb('l.ends_at', '>', at)]))
      .where((eb) => eb.or([eb('p.valid_from', 'is', null), eb('p.valid_from', '<=', at)]))
      .where((eb) => eb.or([eb('p.valid_to', 'is', null), eb('p.valid_to', '>', at)]));
    if (currency) query = query.where('p.currency', '=', currency);
    return (await query.execute()) as ApplicableRow[];
  },

  /** The price history of these variants up to `at`, oldest first, per variant and currency. */
  async history(
    db: CatalogDb,
    variantIds: string[],
    currency: string | null,
    at: Date,
  ): Promise<Map<string, HistoryPoint[]>> {
    const history = new Map<string, HistoryPoint[]>();
    if (variantIds.length === 0) return history;
    let query = db
      .selectFrom('commerce.price_history')
      .selectAll()
      .where('variant_id', 'in', variantIds)
      .where('effective_from', '<=', at)
      .orderBy('effective_from');
    if (currency) query = query.where('currency', '=', currency);
    for (const row of await query.execute()) {
      const key = `${row.variant_id}:${row.currency}`;
      history.set(key, [
        ...(history.get(key) ?? []),
        { amountMinor: row.amount_minor, regularMinor: row.regular_minor, effectiveFrom: row.effective_from },
      ]);
    }
    return history;
  },

  /** The latest history row at or before `at` per variant and currency. */
  async latestHistory(db: CatalogDb, variantIds: string[], at: Date) {
    if (variantIds.length === 0) return [];
    const rows = await sql<{
      variant_id: string;
      currency: string;
      amount_minor: number;
      regular_minor: number | null;
    }>`
      select distinct on (variant_id, currency) variant_id, currency, amount_minor, regular_minor
      from commerce.price_history
      where variant_id in (${sql.join(variantIds)}) and effective_from <= ${at}
      order by variant_id, currency, effective_from desc`.execute(db);
    return rows.rows;
  },

  async appendHistory(
    db: CatalogDb,
    rows: Array<{
      variant_id: string;
      currency: string;
      amount_minor: number;
      regular_minor: number | null;
      effective_from: Date;
    }>,
  ): Promise<void> {
    if (rows.length === 0) return;
    await db
      .insertInto('commerce.price_history')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['variant_id', 'currency', 'effective_from']).doUpdateSet((eb) => ({
          amount_minor: eb.ref('excluded.amount_minor'),
          regular_minor: eb.ref('excluded.regular_minor'),
        })),
      )
      .execute();
  },

  historyOf: (db: CatalogDb, variantId: string) =>
    db
      .selectFrom('commerce.price_history')
      .selectAll()
      .where('variant_id', '=', variantId)
      .orderBy('effective_from', 'desc')
      .orderBy('currency')
      .limit(200)
      .execute(),

  pricesOfVariant: (db: CatalogDb, variantId: string) =>
    db
      .selectFrom('commerce.prices as p')
      .innerJoin('commerce.price_lists as l', 'l.id', 'p.price_list_id')
      .selectAll('p')
      .select('l.code as list_code')
      .where('p.variant_id', '=', variantId)
      .orderBy('l.kind')
      .orderBy('l.code')
      .orderBy('p.currency')
      .orderBy('p.min_quantity')
      .execute(),

  /** A list's prices with their variant's SKU and product; the SKU order is only a stable one (collations differ). */
  pricesOfList: (db: CatalogDb, listId: string, limit: number) =>
    db
      .selectFrom('commerce.prices as p')
      .innerJoin('commerce.price_lists as l', 'l.id', 'p.price_list_id')
      .innerJoin('commerce.variants as v', 'v.id', 'p.variant_id')
      .innerJoin('commerce.products as pr', 'pr.id', 'v.product_id')
      .selectAll('p')
      .select(['l.code as list_code', 'v.sku', 'v.product_id', 'pr.name as product_name'])
      .where('p.price_list_id', '=', listId)
      .orderBy('v.sku')
      .orderBy('p.currency')
      .orderBy('p.min_quantity')
      .orderBy('p.id')
      .limit(limit)
      .execute(),

  async tiers(db: CatalogDb, listId: string, variantId: string, currency: string): Promise<PriceTierRow[]> {
    return db
      .selectFrom('commerce.prices')
      .select([
        'amount_minor as amountMinor',
        'min_quantity as minQuantity',
        'valid_from as validFrom',
        'valid_to as validTo',
      ])
      .where('price_list_id', '=', listId)
      .where('variant_id', '=', variantId)
      .where('currency', '=', currency)
      .orderBy('min_quantity')
      .orderBy('valid_from')
      .execute();
  },

  async replaceTiers(
    db: CatalogDb,
    listId: string,
    variantId: string,
    currency: string,
    tiers: Array<PriceTierRow & { id: string }>,
  ): Promise<void> {
    await db
      .deleteFrom('commerce.prices')
      .where('price_list_id', '=', listId)
      .where('variant_id', '=', variantId)
      .where('currency', '=', currency)
      .execute();
    if (tiers.length === 0) return;
    await db
      .insertInto('commerce.prices')
      .values(
        tiers.map((tier) => ({
          id: tier.id,
          price_list_id: listId,
          variant_id: variantId,
          currency,
          amount_minor: tier.amountMinor,
          min_quantity: tier.minQuantity,
          valid_from: tier.validFrom,
          valid_to: tier.validTo,
        })),
      )
      .execute();
  },

  /** The plain retail prices (quantity 1, no validity window) of variants: what the CSV's price columns hold. */
  baseRetail: (db: CatalogDb, variantIds: string[]) =>
    variantIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('commerce.prices')
          .select(['variant_id', 'currency', 'amount_minor'])
          .where('price_list_id', '=', RETAIL_LIST_ID)
          .where('variant_id', 'in', variantIds)
          .where('min_quantity', '=', 1)
          .where('valid_from', 'is', null)
          .where('valid_to', 'is', null)
          .execute(),

  async setBaseRetail(db: CatalogDb, id: string, variantId: string, currency: string, amountMinor: number) {
    await db
      .deleteFrom('commerce.prices')
      .where('price_list_id', '=', RETAIL_LIST_ID)
      .where('variant_id', '=', variantId)
      .where('currency', '=', currency)
      .where('min_quantity', '=', 1)
      .where('valid_from', 'is', null)
      .execute();
    await db
      .insertInto('commerce.prices')
      .values({
        id,
        price_list_id: RETAIL_LIST_ID,
        variant_id: variantId,
        currency,
        amount_minor: amountMinor,
        min_quantity: 1,
      })
      .execute();
  },

  priceLists: (db: CatalogDb) =>
    db
      .selectFrom('commerce.price_lists as l')
      .selectAll('l')
      .select((eb) =>
        eb
          .selectFrom('commerce.prices as p')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('p.price_list_id', '=', 'l.id')
          .as('price_count'),
      )
      .orderBy('l.kind', 'desc')
      .orderBy('l.priority', 'desc')
      .orderBy('l.code')
      .execute(),

  insertSaleList: (
    db: CatalogDb,
    list: {
      id: string;
      code: string;
      name: string;
      startsAt: Date | null;
      endsAt: Date | null;
      priority: number;
      active: boolean;
    },
  ) =>
    db
      .insertInto('commerce.price_lists')
      .values({
        id: list.id,
        code: list.code,
        kind: 'sale',
        name: list.name,
        includes_vat: true,
        starts_at: list.startsAt,
        ends_at: list.endsAt,
        priority: list.priority,
        active: list.active,
      })
      .execute(),

  updatePriceList: (
    db: CatalogDb,
    id: string,
    list: { name: string; startsAt: Date | null; endsAt: Date | null; priority: number; active: boolean },
  ) =>
    db
      .updateTable('commerce.price_lists')
      .set({
        name: list.name,
        starts_at: list.startsAt,
        ends_at: list.endsAt,
        priority: list.priority,
        active: list.active,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute(),

  deletePriceList: (db: CatalogDb, id: string) => db.deleteFrom('commerce.price_lists').where('id', '=', id).execute(),

  saveCurrency: (db: CatalogDb, currency: { code: string; exponent: number; active: boolean; position: number }) =>
    db
      .insertInto('commerce.currencies')
      .values(currency)
      .onConflict((oc) =>
        oc
          .column('code')
          .doUpdateSet({ exponent: currency.exponent, active: currency.active, position: currency.position }),
      )
      .execute(),

  async allProductIds(db: CatalogDb): Promise<string[]> {
    return (await db.selectFrom('commerce.products').select('id').execute()).map((row) => row.id);
  },

  priceList: (db: CatalogDb, id: string) =>
    db.selectFrom('commerce.price_lists').selectAll().where('id', '=', id).executeTakeFirst(),

  priceListByCode: (db: CatalogDb, code: string) =>
    db.selectFrom('commerce.price_lists').selectAll().where('code', '=', code).executeTakeFirst(),

  async variantsOfList(db: CatalogDb, listId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('commerce.prices')
      .select('variant_id')
      .distinct()
      .where('price_list_id', '=', listId)
      .execute();
    return rows.map((row) => row.variant_id);
  },

  currencies: (db: CatalogDb) =>
    db.selectFrom('commerce.currencies').selectAll().orderBy('position').orderBy('code').execute(),

  currency: (db: CatalogDb, code: string) =>
    db.selectFrom('commerce.currencies').selectAll().where('code', '=', code).executeTakeFirst(),

  /** Dates as text: a `date` read into a JavaScript Date would shift with the server's time zone. */
  vatRates: (db: CatalogDb) =>
    db
      .selectFrom('commerce.vat_rates')
      .select([
        'vat_class',
        'rate_bp',
        sql<string>`to_char(valid_from, 'YYYY-MM-DD')`.as('valid_from'),
        sql<string | null>`to_char(valid_to, 'YYYY-MM-DD')`.as('valid_to'),
      ])
      .orderBy('vat_class')
      .orderBy(sql`valid_from`)
      .execute(),

  /** The VAT rate of each class on a (Stockholm) day. */
  async vatRatesOn(db: CatalogDb, day: string): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('commerce.vat_rates')
      .select(['vat_class', 'rate_bp'])
      .where('valid_from', '<=', day)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]))
      .execute();
    return new Map(rows.map((row) => [row.vat_class, row.rate_bp]));
  },

  /**
   * The moments in (after, until] at which a sale window or a price's validity began or ended, with the variants
   * whose consumer price may have changed then.
   */
  async boundaries(db: CatalogDb, after: Date, until: Date): Promise<Array<{ at: Date; variant_id: string }>> {
    const rows = await sql<{ at: Date; variant_id: string }>`
      select l.starts_at as at, p.variant_id from commerce.price_lists l join commerce.prices p on p.price_list_id = l.id
        where l.kind = 'sale' and l.starts_at > ${after} and l.starts_at <= ${until}
      union
      select l.ends_at, p.variant_id from commerce.price_lists l join commerce.prices p on p.price_list_id = l.id
        where l.kind = 'sale' and l.ends_at > ${after} and l.ends_at <= ${until}
      union
      select valid_from, variant_id from commerce.prices where valid_from > ${after} and valid_from <= ${until}
      union
      select valid_to, variant_id from commerce.prices where valid_to > ${after} and valid_to <= ${until}
      order by 1`.execute(db);
    return rows.rows;
  },

  async windowCheckedUntil(db: CatalogDb): Promise<Date | undefined> {
    const row = await sql<{ checked_until: Date }>`
      select checked_until from commerce.price_window_state where id for update`.execute(db);
    return row.rows[0]?.checked_until;
  },

  async setWindowCheckedUntil(db: CatalogDb, until: Date): Promise<void> {
    await db
      .insertInto('commerce.price_window_state')
      .values({ id: true, checked_until: until })
      .onConflict((oc) => oc.column('id').doUpdateSet({ checked_until: until }))
      .execute();
  },

  async productIdsOfVariants(db: CatalogDb, variantIds: string[]): Promise<string[]> {
    if (variantIds.length === 0) return [];
    const rows = await db
      .selectFrom('commerce.variants')
      .select('product_id')
      .distinct()
      .where('id', 'in', variantIds)
      .execute();
    return rows.map((row) => row.product_id);
  },
};

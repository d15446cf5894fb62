import { randomUUID } from 'node:crypto';
import type {
  CatalogPriceList,
  catalogCurrencyInput,
  catalogPriceListPatch,
  catalogPriceSetInput,
  catalogSaleListInput,
} from '@kontor/contracts';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import { hasPermission, type RequestContext } from '../../platform/context.js';
import { forbidden, notFound } from '../../platform/http/errors.js';
import type { Db } from '../../platform/platform.js';
import { stateConflict } from '../errors.js';
import { type CatalogContext, catalogDb, iso, isoOrNull } from './catalog-context.js';
import { recordPriceHistory } from './price-history.js';
import { priceRepository as repo } from './price-repository.js';
import type { PricingService } from './pricing-service.js';
import { productRepository } from './product-repository.js';
import { problem, refuse } from './product-rules.js';
import type { CatalogTables } from './tables.js';

export const CATALOG = 'commerce.catalog';
export const MARKETING = 'commerce.marketing';
/** The shop's own currency: its prices are the reference, so it is always sold. */
export const BASE_CURRENCY = 'SEK';

type ListRow = Selectable<CatalogTables['commerce.price_lists']> & { price_count?: number | null };

const running = (row: ListRow, at: Date) =>
  row.active &&
  (row.starts_at === null || row.starts_at.getTime() <= at.getTime()) &&
  (row.ends_at === null || row.ends_at.getTime() > at.getTime());

const toList = (row: ListRow, at = new Date()): CatalogPriceList => ({
  id: row.id,
  code: row.code,
  kind: row.kind,
  name: row.name,
  includesVat: row.includes_vat,
  startsAt: isoOrNull(row.starts_at),
  endsAt: isoOrNull(row.ends_at),
  priority: row.priority,
  active: row.active,
  running: running(row, at),
  priceCount: row.price_count ?? 0,
});

const date = (text: string | null) => (text === null ? null : new Date(text));

type PriceRowSource = Selectable<CatalogTables['commerce.prices']> & { list_code: string };
const toPriceRow = (row: PriceRowSource) => ({
  id: row.id,
  priceListId: row.price_list_id,
  priceListCode: row.list_code,
  variantId: row.variant_id,
  currency: row.currency,
  amountMinor: row.amount_minor,
  minQuantity: row.min_quantity,
  validFrom: isoOrNull(row.valid_from),
  validTo: isoOrNull(row.valid_to),
});

/** A price list's page shows this many prices at most; a campaign is hand-made, so far fewer. */
export const LIST_PRICES_LIMIT = 2000;

/** Currencies, price lists (retail, campaigns) and prices, for admins. Every change is audited; prices especially. */
export class PriceService {
  constructor(
    private readonly catalog: CatalogContext,
    private readonly pricing: PricingService,
  ) {}

  get #platform() {
    return this.catalog.platform;
  }

  /** Retail (and later b2b) prices are the catalog's; sale lists are campaigns, marketing's. */
  #mayEdit(ctx: RequestContext, list: ListRow) {
    const needed = list.kind === 'sale' ? MARKETING : CATALOG;
    if (!hasPermission(ctx.actor, needed)) throw forbidden(needed);
  }

  async currencies(_ctx: RequestContext) {
    return { currencies: await repo.currencies(catalogDb(this.#platform.db)) };
  }

  /** Adds a currency or changes one; only active currencies are sold. */
  async saveCurrency(ctx: RequestContext, code: string, input: z.output<typeof catalogCurrencyInput>) {
    if (code === BASE_CURRENCY && !input.active)
      throw stateConflict('base_currency', `${BASE_CURRENCY} is the shop's own currency and is always sold`);
    return this.#platform.transaction(async (trx) => {
      const db = catalogDb(trx);
      const before = await repo.currency(db, code);
      await repo.saveCurrency(db, { code, ...input });
      const after = await repo.currency(db, code);
      await this.#platform.audit.record(trx, ctx, {
        action: before ? 'commerce.currency.update' : 'commerce.currency.create',
        entity: 'commerce.currency',
        entityId: code,
        before,
        after,
      });
      // Search documents hold the prices of the currencies sold.
      if (before?.active !== after?.active) await this.catalog.search.reindex(trx, await repo.allProductIds(db));
      return after;
    });
  }

  async vatRates(_ctx: RequestContext) {
    const rows = await repo.vatRates(catalogDb(this.#platform.db));
    return {
      rates: rows.map((row) => ({
        vatClass: row.vat_class as 'standard',
        rateBp: row.rate_bp,
        validFrom: row.valid_from,
        validTo: row.valid_to,
      })),
    };
  }

  async priceLists(_ctx: RequestContext) {
    return { priceLists: (await repo.priceLists(catalogDb(this.#platform.db))).map((row) => toList(row)) };
  }

  #windowProblems(startsAt: Date | null, endsAt: Date | null) {
    return startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()
      ? [problem('invalid_window', 'body.endsAt', 'must be after startsAt')]
      : [];
  }

  async createSaleList(ctx: RequestContext, input: z.output<typeof catalogSaleListInput>): Promise<CatalogPriceList> {
    const startsAt = date(input.startsAt);
    const endsAt = date(input.endsAt);
    refuse(this.#windowProblems(startsAt, endsAt));
    return this.#platform.transaction(async (trx) => {
      const db = catalogDb(trx);
      if (await repo.priceListByCode(db, input.code))
        refuse([problem('code_taken', 'body.code', `another price list has the code ${input.code}`)]);
      const id = randomUUID();
      await repo.insertSaleList(db, { id, ...input, startsAt, endsAt });
      const after = toList((await repo.priceList(db, id)) as ListRow);
      await this.#platform.audit.record(trx, ctx, {
        action: 'commerce.price_list.create',
        entity: 'commerce.price_list',
        entityId: id,
        after,
      });
      return after;
    });
  }

  /**
   * Changes a list. A sale list's window, priority or activity changes what consumers pay: the history records it
   * now and the search documents follow. The retail list can only be renamed.
   */
  async updatePriceList(
    ctx: RequestContext,
    id: string,
    patch: z.output<typeof catalogPriceListPatch>,
  ): Promise<CatalogPriceList> {
    return this.#platform.transaction(async (trx) => {
      const db = catalogDb(trx);
      const before = await repo.priceList(db, id);
      if (!before) throw notFound('The price list');
      this.#mayEdit(ctx, before);
      const { name, ...rest } = patch;
      if (before.kind !== 'sale' && Object.values(rest).some((value) => value !== undefined))
        refuse([
          problem('retail_fixed', 'body', 'the retail list has no window, priority or activity; rename it only'),
        ]);
      const startsAt = patch.startsAt === undefined ? before.starts_at : date(patch.startsAt);
      const endsAt = patch.endsAt === undefined ? before.ends_at : date(patch.endsAt);
      refuse(this.#windowProblems(startsAt, endsAt));
      await repo.updatePriceList(db, id, {
        name: name ?? before.name,
        startsAt,
        endsAt,
        priority: patch.priority ?? before.priority,
        active: patch.active ?? before.active,
      });
      const after = (await repo.priceList(db, id)) as ListRow;
      await this.#platform.audit.record(trx, ctx, {
        action: 'commerce.price_list.update',
        entity: 'commerce.price_list',
        entityId: id,
        before: toList(before),
        after: toList(after),
      });
      await this.#pricesChanged(trx, await repo.variantsOfList(db, id));
      return toList({ ...after, price_count: (await repo.variantsOfList(db, id)).length });
    });
  }

  async deletePriceList(ctx: RequestContext, id: string): Promise<void> {
    await this.#platform.transaction(async (trx) => {
      const db = catalogDb(trx);
      const before = await repo.priceList(db, id);
      if (!before) throw notFound('The price list');
      this.#mayEdit(ctx, before);
      if (before.kind !== 'sale')
        throw stateConflict('retail_fixed', 'Only campaign (sale) price lists can be deleted');
      const variants = await repo.variantsOfList(db, id);
      await repo.deletePriceList(db, id);
      await this.#platform.audit.record(trx, ctx, {
        action: 'commerce.price_list.delete',
        entity: 'commerce.price_list',
        entityId: id,
        before: { ...toList(before), variants: variants.length },
      });
      await this.#pricesChanged(trx, variants);
    });
  }

  /** The prices of one list, each with its variant's SKU and product: what a campaign sets, in one place. */
  async listPrices(_ctx: RequestContext, listId: string) {
    const db = catalogDb(this.#platform.db);
    if (!(await repo.priceList(db, listId))) throw notFound('The price list');
    const rows = await repo.pricesOfList(db, listId, LIST_PRICES_LIMIT);
    return {
      prices: rows.map((row) => ({
        ...toPriceRow(row),
        sku: row.sku,
        productId: row.product_id,
        productName: row.product_name,
      })),
    };
  }

  /** A variant's price rows in every list, what it costs now per currency sold, and its price history. */
  async variantPrices(_ctx: RequestContext, variantId: string) {
    if (!(await productRepository.variant(catalogDb(this.#platform.db), variantId))) throw notFound('The variant');
    return this.#variantPrices(this.#platform.db, variantId);
  }

  async #variantPrices(dbOrTrx: Db, variantId: string) {
    const db = catalogDb(dbOrTrx);
    const sold = await this.pricing.soldCurrencies(dbOrTrx);
    const current = (await this.pricing.currentPrices(dbOrTrx, [variantId], null)).filter((price) =>
      sold.includes(price.currency),
    );
    return {
      prices: (await repo.pricesOfVariant(db, variantId)).map(toPriceRow),
      current: current.map(({ variantId: _id, tiers: _tiers, ...price }) => price),
      history: (await repo.historyOf(db, variantId)).map((row) => ({
        currency: row.currency,
        amountMinor: row.amount_minor,
        regularMinor: row.regular_minor,
        effectiveFrom: iso(row.effective_from),
      })),
    };
  }

  /**
   * Replaces a variant's prices in one list and currency (its volume tiers and validity windows). Audited with the
   * tiers before and after; the price history and the search document follow in the same transaction.
   */
  async setPrices(ctx: RequestContext, listId: string, input: z.output<typeof catalogPriceSetInput>) {
    const tiers = input.prices.map((tier) => ({
      ...tier,
      validFrom: date(tier.validFrom),
      validTo: date(tier.validTo),
    }));
    const problems = tiers.flatMap((tier, index) => [
      ...(tier.validFrom && tier.validTo && tier.validTo <= tier.validFrom
        ? [problem('invalid_window', `body.prices.${index}.validTo`, 'must be after validFrom')]
        : []),
      ...(tiers.findIndex(
        (other) => other.minQuantity === tier.minQuantity && other.validFrom?.getTime() === tier.validFrom?.getTime(),
      ) !== index
        ? [problem('price_repeated', `body.prices.${index}.minQuantity`, 'repeats a tier valid from the same moment')]
        : []),
    ]);
    refuse(problems);
    return this.#platform.transaction(async (trx) => {
      const db = catalogDb(trx);
      const list = await repo.priceList(db, listId);
      if (!list) throw notFound('The price list');
      this.#mayEdit(ctx, list);
      const variant = await productRepository.variant(db, input.variantId);
      if (!variant) refuse([problem('unknown_variant', 'body.variantId', 'is not a variant')]);
      if (!(await repo.currency(db, input.currency)))
        refuse([problem('unknown_currency', 'body.currency', `add ${input.currency} to the currencies first`)]);
      const before = await repo.tiers(db, listId, input.variantId, input.currency);
      await repo.replaceTiers(
        db,
        listId,
        input.variantId,
        input.currency,
        tiers.map((tier) => ({ ...tier, id: randomUUID() })),
      );
      const after = await repo.tiers(db, listId, input.variantId, input.currency);
      await this.#platform.audit.record(trx, ctx, {
        action: 'commerce.price.set',
        entity: 'commerce.variant',
        entityId: input.variantId,
        before: { list: list.code, sku: variant?.sku, currency: input.currency, prices: before },
        after: { list: list.code, sku: variant?.sku, currency: input.currency, prices: after },
      });
      await this.#pricesChanged(trx, [input.variantId]);
      return this.#variantPrices(trx, input.variantId);
    });
  }

  /** What consumers pay for these variants may have changed now: history, product order, search documents. */
  async #pricesChanged(trx: Db, variantIds: string[]) {
    if (variantIds.length === 0) return;
    const db = catalogDb(trx);
    const at = new Date();
    await recordPriceHistory(db, variantIds, at);
    const productIds = await repo.productIdsOfVariants(db, variantIds);
    await productRepository.touch(db, productIds, at);
    await this.catalog.search.reindex(trx, productIds);
  }
}

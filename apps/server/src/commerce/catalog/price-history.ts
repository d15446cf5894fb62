import { type ApplicableRow, priceRepository as repo } from './price-repository.js';
import { consumerPrice } from './price-rules.js';
import type { CatalogDb } from './tables.js';

/** Groups applicable rows by variant and currency. */
export function byVariantCurrency(rows: ApplicableRow[]): Map<string, ApplicableRow[]> {
  const grouped = new Map<string, ApplicableRow[]>();
  for (const row of rows) {
    const key = `${row.variantId}:${row.currency}`;
    grouped.set(key, [...(grouped.get(key) ?? []), row]);
  }
  return grouped;
}

/**
 * Appends to commerce.price_history what these variants cost a consumer (quantity 1) from `at`, in every currency
 * they have prices in, where that differs from the history's latest row: so the history holds each change once, and
 * calling it again for the same moment changes nothing. Called in the transaction of every price change, and by the
 * minute job at the moment a sale window or a price's validity began or ended.
 */
export async function recordPriceHistory(db: CatalogDb, variantIds: string[], at: Date): Promise<number> {
  const unique = [...new Set(variantIds)];
  let appended = 0;
  // Bounded batches: an import or a campaign may touch many thousands of variants.
  for (let start = 0; start < unique.length; start += 1000) {
    const batch = unique.slice(start, start + 1000);
    const prices = byVariantCurrency(await repo.applicable(db, batch, null, at));
    const latest = new Map(
      (await repo.latestHistory(db, batch, at)).map((row) => [`${row.variant_id}:${row.currency}`, row]),
    );
    const rows = [];
    for (const [key, applicable] of prices) {
      const price = consumerPrice(applicable, 1);
      if (!price) continue;
      const last = latest.get(key);
      if (last && last.amount_minor === price.unitPriceMinor && last.regular_minor === price.regularPriceMinor)
        continue;
      const [variantId, currency] = key.split(':') as [string, string];
      rows.push({
        variant_id: variantId,
        currency,
        amount_minor: price.unitPriceMinor,
        regular_minor: price.regularPriceMinor,
        effective_from: at,
      });
    }
    await repo.appendHistory(db, rows);
    appended += rows.length;
  }
  return appended;
}

/**
 * The minute job's work: finds the moments since its last run at which a sale window or a price's validity began or
 * ended, records the price history as of each (so the 30-day rule sees the campaign start when it started), and
 * answers the products whose prices changed, for the search index. Idempotent: the same moments twice append nothing.
 */
export async function applyPriceWindows(db: CatalogDb, now: Date): Promise<{ productIds: string[]; appended: number }> {
  const checkedUntil = await repo.windowCheckedUntil(db);
  if (!checkedUntil) {
    // First run on this store: what happened before was recorded by the writes themselves.
    await repo.setWindowCheckedUntil(db, now);
    return { productIds: [], appended: 0 };
  }
  const boundaries = await repo.boundaries(db, checkedUntil, now);
  const byMoment = new Map<number, string[]>();
  for (const { at, variant_id } of boundaries) {
    const moment = new Date(at).getTime();
    byMoment.set(moment, [...(byMoment.get(moment) ?? []), variant_id]);
  }
  let appended = 0;
  for (const [moment, variantIds] of [...byMoment].sort(([a], [b]) => a - b))
    appended += await recordPriceHistory(db, variantIds, new Date(moment));
  await repo.setWindowCheckedUntil(db, now);
  const variantIds = [...new Set(boundaries.map((row) => row.variant_id))];
  return { productIds: await repo.productIdsOfVariants(db, variantIds), appended };
}

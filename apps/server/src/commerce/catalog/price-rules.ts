/**
 * The rules of what a consumer pays, as pure functions over the rows that apply at one moment (price-repository.ts
 * selects them): the retail list is the regular price; a running sale list (a campaign) may lower it; volume tiers
 * by quantity; and the Swedish rule on the lowest price of the 30 days before a reduction.
 */

/** A price row that applies now: its list, tier and amount in minor units. */
export interface ApplicablePrice {
  listId: string;
  kind: 'retail' | 'sale';
  priority: number;
  minQuantity: number;
  amountMinor: number;
  /** Of the price row; among rows of one tier the one valid from latest is the most specific. */
  validFrom: Date | null;
}

export interface ConsumerPrice {
  unitPriceMinor: number;
  /** The retail price; the unit price when no retail price exists but a sale one does. */
  regularPriceMinor: number;
  /** The sale list that lowered it, if one did. */
  saleListId: string | null;
}

/** The tier of one list for a quantity: the highest minimum quantity not above it. */
function tierFor(rows: ApplicablePrice[], quantity: number): ApplicablePrice | undefined {
  let best: ApplicablePrice | undefined;
  for (const row of rows) {
    if (row.minQuantity > quantity) continue;
    if (
      !best ||
      row.minQuantity > best.minQuantity ||
      (row.minQuantity === best.minQuantity && (row.validFrom?.getTime() ?? 0) > (best.validFrom?.getTime() ?? 0))
    )
      best = row;
  }
  return best;
}

/**
 * The unit price for `quantity`: the retail tier, unless a running sale list has a lower price for it. Among sale
 * lists the highest priority wins, then the lowest price. A campaign never raises a price: a sale price above the
 * retail one is ignored. Undefined when neither list has a price.
 */
export function consumerPrice(rows: ApplicablePrice[], quantity: number): ConsumerPrice | undefined {
  const retail = tierFor(
    rows.filter((row) => row.kind === 'retail'),
    quantity,
  );
  const byList = new Map<string, ApplicablePrice[]>();
  for (const row of rows) if (row.kind === 'sale') byList.set(row.listId, [...(byList.get(row.listId) ?? []), row]);
  let sale: ApplicablePrice | undefined;
  for (const listRows of byList.values()) {
    const tier = tierFor(listRows, quantity);
    if (!tier) continue;
    if (
      !sale ||
      tier.priority > sale.priority ||
      (tier.priority === sale.priority && tier.amountMinor < sale.amountMinor)
    )
      sale = tier;
  }
  if (!retail && !sale) return undefined;
  const regular = retail?.amountMinor ?? (sale as ApplicablePrice).amountMinor;
  if (sale && sale.amountMinor < regular)
    return { unitPriceMinor: sale.amountMinor, regularPriceMinor: regular, saleListId: sale.listId };
  return { unitPriceMinor: regular, regularPriceMinor: regular, saleListId: null };
}

/** The quantities from which the unit price changes, beyond 1, with the unit price from there. */
export function volumeTiers(rows: ApplicablePrice[]): Array<{ minQuantity: number; unitPriceMinor: number }> {
  const steps = [...new Set(rows.map((row) => row.minQuantity).filter((quantity) => quantity > 1))].sort(
    (a, b) => a - b,
  );
  const tiers: Array<{ minQuantity: number; unitPriceMinor: number }> = [];
  let previous = consumerPrice(rows, 1)?.unitPriceMinor;
  for (const quantity of steps) {
    const unit = consumerPrice(rows, quantity)?.unitPriceMinor;
    if (unit !== undefined && unit !== previous) tiers.push({ minQuantity: quantity, unitPriceMinor: unit });
    previous = unit;
  }
  return tiers;
}

/** One row of commerce.price_history: the consumer price (quantity 1) from a moment on. */
export interface HistoryPoint {
  amountMinor: number;
  regularMinor: number | null;
  effectiveFrom: Date;
}

export const DAY_MS = 86_400_000;
const isReduction = (point: HistoryPoint) => point.regularMinor !== null && point.amountMinor < point.regularMinor;

/**
 * The lowest price of the 30 days before the current reduction began (prisinformationslagen 7 a §, since
 * 1 September 2022). Null when the price is not reduced now. The reduction began where the unbroken run of reduced
 * history rows up to `at` began (a campaign that lowers its price again stays one reduction, so its reference is
 * the price before the first step); when history does not show the reduction yet, it begins `at`. The prices of
 * the window are the one in effect at its start and every one that took effect within it. With no history before
 * the reduction at all, the regular price is the best statement of what was asked before.
 */
export function lowestPrice30d(
  history: HistoryPoint[],
  at: Date,
  current: { unitPriceMinor: number; regularPriceMinor: number },
): number | null {
  if (current.unitPriceMinor >= current.regularPriceMinor) return null;
  const past = history
    .filter((point) => point.effectiveFrom.getTime() <= at.getTime())
    .sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime());
  let start = at.getTime();
  for (let index = past.length - 1; index >= 0; index -= 1) {
    const point = past[index] as HistoryPoint;
    if (!isReduction(point)) break;
    start = point.effectiveFrom.getTime();
  }
  const windowStart = start - 30 * DAY_MS;
  let lowest: number | null = null;
  for (const [index, point] of past.entries()) {
    const from = point.effectiveFrom.getTime();
    const next = past[index + 1]?.effectiveFrom.getTime() ?? Number.POSITIVE_INFINITY;
    // In effect at some moment of [windowStart, start): it began before the window ends and lasted into it.
    if (from < start && next > windowStart)
      lowest = lowest === null ? point.amountMinor : Math.min(lowest, point.amountMinor);
  }
  return lowest ?? current.regularPriceMinor;
}

const stockholm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
/** The shop's calendar day of a moment (VAT rates change at Swedish midnight), as YYYY-MM-DD. */
export const stockholmDay = (at: Date) => stockholm.format(at);

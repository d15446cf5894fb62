import { allocate, percentOf, vatOf } from '../money.js';
import { type Translated, translate } from './tables.js';

/** A priced cart line as the discounts see it. Amounts include VAT (consumer prices). */
export interface DiscountableLine {
  sku: string;
  productId: string;
  brandId: string | null;
  /** The product's categories and every ancestor of them: a campaign on "Fishing" reaches "Lures". */
  categoryIds: string[];
  quantity: number;
  unitPriceMinor: number;
  vatRateBp: number;
}

/** An automatic discount in force now (the repository has already checked its window and that it is active). */
export type AutomaticDiscount =
  | {
      id: string;
      kind: 'campaign';
      name: Translated;
      percentBp: number;
      target: { categoryId: string } | { brandId: string };
    }
  | {
      id: string;
      kind: 'volume';
      name: Translated;
      percentBp: number;
      minQuantity: number;
      target: { productId: string } | { categoryId: string };
    }
  | { id: string; kind: 'bundle'; name: Translated; productIds: string[]; amounts: Record<string, number> };

/** A discount code that exists, is active, in its window and not used up (the service checks those). */
export interface DiscountCodeOffer {
  id: string;
  code: string;
  kind: 'percent' | 'amount';
  percentBp: number | null;
  amounts: Record<string, number>;
  minOrder: Record<string, number>;
}

/** Why a code in the cart does not take effect on this cart. */
export type CodeRefusal = 'min_order' | 'currency';

/** One discount explained: what it is, how much, taken from which lines, and the VAT it removes per rate. */
export interface DiscountLine {
  kind: 'campaign' | 'volume' | 'bundle' | 'code';
  id: string;
  code: string | null;
  label: string;
  amountMinor: number;
  lines: Array<{ sku: string; amountMinor: number }>;
  vatByRate: Array<{ rateBp: number; amountMinor: number; vatMinor: number }>;
}

export interface DiscountedLine {
  sku: string;
  /** unit price × quantity, before discounts. */
  lineTotalMinor: number;
  discountMinor: number;
  totalMinor: number;
  /** VAT of `totalMinor`. */
  vatMinor: number;
}

export interface VatByRate {
  rateBp: number;
  /** The amount without VAT (Swedish "underlag"). */
  baseMinor: number;
  vatMinor: number;
}

export interface DiscountResult {
  /** In the order of the input lines. */
  lines: DiscountedLine[];
  discounts: DiscountLine[];
  /** The code's outcome on this cart; null when the cart carries no code. */
  code: { applied: true } | { applied: false; reason: CodeRefusal } | null;
  subtotalMinor: number;
  discountMinor: number;
  totalMinor: number;
  vatMinor: number;
  vatByRate: VatByRate[];
}

export interface DiscountInput {
  currency: string;
  locale: string;
  lines: DiscountableLine[];
  /** In the order they are weighed: the first of equally good percentages wins. */
  rules: AutomaticDiscount[];
  code: DiscountCodeOffer | null;
}

/** Running state: what is left of each line after the discounts applied so far. */
class Ledger {
  readonly remaining: number[];
  readonly discounts: DiscountLine[] = [];

  constructor(private readonly lines: DiscountableLine[]) {
    this.remaining = lines.map((line) => line.unitPriceMinor * line.quantity);
  }

  /**
   * Takes `parts[i]` off line i as one discount. The VAT it removes from a line is the line's VAT before minus after,
   * so a cart's discounts' VAT and its lines' VAT always add up exactly (no second rounding).
   */
  take(discount: Omit<DiscountLine, 'amountMinor' | 'lines' | 'vatByRate'>, parts: Map<number, number>) {
    const lines: DiscountLine['lines'] = [];
    const byRate = new Map<number, { amountMinor: number; vatMinor: number }>();
    for (const [index, part] of [...parts].sort((a, b) => a[0] - b[0])) {
      const line = this.lines[index];
      const before = this.remaining[index];
      if (!line || before === undefined || part <= 0) continue;
      const after = before - part;
      this.remaining[index] = after;
      lines.push({ sku: line.sku, amountMinor: part });
      const rate = byRate.get(line.vatRateBp) ?? { amountMinor: 0, vatMinor: 0 };
      rate.amountMinor += part;
      rate.vatMinor += vatOf(before, line.vatRateBp) - vatOf(after, line.vatRateBp);
      byRate.set(line.vatRateBp, rate);
    }
    if (lines.length === 0) return;
    this.discounts.push({
      ...discount,
      amountMinor: lines.reduce((sum, line) => sum + line.amountMinor, 0),
      lines,
      vatByRate: [...byRate]
        .sort((a, b) => b[0] - a[0])
        .map(([rateBp, rate]) => ({ rateBp, amountMinor: rate.amountMinor, vatMinor: rate.vatMinor })),
    });
  }

  /** Splits `amount` over the given lines in proportion to what is left of each, never more than what is left. */
  spread(amount: number, indices: number[]): Map<number, number> {
    const weights = indices.map((index) => this.remaining[index] ?? 0);
    const capped = Math.min(
      amount,
      weights.reduce((sum, weight) => sum + weight, 0),
    );
    const parts = allocate(capped, weights);
    return new Map(indices.map((index, position) => [index, parts[position] ?? 0]));
  }

  left(indices: number[]) {
    return indices.reduce((sum, index) => sum + (this.remaining[index] ?? 0), 0);
  }
}

const inCategory = (line: DiscountableLine, categoryId: string) => line.categoryIds.includes(categoryId);

/** Whether a percentage rule reaches a line, given the whole cart (volume rules count units across lines). */
function reaches(rule: AutomaticDiscount, line: DiscountableLine, lines: DiscountableLine[]): boolean {
  if (rule.kind === 'campaign')
    return 'categoryId' in rule.target
      ? inCategory(line, rule.target.categoryId)
      : line.brandId === rule.target.brandId;
  if (rule.kind !== 'volume') return false;
  const target = rule.target;
  const matches = (other: DiscountableLine) =>
    'productId' in target ? other.productId === target.productId : inCategory(other, target.categoryId);
  if (!matches(line)) return false;
  const units = lines.filter(matches).reduce((sum, other) => sum + other.quantity, 0);
  return units >= rule.minQuantity;
}

/**
 * The one pricing function of discounts: applies the automatic discounts in force and the cart's code to a priced
 * cart and explains every discount. Rules, in order:
 *
 * 1. Percentages (campaigns and volume discounts) are per line and never stacked: of those reaching a line, the one
 *    taking the most off it applies (ties: the earlier rule). Amount: round(line total × percent), halves up.
 * 2. Bundles: when every product of a bundle is in the cart, its amount in the cart's currency comes off once per
 *    complete set (the fewest units of any of its products), split over the bundle's lines.
 * 3. The code, one per order, on what is left of the goods after 1 and 2 (its minimum order value is compared with
 *    that too): a percentage is rounded once on that sum, a fixed amount is capped at it; the result is split over
 *    the lines. Shipping is never discounted.
 *
 * Splitting an amount over lines is in proportion to what is left of each line, by largest remainder, so the parts
 * add up to the amount exactly. The discount therefore spans the VAT rates proportionally, and its VAT per rate is
 * what it removes from its lines' VAT. Each line's VAT is round(total × rate / (10000 + rate)) on the line's total
 * after all discounts, halves up; the order's VAT per rate is the sum of its lines'.
 */
export function applyDiscounts(input: DiscountInput): DiscountResult {
  const { lines, currency, locale } = input;
  const ledger = new Ledger(lines);
  const label = (name: Translated) => translate(name, locale);

  // 1. The best percentage per line.
  const best = new Map<string, Map<number, number>>();
  const percentRules = input.rules.filter((rule) => rule.kind !== 'bundle');
  lines.forEach((line, index) => {
    let chosen: { rule: AutomaticDiscount; amount: number } | undefined;
    for (const rule of percentRules) {
      if (!reaches(rule, line, lines)) continue;
      const amount = percentOf(line.unitPriceMinor * line.quantity, rule.percentBp);
      if (amount > (chosen?.amount ?? 0)) chosen = { rule, amount };
    }
    if (!chosen) return;
    const parts = best.get(chosen.rule.id) ?? new Map<number, number>();
    parts.set(index, chosen.amount);
    best.set(chosen.rule.id, parts);
  });
  for (const rule of percentRules) {
    const parts = best.get(rule.id);
    if (parts) ledger.take({ kind: rule.kind, id: rule.id, code: null, label: label(rule.name) }, parts);
  }

  // 2. Bundles, once per complete set.
  for (const rule of input.rules) {
    if (rule.kind !== 'bundle') continue;
    const amount = rule.amounts[currency];
    if (!amount || rule.productIds.length === 0) continue;
    const sets = Math.min(
      ...rule.productIds.map((productId) =>
        lines.filter((line) => line.productId === productId).reduce((sum, line) => sum + line.quantity, 0),
      ),
    );
    if (sets <= 0) continue;
    const indices = lines.flatMap((line, index) => (rule.productIds.includes(line.productId) ? [index] : []));
    ledger.take(
      { kind: 'bundle', id: rule.id, code: null, label: label(rule.name) },
      ledger.spread(amount * sets, indices),
    );
  }

  // 3. The code.
  let code: DiscountResult['code'] = null;
  if (input.code) {
    const offer = input.code;
    const all = lines.map((_, index) => index);
    const base = ledger.left(all);
    const minimum = offer.minOrder[currency];
    const fixed = offer.amounts[currency];
    if (minimum !== undefined && base < minimum) code = { applied: false, reason: 'min_order' };
    else if (offer.kind === 'amount' && fixed === undefined) code = { applied: false, reason: 'currency' };
    else {
      code = { applied: true };
      const amount = offer.kind === 'percent' ? percentOf(base, offer.percentBp ?? 0) : (fixed ?? 0);
      ledger.take({ kind: 'code', id: offer.id, code: offer.code, label: offer.code }, ledger.spread(amount, all));
    }
  }

  const discounted = lines.map((line, index): DiscountedLine => {
    const lineTotalMinor = line.unitPriceMinor * line.quantity;
    const totalMinor = ledger.remaining[index] ?? lineTotalMinor;
    return {
      sku: line.sku,
      lineTotalMinor,
      discountMinor: lineTotalMinor - totalMinor,
      totalMinor,
      vatMinor: vatOf(totalMinor, line.vatRateBp),
    };
  });
  const vatByRate = sumVatByRate(
    discounted.map((line, index) => ({
      rateBp: lines[index]?.vatRateBp ?? 0,
      grossMinor: line.totalMinor,
      vatMinor: line.vatMinor,
    })),
  );
  const subtotalMinor = discounted.reduce((sum, line) => sum + line.lineTotalMinor, 0);
  const totalMinor = discounted.reduce((sum, line) => sum + line.totalMinor, 0);
  return {
    lines: discounted,
    discounts: ledger.discounts,
    code,
    subtotalMinor,
    discountMinor: subtotalMinor - totalMinor,
    totalMinor,
    vatMinor: vatByRate.reduce((sum, rate) => sum + rate.vatMinor, 0),
    vatByRate,
  };
}

/** VAT per rate of amounts that include it, highest rate first; each amount's VAT was rounded on its own. */
export function sumVatByRate(amounts: Array<{ rateBp: number; grossMinor: number; vatMinor: number }>): VatByRate[] {
  const byRate = new Map<number, { grossMinor: number; vatMinor: number }>();
  for (const amount of amounts) {
    const rate = byRate.get(amount.rateBp) ?? { grossMinor: 0, vatMinor: 0 };
    rate.grossMinor += amount.grossMinor;
    rate.vatMinor += amount.vatMinor;
    byRate.set(amount.rateBp, rate);
  }
  return [...byRate]
    .sort((a, b) => b[0] - a[0])
    .map(([rateBp, rate]) => ({ rateBp, baseMinor: rate.grossMinor - rate.vatMinor, vatMinor: rate.vatMinor }));
}

import { randomUUID } from 'node:crypto';
import type { DiscountCode, DiscountRule, discountCodeInput, discountRuleInput } from '@kontor/contracts';
import type { z } from 'zod';
import type { RequestContext } from '../../platform/context.js';
import { type FieldError, notFound } from '../../platform/http/errors.js';
import type { Platform } from '../../platform/platform.js';
import { unprocessable } from '../errors.js';
import { cartRepository } from './cart-repository.js';
import { type DiscountCodeRow, type DiscountRuleRow, discountRepository } from './discount-repository.js';
import type { AutomaticDiscount, DiscountCodeOffer } from './discount-rules.js';
import type { CheckoutDb } from './tables.js';

type CodeInput = z.output<typeof discountCodeInput>;
type RuleInput = z.output<typeof discountRuleInput>;

/** Why a code cannot be used at all (a code below its minimum order is a matter of the cart, see discount-rules). */
export type CodeUnusable = 'unknown' | 'expired' | 'used_up';

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const dateOrNull = (text: string | null | undefined) => (text ? new Date(text) : null);

export const toDiscountCode = (row: DiscountCodeRow): DiscountCode => ({
  id: row.id,
  code: row.code,
  description: row.description,
  kind: row.kind,
  percentBp: row.percent_bp,
  amounts: row.amounts,
  minOrder: row.min_order,
  startsAt: iso(row.starts_at),
  endsAt: iso(row.ends_at),
  usageLimit: row.usage_limit,
  usedCount: row.used_count,
  active: row.active,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

/** A rule's kind-specific fields, as stored in `definition`. */
interface RuleDefinition {
  percentBp?: number;
  minQuantity?: number;
  target?: { categoryId?: string; brandId?: string; productId?: string };
  productIds?: string[];
  amounts?: Record<string, number>;
}

export const toDiscountRule = (row: DiscountRuleRow): DiscountRule => {
  const definition = row.definition as RuleDefinition;
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    active: row.active,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    percentBp: definition.percentBp ?? null,
    minQuantity: definition.minQuantity ?? null,
    target: definition.target ?? null,
    productIds: definition.productIds ?? null,
    amounts: definition.amounts ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
};

/** A stored rule as the pricing function takes it. */
export function toAutomaticDiscount(row: DiscountRuleRow): AutomaticDiscount | null {
  const definition = row.definition as RuleDefinition;
  const target = definition.target ?? {};
  const percentBp = definition.percentBp ?? 0;
  if (row.kind === 'campaign') {
    if (target.categoryId)
      return { id: row.id, kind: 'campaign', name: row.name, percentBp, target: { categoryId: target.categoryId } };
    if (target.brandId)
      return { id: row.id, kind: 'campaign', name: row.name, percentBp, target: { brandId: target.brandId } };
    return null;
  }
  if (row.kind === 'volume') {
    const minQuantity = definition.minQuantity ?? 2;
    if (target.productId)
      return {
        id: row.id,
        kind: 'volume',
        name: row.name,
        percentBp,
        minQuantity,
        target: { productId: target.productId },
      };
    if (target.categoryId)
      return {
        id: row.id,
        kind: 'volume',
        name: row.name,
        percentBp,
        minQuantity,
        target: { categoryId: target.categoryId },
      };
    return null;
  }
  return {
    id: row.id,
    kind: 'bundle',
    name: row.name,
    productIds: definition.productIds ?? [],
    amounts: definition.amounts ?? {},
  };
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/**
 * Discount codes and automatic discounts (campaigns, volume, bundles): the marketing admin's API, audited, and what
 * the cart's pricing asks of them. Sale price lists are the catalog's; these are discounts on top.
 */
export class DiscountService {
  readonly #db: CheckoutDb;

  constructor(private readonly platform: Platform) {
    this.#db = platform.db as CheckoutDb;
  }

  /** The code as the cart may use it now, or why it cannot be used at all. */
  async offer(
    db: CheckoutDb,
    text: string,
    at: Date,
  ): Promise<{ offer: DiscountCodeOffer } | { unusable: CodeUnusable }> {
    const row = await discountRepository.codeByText(db, text);
    if (!row) return { unusable: 'unknown' };
    if (!row.active || (row.starts_at && row.starts_at > at) || (row.ends_at && row.ends_at <= at))
      return { unusable: 'expired' };
    if (row.usage_limit !== null && row.used_count >= row.usage_limit) return { unusable: 'used_up' };
    return {
      offer: {
        id: row.id,
        code: row.code,
        kind: row.kind,
        percentBp: row.percent_bp,
        amounts: row.amounts,
        minOrder: row.min_order,
      },
    };
  }

  async rulesInForce(db: CheckoutDb, at: Date): Promise<AutomaticDiscount[]> {
    const rows = await discountRepository.rulesInForce(db, at);
    return rows.map(toAutomaticDiscount).filter((rule): rule is AutomaticDiscount => rule !== null);
  }

  async codes(_ctx: RequestContext) {
    return { codes: (await discountRepository.codes(this.#db)).map(toDiscountCode) };
  }

  async createCode(ctx: RequestContext, input: CodeInput): Promise<DiscountCode> {
    return this.platform.transaction(async (trx) => {
      const db = trx as CheckoutDb;
      await this.#checkCurrencies(db, { amounts: input.amounts, minOrder: input.minOrder });
      const row = await this.#savingCode(() => discountRepository.insertCode(db, randomUUID(), codeValues(input)));
      const after = toDiscountCode(row);
      await this.platform.audit.record(trx, ctx, {
        action: 'commerce.discount_code.create',
        entity: 'commerce.discount_codes',
        entityId: row.id,
        after,
      });
      return after;
    });
  }

  async updateCode(ctx: RequestContext, id: string, input: CodeInput): Promise<DiscountCode> {
    return this.platform.transaction(async (trx) => {
      const db = trx as CheckoutDb;
      const before = await discountRepository.code(db, id, true);
      if (!before) throw notFound('The discount code');
      await this.#checkCurrencies(db, { amounts: input.amounts, minOrder: input.minOrder });
      if (input.usageLimit && input.usageLimit < before.used_count)
        throw unprocessable('usage_limit_below_uses', `The code was already used ${before.used_count} times`, [
          { path: 'body.usageLimit', message: `must be at least ${before.used_count}, the uses so far` },
        ]);
      const row = await this.#savingCode(() => discountRepository.updateCode(db, id, codeValues(input)));
      if (!row) throw notFound('The discount code');
      const after = toDiscountCode(row);
      await this.platform.audit.record(trx, ctx, {
        action: 'commerce.discount_code.update',
        entity: 'commerce.discount_codes',
        entityId: id,
        before: toDiscountCode(before),
        after,
      });
      return after;
    });
  }

  async deleteCode(ctx: RequestContext, id: string): Promise<void> {
    await this.platform.transaction(async (trx) => {
      const row = await discountRepository.deleteCode(trx as CheckoutDb, id);
      if (!row) throw notFound('The discount code');
      await this.platform.audit.record(trx, ctx, {
        action: 'commerce.discount_code.delete',
        entity: 'commerce.discount_codes',
        entityId: id,
        before: toDiscountCode(row),
      });
    });
  }

  async rules(_ctx: RequestContext) {
    return { rules: (await discountRepository.rules(this.#db)).map(toDiscountRule) };
  }

  async createRule(ctx: RequestContext, input: RuleInput): Promise<DiscountRule> {
    return this.platform.transaction(async (trx) => {
      const db = trx as CheckoutDb;
      await this.#checkRule(db, input);
      const row = await discountRepository.insertRule(db, randomUUID(), ruleValues(input));
      const after = toDiscountRule(row);
      await this.platform.audit.record(trx, ctx, {
        action: 'commerce.discount_rule.create',
        entity: 'commerce.discount_rules',
        entityId: row.id,
        after,
      });
      return after;
    });
  }

  async updateRule(ctx: RequestContext, id: string, input: RuleInput): Promise<DiscountRule> {
    return this.platform.transaction(async (trx) => {
      const db = trx as CheckoutDb;
      const before = await discountRepository.rule(db, id);
      if (!before) throw notFound('The discount');
      await this.#checkRule(db, input);
      const row = await discountRepository.updateRule(db, id, ruleValues(input));
      if (!row) throw notFound('The discount');
      const after = toDiscountRule(row);
      await this.platform.audit.record(trx, ctx, {
        action: 'commerce.discount_rule.update',
        entity: 'commerce.discount_rules',
        entityId: id,
        before: toDiscountRule(before),
        after,
      });
      return after;
    });
  }

  async deleteRule(ctx: RequestContext, id: string): Promise<void> {
    await this.platform.transaction(async (trx) => {
      const row = await discountRepository.deleteRule(trx as CheckoutDb, id);
      if (!row) throw notFound('The discount');
      await this.platform.audit.record(trx, ctx, {
        action: 'commerce.discount_rule.delete',
        entity: 'commerce.discount_rules',
        entityId: id,
        before: toDiscountRule(row),
      });
    });
  }

  async #savingCode<T>(save: () => Promise<T>): Promise<T> {
    try {
      return await save();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw unprocessable('discount_code_taken', 'Another discount code is written the same way', [
        { path: 'body.code', message: 'already exists (letter case does not count)' },
      ]);
    }
  }

  /** Every currency named in amounts must be one the shop sells in. */
  async #checkCurrencies(db: CheckoutDb, fields: Record<string, Record<string, number>>) {
    const sold = new Set(await cartRepository.currencies(db));
    const problems: FieldError[] = [];
    for (const [field, amounts] of Object.entries(fields))
      for (const currency of Object.keys(amounts))
        if (!sold.has(currency))
          problems.push({ path: `body.${field}.${currency}`, message: 'the shop does not sell in it' });
    if (problems.length > 0)
      throw unprocessable('unsold_currency', 'The shop does not sell in these currencies', problems);
  }

  /** A rule's targets must exist in the catalog, and its amounts be in currencies the shop sells in. */
  async #checkRule(db: CheckoutDb, input: RuleInput) {
    const missing: FieldError[] = [];
    const check = async (
      table: 'commerce.categories' | 'commerce.brands' | 'commerce.products',
      ids: string[],
      path: (index: number) => string,
    ) => {
      const found = await discountRepository.existing(db, table, ids);
      ids.forEach((id, index) => {
        if (!found.has(id)) missing.push({ path: path(index), message: 'no such record in the catalog' });
      });
    };
    if (input.kind === 'bundle') {
      await this.#checkCurrencies(db, { amounts: input.amounts });
      if (new Set(input.productIds).size !== input.productIds.length)
        missing.push({ path: 'body.productIds', message: 'names a product twice' });
      await check('commerce.products', input.productIds, (index) => `body.productIds.${index}`);
    } else if ('categoryId' in input.target) {
      await check('commerce.categories', [input.target.categoryId], () => 'body.target.categoryId');
    } else if ('brandId' in input.target) {
      await check('commerce.brands', [input.target.brandId], () => 'body.target.brandId');
    } else {
      await check('commerce.products', [input.target.productId], () => 'body.target.productId');
    }
    if (input.startsAt && input.endsAt && Date.parse(input.endsAt) <= Date.parse(input.startsAt))
      missing.push({ path: 'body.endsAt', message: 'must be after startsAt' });
    if (missing.length > 0) throw unprocessable('discount_rule_invalid', 'The discount names what cannot be', missing);
  }
}

function codeValues(input: CodeInput) {
  return {
    code: input.code,
    description: input.description,
    kind: input.kind,
    percent_bp: input.kind === 'percent' ? (input.percentBp ?? null) : null,
    amounts: input.kind === 'amount' ? input.amounts : {},
    min_order: input.minOrder,
    starts_at: dateOrNull(input.startsAt),
    ends_at: dateOrNull(input.endsAt),
    usage_limit: input.usageLimit ?? null,
    active: input.active,
  };
}

function ruleValues(input: RuleInput) {
  const definition: RuleDefinition =
    input.kind === 'bundle'
      ? { productIds: input.productIds, amounts: input.amounts }
      : input.kind === 'volume'
        ? { percentBp: input.percentBp, minQuantity: input.minQuantity, target: input.target }
        : { percentBp: input.percentBp, target: input.target };
  return {
    kind: input.kind,
    name: input.name,
    definition,
    starts_at: dateOrNull(input.startsAt),
    ends_at: dateOrNull(input.endsAt),
    active: input.active,
  };
}

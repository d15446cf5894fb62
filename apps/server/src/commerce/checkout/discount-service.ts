import { randomUUID } from 'node:crypto';
import type { DiscountCode, DiscountRule, discountCodeInput, discountRuleInput } from '@kontor/contracts';
import type { z } from 'zod';
import type { RequestContext } from '../../platform/context.js';
import { type FieldError, notFound } from '../../platform/http/errors.js';
import type { Platform } from '../../platform/platform.js';
import type { PricingService } from '../catalog/pricing-service.js';
import type { ShopReadService } from '../catalog/shop-read-service.js';
import { unprocessable } from '../errors.js';
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

/** A kind of record the marketing admin keeps: how it is found, removed, shown and audited. */
interface Kept<Row, View> {
  action: string;
  entity: string;
  /** What a 404 calls it. */
  what: string;
  /** The record, locked until the transaction ends. */
  lock: (db: CheckoutDb, id: string) => Promise<Row | undefined>;
  remove: (db: CheckoutDb, id: string) => Promise<Row | undefined>;
  view: (row: Row) => View;
}

const CODES: Kept<DiscountCodeRow, DiscountCode> = {
  action: 'commerce.discount_code',
  entity: 'commerce.discount_codes',
  what: 'The discount code',
  lock: (db, id) => discountRepository.code(db, id, true),
  remove: discountRepository.deleteCode,
  view: toDiscountCode,
};

const RULES: Kept<DiscountRuleRow, DiscountRule> = {
  action: 'commerce.discount_rule',
  entity: 'commerce.discount_rules',
  what: 'The discount',
  lock: (db, id) => discountRepository.rule(db, id, true),
  remove: discountRepository.deleteRule,
  view: toDiscountRule,
};

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/**
 * Discount codes and automatic discounts (campaigns, volume, bundles): the marketing admin's API, audited, and what
 * the cart's pricing asks of them. Sale price lists are the catalog's; these are discounts on top.
 */
export class DiscountService {
  readonly #db: CheckoutDb;

  constructor(
    private readonly platform: Platform,
    private readonly catalog: { pricing: PricingService; read: ShopReadService },
  ) {
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
    return this.#create(ctx, CODES, async (db) => {
      await this.#checkCurrencies(db, { amounts: input.amounts, minOrder: input.minOrder });
      return this.#savingCode(() => discountRepository.insertCode(db, randomUUID(), codeValues(input)));
    });
  }

  async updateCode(ctx: RequestContext, id: string, input: CodeInput): Promise<DiscountCode> {
    return this.#update(ctx, CODES, id, async (db, before) => {
      await this.#checkCurrencies(db, { amounts: input.amounts, minOrder: input.minOrder });
      if (input.usageLimit && input.usageLimit < before.used_count)
        throw unprocessable('usage_limit_below_uses', `The code was already used ${before.used_count} times`, [
          { path: 'body.usageLimit', message: `must be at least ${before.used_count}, the uses so far` },
        ]);
      return this.#savingCode(() => discountRepository.updateCode(db, id, codeValues(input)));
    });
  }

  async deleteCode(ctx: RequestContext, id: string): Promise<void> {
    await this.#delete(ctx, CODES, id);
  }

  async rules(_ctx: RequestContext) {
    return { rules: (await discountRepository.rules(this.#db)).map(toDiscountRule) };
  }

  async createRule(ctx: RequestContext, input: RuleInput): Promise<DiscountRule> {
    return this.#create(ctx, RULES, async (db) => {
      await this.#checkRule(db, input);
      return discountRepository.insertRule(db, randomUUID(), ruleValues(input));
    });
  }

  async updateRule(ctx: RequestContext, id: string, input: RuleInput): Promise<DiscountRule> {
    return this.#update(ctx, RULES, id, async (db) => {
      await this.#checkRule(db, input);
      return discountRepository.updateRule(db, id, ruleValues(input));
    });
  }

  async deleteRule(ctx: RequestContext, id: string): Promise<void> {
    await this.#delete(ctx, RULES, id);
  }

  /** Inserts a code or rule in one transaction and audits it. */
  async #create<Row extends { id: string }, View>(
    ctx: RequestContext,
    kind: Kept<Row, View>,
    insert: (db: CheckoutDb) => Promise<Row>,
  ): Promise<View> {
    return this.platform.transaction(async (trx) => {
      const row = await insert(trx as CheckoutDb);
      const after = kind.view(row);
      await this.platform.audit.record(trx, ctx, {
        action: `${kind.action}.create`,
        entity: kind.entity,
        entityId: row.id,
        after,
      });
      return after;
    });
  }

  /** Changes a code or rule in one transaction and audits it before and after; 404 when there is none. */
  async #update<Row, View>(
    ctx: RequestContext,
    kind: Kept<Row, View>,
    id: string,
    change: (db: CheckoutDb, before: Row) => Promise<Row | undefined>,
  ): Promise<View> {
    return this.platform.transaction(async (trx) => {
      const db = trx as CheckoutDb;
      const before = await kind.lock(db, id);
      if (!before) throw notFound(kind.what);
      const row = await change(db, before);
      if (!row) throw notFound(kind.what);
      const after = kind.view(row);
      await this.platform.audit.record(trx, ctx, {
        action: `${kind.action}.update`,
        entity: kind.entity,
        entityId: id,
        before: kind.view(before),
        after,
      });
      return after;
    });
  }

  /** Deletes a code or rule and audits what it was; 404 when there is none. */
  async #delete<Row, View>(ctx: RequestContext, kind: Kept<Row, View>, id: string): Promise<void> {
    await this.platform.transaction(async (trx) => {
      const row = await kind.remove(trx as CheckoutDb, id);
      if (!row) throw notFound(kind.what);
      await this.platform.audit.record(trx, ctx, {
        action: `${kind.action}.delete`,
        entity: kind.entity,
        entityId: id,
        before: kind.view(row),
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
    const sold = new Set(await this.catalog.pricing.soldCurrencies(db));
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
    const check = async (kind: 'category' | 'brand' | 'product', ids: string[], path: (index: number) => string) => {
      const found = await this.catalog.read.existing(db, kind, ids);
      ids.forEach((id, index) => {
        if (!found.has(id)) missing.push({ path: path(index), message: 'no such record in the catalog' });
      });
    };
    if (input.kind === 'bundle') {
      await this.#checkCurrencies(db, { amounts: input.amounts });
      if (new Set(input.productIds).size !== input.productIds.length)
        missing.push({ path: 'body.productIds', message: 'names a product twice' });
      await check('product', input.productIds, (index) => `body.productIds.${index}`);
    } else if ('categoryId' in input.target) {
      await check('category', [input.target.categoryId], () => 'body.target.categoryId');
    } else if ('brandId' in input.target) {
      await check('brand', [input.target.brandId], () => 'body.target.brandId');
    } else {
      await check('product', [input.target.productId], () => 'body.target.productId');
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

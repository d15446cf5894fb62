import type { DiscountRule, DiscountRuleInput } from '@kontor/contracts';
import { parseMinor } from '../../catalog/api/money';
import { compactText, REQUIRED_SHOP_LOCALES } from '../../catalog/api/translated';
import { decimalToInput, fromLocalInput, toLocalInput } from './form-values';
import { currencyExponent, parseAmount } from './money';

export type RuleKind = DiscountRule['kind'];
export type RuleTargetKind = 'category' | 'brand' | 'product';

/** The targets each kind may aim at (discountRuleInput): a campaign a category or brand, volume a product or category. */
export const RULE_TARGETS: Record<Exclude<RuleKind, 'bundle'>, RuleTargetKind[]> = {
  campaign: ['category', 'brand'],
  volume: ['product', 'category'],
};

/** An automatic discount as its form holds it: text as typed, names in every language the rule has. */
export interface RuleDraft {
  kind: RuleKind;
  /** sv and en are asked for; other languages a rule has are kept as they are. */
  name: Record<string, string>;
  active: boolean;
  /** "10" or "12,5" (per cent): campaign and volume. */
  percent: string;
  /** Units from which a volume discount applies. */
  minQuantity: string;
  targetKind: RuleTargetKind;
  targetId: string;
  /** The products a bundle needs together. */
  productIds: string[];
  /** Amount off per complete bundle, per currency, as typed; empty: not offered in that currency. */
  amounts: Record<string, string>;
  /** datetime-local values in the browser's time zone, or empty (volume and bundle may run without end). */
  startsAt: string;
  endsAt: string;
}

export function emptyRuleDraft(kind: RuleKind): RuleDraft {
  return {
    kind,
    name: { sv: '', en: '' },
    active: true,
    percent: '',
    minQuantity: '',
    targetKind: kind === 'volume' ? 'product' : 'category',
    targetId: '',
    productIds: [],
    amounts: {},
    startsAt: '',
    endsAt: '',
  };
}

/** A saved rule in its form, numbers written with the user's decimal separator. */
export function ruleToDraft(rule: DiscountRule, separator = '.'): RuleDraft {
  const target = rule.target ?? {};
  const [targetKind, targetId]: [RuleTargetKind, string] = target.productId
    ? ['product', target.productId]
    : target.brandId
      ? ['brand', target.brandId]
      : ['category', target.categoryId ?? ''];
  return {
    kind: rule.kind,
    name: { sv: '', en: '', ...rule.name },
    active: rule.active,
    percent: rule.percentBp === null ? '' : decimalToInput(rule.percentBp, 2, separator),
    minQuantity: rule.minQuantity === null ? '' : String(rule.minQuantity),
    targetKind,
    targetId,
    productIds: rule.productIds ?? [],
    amounts: Object.fromEntries(
      Object.entries(rule.amounts ?? {}).map(([currency, minor]) => [
        currency,
        decimalToInput(minor, currencyExponent(currency), separator),
      ]),
    ),
    startsAt: toLocalInput(rule.startsAt),
    endsAt: toLocalInput(rule.endsAt),
  };
}

/** What is wrong with a field, as the key of its message; keyed by the field's path in the request body. */
export type Problems = Record<string, string>;

/**
 * The draft as the body of POST/PUT /api/commerce/discounts/rules, or its problems keyed by the request's paths
 * (`percentBp`, `amounts.SEK`), so the server's own field errors land on the same fields.
 */
export function draftToRuleBody(
  draft: RuleDraft,
): { body: DiscountRuleInput; problems?: never } | { body?: never; problems: Problems } {
  const problems: Problems = {};
  const name = compactText(draft.name);
  for (const language of REQUIRED_SHOP_LOCALES)
    if (!name[language]) problems[`name.${language}`] = 'validation.required';
  const startsAt = fromLocalInput(draft.startsAt);
  const endsAt = fromLocalInput(draft.endsAt);
  if (startsAt === undefined) problems.startsAt = 'commerceOps.codes.problem.startsAt.invalid';
  if (endsAt === undefined) problems.endsAt = 'commerceOps.codes.problem.endsAt.invalid';
  if (draft.kind === 'campaign') {
    if (startsAt === null) problems.startsAt = 'validation.required';
    if (endsAt === null) problems.endsAt = 'validation.required';
  }
  if (startsAt && endsAt && endsAt <= startsAt) problems.endsAt = 'commerceOps.codes.problem.endsAt.range';

  let percentBp = 0;
  if (draft.kind !== 'bundle') {
    percentBp = parseMinor(draft.percent, 2) ?? 0;
    if (percentBp < 1 || percentBp > 10_000) problems.percentBp = 'commerceOps.codes.problem.percent.range';
    if (!draft.targetId || !RULE_TARGETS[draft.kind].includes(draft.targetKind))
      problems.target = 'validation.required';
  }
  const minQuantity = /^\d{1,3}$/.test(draft.minQuantity.trim()) ? Number(draft.minQuantity) : 0;
  if (draft.kind === 'volume' && minQuantity < 2) problems.minQuantity = 'commerceOps.rules.problem.minQuantity';

  const amounts: Record<string, number> = {};
  if (draft.kind === 'bundle') {
    if (draft.productIds.length < 2 || draft.productIds.length > 5)
      problems.productIds = 'commerceOps.rules.problem.productCount';
    for (const [currency, text] of Object.entries(draft.amounts)) {
      if (!text.trim()) continue;
      const minor = parseAmount(text, currency);
      if (minor === null || minor < 1) problems[`amounts.${currency}`] = 'commerceOps.codes.problem.amount.invalid';
      else amounts[currency] = minor;
    }
    if (Object.keys(amounts).length === 0 && !Object.keys(problems).some((path) => path.startsWith('amounts.')))
      problems.amounts = 'commerceOps.rules.problem.amountsRequired';
  }
  if (Object.keys(problems).length > 0) return { problems };

  const common = { name: name as DiscountRuleInput['name'], active: draft.active };
  const window = { startsAt: startsAt ?? null, endsAt: endsAt ?? null };
  if (draft.kind === 'bundle')
    return { body: { kind: 'bundle', ...common, productIds: draft.productIds, amounts, ...window } };
  const id = draft.targetId;
  if (draft.kind === 'volume')
    return {
      body: {
        kind: 'volume',
        ...common,
        percentBp,
        minQuantity,
        target: draft.targetKind === 'product' ? { productId: id } : { categoryId: id },
        ...window,
      },
    };
  return {
    body: {
      kind: 'campaign',
      ...common,
      percentBp,
      target: draft.targetKind === 'brand' ? { brandId: id } : { categoryId: id },
      startsAt: startsAt ?? '',
      endsAt: endsAt ?? '',
    },
  };
}

/**
 * Where a server field error belongs in the rule form: `target.productId` under the target, `productIds.1` under the
 * products, a missing `name` under the Swedish name; other paths are the form's own.
 */
export function ruleFieldOf(path: string): string {
  if (path === 'name') return 'name.sv';
  if (path.startsWith('target')) return 'target';
  if (path.startsWith('productIds')) return 'productIds';
  return path;
}

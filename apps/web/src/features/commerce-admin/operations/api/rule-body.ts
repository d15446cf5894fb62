import type { DiscountRule, DiscountRuleInput } from '@kontor/contracts';

/**
 * A saved automatic discount as the body that saves it again (PUT replaces it whole), with another `active`.
 * Each kind takes only its own fields: the server's schema is strict.
 */
export function ruleToBody(rule: DiscountRule, active: boolean): DiscountRuleInput {
  const name = { sv: rule.name.sv ?? rule.name.en ?? '', en: rule.name.en ?? rule.name.sv ?? '', ...rule.name };
  const window = { startsAt: rule.startsAt, endsAt: rule.endsAt };
  const target = rule.target ?? {};
  if (rule.kind === 'campaign')
    return {
      kind: 'campaign',
      name,
      active,
      percentBp: rule.percentBp ?? 0,
      target: target.brandId ? { brandId: target.brandId } : { categoryId: target.categoryId ?? '' },
      startsAt: rule.startsAt ?? '',
      endsAt: rule.endsAt ?? '',
    };
  if (rule.kind === 'volume')
    return {
      kind: 'volume',
      name,
      active,
      percentBp: rule.percentBp ?? 0,
      minQuantity: rule.minQuantity ?? 2,
      target: target.productId ? { productId: target.productId } : { categoryId: target.categoryId ?? '' },
      ...window,
    };
  return { kind: 'bundle', name, active, productIds: rule.productIds ?? [], amounts: rule.amounts ?? {}, ...window };
}

/** The rule's name in the user's language, else Swedish or English, else any. */
export function ruleName(rule: DiscountRule, language: string): string {
  return rule.name[language] ?? rule.name.en ?? rule.name.sv ?? Object.values(rule.name)[0] ?? '';
}

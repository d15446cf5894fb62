import type { DiscountRule } from '@kontor/contracts';
import { Button, Group, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../../app/data-table';
import { pickText } from '../../catalog/api/translated';
import { useDiscountRules, useSaveRule } from '../api/discounts-api';
import { useRate } from '../api/money';
import { useProductsById } from '../api/product-lookup-api';
import { ruleName, ruleToBody } from '../api/rule-body';
import { useCampaignTargets } from '../api/taxonomy-api';
import { ActiveBadge, ActiveSwitch, useDiscountText } from './discount-parts';
import { DiscountRuleModal } from './discount-rule-modal';

/**
 * What a rule takes off and what it applies to, in words: "15 %" on "3 or more of Lewmar Delta anchor", "500 kr per
 * set" on "Yamaha F40 + Yamaha propeller". Names come from the catalog; while they load, the kind of target says
 * enough.
 */
function useRuleSummary(rules: DiscountRule[]) {
  const { t, i18n } = useTranslation();
  const rate = useRate();
  const text = useDiscountText();
  const { categories, brands } = useCampaignTargets(true);
  const products = useProductsById(
    rules.flatMap((rule) => [...(rule.productIds ?? []), ...(rule.target?.productId ? [rule.target.productId] : [])]),
  );
  const category = (id: string) => categories.data?.categories.find((entry) => entry.id === id);
  const targetName = (target: NonNullable<DiscountRule['target']>) => {
    if (target.productId) {
      const product = products.get(target.productId);
      return product ? pickText(product.name, i18n.language) : t('commerceOps.rules.product');
    }
    if (target.brandId)
      return brands.data?.brands.find((entry) => entry.id === target.brandId)?.name ?? t('commerceOps.rules.brand');
    const found = target.categoryId ? category(target.categoryId) : undefined;
    return found ? pickText(found.name, i18n.language) : t('commerceOps.rules.category');
  };
  const value = (rule: DiscountRule) =>
    rule.percentBp !== null
      ? rate(rule.percentBp)
      : t('commerceOps.rules.perSet', { amount: text.amounts(rule.amounts) });
  const condition = (rule: DiscountRule) => {
    if (rule.kind === 'bundle') {
      const ids = rule.productIds ?? [];
      const names = ids.map((id) => products.get(id)).filter((product) => product !== undefined);
      return names.length === ids.length && ids.length > 0
        ? t('commerceOps.rules.together', {
            products: names.map((product) => pickText(product.name, i18n.language)).join(' + '),
          })
        : t('commerceOps.rules.bundleOf', { products: ids.length });
    }
    const target = targetName(rule.target ?? {});
    return rule.kind === 'volume'
      ? t('commerceOps.rules.volumeOf', { quantity: rule.minQuantity ?? 0, target })
      : target;
  };
  return { value, condition };
}

/** The automatic discounts (campaigns, volume, bundles): what each takes off, when, editing and switching them. */
export function DiscountRules() {
  const { t, i18n } = useTranslation();
  const text = useDiscountText();
  const rules = useDiscountRules();
  const save = useSaveRule();
  const [editing, setEditing] = useState<DiscountRule | null>(null);
  const list = rules.data?.rules ?? [];
  const summary = useRuleSummary(list);
  return (
    <>
      <DataTable
        testId="rules-table"
        minWidth={860}
        withActions
        columns={[
          t('commerceOps.rules.name'),
          t('commerceOps.rules.kind'),
          t('commerceOps.codes.value'),
          t('commerceOps.rules.condition'),
          t('commerceOps.codes.window'),
          t('commerceOps.codes.state'),
        ]}
        loading={rules.isPending}
        error={rules.error}
        empty={{
          when: rules.isSuccess && list.length === 0,
          text: t('commerceOps.rules.empty'),
          testId: 'rules-empty',
        }}
      >
        {list.map((rule) => {
          const name = ruleName(rule, i18n.language);
          return (
            <Table.Tr
              key={rule.id}
              data-testid="rule-row"
              data-kind={rule.kind}
              data-active={rule.active}
              data-name={name}
            >
              <Table.Td>{name}</Table.Td>
              <Table.Td>{t(`commerceOps.rules.kinds.${rule.kind}`)}</Table.Td>
              <Table.Td data-testid="rule-value">{summary.value(rule)}</Table.Td>
              <Table.Td data-testid="rule-condition">{summary.condition(rule)}</Table.Td>
              <Table.Td>{text.window(rule.startsAt, rule.endsAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <ActiveBadge active={rule.active} />
              </Table.Td>
              <Table.Td>
                <Group justify="flex-end" gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setEditing(rule)}
                    data-testid="rule-edit"
                    aria-label={t('commerceOps.rules.editTitle', { name })}
                  >
                    {t('common.edit')}
                  </Button>
                  <ActiveSwitch
                    name={name}
                    active={rule.active}
                    testIdPrefix="rule"
                    explain={{
                      activate: t('commerceOps.rules.activateText'),
                      deactivate: t('commerceOps.rules.deactivateText'),
                    }}
                    save={(active) => save.mutateAsync({ id: rule.id, body: ruleToBody(rule, active) })}
                  />
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
      <DiscountRuleModal opened={editing !== null} rule={editing} onClose={() => setEditing(null)} />
    </>
  );
}

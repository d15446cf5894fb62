import type { DiscountRule } from '@kontor/contracts';
import { Badge, Button, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../../app/confirm-modal';
import { DataTable } from '../../../../app/data-table';
import { useFormat } from '../../../../app/format';
import { useDiscountRules, useSaveRule } from '../api/discounts-api';
import { useMoney, useRate } from '../api/money';
import { ruleName, ruleToBody } from '../api/rule-body';
import { useCampaignTargets } from '../api/taxonomy-api';

/** The automatic discounts (campaigns, volume, bundles): what each takes off, when, and switching them on or off. */
export function DiscountRules() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const rate = useRate();
  const rules = useDiscountRules();
  const save = useSaveRule();
  const [toggling, setToggling] = useState<DiscountRule | null>(null);
  const list = rules.data?.rules ?? [];
  // Names of what a rule aims at, where the user may read the catalog; otherwise "A category" says enough.
  const { categories, brands } = useCampaignTargets(true);
  const categoryName = (id: string | undefined) => {
    const category = categories.data?.categories.find((entry) => entry.id === id);
    return category ? (category.name[i18n.language] ?? category.name.en ?? category.name.sv) : undefined;
  };
  const brandName = (id: string | undefined) => brands.data?.brands.find((entry) => entry.id === id)?.name;
  const value = (rule: DiscountRule) =>
    rule.percentBp !== null
      ? rate(rule.percentBp)
      : Object.entries(rule.amounts ?? {})
          .map(([currency, minor]) => money(minor, currency))
          .join(' / ');
  const condition = (rule: DiscountRule) =>
    rule.kind === 'volume'
      ? [t('commerceOps.rules.minQuantity', { quantity: rule.minQuantity ?? 0 }), categoryName(rule.target?.categoryId)]
          .filter(Boolean)
          .join(' · ')
      : rule.kind === 'bundle'
        ? t('commerceOps.rules.bundleOf', { products: rule.productIds?.length ?? 0 })
        : rule.target?.brandId
          ? (brandName(rule.target.brandId) ?? t('commerceOps.rules.brand'))
          : (categoryName(rule.target?.categoryId) ?? t('commerceOps.rules.category'));
  const window = (rule: DiscountRule) =>
    rule.startsAt || rule.endsAt
      ? `${rule.startsAt ? format.dateTime(rule.startsAt) : '…'} – ${rule.endsAt ? format.dateTime(rule.endsAt) : '…'}`
      : t('commerceOps.codes.always');
  const close = () => {
    setToggling(null);
    save.reset();
  };
  return (
    <>
      <DataTable
        testId="rules-table"
        minWidth={760}
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
        {list.map((rule) => (
          <Table.Tr key={rule.id} data-testid="rule-row" data-kind={rule.kind} data-active={rule.active}>
            <Table.Td>{ruleName(rule, i18n.language)}</Table.Td>
            <Table.Td>{t(`commerceOps.rules.kinds.${rule.kind}`)}</Table.Td>
            <Table.Td>{value(rule)}</Table.Td>
            <Table.Td>{condition(rule)}</Table.Td>
            <Table.Td>{window(rule)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Badge color={rule.active ? 'green' : 'gray'} variant="light" miw="max-content">
                {rule.active ? t('commerceOps.codes.active') : t('commerceOps.codes.inactive')}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Button
                size="xs"
                variant="default"
                onClick={() => setToggling(rule)}
                data-testid={rule.active ? 'rule-deactivate' : 'rule-activate'}
                aria-label={t(rule.active ? 'commerceOps.codes.deactivateCode' : 'commerceOps.codes.activateCode', {
                  code: ruleName(rule, i18n.language),
                })}
              >
                {rule.active ? t('commerceOps.codes.deactivate') : t('commerceOps.codes.activate')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <ConfirmModal
        opened={toggling !== null}
        title={t(toggling?.active ? 'commerceOps.codes.deactivateCode' : 'commerceOps.codes.activateCode', {
          code: toggling ? ruleName(toggling, i18n.language) : '',
        })}
        confirmLabel={toggling?.active ? t('commerceOps.codes.deactivate') : t('commerceOps.codes.activate')}
        onConfirm={() =>
          toggling &&
          save.mutate({ id: toggling.id, body: ruleToBody(toggling, !toggling.active) }, { onSuccess: close })
        }
        onClose={close}
        loading={save.isPending}
        error={save.error}
      >
        {toggling?.active ? t('commerceOps.rules.deactivateText') : t('commerceOps.rules.activateText')}
      </ConfirmModal>
    </>
  );
}

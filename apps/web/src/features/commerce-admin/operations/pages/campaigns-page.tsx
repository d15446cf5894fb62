import type { DiscountCode } from '@kontor/contracts';
import { Badge, Button, Group, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../../app/confirm-modal';
import { DataTable } from '../../../../app/data-table';
import { useFormat } from '../../../../app/format';
import { PageHeader } from '../../../../app/page-header';
import { codeToBody } from '../api/discount-draft';
import { useDiscountCodes, useSaveCode } from '../api/discounts-api';
import { useMoney, useRate } from '../api/money';
import { CampaignRuleModal } from '../components/campaign-rule-modal';
import { DiscountCodeModal } from '../components/discount-code-modal';
import { DiscountRules } from '../components/discount-rules';
import { OperationsNav } from '../components/operations-nav';

/** Discount codes: what each takes off, when it holds, how often it was used; new ones, and switching them off. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const rate = useRate();
  const codes = useDiscountCodes();
  const [creating, setCreating] = useState(false);
  const [creatingRule, setCreatingRule] = useState(false);
  const [toggling, setToggling] = useState<DiscountCode | null>(null);
  const save = useSaveCode();
  const list = codes.data?.codes ?? [];
  const value = (code: DiscountCode) =>
    code.kind === 'percent' && code.percentBp !== null
      ? rate(code.percentBp)
      : Object.entries(code.amounts)
          .map(([currency, minor]) => money(minor, currency))
          .join(' / ');
  const window = (code: DiscountCode) =>
    code.startsAt || code.endsAt
      ? `${code.startsAt ? format.dateTime(code.startsAt) : '…'} – ${code.endsAt ? format.dateTime(code.endsAt) : '…'}`
      : t('commerceOps.codes.always');
  const closeToggle = () => {
    setToggling(null);
    save.reset();
  };
  return (
    <>
      <OperationsNav />
      <PageHeader
        title={t('commerceOps.codes.title')}
        action={{ label: t('commerceOps.codes.new'), testId: 'code-new', onClick: () => setCreating(true) }}
      />
      <Title order={2} size="h4" mb="sm">
        {t('commerceOps.codes.heading')}
      </Title>
      <DataTable
        testId="codes-table"
        minWidth={760}
        withActions
        columns={[
          t('commerceOps.codes.code'),
          t('commerceOps.codes.value'),
          t('commerceOps.codes.minOrder'),
          t('commerceOps.codes.window'),
          t('commerceOps.codes.uses'),
          t('commerceOps.codes.state'),
        ]}
        loading={codes.isPending}
        error={codes.error}
        empty={{
          when: codes.isSuccess && list.length === 0,
          text: t('commerceOps.codes.empty'),
          testId: 'codes-empty',
        }}
      >
        {list.map((code) => (
          <Table.Tr key={code.id} data-testid="code-row" data-code={code.code} data-active={code.active}>
            <Table.Td>
              <Text ff="monospace" fw={600} size="sm">
                {code.code}
              </Text>
              {code.description ? (
                <Text size="xs" c="dimmed">
                  {code.description}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>{value(code)}</Table.Td>
            <Table.Td>
              {Object.entries(code.minOrder)
                .map(([currency, minor]) => money(minor, currency))
                .join(' / ') || '–'}
            </Table.Td>
            <Table.Td>{window(code)}</Table.Td>
            <Table.Td>
              {format.number(code.usedCount)}
              {code.usageLimit !== null ? ` / ${format.number(code.usageLimit)}` : ''}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Badge color={code.active ? 'green' : 'gray'} variant="light" miw="max-content">
                {code.active ? t('commerceOps.codes.active') : t('commerceOps.codes.inactive')}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Button
                size="xs"
                variant="default"
                onClick={() => setToggling(code)}
                data-testid={code.active ? 'code-deactivate' : 'code-activate'}
                aria-label={t(code.active ? 'commerceOps.codes.deactivateCode' : 'commerceOps.codes.activateCode', {
                  code: code.code,
                })}
              >
                {code.active ? t('commerceOps.codes.deactivate') : t('commerceOps.codes.activate')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <Group justify="space-between" mt="xl" mb="sm">
        <Title order={2} size="h4">
          {t('commerceOps.rules.heading')}
        </Title>
        <Button variant="light" onClick={() => setCreatingRule(true)} data-testid="rule-new">
          {t('commerceOps.rules.new')}
        </Button>
      </Group>
      <DiscountRules />
      <CampaignRuleModal opened={creatingRule} onClose={() => setCreatingRule(false)} />
      <DiscountCodeModal opened={creating} onClose={() => setCreating(false)} />
      <ConfirmModal
        opened={toggling !== null}
        title={t(toggling?.active ? 'commerceOps.codes.deactivateCode' : 'commerceOps.codes.activateCode', {
          code: toggling?.code ?? '',
        })}
        confirmLabel={toggling?.active ? t('commerceOps.codes.deactivate') : t('commerceOps.codes.activate')}
        onConfirm={() =>
          toggling &&
          save.mutate({ id: toggling.id, body: codeToBody(toggling, !toggling.active) }, { onSuccess: closeToggle })
        }
        onClose={closeToggle}
        loading={save.isPending}
        error={save.error}
      >
        {toggling?.active ? t('commerceOps.codes.deactivateText') : t('commerceOps.codes.activateText')}
      </ConfirmModal>
    </>
  );
}

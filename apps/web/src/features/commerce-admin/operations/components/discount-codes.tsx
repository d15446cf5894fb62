import { Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../../app/data-table';
import { useFormat } from '../../../../app/format';
import { codeToBody } from '../api/discount-draft';
import { useDiscountCodes, useSaveCode } from '../api/discounts-api';
import { useRate } from '../api/money';
import { ActiveBadge, ActiveSwitch, useDiscountText } from './discount-parts';

/** Discount codes: what each takes off, when it holds, how often it was used, and switching them on or off. */
export function DiscountCodes() {
  const { t } = useTranslation();
  const format = useFormat();
  const rate = useRate();
  const text = useDiscountText();
  const codes = useDiscountCodes();
  const save = useSaveCode();
  const list = codes.data?.codes ?? [];
  return (
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
      empty={{ when: codes.isSuccess && list.length === 0, text: t('commerceOps.codes.empty'), testId: 'codes-empty' }}
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
          <Table.Td>
            {code.kind === 'percent' && code.percentBp !== null ? rate(code.percentBp) : text.amounts(code.amounts)}
          </Table.Td>
          <Table.Td>{text.amounts(code.minOrder)}</Table.Td>
          <Table.Td>{text.window(code.startsAt, code.endsAt)}</Table.Td>
          <Table.Td>
            {format.number(code.usedCount)}
            {code.usageLimit !== null ? ` / ${format.number(code.usageLimit)}` : ''}
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            <ActiveBadge active={code.active} />
          </Table.Td>
          <Table.Td>
            <Group justify="flex-end" wrap="nowrap">
              <ActiveSwitch
                name={code.code}
                active={code.active}
                testIdPrefix="code"
                explain={{
                  activate: t('commerceOps.codes.activateText'),
                  deactivate: t('commerceOps.codes.deactivateText'),
                }}
                save={(active) => save.mutateAsync({ id: code.id, body: codeToBody(code, active) })}
              />
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

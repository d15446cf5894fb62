import type { CrmConsistencyReport, CrmEntity } from '@kontor/contracts';
import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../../app/data-table';
import { useFormat } from '../../../../app/format';
import { useConsistencyCheck } from '../../api/migration-api';
import { CrmProblemAlert } from '../crm-alerts';

/** A long list of differences is a symptom, not a to-do list: the first ones show what is wrong. */
const SHOWN_DIFFERENCES = 20;

interface ConsistencyPanelProps {
  entity: CrmEntity;
  report: CrmConsistencyReport | undefined;
  mayRun: boolean;
  legacyConfigured: boolean;
}

/** Compares both sides record by record in the background; the newest report, field by field. */
export function ConsistencyPanel({ entity, report, mayRun, legacyConfigured }: ConsistencyPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const check = useConsistencyCheck();
  const running = report !== undefined && report.finishedAt === null;
  const rows = report?.differences.flatMap((difference) =>
    difference.fields.map((field) => ({ legacyId: difference.legacyId, ...field })),
  );
  return (
    <Stack gap="xs" data-testid={`crm-consistency-${entity}`}>
      <Group justify="space-between" gap="xs">
        <Text fw={600}>{t('crm.migration.check.title')}</Text>
        {mayRun && legacyConfigured ? (
          <Button
            size="xs"
            variant="light"
            loading={check.isPending || running}
            onClick={() => check.mutate(entity)}
            data-testid={`crm-consistency-${entity}-run`}
          >
            {t('crm.migration.check.run')}
          </Button>
        ) : null}
      </Group>
      <CrmProblemAlert error={check.error} />
      {report ? (
        <>
          <Text size="sm" data-testid={`crm-consistency-${entity}-summary`}>
            {running
              ? t('crm.migration.check.running', {
                  time: format.dateTime(report.startedAt),
                  checked: format.number(report.checked),
                })
              : t('crm.migration.check.summary', {
                  time: format.dateTime(report.finishedAt ?? report.startedAt),
                  checked: format.number(report.checked),
                  missing: format.number(report.missing),
                  differences: format.number(report.differences.length),
                })}
          </Text>
          {rows?.length ? (
            <DataTable
              testId={`crm-consistency-${entity}-differences`}
              minWidth={460}
              columns={[
                t('crm.migration.check.record'),
                t('crm.migration.check.field'),
                t('crm.migration.check.ours'),
                t('crm.migration.check.legacy'),
              ]}
              loading={false}
              error={null}
              striped={false}
              caption={
                rows.length > SHOWN_DIFFERENCES
                  ? t('crm.migration.check.more', { count: rows.length - SHOWN_DIFFERENCES })
                  : undefined
              }
            >
              {rows.slice(0, SHOWN_DIFFERENCES).map((row) => (
                <Table.Tr key={`${row.legacyId}:${row.field}`}>
                  <Table.Td ff="monospace">{row.legacyId}</Table.Td>
                  <Table.Td>{row.field}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.ours ?? '—'}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.legacy ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          ) : null}
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('crm.migration.check.none')}
        </Text>
      )}
    </Stack>
  );
}

import type { CrmConsistencyReport, CrmEntityMigration } from '@kontor/contracts';
import { Badge, Divider, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../../app/data-table';
import { useFormat } from '../../../../app/format';
import { BackfillPanel } from './backfill-panel';
import { ConsistencyPanel } from './consistency-report';
import { Figure } from './figure';
import { LegacySwitch } from './legacy-switch';

interface EntityCardProps {
  migration: CrmEntityMigration;
  report: CrmConsistencyReport | undefined;
  legacyConfigured: boolean;
  mayRun: boolean;
}

/** One entity's migration: where its records are, the backfill, the legacy switch and the consistency check. */
export function EntityCard({ migration, report, legacyConfigured, mayRun }: EntityCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { entity } = migration;
  const count = (value: number | null) => (value === null ? '—' : format.number(value));
  const figure = (key: string, value: number | null, color?: string) => (
    <Figure
      label={t(`crm.migration.figures.${key}` as 'crm.migration.figures.migrated')}
      value={count(value)}
      raw={value}
      color={color}
      testId={`crm-migration-${entity}-${key}`}
    />
  );
  return (
    <Paper withBorder p="md" radius="md" data-testid={`crm-migration-${entity}`}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t(`crm.migration.entity.${entity}`)}
          </Title>
          {migration.legacyOff ? (
            <Badge color="teal" variant="light">
              {t('crm.migration.legacyOffBadge')}
            </Badge>
          ) : null}
        </Group>
        <SimpleGrid cols={{ base: 2, xs: 3, md: 5 }} spacing="xs">
          {figure('legacyTotal', migration.legacyTotal)}
          {figure('migrated', migration.migrated, 'teal')}
          {figure('pending', migration.pending, migration.pending ? 'orange' : undefined)}
          {figure('failed', migration.failed, migration.failed ? 'red' : undefined)}
          {figure('createdHere', migration.createdHere)}
        </SimpleGrid>
        <BackfillPanel migration={migration} legacyConfigured={legacyConfigured} mayRun={mayRun} />
        {migration.failures.length ? (
          <DataTable
            testId={`crm-migration-${entity}-failures`}
            minWidth={420}
            columns={[t('crm.migration.check.record'), t('crm.migration.failure'), t('crm.migration.failedAt')]}
            loading={false}
            error={null}
            caption={t('crm.migration.failuresCaption', { count: migration.failed })}
          >
            {migration.failures.map((failure) => (
              <Table.Tr key={failure.legacyId}>
                <Table.Td ff="monospace">{failure.legacyId}</Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {failure.error}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(failure.at)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        ) : null}
        <Divider />
        <LegacySwitch migration={migration} legacyConfigured={legacyConfigured} mayRun={mayRun} />
        <Divider />
        <ConsistencyPanel entity={entity} report={report} mayRun={mayRun} legacyConfigured={legacyConfigured} />
      </Stack>
    </Paper>
  );
}

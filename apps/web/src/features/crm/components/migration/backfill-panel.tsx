import type { CrmEntityMigration } from '@kontor/contracts';
import { Alert, Badge, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../app/format';
import { useBackfillCommand } from '../../api/migration-api';
import { backfillPercent } from '../../api/migration-figures';
import { CrmProblemAlert } from '../crm-alerts';

const STATE_COLORS = { idle: 'gray', running: 'blue', paused: 'yellow', done: 'green', failed: 'red' } as const;

interface BackfillPanelProps {
  migration: CrmEntityMigration;
  legacyConfigured: boolean;
  mayRun: boolean;
}

/** The background copy of every legacy record into our service: how far it is, how fast, and its controls. */
export function BackfillPanel({ migration, legacyConfigured, mayRun }: BackfillPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const command = useBackfillCommand();
  const { entity, backfill } = migration;
  const percent = backfillPercent(migration);
  const running = backfill.state === 'running';
  const finished = backfill.state === 'done' || migration.legacyOff;
  return (
    <Stack gap="xs" data-testid={`crm-backfill-${entity}`} data-state={backfill.state}>
      <Group justify="space-between" gap="xs">
        <Group gap="xs">
          <Text fw={600}>{t('crm.migration.backfill.title')}</Text>
          <Badge color={STATE_COLORS[backfill.state]} variant="light" data-testid={`crm-backfill-${entity}-state`}>
            {t(`crm.migration.backfill.state.${backfill.state}`)}
          </Badge>
        </Group>
        {mayRun && legacyConfigured && !finished ? (
          <Button
            size="xs"
            variant={running ? 'default' : 'filled'}
            loading={command.isPending}
            onClick={() => command.mutate({ entity, action: running ? 'pause' : 'start' })}
            data-testid={`crm-backfill-${entity}-${running ? 'pause' : 'start'}`}
          >
            {running ? t('crm.migration.backfill.pause') : t('crm.migration.backfill.start')}
          </Button>
        ) : null}
      </Group>
      <Progress
        value={percent ?? 0}
        animated={running}
        striped={running}
        size="lg"
        aria-label={t('crm.migration.backfill.title')}
        data-testid={`crm-backfill-${entity}-progress`}
      />
      <Group justify="space-between" gap="xs">
        <Text size="sm">
          {migration.legacyTotal === null
            ? t('crm.migration.backfill.processedUnknown', { processed: format.number(backfill.processed) })
            : t('crm.migration.backfill.processed', {
                processed: format.number(backfill.processed),
                total: format.number(migration.legacyTotal),
                percent: format.number(Math.floor(percent ?? 0)),
              })}
        </Text>
        {running ? (
          <Text size="sm" c="dimmed">
            {t('crm.migration.backfill.rate', { rate: format.number(Math.round(backfill.ratePerSecond)) })}
          </Text>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed">
        {backfill.finishedAt
          ? t('crm.migration.backfill.finishedAt', { time: format.dateTime(backfill.finishedAt) })
          : backfill.startedAt
            ? t('crm.migration.backfill.startedAt', { time: format.dateTime(backfill.startedAt) })
            : t('crm.migration.backfill.neverRun')}
      </Text>
      {backfill.lastError ? (
        <Alert
          color="red"
          variant="light"
          title={t('crm.migration.backfill.lastError')}
          data-testid={`crm-backfill-${entity}-error`}
        >
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {backfill.lastError}
          </Text>
        </Alert>
      ) : null}
      <CrmProblemAlert error={command.error} />
    </Stack>
  );
}

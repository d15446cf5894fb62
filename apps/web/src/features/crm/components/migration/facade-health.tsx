import type { CrmMigrationStatus } from '@kontor/contracts';
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../app/format';
import { Figure } from './figure';

/** How the facade fares: its cache of legacy answers and the legacy CRM's speed and failures. */
export function FacadeHealth({ status }: { status: CrmMigrationStatus }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const units = useMemo(
    () => ({
      percent: new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }),
      ms: new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'millisecond', maximumFractionDigits: 0 }),
    }),
    [i18n.language],
  );
  const { cache, legacy } = status;
  const ms = (value: number | null) => (value === null ? '—' : units.ms.format(value));
  return (
    <Paper withBorder p="md" radius="md" data-testid="crm-facade-health">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3">
            {t('crm.migration.health.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('crm.migration.health.cacheBackend', { backend: t(`crm.migration.health.backend.${cache.backend}`) })}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 2, xs: 3, lg: 4 }} spacing="xs">
          <Figure
            label={t('crm.migration.health.hitRatio')}
            value={cache.hitRatio === null ? '—' : units.percent.format(cache.hitRatio)}
            raw={cache.hitRatio}
            testId="crm-health-hit-ratio"
          />
          <Figure label={t('crm.migration.health.hits')} value={format.number(cache.hits)} testId="crm-health-hits" />
          <Figure
            label={t('crm.migration.health.misses')}
            value={format.number(cache.misses)}
            testId="crm-health-misses"
          />
          <Figure
            label={t('crm.migration.health.requests')}
            value={format.number(legacy.requests)}
            testId="crm-health-requests"
          />
          <Figure label={t('crm.migration.health.p50')} value={ms(legacy.latencyP50Ms)} testId="crm-health-p50" />
          <Figure label={t('crm.migration.health.p95')} value={ms(legacy.latencyP95Ms)} testId="crm-health-p95" />
          <Figure
            label={t('crm.migration.health.errors')}
            value={format.number(legacy.errors)}
            color={legacy.errors ? 'red' : undefined}
            testId="crm-health-errors"
          />
          <Figure
            label={t('crm.migration.health.timeouts')}
            value={format.number(legacy.timeouts)}
            color={legacy.timeouts ? 'orange' : undefined}
            testId="crm-health-timeouts"
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

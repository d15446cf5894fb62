import '@mantine/charts/styles.css';
import type { DeskDashboard } from '@kontor/contracts';
import { Card, Group, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageLoader } from '../../../app/guards';
import { PageHeader } from '../../../app/page-header';
import { ProblemAlert } from '../../../app/problem-alert';
import { useDeskLive } from '../api/desk-api';
import { filterError } from '../api/filter-error';
import { FilterBox } from '../components/filter-box';
import { useSavedFilters } from '../filters/filters-api';
import { useDashboard } from './dashboard-api';
import {
  BreachesChart,
  CreatedResolvedChart,
  OpenByPriorityChart,
  ResolveTimeChart,
  useDashboardFormat,
} from './dashboard-charts';

const PERIODS = ['7', '30', '90'] as const;

/**
 * The agents' dashboard: open incidents by priority, created vs resolved, SLA breaches and time to resolve, over
 * the incidents a saved filter and the filter box select; live as the desk changes. Loaded on first visit, so the
 * chart library stays out of the main bundle.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const filterId = params.get('filterId');
  const daysParam = params.get('days') ?? '30';
  const days = (PERIODS as readonly string[]).includes(daysParam) ? daysParam : '30';
  const live = useDeskLive();
  const savedFilters = useSavedFilters();
  const dashboard = useDashboard({ q, filterId, days: Number(days) });
  const queryError = filterError(dashboard.error);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('desk.dashboard.title')} live={live} />
      <Stack gap="md">
        <FilterBox key={q} value={q} onApply={(value) => update({ q: value.trim() })} error={queryError} />
        <Group justify="space-between" align="flex-end">
          <Select
            label={t('desk.dashboard.savedFilter')}
            placeholder={t('desk.dashboard.allIncidents')}
            data={(savedFilters.data ?? []).map((filter) => ({ value: filter.id, label: filter.name }))}
            value={filterId}
            onChange={(value) => update({ filterId: value })}
            clearable
            w={280}
            data-testid="dashboard-saved-filter"
          />
          <SegmentedControl
            value={days}
            onChange={(value) => update({ days: value === '30' ? null : value })}
            data={PERIODS.map((value) => ({ value, label: t('desk.dashboard.days', { count: Number(value) }) }))}
            aria-label={t('desk.dashboard.period')}
            data-testid="dashboard-period"
          />
        </Group>
        {queryError ? null : dashboard.error ? (
          <ProblemAlert error={dashboard.error} />
        ) : dashboard.data ? (
          <Figures figures={dashboard.data} />
        ) : (
          <PageLoader />
        )}
      </Stack>
    </>
  );
}

function Figures({ figures }: { figures: DeskDashboard }) {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  const open = figures.openByPriority.reduce((sum, row) => sum + row.count, 0);
  const total = (key: 'created' | 'resolved') => figures.perDay.reduce((sum, row) => sum + row[key], 0);
  const summary = [
    { key: 'open', label: t('desk.dashboard.open'), value: open },
    { key: 'created', label: t('desk.dashboard.createdInPeriod'), value: total('created') },
    { key: 'resolved', label: t('desk.dashboard.resolvedInPeriod'), value: total('resolved') },
    // Breaches are shown red while there are any.
    { key: 'response', label: t('desk.dashboard.breachedResponse'), value: figures.breachedOpen.response, warn: true },
    {
      key: 'resolution',
      label: t('desk.dashboard.breachedResolution'),
      value: figures.breachedOpen.resolution,
      warn: true,
    },
  ];
  return (
    <Stack gap="md" data-testid="dashboard">
      <Text size="sm" c="dimmed" data-testid="dashboard-period-text">
        {t('desk.dashboard.periodText', {
          from: format.day(figures.from),
          to: format.day(figures.to),
          timeZone: figures.timeZone,
        })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
        {summary.map((item) => (
          <Card key={item.key} withBorder padding="sm" data-testid={`dashboard-stat-${item.key}`}>
            <Text size="xs" c="dimmed">
              {item.label}
            </Text>
            <Text fz={28} fw={700} data-value={item.value} c={item.warn && item.value > 0 ? 'red.7' : undefined}>
              {format.number(item.value)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <OpenByPriorityChart figures={figures} />
        <CreatedResolvedChart figures={figures} />
        <BreachesChart figures={figures} />
        <ResolveTimeChart figures={figures} />
      </SimpleGrid>
    </Stack>
  );
}

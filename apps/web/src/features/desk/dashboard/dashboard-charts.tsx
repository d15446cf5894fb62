import type { DeskDashboard } from '@kontor/contracts';
import { BarChart, LineChart } from '@mantine/charts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartCard } from './figures-table';

/** Numbers, days and hours in the user's language. */
/** Counts have no fractions: the axis ticks neither. */
const WHOLE_NUMBERS = { allowDecimals: false };

export function useDashboardFormat() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const number = new Intl.NumberFormat(i18n.language);
    // The server's days are calendar dates already in the organisation's time zone: shown as they are.
    const day = new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    const hours = new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'hour', maximumFractionDigits: 1 });
    return {
      number: (value: number) => number.format(value),
      day: (iso: string) => day.format(new Date(`${iso}T00:00:00Z`)),
      hours: (seconds: number | null) => (seconds === null ? '–' : hours.format(seconds / 3600)),
    };
  }, [i18n.language]);
}

export function OpenByPriorityChart({ figures }: { figures: DeskDashboard }) {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  const data = figures.openByPriority.map((row) => ({
    priority: t(`desk.priority.${row.priority}`),
    count: row.count,
  }));
  return (
    <ChartCard
      title={t('desk.dashboard.openByPriority')}
      testId="chart-open"
      chart={
        <BarChart
          h={220}
          data={data}
          dataKey="priority"
          series={[{ name: 'count', label: t('desk.dashboard.open'), color: 'blue.6' }]}
          valueFormatter={format.number}
          yAxisProps={WHOLE_NUMBERS}
          withBarValueLabel
        />
      }
      columns={[t('desk.field.priority'), t('desk.dashboard.open')]}
      rows={data.map((row) => ({ key: row.priority, cells: [row.priority, format.number(row.count)] }))}
    />
  );
}

export function CreatedResolvedChart({ figures }: { figures: DeskDashboard }) {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  const data = figures.perDay.map((row) => ({ ...row, label: format.day(row.day) }));
  return (
    <ChartCard
      title={t('desk.dashboard.createdResolved')}
      testId="chart-created-resolved"
      chart={
        <LineChart
          h={240}
          data={data}
          dataKey="label"
          series={[
            { name: 'created', label: t('desk.dashboard.created'), color: 'blue.6' },
            { name: 'resolved', label: t('desk.dashboard.resolved'), color: 'teal.6' },
          ]}
          curveType="linear"
          withLegend
          lineChartProps={{ syncId: 'desk-days' }}
          valueFormatter={format.number}
          yAxisProps={WHOLE_NUMBERS}
        />
      }
      columns={[t('desk.dashboard.day'), t('desk.dashboard.created'), t('desk.dashboard.resolved')]}
      rows={data.map((row) => ({
        key: row.day,
        cells: [row.label, format.number(row.created), format.number(row.resolved)],
      }))}
    />
  );
}

export function BreachesChart({ figures }: { figures: DeskDashboard }) {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  const data = figures.perDay.map((row) => ({ ...row, label: format.day(row.day) }));
  return (
    <ChartCard
      title={t('desk.dashboard.breaches')}
      testId="chart-breaches"
      chart={
        <BarChart
          h={240}
          data={data}
          dataKey="label"
          type="stacked"
          series={[
            { name: 'responseBreaches', label: t('desk.dashboard.responseBreaches'), color: 'orange.6' },
            { name: 'resolutionBreaches', label: t('desk.dashboard.resolutionBreaches'), color: 'red.7' },
          ]}
          withLegend
          barChartProps={{ syncId: 'desk-days' }}
          valueFormatter={format.number}
          yAxisProps={WHOLE_NUMBERS}
        />
      }
      columns={[t('desk.dashboard.day'), t('desk.dashboard.responseBreaches'), t('desk.dashboard.resolutionBreaches')]}
      rows={data.map((row) => ({
        key: row.day,
        cells: [row.label, format.number(row.responseBreaches), format.number(row.resolutionBreaches)],
      }))}
    />
  );
}

export function ResolveTimeChart({ figures }: { figures: DeskDashboard }) {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  const data = figures.timeToResolve.map((row) => ({
    ...row,
    label: t(`desk.priority.${row.priority}`),
    meanHours: row.meanSeconds === null ? 0 : row.meanSeconds / 3600,
    medianHours: row.medianSeconds === null ? 0 : row.medianSeconds / 3600,
  }));
  return (
    <ChartCard
      title={t('desk.dashboard.timeToResolve')}
      testId="chart-resolve-time"
      chart={
        <BarChart
          h={240}
          data={data}
          dataKey="label"
          series={[
            { name: 'meanHours', label: t('desk.dashboard.mean'), color: 'violet.6' },
            { name: 'medianHours', label: t('desk.dashboard.median'), color: 'grape.4' },
          ]}
          withLegend
          valueFormatter={(hours) => format.hours(hours * 3600)}
        />
      }
      columns={[
        t('desk.field.priority'),
        t('desk.dashboard.resolvedCount'),
        t('desk.dashboard.mean'),
        t('desk.dashboard.median'),
      ]}
      rows={data.map((row) => ({
        key: row.priority,
        cells: [row.label, format.number(row.resolved), format.hours(row.meanSeconds), format.hours(row.medianSeconds)],
      }))}
    />
  );
}

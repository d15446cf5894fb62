import { BarChart } from '@mantine/charts';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../../app/data-table';
import { ProblemAlert } from '../../../../app/problem-alert';
import { useDashboardFormat } from '../../../desk/dashboard/dashboard-charts';
import { ChartCard } from '../../../desk/dashboard/figures-table';
import { currencyExponent, useMoney } from '../api/money';
import { fillDays, type ReportPeriod } from '../api/report-period';
import { useSalesReport } from '../api/reports-api';

/** Sales per shop day in one currency: a chart for the eye, the figures as a table beside it. */
export function SalesReportCard({ period }: { period: ReportPeriod }) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const format = useDashboardFormat();
  const report = useSalesReport(period);
  if (report.error) return <ProblemAlert error={report.error} testId="sales-error" />;
  const currency = period.currency;
  const unit = 10 ** currencyExponent(currency);
  const days = fillDays(
    period.from,
    period.to,
    (report.data?.days ?? []).filter((row) => row.currency === currency),
    (day) => ({ day, currency, orders: 0, totalMinor: 0, vatMinor: 0, netMinor: 0, refundedMinor: 0 }),
  );
  // The chart draws in whole currency units; every figure shown as text stays in minor units.
  const data = days.map((row) => ({
    label: format.day(row.day),
    total: row.totalMinor / unit,
    net: row.netMinor / unit,
  }));
  const asMoney = (value: number) => money(Math.round(value * unit), currency);
  // Axis ticks only: "25K" fits where "SEK 25,000.00" is cut off.
  const compact = new Intl.NumberFormat(i18n.language, { notation: 'compact', maximumFractionDigits: 1 });
  const totals = report.data?.totals.find((row) => row.currency === currency);
  return (
    <>
      <ChartCard
        title={t('commerceOps.reports.salesTitle', { currency })}
        testId="chart-sales"
        chart={
          <BarChart
            h={260}
            data={data}
            dataKey="label"
            series={[
              { name: 'net', label: t('commerceOps.reports.net'), color: 'blue.6' },
              { name: 'total', label: t('commerceOps.reports.total'), color: 'teal.5' },
            ]}
            withLegend
            valueFormatter={asMoney}
            yAxisProps={{ tickFormatter: (value: number) => compact.format(value), width: 56 }}
          />
        }
        columns={[t('commerceOps.reports.day'), t('commerceOps.reports.total')]}
        rows={days.map((row) => ({ key: row.day, cells: [format.day(row.day), money(row.totalMinor, currency)] }))}
      />
      <DataTable
        testId="sales-table"
        minWidth={640}
        columns={[
          t('commerceOps.reports.day'),
          t('commerceOps.reports.orders'),
          t('commerceOps.reports.total'),
          t('commerceOps.reports.vat'),
          t('commerceOps.reports.net'),
          t('commerceOps.reports.refunded'),
        ]}
        loading={report.isPending}
        error={null}
        caption={t('commerceOps.reports.salesCaption', { timeZone: report.data?.timeZone ?? 'Europe/Stockholm' })}
      >
        {days
          .filter((row) => row.orders > 0 || row.refundedMinor > 0)
          .map((row) => (
            <Table.Tr key={row.day} data-testid="sales-row" data-day={row.day}>
              <Table.Td>{format.day(row.day)}</Table.Td>
              <Table.Td>{format.number(row.orders)}</Table.Td>
              <Table.Td>{money(row.totalMinor, currency)}</Table.Td>
              <Table.Td>{money(row.vatMinor, currency)}</Table.Td>
              <Table.Td>{money(row.netMinor, currency)}</Table.Td>
              <Table.Td>{money(row.refundedMinor, currency)}</Table.Td>
            </Table.Tr>
          ))}
        <Table.Tr data-testid="sales-total" fw={700}>
          <Table.Td>{t('commerceOps.reports.sum')}</Table.Td>
          <Table.Td>{format.number(totals?.orders ?? 0)}</Table.Td>
          <Table.Td>{money(totals?.totalMinor ?? 0, currency)}</Table.Td>
          <Table.Td>{money(totals?.vatMinor ?? 0, currency)}</Table.Td>
          <Table.Td>{money(totals?.netMinor ?? 0, currency)}</Table.Td>
          <Table.Td>{money(totals?.refundedMinor ?? 0, currency)}</Table.Td>
        </Table.Tr>
      </DataTable>
      {report.data && !totals ? (
        <Text c="dimmed" size="sm" data-testid="sales-empty">
          {t('commerceOps.reports.noSales')}
        </Text>
      ) : null}
    </>
  );
}

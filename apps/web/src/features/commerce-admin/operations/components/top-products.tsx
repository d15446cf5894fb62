import { SegmentedControl, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../../app/data-table';
import { useFormat } from '../../../../app/format';
import { useMoney } from '../api/money';
import type { ReportPeriod } from '../api/report-period';
import { useTopProducts } from '../api/reports-api';

/** The products sold most in the period and currency, by revenue or by units. */
export function TopProductsTable({ period }: { period: ReportPeriod }) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  const [by, setBy] = useState<'revenue' | 'quantity'>('revenue');
  const report = useTopProducts(period, by);
  const items = report.data?.items ?? [];
  return (
    <>
      <SegmentedControl
        value={by}
        onChange={(value) => setBy(value as typeof by)}
        data={[
          { value: 'revenue', label: t('commerceOps.reports.byRevenue') },
          { value: 'quantity', label: t('commerceOps.reports.byQuantity') },
        ]}
        aria-label={t('commerceOps.reports.rankBy')}
        data-testid="top-by"
        mb="sm"
      />
      <DataTable
        testId="top-products"
        minWidth={520}
        columns={[
          '#',
          t('commerceOps.reports.product'),
          t('commerceOps.reports.units'),
          t('commerceOps.reports.revenue'),
          t('commerceOps.reports.orders'),
        ]}
        loading={report.isPending}
        error={report.error}
        empty={{ when: report.isSuccess && items.length === 0, text: t('commerceOps.reports.noSales') }}
      >
        {items.map((item, index) => (
          <Table.Tr key={item.productId} data-testid="top-product-row">
            <Table.Td>{index + 1}</Table.Td>
            <Table.Td>{item.name}</Table.Td>
            <Table.Td>{format.number(item.quantity)}</Table.Td>
            <Table.Td>{money(item.revenueMinor, report.data?.currency ?? period.currency)}</Table.Td>
            <Table.Td>{format.number(item.orders)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </>
  );
}

import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../../app/data-table';
import { useFormat } from '../../../../app/format';
import type { ReportPeriod } from '../api/report-period';
import { useZeroResults } from '../api/reports-api';

/** What customers searched for and did not find: words to add to products, or products to stock. */
export function ZeroResultsTable({ period }: { period: ReportPeriod }) {
  const { t } = useTranslation();
  const format = useFormat();
  const report = useZeroResults(period);
  const items = report.data?.items ?? [];
  return (
    <DataTable
      testId="zero-results"
      minWidth={520}
      columns={[
        t('commerceOps.reports.query'),
        t('commerceOps.reports.locale'),
        t('commerceOps.reports.searches'),
        t('commerceOps.reports.days'),
        t('commerceOps.reports.lastSeen'),
      ]}
      loading={report.isPending}
      error={report.error}
      empty={{ when: report.isSuccess && items.length === 0, text: t('commerceOps.reports.noZeroResults') }}
    >
      {items.map((item) => (
        <Table.Tr key={`${item.locale}:${item.query}`} data-testid="zero-result-row">
          <Table.Td>{item.query}</Table.Td>
          <Table.Td>{item.locale}</Table.Td>
          <Table.Td>{format.number(item.searches)}</Table.Td>
          <Table.Td>{format.number(item.days)}</Table.Td>
          <Table.Td>{format.dateTime(item.lastSeen)}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

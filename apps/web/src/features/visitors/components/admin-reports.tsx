import { reportGroupings } from '@kontor/contracts';
import { Button, Group, SegmentedControl, Stack, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../app/data-table';
import { useFieldErrors } from '../../../app/form';
import { useFormat } from '../../../app/format';
import { type ReportRange, reportCsvHref, useVisitorReport } from '../api/admin-api';
import type { ReportGrouping } from '../api/types';

/** A local calendar day as the API takes it: YYYY-MM-DD. */
export function isoDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Visits and distinct guests per day, host or company over a range (the last 30 days at first), table and CSV. */
export function AdminReports() {
  const { t } = useTranslation();
  const format = useFormat();
  const [range, setRange] = useState<ReportRange>(() => {
    const today = new Date();
    const monthAgo = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 29);
    return { by: 'day', from: isoDay(monthAgo), to: isoDay(today) };
  });
  const report = useVisitorReport(range);
  const { fieldErrors, generalError } = useFieldErrors(report.error);
  const rows = report.data?.rows ?? [];
  const keyText = (key: string) => {
    if (range.by === 'day') return format.date(`${key}T12:00:00`);
    return key || t('visitors.reports.none');
  };
  const byLabel = {
    day: t('visitors.reports.byDay'),
    host: t('visitors.reports.byHost'),
    company: t('visitors.reports.byCompany'),
  };

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          value={range.by}
          onChange={(by) => setRange({ ...range, by: by as ReportGrouping })}
          data={reportGroupings.map((value) => ({ value, label: byLabel[value] }))}
          aria-label={t('visitors.reports.by')}
          data-testid="report-by"
        />
        <TextInput
          type="date"
          label={t('visitors.past.from')}
          value={range.from}
          max={range.to}
          onChange={(event) => setRange({ ...range, from: event.currentTarget.value })}
          error={fieldErrors.from}
          data-testid="report-from"
        />
        <TextInput
          type="date"
          label={t('visitors.past.to')}
          value={range.to}
          min={range.from}
          onChange={(event) => setRange({ ...range, to: event.currentTarget.value })}
          error={fieldErrors.to}
          data-testid="report-to"
        />
        <Button component="a" href={reportCsvHref(range)} download variant="default" data-testid="report-csv">
          {t('visitors.reports.csv')}
        </Button>
      </Group>
      <DataTable
        testId="report-table"
        minWidth={420}
        columns={[byLabel[range.by], t('visitors.reports.visits'), t('visitors.reports.guests')]}
        loading={report.isPending && Boolean(range.from && range.to)}
        error={generalError}
        empty={{ when: report.isSuccess && rows.length === 0, text: t('visitors.reports.empty') }}
      >
        {rows.map((row) => (
          <Table.Tr key={row.key} data-testid="report-row">
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{keyText(row.key)}</Table.Td>
            <Table.Td>{format.number(row.visits)}</Table.Td>
            <Table.Td>{format.number(row.guests)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Stack>
  );
}

import '@mantine/charts/styles.css';
import { Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldErrors } from '../../../../app/form';
import { PageHeader } from '../../../../app/page-header';
import { useShopCurrencies } from '../api/currencies-api';
import { defaultPeriod, type ReportPeriod } from '../api/report-period';
import { useSalesReport } from '../api/reports-api';
import { OperationsNav } from '../components/operations-nav';
import { SalesReportCard } from '../components/sales-report';
import { TopProductsTable } from '../components/top-products';
import { ZeroResultsTable } from '../components/zero-results';

/** Sales per day, top products and searches that found nothing, for one period (the shop's days) and currency. */
export function ReportsPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<ReportPeriod>(() => defaultPeriod());
  // A half-typed or reversed period is not sent: the last good one stays on screen.
  const [shown, setShown] = useState(period);
  const sales = useSalesReport(shown);
  const { fieldErrors } = useFieldErrors(sales.error);
  const reversed = period.from && period.to && period.from > period.to;
  const shop = useShopCurrencies();
  // The shop's currencies, active or not (older orders may be in one no longer sold), and any the report names.
  const currencies = [
    ...new Set([...shop.all, period.currency, ...(sales.data?.totals.map((row) => row.currency) ?? [])]),
  ];
  const change = (next: ReportPeriod) => {
    setPeriod(next);
    if (next.from && next.to && next.from <= next.to) setShown(next);
  };
  return (
    <>
      <OperationsNav />
      <PageHeader title={t('commerceOps.reports.title')} />
      <Paper withBorder p="sm" mb="md" component="form" aria-label={t('commerceOps.reports.period')}>
        <Group align="flex-start" gap="sm">
          <TextInput
            type="date"
            label={t('commerceOps.orders.from')}
            value={period.from}
            onChange={(event) => change({ ...period, from: event.currentTarget.value })}
            error={fieldErrors.from}
            required
            data-testid="report-from"
          />
          <TextInput
            type="date"
            label={t('commerceOps.orders.to')}
            value={period.to}
            onChange={(event) => change({ ...period, to: event.currentTarget.value })}
            error={reversed ? t('commerceOps.reports.reversed') : fieldErrors.to}
            required
            data-testid="report-to"
          />
          <Select
            label={t('commerceOps.reports.currency')}
            data={currencies}
            value={period.currency}
            onChange={(currency) => currency && change({ ...period, currency })}
            allowDeselect={false}
            error={fieldErrors.currency}
            data-testid="report-currency"
            w={120}
          />
        </Group>
      </Paper>
      <Stack gap="lg">
        <section aria-labelledby="sales-heading">
          <Title order={2} size="h3" mb="sm" id="sales-heading">
            {t('commerceOps.reports.sales')}
          </Title>
          <SalesReportCard period={shown} />
        </section>
        <section aria-labelledby="top-heading">
          <Title order={2} size="h3" mb="sm" id="top-heading">
            {t('commerceOps.reports.topProducts')}
          </Title>
          <TopProductsTable period={shown} />
        </section>
        <section aria-labelledby="zero-heading">
          <Title order={2} size="h3" mb="sm" id="zero-heading">
            {t('commerceOps.reports.zeroResults')}
          </Title>
          <ZeroResultsTable period={shown} />
        </section>
      </Stack>
    </>
  );
}

import { Alert, Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../app/page-header';
import { useIncidents } from '../api/desk-api';
import { IncidentTable } from '../components/incident-table';
import { ReportForm } from '../components/report-form';

/** The requester portal: report a problem, follow one's own incidents. */
export function MyIncidentsPage() {
  const { t } = useTranslation();
  const incidents = useIncidents({ mine: true, sort: 'updated' });
  const [reported, setReported] = useState<{ id: string; reference: string } | null>(null);
  return (
    <>
      <PageHeader title={t('desk.my.title')} />
      <Stack gap="xl">
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="report-title">
          <Title order={2} size="h3" mb="sm" id="report-title">
            {t('desk.report.title')}
          </Title>
          {reported ? (
            <Alert color="green" variant="light" mb="sm" data-testid="report-done" role="status">
              {t('desk.report.done', { reference: reported.reference })}{' '}
              <Link to={`/desk/incidents/${reported.id}`}>{t('desk.report.open')}</Link>
            </Alert>
          ) : null}
          <ReportForm agent={false} onCreated={(incident) => setReported(incident)} />
        </Paper>
        <section aria-labelledby="my-incidents-title">
          <Title order={2} size="h3" mb="sm" id="my-incidents-title">
            {t('desk.my.list')}
          </Title>
          <IncidentTable
            agent={false}
            incidents={incidents.data?.incidents}
            loading={incidents.isPending}
            error={incidents.error}
          />
        </section>
      </Stack>
    </>
  );
}

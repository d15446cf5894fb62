import { Alert, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../app/guards';
import { PageHeader } from '../../../app/page-header';
import { useCrmPermissions } from '../api/crm-permissions';
import { useMigrationStatus } from '../api/migration-api';
import { latestReport } from '../api/migration-figures';
import { CrmProblemAlert } from '../components/crm-alerts';
import { EntityCard } from '../components/migration/entity-card';
import { FacadeHealth } from '../components/migration/facade-health';

/** How far clients and orders have moved from the legacy CRM into Kontor, and the controls to finish the move. */
export function MigrationPage() {
  const { t } = useTranslation();
  const may = useCrmPermissions();
  const status = useMigrationStatus();
  const data = status.data;
  return (
    <>
      <PageHeader title={t('crm.migration.title')} />
      <CrmProblemAlert error={status.error} />
      {status.isPending ? <PageLoader /> : null}
      {data ? (
        <Stack gap="md">
          {data.legacyConfigured ? null : (
            <Alert
              color="blue"
              variant="light"
              title={t('crm.migration.notConfigured.title')}
              data-testid="crm-not-configured"
            >
              {t('crm.migration.notConfigured.text')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            {data.entities.map((migration) => (
              <EntityCard
                key={migration.entity}
                migration={migration}
                report={latestReport(data.lastConsistencyReports, migration.entity)}
                legacyConfigured={data.legacyConfigured}
                mayRun={may.admin}
              />
            ))}
          </SimpleGrid>
          {data.legacyConfigured ? <FacadeHealth status={data} /> : null}
        </Stack>
      ) : null}
    </>
  );
}

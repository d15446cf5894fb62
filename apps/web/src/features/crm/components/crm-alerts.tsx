import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../app/problem-alert';
import { crmProblemKey } from '../api/crm-problems';

/** Said when a page was answered without the legacy CRM: what it shows may lack records that live only there. */
export function PartialNotice({ show }: { show: boolean }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      title={t('crm.partial.title')}
      role="status"
      mb="md"
      data-testid="crm-partial"
    >
      {t('crm.partial.text')}
    </Alert>
  );
}

/** A CRM problem in the user's words where the CRM has its own, else the app's general wording. */
export function CrmProblemAlert({ error, editing = false }: { error: unknown; editing?: boolean }) {
  const { t } = useTranslation();
  const key = crmProblemKey(error, editing);
  if (!error) return null;
  if (!key) return <ProblemAlert error={error} />;
  return (
    <Alert color={editing ? 'orange' : 'red'} variant="light" role="alert" data-testid="crm-problem">
      {t(key)}
    </Alert>
  );
}

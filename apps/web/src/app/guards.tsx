import { Alert, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { hasPermission, useMe } from '../features/auth/api/session';
import { ProblemAlert } from './problem-alert';

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/** Only signed-in users pass; others go to sign-in and come back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending, error } = useMe();
  const location = useLocation();
  if (isPending) return <PageLoader />;
  if (error) return <ProblemAlert error={error} />;
  if (!me) return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return children;
}

export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!hasPermission(me, permission)) {
    return (
      <Alert color="yellow" title={t('errors.forbidden')} role="alert">
        {t('errors.missingPermission', { permission })}
      </Alert>
    );
  }
  return children;
}

import { Alert, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { mayUse, useMe, useNodeInfo } from '../features/auth/api/session';
import { isPublicDirectoryPath } from '../features/directory/api/public-read';
import { ProblemAlert } from './problem-alert';

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/**
 * Only signed-in users pass; others go to sign-in and come back here afterwards. Where the node shows its
 * directory to anyone (`publicDirectory`), a visitor who has not signed in may read it: the start page leads there.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending, error } = useMe();
  const node = useNodeInfo();
  const location = useLocation();
  if (isPending || (!me && node.isPending)) return <PageLoader />;
  if (error) return <ProblemAlert error={error} />;
  if (!me && node.data?.publicDirectory) {
    if (location.pathname === '/') return <Navigate to="/directory" replace />;
    if (isPublicDirectoryPath(location.pathname)) return children;
  }
  if (!me) return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return children;
}

/** Passes users holding the permission, or any one of several (an order is open to its unit and to the hub). */
export function RequirePermission({ permission, children }: { permission: string | string[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { data: node } = useNodeInfo();
  const anyOf = Array.isArray(permission) ? permission : [permission];
  if (!anyOf.some((key) => mayUse(me, node, key))) {
    return (
      <Alert color="yellow" title={t('errors.forbidden')} role="alert">
        {t('errors.missingPermission', { permission: anyOf.join(' / ') })}
      </Alert>
    );
  }
  return children;
}

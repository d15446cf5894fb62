import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { mayUse, useMe, useNodeInfo } from '../../../auth/api/session';

const SECTIONS = [
  { to: 'orders', label: 'commerceOps.nav.orders', permission: 'commerce.orders' },
  { to: 'shipping', label: 'commerceOps.nav.shipping', permission: 'commerce.orders' },
  { to: 'reports', label: 'commerceOps.nav.reports', permission: 'commerce.reports' },
  { to: 'campaigns', label: 'commerceOps.nav.campaigns', permission: 'commerce.marketing' },
] as const;

const ROOT = '/commerce';

/** The back office's operations areas the user may open, the current one marked for screen readers. */
export function OperationsNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { data: me } = useMe();
  const { data: node } = useNodeInfo();
  const sections = SECTIONS.filter((section) => mayUse(me, node, section.permission));
  if (sections.length < 2) return null;
  return (
    <Group component="nav" aria-label={t('commerceOps.nav.label')} gap={4} mb="md" wrap="wrap">
      {sections.map((section) => {
        const href = `${ROOT}/${section.to}`;
        const current = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Button
            key={section.to}
            component={Link}
            to={href}
            size="xs"
            variant={current ? 'filled' : 'subtle'}
            aria-current={current ? 'page' : undefined}
            data-testid={`ops-nav-${section.to}`}
          >
            {t(section.label)}
          </Button>
        );
      })}
    </Group>
  );
}

import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMayUse } from '../../../auth/api/session';

/** Who keeps the catalog; marketing reaches its price lists only. */
export const CATALOG_KEEPERS = 'commerce.catalog';

const SECTIONS = [
  { to: 'products', label: 'catalogAdmin.sections.products', marketing: false },
  { to: 'categories', label: 'catalogAdmin.sections.categories', marketing: false },
  { to: 'brands', label: 'catalogAdmin.sections.brands', marketing: false },
  { to: 'attributes', label: 'catalogAdmin.sections.attributes', marketing: false },
  { to: 'price-lists', label: 'catalogAdmin.sections.priceLists', marketing: true },
  { to: 'stock', label: 'catalogAdmin.sections.stock', marketing: false },
  { to: 'csv', label: 'catalogAdmin.sections.csv', marketing: false },
] as const;

const ROOT = '/commerce/catalog';

/** The catalog's sections the user may open, the current one marked for screen readers as the page they are on. */
export function CatalogNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const keeper = useMayUse(CATALOG_KEEPERS);
  return (
    <Group component="nav" aria-label={t('catalogAdmin.sections.label')} gap={4} mb="md" wrap="wrap">
      {SECTIONS.filter((section) => keeper || section.marketing).map((section) => {
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
            data-testid={`catalog-nav-${section.to}`}
          >
            {t(section.label)}
          </Button>
        );
      })}
    </Group>
  );
}

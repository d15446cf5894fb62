import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

const SECTIONS = [
  { to: 'products', label: 'catalogAdmin.sections.products' },
  { to: 'categories', label: 'catalogAdmin.sections.categories' },
  { to: 'brands', label: 'catalogAdmin.sections.brands' },
  { to: 'attributes', label: 'catalogAdmin.sections.attributes' },
  { to: 'price-lists', label: 'catalogAdmin.sections.priceLists' },
  { to: 'stock', label: 'catalogAdmin.sections.stock' },
  { to: 'csv', label: 'catalogAdmin.sections.csv' },
] as const;

const ROOT = '/commerce/catalog';

/** The catalog's sections, the current one marked for screen readers as the page they are on. */
export function CatalogNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Group component="nav" aria-label={t('catalogAdmin.sections.label')} gap={4} mb="md" wrap="wrap">
      {SECTIONS.map((section) => {
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

import { Anchor, Badge, Button, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DataTable } from '../../../../app/data-table';
import { useFormat } from '../../../../app/format';
import { PageHeader } from '../../../../app/page-header';
import { buildCategoryTree, flattenCategoryTree } from '../api/category-tree';
import { type ProductFilter, useProductPages } from '../api/products-api';
import { useBrands, useCategories } from '../api/taxonomy-api';
import { pickText } from '../api/translated';

const TYPING_PAUSE_MS = 200;

/** Every product, drafts included, filtered and read a page at a time. */
export function ProductsPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<ProductFilter>({ q: '', status: '', brandId: '', categoryId: '' });
  const [q] = useDebouncedValue(filter.q, TYPING_PAUSE_MS);
  const pages = useProductPages({ ...filter, q });
  const brands = useBrands();
  const categories = useCategories();
  const brandName = new Map((brands.data ?? []).map((brand) => [brand.id, brand.name]));
  const products = pages.data?.pages.flatMap((page) => page.products) ?? [];
  const set = <K extends keyof ProductFilter>(key: K, value: ProductFilter[K]) =>
    setFilter((previous) => ({ ...previous, [key]: value }));
  const categoryOptions = flattenCategoryTree(buildCategoryTree(categories.data ?? [])).map(({ category, depth }) => ({
    value: category.id,
    label: `${'\u2003'.repeat(depth)}${pickText(category.name, i18n.language)}`,
  }));

  return (
    <>
      <PageHeader
        title={t('catalogAdmin.products.title')}
        action={{
          label: t('catalogAdmin.products.new'),
          testId: 'product-new',
          onClick: () => navigate('/commerce/catalog/products/new'),
        }}
      />
      <Group gap="sm" align="flex-end" mb="sm" wrap="wrap" role="search">
        <TextInput
          type="search"
          label={t('catalogAdmin.products.search')}
          description={t('catalogAdmin.products.searchHint')}
          value={filter.q}
          onChange={(event) => set('q', event.currentTarget.value)}
          style={{ flex: '2 1 240px' }}
          data-testid="product-search"
        />
        <NativeSelect
          label={t('catalogAdmin.fields.status')}
          value={filter.status}
          onChange={(event) => set('status', event.currentTarget.value as ProductFilter['status'])}
          data={[
            { value: '', label: t('catalogAdmin.products.anyStatus') },
            { value: 'draft', label: t('catalogAdmin.status.draft') },
            { value: 'published', label: t('catalogAdmin.status.published') },
          ]}
          style={{ flex: '1 1 140px' }}
          data-testid="product-filter-status"
        />
        <NativeSelect
          label={t('catalogAdmin.fields.brand')}
          value={filter.brandId}
          onChange={(event) => set('brandId', event.currentTarget.value)}
          data={[
            { value: '', label: t('catalogAdmin.products.anyBrand') },
            ...(brands.data ?? []).map((brand) => ({ value: brand.id, label: brand.name })),
          ]}
          style={{ flex: '1 1 160px' }}
          data-testid="product-filter-brand"
        />
        <NativeSelect
          label={t('catalogAdmin.fields.category')}
          value={filter.categoryId}
          onChange={(event) => set('categoryId', event.currentTarget.value)}
          data={[{ value: '', label: t('catalogAdmin.products.anyCategory') }, ...categoryOptions]}
          style={{ flex: '1 1 200px' }}
          data-testid="product-filter-category"
        />
      </Group>
      <DataTable
        testId="product-list"
        minWidth={760}
        columns={[
          t('catalogAdmin.fields.name'),
          t('catalogAdmin.fields.brand'),
          t('catalogAdmin.fields.status'),
          t('catalogAdmin.products.variants'),
          t('catalogAdmin.products.updated'),
        ]}
        loading={pages.isPending}
        error={pages.error}
        empty={{
          when: pages.isSuccess && products.length === 0,
          text: t('catalogAdmin.products.empty'),
          testId: 'product-list-empty',
        }}
      >
        {products.map((product) => (
          <Table.Tr key={product.id} data-testid="product-row" data-slug={product.slug}>
            <Table.Td>
              <Anchor component={Link} to={`/commerce/catalog/products/${product.id}`} fw={500} size="sm">
                {pickText(product.name, i18n.language) || product.slug}
              </Anchor>
              <Text size="xs" c="dimmed" ff="monospace">
                {product.slug}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{product.brandId ? (brandName.get(product.brandId) ?? '–') : '–'}</Text>
            </Table.Td>
            <Table.Td>
              <StatusBadge status={product.status} />
            </Table.Td>
            <Table.Td>
              <Text size="sm">{format.number(product.variantCount)}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{format.dateTime(product.updatedAt)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {pages.hasNextPage ? (
        <Group justify="center" mt="sm">
          <Button
            variant="default"
            size="xs"
            onClick={() => pages.fetchNextPage()}
            loading={pages.isFetchingNextPage}
            data-testid="product-list-more"
          >
            {t('catalogAdmin.products.more')}
          </Button>
        </Group>
      ) : null}
    </>
  );
}

export function StatusBadge({ status }: { status: 'draft' | 'published' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={status === 'published' ? 'green' : 'gray'} tt="none" data-testid="product-status">
      {t(`catalogAdmin.status.${status}`)}
    </Badge>
  );
}

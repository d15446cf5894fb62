import type { CatalogCategory } from '@kontor/contracts';
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../../app/confirm-modal';
import { PageLoader } from '../../../../app/guards';
import { PageHeader } from '../../../../app/page-header';
import { ProblemAlert } from '../../../../app/problem-alert';
import { buildCategoryTree, flattenCategoryTree } from '../api/category-tree';
import { useCategories, useDeleteCategory } from '../api/taxonomy-api';
import { pickText } from '../api/translated';
import { type CategoryDraft, CategoryFormModal } from '../components/category-form-modal';
import { CategoryMoveModal } from '../components/category-move-modal';
import { useConfirmRemoval } from '../components/use-confirm-removal';

/** The category tree the shop's navigation and its category pages are built from. */
export function CategoriesPage() {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const [draft, setDraft] = useState<CategoryDraft>(null);
  const [moving, setMoving] = useState<CatalogCategory | null>(null);
  const removal = useConfirmRemoval(useDeleteCategory(), (category: CatalogCategory) => category.id);
  const rows = flattenCategoryTree(buildCategoryTree(categories.data ?? []));
  const hasChildren = new Set((categories.data ?? []).map((category) => category.parentId));
  const name = (category: CatalogCategory) => pickText(category.name, i18n.language) || category.slug;

  return (
    <>
      <PageHeader
        title={t('catalogAdmin.categories.title')}
        action={{
          label: t('catalogAdmin.categories.newTop'),
          testId: 'category-new',
          onClick: () => setDraft({ kind: 'new', parent: null }),
        }}
      />
      {categories.error ? <ProblemAlert error={categories.error} /> : null}
      {categories.isPending ? <PageLoader /> : null}
      {categories.isSuccess && rows.length === 0 ? <Text c="dimmed">{t('catalogAdmin.categories.empty')}</Text> : null}
      <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="category-tree">
        {rows.map(({ category, depth }) => (
          <Paper
            key={category.id}
            component="li"
            withBorder
            px="sm"
            py={6}
            ml={{ base: depth * 12, sm: depth * 28 }}
            data-testid="category-row"
            data-slug={category.slug}
          >
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Group gap="xs">
                <Text fw={depth === 0 ? 600 : 500} size="sm">
                  {name(category)}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  /{category.slug}
                </Text>
                <Badge size="xs" variant="light" color="gray" tt="none">
                  {t('catalogAdmin.categories.products', { count: category.productCount })}
                </Badge>
                {!category.seoTitle.sv && !category.seoTitle.en ? (
                  <Badge size="xs" variant="light" color="yellow" tt="none">
                    {t('catalogAdmin.categories.noSeo')}
                  </Badge>
                ) : null}
              </Group>
              <Group gap={4}>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => setDraft({ kind: 'new', parent: category })}
                  aria-label={t('catalogAdmin.categories.addUnder', { name: name(category) })}
                  data-testid="category-add-child"
                >
                  {t('catalogAdmin.categories.addChild')}
                </Button>
                <Button
                  size="compact-xs"
                  variant="default"
                  onClick={() => setDraft({ kind: 'edit', category })}
                  aria-label={t('catalogAdmin.editNamed', { name: name(category) })}
                  data-testid="category-edit"
                >
                  {t('common.edit')}
                </Button>
                <Button
                  size="compact-xs"
                  variant="default"
                  onClick={() => setMoving(category)}
                  aria-label={t('catalogAdmin.categories.moveNamed', { name: name(category) })}
                  data-testid="category-move"
                >
                  {t('catalogAdmin.categories.move')}
                </Button>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  disabled={hasChildren.has(category.id)}
                  onClick={() => removal.ask(category)}
                  aria-label={t('catalogAdmin.deleteNamed', { name: name(category) })}
                  data-testid="category-delete"
                >
                  {t('common.delete')}
                </Button>
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
      <CategoryFormModal draft={draft} onClose={() => setDraft(null)} />
      <CategoryMoveModal category={moving} onClose={() => setMoving(null)} />
      <ConfirmModal
        {...removal.modal}
        title={t('catalogAdmin.categories.deleteTitle', { name: removal.removing ? name(removal.removing) : '' })}
        confirmLabel={t('common.delete')}
      >
        {t('catalogAdmin.categories.deleteText')}
      </ConfirmModal>
    </>
  );
}

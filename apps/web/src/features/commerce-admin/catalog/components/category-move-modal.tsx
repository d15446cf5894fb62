import type { CatalogCategory } from '@kontor/contracts';
import { NativeSelect, NumberInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal, ModalForm } from '../../../../app/form';
import { buildCategoryTree, flattenCategoryTree, subtreeIds } from '../api/category-tree';
import { problemPaths } from '../api/problem-paths';
import { useCategories, useMoveCategory } from '../api/taxonomy-api';
import { pickText } from '../api/translated';
import { useErrorText } from './use-error-text';

/** Moves a category under another (never under itself or its own sub-categories), at a place among its siblings. */
export function CategoryMoveModal({ category, onClose }: { category: CatalogCategory | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <FormModal
      opened={category !== null}
      onClose={onClose}
      title={t('catalogAdmin.categories.moveTitle', { name: pickText(category?.name, i18n.language) })}
      size="md"
    >
      {category ? <MoveForm category={category} onClose={onClose} /> : null}
    </FormModal>
  );
}

function MoveForm({ category, onClose }: { category: CatalogCategory; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const categories = useCategories().data ?? [];
  const move = useMoveCategory();
  const [parentId, setParentId] = useState(category.parentId ?? '');
  const [position, setPosition] = useState<number | ''>('');
  const errorAt = useErrorText().at(problemPaths(move.error));
  const excluded = subtreeIds(categories, category.id);
  const options = flattenCategoryTree(buildCategoryTree(categories))
    .filter(({ category: candidate }) => !excluded.has(candidate.id))
    .map(({ category: candidate, depth }) => ({
      value: candidate.id,
      label: `${'\u2003'.repeat(depth)}${pickText(candidate.name, i18n.language)}`,
    }));
  const submit = () =>
    move.mutate(
      {
        id: category.id,
        move: { parentId: parentId || null, ...(position === '' ? {} : { position: position - 1 }) },
      },
      { onSuccess: onClose },
    );
  const paths = problemPaths(move.error);
  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      error={Object.keys(paths).length === 0 ? move.error : null}
      submitLabel={t('catalogAdmin.categories.move')}
      submitTestId="category-move-submit"
      submitting={move.isPending}
    >
      <NativeSelect
        label={t('catalogAdmin.categories.newParent')}
        value={parentId}
        onChange={(event) => setParentId(event.currentTarget.value)}
        data={[{ value: '', label: t('catalogAdmin.categories.top') }, ...options]}
        error={errorAt('parentId')}
        data-testid="category-move-parent"
      />
      <NumberInput
        label={t('catalogAdmin.categories.place')}
        description={t('catalogAdmin.categories.placeHint')}
        value={position}
        onChange={(value) => setPosition(typeof value === 'number' ? value : '')}
        min={1}
        allowDecimal={false}
        allowNegative={false}
        error={errorAt('position', 'number')}
        data-testid="category-move-position"
      />
    </ModalForm>
  );
}

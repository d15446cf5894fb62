import type { CatalogCategory } from '@kontor/contracts';
import { Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal, ModalForm, useFieldErrors } from '../../../../app/form';
import { problemPaths } from '../api/problem-paths';
import { shopLocales } from '../api/shop-locales';
import { slugify } from '../api/slug';
import { useCreateCategory, useUpdateCategory } from '../api/taxonomy-api';
import { compactText, pickText } from '../api/translated';
import { MONO_INPUT } from './mono-input';
import { TranslatedFields } from './translated-fields';
import { useErrorText } from './use-error-text';

/** A new category (under `parent`, or at the top) or one to change. */
export type CategoryDraft =
  | { kind: 'new'; parent: CatalogCategory | null }
  | { kind: 'edit'; category: CatalogCategory }
  | null;

export function CategoryFormModal({ draft, onClose }: { draft: CategoryDraft; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={draft !== null}
      onClose={onClose}
      title={draft?.kind === 'edit' ? t('catalogAdmin.categories.edit') : t('catalogAdmin.categories.new')}
    >
      {draft ? <CategoryForm draft={draft} onClose={onClose} /> : null}
    </FormModal>
  );
}

type Texts = Record<'name' | 'description' | 'seoTitle' | 'seoDescription', Record<string, string>>;

function CategoryForm({ draft, onClose }: { draft: NonNullable<CategoryDraft>; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const create = useCreateCategory();
  const update = useUpdateCategory();
  const error = create.error ?? update.error;
  const category = draft.kind === 'edit' ? draft.category : null;
  const [slug, setSlug] = useState(category?.slug ?? '');
  const [texts, setTexts] = useState<Texts>({
    name: { ...category?.name },
    description: { ...category?.description },
    seoTitle: { ...category?.seoTitle },
    seoDescription: { ...category?.seoDescription },
  });
  const errorAt = useErrorText().at(problemPaths(error));
  const { fieldErrors } = useFieldErrors(error);
  const generalError = error && Object.keys(fieldErrors).length === 0 ? error : null;
  const locales = shopLocales(texts.name, texts.description);
  const submit = () => {
    const body = {
      slug: slug.trim() || slugify(texts.name.sv || texts.name.en || ''),
      name: compactText(texts.name),
      description: compactText(texts.description),
      seoTitle: compactText(texts.seoTitle),
      seoDescription: compactText(texts.seoDescription),
    };
    if (category) update.mutate({ id: category.id, patch: body }, { onSuccess: onClose });
    else
      create.mutate(
        { ...body, parentId: draft.kind === 'new' ? (draft.parent?.id ?? null) : null },
        { onSuccess: onClose },
      );
  };
  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      error={generalError}
      submitLabel={category ? t('common.save') : t('catalogAdmin.create')}
      submitTestId="category-form-submit"
      submitting={create.isPending || update.isPending}
    >
      {draft.kind === 'new' ? (
        <Text size="sm" c="dimmed">
          {draft.parent
            ? t('catalogAdmin.categories.under', { name: pickText(draft.parent.name, i18n.language) })
            : t('catalogAdmin.categories.atTop')}
        </Text>
      ) : null}
      <TranslatedFields
        locales={locales}
        testId="category"
        fields={[
          { key: 'name', label: t('catalogAdmin.fields.name'), required: true },
          { key: 'description', label: t('catalogAdmin.fields.description'), multiline: true },
          { key: 'seoTitle', label: t('catalogAdmin.fields.seoTitle'), max: 70 },
          { key: 'seoDescription', label: t('catalogAdmin.fields.seoDescription'), max: 160, multiline: true },
        ]}
        values={texts}
        onChange={(field, locale, value) =>
          setTexts((current) => ({ ...current, [field]: { ...current[field as keyof Texts], [locale]: value } }))
        }
        errorAt={errorAt}
      />
      <TextInput
        label={t('catalogAdmin.fields.slug')}
        description={category ? t('catalogAdmin.categories.slugChangeHint') : t('catalogAdmin.brands.slugHint')}
        value={slug}
        placeholder={slugify(texts.name.sv || texts.name.en || '')}
        onChange={(event) => setSlug(event.currentTarget.value)}
        error={errorAt('slug')}
        styles={MONO_INPUT}
        data-testid="category-form-slug"
      />
    </ModalForm>
  );
}

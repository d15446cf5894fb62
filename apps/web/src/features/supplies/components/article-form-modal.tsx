import type { Article, ArticleInput } from '@kontor/contracts';
import { NativeSelect, NumberInput, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormModal, ModalForm, useForm } from '../../../app/form';
import { useCategories, useSaveArticle } from '../api/catalog-api';

/** `null` for a new article, else the article to change. */
export type ArticleDraft = Article | 'new' | null;

export function ArticleFormModal({ draft, onClose }: { draft: ArticleDraft; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={draft !== null}
      onClose={onClose}
      title={draft === 'new' ? t('supplies.admin.newArticle') : t('supplies.admin.editArticle')}
    >
      {draft ? <ArticleForm article={draft === 'new' ? null : draft} onClose={onClose} /> : null}
    </FormModal>
  );
}

/** Kronor as typed (with decimals) to öre as stored; empty means the price is not known. */
const toMinor = (kronor: number | string) =>
  kronor === '' || Number.isNaN(Number(kronor)) ? null : Math.round(Number(kronor) * 100);

function ArticleForm({ article, onClose }: { article: Article | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveArticle();
  const categories = useCategories().data ?? [];
  const form = useForm(
    {
      articleNumber: article?.articleNumber ?? '',
      name: article?.name ?? '',
      manufacturer: article?.manufacturer ?? '',
      unit: article?.unit ?? 'st',
      packSize: (article?.packSize ?? 1) as number | string,
      categoryId: article?.categoryId ?? categories[0]?.id ?? '',
      supplier: article?.supplier ?? '',
      price: (article?.priceMinor == null ? '' : article.priceMinor / 100) as number | string,
      active: article?.active ?? true,
      imageUrl: article?.imageUrl ?? '',
    },
    save.error,
    { kinds: { packSize: 'number', priceMinor: 'number' } },
  );
  const { values, fieldErrors } = form;
  const submit = () => {
    const input: ArticleInput = {
      articleNumber: values.articleNumber.trim(),
      name: values.name.trim(),
      manufacturer: values.manufacturer.trim(),
      unit: values.unit.trim(),
      packSize: Number(values.packSize),
      categoryId: values.categoryId,
      supplier: values.supplier.trim(),
      priceMinor: toMinor(values.price),
      active: values.active,
      imageUrl: values.imageUrl.trim() || null,
    };
    save.mutate({ id: article?.id ?? null, input }, { onSuccess: onClose });
  };
  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      error={form.generalError}
      submitLabel={article ? t('common.save') : t('supplies.admin.create')}
      submitTestId="article-form-submit"
      submitting={save.isPending}
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          label={t('supplies.fields.articleNumber')}
          {...form.text('articleNumber')}
          withAsterisk
          data-autofocus
          data-testid="article-form-number"
        />
        <NativeSelect
          label={t('supplies.catalog.category')}
          data={categories.map((category) => ({ value: category.id, label: category.name }))}
          value={values.categoryId}
          onChange={(event) => form.set('categoryId', event.currentTarget.value)}
          error={fieldErrors.categoryId}
          withAsterisk
        />
      </SimpleGrid>
      <TextInput
        label={t('supplies.fields.name')}
        {...form.text('name')}
        withAsterisk
        data-testid="article-form-name"
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput label={t('supplies.fields.manufacturer')} {...form.text('manufacturer')} />
        <TextInput label={t('supplies.fields.supplier')} {...form.text('supplier')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <TextInput
          label={t('supplies.fields.orderUnit')}
          description={t('supplies.fields.orderUnitHint')}
          {...form.text('unit')}
          withAsterisk
        />
        <NumberInput
          label={t('supplies.fields.packSize')}
          value={values.packSize}
          onChange={(value) => form.set('packSize', value)}
          min={1}
          max={100_000}
          allowDecimal={false}
          allowNegative={false}
          error={fieldErrors.packSize}
          withAsterisk
        />
        <NumberInput
          label={t('supplies.fields.price')}
          value={values.price}
          onChange={(value) => form.set('price', value)}
          min={0}
          decimalScale={2}
          allowNegative={false}
          error={fieldErrors.priceMinor}
          data-testid="article-form-price"
        />
      </SimpleGrid>
      <TextInput label={t('supplies.fields.imageUrl')} type="url" {...form.text('imageUrl')} />
      <Switch
        label={t('supplies.fields.active')}
        description={t('supplies.fields.activeHint')}
        checked={values.active}
        onChange={(event) => form.set('active', event.currentTarget.checked)}
        data-testid="article-form-active"
      />
    </ModalForm>
  );
}

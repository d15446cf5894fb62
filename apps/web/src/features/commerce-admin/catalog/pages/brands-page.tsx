import type { CatalogBrand } from '@kontor/contracts';
import { Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ModalForm, useForm } from '../../../../app/form';
import { problemPaths } from '../api/problem-paths';
import { slugify } from '../api/slug';
import { useBrands, useDeleteBrand, useSaveBrand } from '../api/taxonomy-api';
import { CatalogListPage } from '../components/catalog-list-page';
import { MONO_INPUT } from '../components/mono-input';
import { useErrorText } from '../components/use-error-text';

/** The brands products are sold under; the shop filters by them. */
export function BrandsPage() {
  const { t } = useTranslation();
  return (
    <CatalogListPage
      section="brands"
      testId="brand"
      items={useBrands()}
      remove={useDeleteBrand()}
      keyOf={(brand) => brand.id}
      nameOf={(brand) => brand.name}
      rowData={(brand) => ({ 'data-slug': brand.slug })}
      minWidth={480}
      columns={[t('catalogAdmin.fields.name'), t('catalogAdmin.fields.slug')]}
      cells={(brand) => (
        <>
          <Table.Td>
            <Text size="sm" fw={500}>
              {brand.name}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm" ff="monospace">
              {brand.slug}
            </Text>
          </Table.Td>
        </>
      )}
      form={(brand, close) => <BrandForm brand={brand} onClose={close} />}
      formSize="md"
    />
  );
}

function BrandForm({ brand, onClose }: { brand: CatalogBrand | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveBrand();
  const form = useForm({ name: brand?.name ?? '', slug: brand?.slug ?? '' }, save.error);
  const errorAt = useErrorText().at(problemPaths(save.error));
  const slugEdited = brand !== null || form.values.slug !== '';
  const submit = () => {
    const slug = form.values.slug.trim() || slugify(form.values.name);
    save.mutate({ id: brand?.id ?? null, input: { name: form.values.name.trim(), slug } }, { onSuccess: onClose });
  };
  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      error={form.generalError}
      submitLabel={brand ? t('common.save') : t('catalogAdmin.create')}
      submitTestId="brand-form-submit"
      submitting={save.isPending}
    >
      <TextInput
        label={t('catalogAdmin.fields.name')}
        {...form.text('name')}
        error={errorAt('name')}
        withAsterisk
        data-autofocus
        data-testid="brand-form-name"
      />
      <TextInput
        label={t('catalogAdmin.fields.slug')}
        description={brand ? t('catalogAdmin.brands.slugChangeHint') : t('catalogAdmin.brands.slugHint')}
        {...form.text('slug')}
        placeholder={slugEdited ? undefined : slugify(form.values.name)}
        error={errorAt('slug')}
        styles={MONO_INPUT}
        data-testid="brand-form-slug"
      />
    </ModalForm>
  );
}
